/**
 * What each time button shows: the day's times from `GET availability`
 * (fetched when the day opens and again whenever the poll says the calendar
 * changed), overlaid with the latest `slots/poll` answer, which arrives
 * every second and so shows other visitors' holds and new bookings at once.
 *
 * The overlay is deliberately simple: another visitor's hold or a booked
 * session that overlaps a time (widened by this service's buffers) makes it
 * "processing" or "booked", except in a group session, where it only takes
 * seats. The availability answer that follows a change has the last word on
 * anything subtler; the server refuses what is not free in any case.
 */

/**
 * Internal dependencies
 */
import { toMillis } from './time';
import type {
	OwnHold,
	PollAnswer,
	Service,
	Slot,
	TimeOption,
	TimeState,
} from './types';

/** The poll answer of one calendar, as the page keeps it. */
export interface LiveCalendar {
	answer: PollAnswer;
	/** The ETag of that answer, sent back as If-None-Match. */
	etag: string | null;
	/**
	 * When the server last vouched for it, on the server's clock (ms): the
	 * answer's `server_time`, or for a 304 the server's estimated now. A
	 * cache's old copy does not move it, so "last checked" grows while the
	 * server is away even if a cache keeps answering.
	 */
	checkedAt: number;
}

/**
 * The key of one calendar (employee and local date).
 *
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
export function calendarKey( employee: number, date: string ): string {
	return `${ employee }|${ date }`;
}

/**
 * Whether a poll answer is older than the one on screen, and so must be
 * ignored. An HTTP cache (nginx's micro-cache, a CDN) may serve an answer a
 * second older than one already seen. An answer counts as older when its
 * server time is earlier and its version is not newer: a newer version is
 * always taken, because versions live in Redis and restart from low numbers
 * when Redis loses them.
 *
 * @param incoming The new answer.
 * @param shown    The answer on screen, if any.
 */
export function isStaleAnswer(
	incoming: PollAnswer,
	shown: PollAnswer | undefined
): boolean {
	if ( ! shown ) {
		return false;
	}
	return (
		toMillis( incoming.server_time ) < toMillis( shown.server_time ) &&
		incoming.version <= shown.version
	);
}

/**
 * Whether two answers say the same about the calendar (the server time
 * aside).
 *
 * @param a One answer.
 * @param b The other.
 */
export function sameCalendarState(
	a: PollAnswer | undefined,
	b: PollAnswer | undefined
): boolean {
	if ( ! a || ! b ) {
		return false;
	}
	return (
		a.version === b.version &&
		JSON.stringify( a.booked ) === JSON.stringify( b.booked ) &&
		JSON.stringify( a.held ) === JSON.stringify( b.held )
	);
}

const RANK: Record< TimeState, number > = {
	yours: 0,
	available: 1,
	processing: 2,
	booked: 3,
	past: 4,
};

export interface BuildTimesInput {
	/** The day's times from the availability answer. */
	slots: readonly Slot[];
	/** The service: its capacity and buffers. */
	service: Pick<
		Service,
		'id' | 'capacity' | 'buffer_before' | 'buffer_after'
	>;
	/** The chosen employee, or 0 for "any available". */
	employee: number;
	/** The employees "any available" may choose from. */
	anyOf?: readonly number[];
	/** The latest poll answer of an employee's calendar for this day. */
	live: ( employee: number ) => PollAnswer | undefined;
	/** The visitor's own hold. */
	hold: OwnHold | null;
	/** The server's clock now, ms. */
	serverNow: number;
	/** Minutes of notice a booking needs. */
	minimumNotice: number;
}

interface Range {
	from: number;
	to: number;
}

function overlaps( a: Range, b: Range ): boolean {
	return a.from < b.to && b.from < a.to;
}

/**
 * The live state of one time with one employee.
 *
 * @param slot     The time (from availability).
 * @param baseline The availability answer's state for this employee.
 * @param answer   The employee's latest poll answer, if any.
 * @param input    The rest of the input.
 */
