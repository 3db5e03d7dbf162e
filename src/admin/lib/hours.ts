/**
 * Weekly hours as the employee form edits them: per weekday, a list of
 * ranges (two ranges on one day leave a break between them). The API takes
 * and gives one flat list of `{weekday, start, end}`.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { minutesOf } from '../../shared/time';
import type { HoursRange } from '../../shared/types';

export const WEEKDAYS = [ 1, 2, 3, 4, 5, 6, 7 ] as const;

export interface TimeRange {
	start: string;
	end: string;
}

/** Ranges per ISO weekday (1 = Monday … 7 = Sunday). */
export type WeekHours = Record< number, TimeRange[] >;

const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Groups the API's flat list by weekday, each day's ranges sorted by start.
 *
 * @param hours The API's list.
 */
export function groupHours( hours: readonly HoursRange[] ): WeekHours {
	const week: WeekHours = {};
	for ( const weekday of WEEKDAYS ) {
		week[ weekday ] = hours
			.filter( ( range ) => range.weekday === weekday )
			.map( ( { start, end } ) => ( { start, end } ) )
			.sort( ( a, b ) => minutesOf( a.start ) - minutesOf( b.start ) );
	}
	return week;
}

/**
 * The API's flat list from ranges per weekday.
 *
 * @param week Ranges per weekday.
 */
export function flattenHours( week: WeekHours ): HoursRange[] {
	return WEEKDAYS.flatMap( ( weekday ) =>
		( week[ weekday ] ?? [] ).map( ( { start, end } ) => ( {
			weekday,
			start,
			end,
		} ) )
	);
}

/**
 * The week with Monday's ranges on Tuesday to Friday as well.
 *
 * @param week Ranges per weekday.
 */
export function copyMondayToWeekdays( week: WeekHours ): WeekHours {
	const monday = week[ 1 ] ?? [];
	const copy: WeekHours = { ...week };
	for ( const weekday of [ 2, 3, 4, 5 ] ) {
		copy[ weekday ] = monday.map( ( range ) => ( { ...range } ) );
	}
	return copy;
}

/**
 * What is wrong with one day's ranges, or null when nothing is. The server
 * checks the same; checking here too points at the day at fault.
 *
 * @param ranges One day's ranges.
 */
export function dayProblem( ranges: readonly TimeRange[] ): string | null {
	for ( const range of ranges ) {
		if (
			! TIME_PATTERN.test( range.start ) ||
			! TIME_PATTERN.test( range.end )
		) {
			return __(
				'Enter each time as hours and minutes, like 09:00.',
				'appointease'
			);
		}
		if (
			minutesOf( range.start ) % 5 !== 0 ||
			minutesOf( range.end ) % 5 !== 0
		) {
			return __(
				'Times must be on a 5-minute step, like 09:05.',
				'appointease'
			);
		}
		if ( minutesOf( range.end ) <= minutesOf( range.start ) ) {
			return __( 'Each range must end after it starts.', 'appointease' );
		}
	}
	const sorted = [ ...ranges ].sort(
		( a, b ) => minutesOf( a.start ) - minutesOf( b.start )
	);
	for ( let index = 1; index < sorted.length; index++ ) {
		const previous = sorted[ index - 1 ];
		const current = sorted[ index ];
		if (
			previous &&
			current &&
			minutesOf( current.start ) < minutesOf( previous.end )
		) {
			return __( 'Ranges on one day must not overlap.', 'appointease' );
		}
	}
	return null;
}

/**
 * A day's ranges as text: "09:00–12:00, 13:00–17:00".
 *
 * @param ranges One day's ranges.
 */
export function describeDay( ranges: readonly TimeRange[] ): string {
	return ranges
		.map( ( range ) => `${ range.start }–${ range.end }` )
		.join( ', ' );
}

/**
 * The range offered when a day gets another one: after the day's last
 * range (leaving a one-hour break), or 09:00–17:00 on an empty day.
 *
 * @param ranges The day's ranges so far.
 */
export function nextRange( ranges: readonly TimeRange[] ): TimeRange {
	const last = ranges[ ranges.length - 1 ];
	if ( ! last ) {
		return { start: '09:00', end: '17:00' };
	}
	const start = Math.min( minutesOf( last.end ) + 60, 23 * 60 );
	const end = Math.min( start + 4 * 60, 24 * 60 );
	const format = ( minutes: number ) =>
		`${ String( Math.floor( minutes / 60 ) ).padStart( 2, '0' ) }:${ String(
			minutes % 60
		).padStart( 2, '0' ) }`;
	return { start: format( start ), end: format( end ) };
}
