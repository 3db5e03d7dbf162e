/**
 * `useSlotPolling`: keeps one calendar (an employee's local day) live while
 * its times are on screen.
 *
 * - asks `slots/poll` every `pollInterval` seconds (1 by default), one
 *   request at a time, while the tab is visible; pauses while it is hidden
 *   and asks at once when it shows again;
 * - after a failure waits 1, 2, 4 … up to 30 seconds (or what `Retry-After`
 *   says), and returns to the normal pace after the next success;
 * - sends the ETag of the answer on screen as `If-None-Match`: a `304`
 *   keeps the state and only notes the check;
 * - aborts the request on its way when the calendar changes or the
 *   component unmounts;
 * - ignores an answer older than the one on screen (see isStaleAnswer()).
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ApiError, isAbortError } from '../api';
import { calendarKey, sameCalendarState } from '../slots';
import { useBookingStore, useBookingStoreApi } from '../store-context';

/** The longest wait between two polls after failures, ms. */
export const MAX_BACKOFF = 30_000;

/**
 * How long to wait after the given number of failures in a row: 1, 2, 4 …
 * 30 seconds, never less than the normal interval.
 *
 * @param failures Failures in a row (1 or more).
 * @param interval The normal interval, ms.
 */
export function backoffDelay( failures: number, interval: number ): number {
	const backoff = Math.min(
		MAX_BACKOFF,
		1000 * 2 ** Math.max( 0, failures - 1 )
	);
	return Math.max( interval, backoff );
}

export interface SlotPollingOptions {
	/** The employee whose calendar to watch (0: none). */
	employee: number;
	/** The local date, YYYY-MM-DD (null: none). */
	date: string | null;
	/** Whether to poll at all. */
	enabled?: boolean;
	/** Called when an answer shows the calendar changed since the last one. */
	onChange?: () => void;
}

/**
 * Polls one calendar; the answers go into the booking store.
 *
 * @param options          The calendar and a change callback.
 * @param options.employee
 * @param options.date
 * @param options.enabled
 * @param options.onChange
 */
export function useSlotPolling( {
	employee,
	date,
	enabled = true,
	onChange,
}: SlotPollingOptions ): void {
	const store = useBookingStoreApi();
	const interval =
		useBookingStore( ( state ) => state.settings.pollInterval ) * 1000;
	const onChangeRef = useRef( onChange );
	onChangeRef.current = onChange;

	useEffect( () => {
		if ( ! enabled || employee <= 0 || ! date ) {
			return undefined;
		}
		const key = calendarKey( employee, date );
		let timer: ReturnType< typeof setTimeout > | undefined;
		let controller: AbortController | null = null;
		let failures = 0;
		let stopped = false;

		const schedule = ( delay: number ) => {
			clearTimeout( timer );
			timer = setTimeout( run, delay );
		};

		async function run(): Promise< void > {
			timer = undefined;
			if ( stopped || document.hidden ) {
				// Hidden: the visibility listener starts again.
				return;
			}
			const request = new AbortController();
			controller = request;
			const shown = store.getState().live[ key ];
			let delay = interval;
			try {
				const result = await store.getState().api.poll(
					{
						employee,
						date: date as string,
						etag: shown?.etag ?? null,
					},
					request.signal
				);
				failures = 0;
				const now = Date.now();
				if ( result.status === 304 ) {
					store
						.getState()
						.markChecked(
							employee,
							date as string,
							now,
							result.stale
						);
				} else {
					const taken = store
						.getState()
						.receivePoll(
							result.answer,
							result.etag,
							now,
							result.stale
						);
					if (
						taken &&
						shown &&
						! sameCalendarState( shown.answer, result.answer )
					) {
						onChangeRef.current?.();
					}
				}
			} catch ( error ) {
				if ( isAbortError( error ) || stopped ) {
					return;
				}
				failures += 1;
				delay = backoffDelay( failures, interval );
				if ( error instanceof ApiError && error.retryAfter !== null ) {
					delay = Math.max( delay, error.retryAfter * 1000 );
				}
			} finally {
				if ( controller === request ) {
					controller = null;
				}
			}
			if ( ! stopped && ! document.hidden ) {
				schedule( delay );
			}
		}

		const onVisibilityChange = () => {
			if ( document.hidden ) {
				clearTimeout( timer );
				timer = undefined;
				controller?.abort();
				controller = null;
			} else if ( timer === undefined && controller === null ) {
				run();
			}
		};

		document.addEventListener( 'visibilitychange', onVisibilityChange );
		run();

		return () => {
			stopped = true;
			clearTimeout( timer );
			controller?.abort();
			document.removeEventListener(
				'visibilitychange',
				onVisibilityChange
			);
		};
	}, [ employee, date, enabled, interval, store ] );
}