function stateWith(
	slot: Slot,
	baseline: Slot[ 'state' ],
	answer: PollAnswer | undefined,
	input: BuildTimesInput
): { state: TimeState; seatsLeft: number } {
	if ( baseline === 'past' ) {
		return { state: 'past', seatsLeft: 0 };
	}
	if ( ! answer ) {
		// No live answer yet: the availability answer as it stands.
		const state: TimeState = baseline === 'held' ? 'processing' : baseline;
		return { state, seatsLeft: slot.seats_left };
	}

	const { service, hold } = input;
	const start = toMillis( slot.start );
	const end = toMillis( slot.end );
	// This service's session with its buffers: whatever lies in it collides.
	const occupied: Range = {
		from: start - service.buffer_before * 60_000,
		to: end + service.buffer_after * 60_000,
	};
	let seats = Math.max( 1, service.capacity );
	let booked = baseline === 'booked';
	for ( const session of answer.booked ) {
		const other: Range = {
			from: toMillis( session.start ),
			to: toMillis( session.end ),
		};
		if ( other.from === start && other.to === end ) {
			// The same session: a group session keeps its free seats.
			seats = Math.min( seats, session.seats_left );
		} else if ( overlaps( occupied, other ) ) {
			booked = true;
		}
	}
	if ( booked || seats <= 0 ) {
		return { state: 'booked', seatsLeft: 0 };
	}
	for ( const held of answer.held ) {
		if ( hold && held.id === hold.id ) {
			continue;
		}
		const other: Range = {
			from: toMillis( held.start ),
			to: toMillis( held.end ),
		};
		if ( other.from === start && other.to === end ) {
			seats -= held.seats;
		} else if ( overlaps( occupied, other ) ) {
			seats = 0;
		}
	}
	if ( seats <= 0 ) {
		return { state: 'processing', seatsLeft: 0 };
	}
	return { state: 'available', seatsLeft: seats };
}

/**
 * The times of a day as the time list shows them.
 *
 * @param input What the page knows.
 */
export function buildTimes( input: BuildTimesInput ): TimeOption[] {
	const { slots, employee, hold, serverNow, minimumNotice, service } = input;
	const earliest = serverNow + minimumNotice * 60_000;

	return slots.map( ( slot ): TimeOption => {
		const start = toMillis( slot.start );
		const base = {
			start: slot.start,
			end: slot.end,
		};
		const isMine = ( candidate: number ) =>
			hold !== null &&
			hold.service === service.id &&
			hold.employee === candidate &&
			toMillis( hold.start ) === start;

		if ( slot.state === 'past' || start < earliest ) {
			return { ...base, state: 'past', seatsLeft: 0, employee };
		}

		if ( employee > 0 ) {
			if ( isMine( employee ) ) {
				return {
					...base,
					state: 'yours',
					seatsLeft: slot.seats_left,
					employee,
				};
			}
			return {
				...base,
				...stateWith( slot, slot.state, input.live( employee ), input ),
				employee,
			};
		}

		// "Any available": the best of the employees who had the time free.
		const candidates = slot.employees ?? [];
		if ( hold && candidates.concat( hold.employee ).some( isMine ) ) {
			return {
				...base,
				state: 'yours',
				seatsLeft: slot.seats_left,
				employee: hold.employee,
			};
		}
		if ( candidates.length === 0 ) {
			const state: TimeState =
				slot.state === 'held' ? 'processing' : slot.state;
			return {
				...base,
				state: state === 'available' ? 'booked' : state,
				seatsLeft: 0,
				employee: 0,
			};
		}
		let best: TimeOption | null = null;
		for ( const candidate of candidates ) {
			const option: TimeOption = {
				...base,
				...stateWith(
					slot,
					'available',
					input.live( candidate ),
					input
				),
				employee: candidate,
			};
			if ( best === null || RANK[ option.state ] < RANK[ best.state ] ) {
				best = option;
			}
		}
		return best as TimeOption;
	} );
}
