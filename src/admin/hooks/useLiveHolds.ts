/**
 * The holds visitors have taken on the calendars the grid shows, read from
 * the public poll route every few seconds while the tab is visible. Holds
 * are anonymous by design: a time and seats, never a person. When a
 * calendar's version changes (a booking or a hold changed), onChange runs,
 * so the grid reads its bookings again.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { pollCalendar } from '../../shared/api';
import type { PollHold } from '../../shared/types';

/** Seconds between two reads. */
export const LIVE_HOLDS_SECONDS = 3;

/** One employee's calendar day. */
export interface CalendarDay {
	employee: number;
	date: string;
}

/**
 * The key of a calendar day in the answer.
 * @param day
 */
export const dayKey = ( day: CalendarDay ) => `${ day.employee }/${ day.date }`;

/**
 * Holds by calendar day (dayKey), or null before the first read.
 *
 * @param days     The calendar days shown.
 * @param onChange Called when a day's version changes.
 */
export function useLiveHolds(
	days: readonly CalendarDay[],
	onChange: () => void
): Record< string, PollHold[] > | null {
	const [ holds, setHolds ] = useState< Record< string, PollHold[] > | null >(
		null
	);
	const changed = useRef( onChange );
	changed.current = onChange;
	const keys = days.map( dayKey ).join( ',' );

	useEffect( () => {
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		const versions: Record< string, number > = {};
		const shown = keys === '' ? [] : keys.split( ',' );
		setHolds( null );

		const read = async () => {
			if ( document.visibilityState === 'visible' ) {
				const answers = await Promise.allSettled(
					shown.map( ( key ) => {
						const [ employee = '0', date = '' ] = key.split( '/' );
						return pollCalendar( Number( employee ), date );
					} )
				);
				if ( stopped ) {
					return;
				}
				const next: Record< string, PollHold[] > = {};
				let moved = false;
				answers.forEach( ( answer, i ) => {
					const key = shown[ i ] as string;
					if ( answer.status !== 'fulfilled' ) {
						// A day whose read failed shows no holds until a read works again.
						next[ key ] = [];
						return;
					}
					const before = versions[ key ];
					moved ||=
						before !== undefined && before !== answer.value.version;
					versions[ key ] = answer.value.version;
					next[ key ] = answer.value.held;
				} );
				setHolds( next );
				if ( moved ) {
					changed.current();
				}
			}
			if ( ! stopped ) {
				timer = setTimeout( read, LIVE_HOLDS_SECONDS * 1000 );
			}
		};
		read();
		return () => {
			stopped = true;
			clearTimeout( timer );
		};
	}, [ keys ] );

	return holds;
}
