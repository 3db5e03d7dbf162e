/**
 * The calendar grid's geometry: which minutes of a day a column shows,
 * where a booking sits, how overlapping bookings share a column, and the
 * time a drag ends on. Times are the calendar's wall clock, read from the
 * API's strings ("…T09:00:00+01:00" is minute 540), never the browser's.
 */

/**
 * Internal dependencies
 */
import { groupHours } from './hours';
import { datePart, isoWeekday, minutesOf, timePart } from '../../shared/time';
import type { Employee } from '../../shared/types';

/** Minutes a drag or a click on an empty time snaps to. */
export const GRID_STEP = 15;

/** Pixels per minute of the grid's height. */
export const PX_PER_MINUTE = 1.6;

/** A span of a day in minutes from midnight, end excluded. */
export interface Span {
	start: number;
	end: number;
}

/** Something placed in a column, with the lane it takes among overlaps. */
export interface Placed< T > {
	item: T;
	span: Span;
	lane: number;
	lanes: number;
}

/**
 * The minute of the day of an API time.
 *
 * @param iso An API time.
 */
export function minuteOfDay( iso: string ): number {
	return minutesOf( timePart( iso ) );
}

/**
 * The span of an API start and end on the start's day (an end on the next
 * day ends the span at midnight).
 *
 * @param start API start.
 * @param end   API end.
 */
export function spanOf( start: string, end: string ): Span {
	const from = minuteOfDay( start );
	const to =
		datePart( end ) === datePart( start ) ? minuteOfDay( end ) : 1440;
	return { start: from, end: Math.max( to, from + 1 ) };
}

/**
 * Whether the employee has a day off (holiday) on a date.
 *
 * @param employee The employee.
 * @param date     YYYY-MM-DD.
 */
export function isDayOff( employee: Employee, date: string ): boolean {
	return employee.days_off.some(
		( off ) => off.start <= date && date <= off.end
	);
}

/**
 * The employee's working spans on a date: none on a day off.
 *
 * @param employee The employee.
 * @param date     YYYY-MM-DD.
 */
export function workingSpans( employee: Employee, date: string ): Span[] {
	if ( isDayOff( employee, date ) ) {
		return [];
	}
	return ( groupHours( employee.hours )[ isoWeekday( date ) ] ?? [] ).map(
		( range ) => ( {
			start: minutesOf( range.start ),
			end: minutesOf( range.end ),
		} )
	);
}

/**
 * The breaks between working spans (sorted spans in, gaps out).
 *
 * @param spans Working spans.
 */
export function breaksBetween( spans: readonly Span[] ): Span[] {
	const sorted = [ ...spans ].sort( ( a, b ) => a.start - b.start );
	const gaps: Span[] = [];
	for ( let i = 1; i < sorted.length; i++ ) {
		const before = sorted[ i - 1 ] as Span;
		const after = sorted[ i ] as Span;
		if ( after.start > before.end ) {
			gaps.push( { start: before.end, end: after.start } );
		}
	}
	return gaps;
}

/**
 * The minutes the grid shows: 08:00–18:00, widened to whole hours to fit
 * every working span and everything placed.
 *
 * @param spans Working spans and placed items of every column.
 */
export function visibleRange( spans: readonly Span[] ): Span {
	let start = 8 * 60;
	let end = 18 * 60;
	for ( const span of spans ) {
		start = Math.min( start, span.start );
		end = Math.max( end, span.end );
	}
	return {
		start: Math.floor( start / 60 ) * 60,
		end: Math.min( 1440, Math.ceil( end / 60 ) * 60 ),
	};
}

/**
 * Lays out overlapping items side by side: each takes the first lane free
 * at its start; items that overlap one another share the widest lane count.
 *
 * @param items   The items.
 * @param spanFor The span of an item.
 */
export function layoutLanes< T >(
	items: readonly T[],
	spanFor: ( item: T ) => Span
): Placed< T >[] {
	const placed = items
		.map( ( item ) => ( {
			item,
			span: spanFor( item ),
			lane: 0,
			lanes: 1,
		} ) )
		.sort(
			( a, b ) => a.span.start - b.span.start || b.span.end - a.span.end
		);
	let cluster: Placed< T >[] = [];
	let clusterEnd = -1;
	const close = () => {
		const lanes = Math.max( 1, ...cluster.map( ( one ) => one.lane + 1 ) );
		cluster.forEach( ( one ) => ( one.lanes = lanes ) );
		cluster = [];
	};
	for ( const one of placed ) {
		if ( one.span.start >= clusterEnd ) {
			close();
		}
		const taken = new Set(
			cluster
				.filter( ( other ) => other.span.end > one.span.start )
				.map( ( other ) => other.lane )
		);
		while ( taken.has( one.lane ) ) {
			one.lane++;
		}
		cluster.push( one );
		clusterEnd = Math.max( clusterEnd, one.span.end );
	}
	close();
	return placed;
}

/**
 * Rounds minutes to the nearest step.
 *
 * @param minutes Minutes.
 * @param step    The step.
 */
export function snap( minutes: number, step: number = GRID_STEP ): number {
	return Math.round( minutes / step ) * step;
}

/**
 * The UTC offset of an API time: "…T09:00:00+01:00" → "+01:00".
 *
 * @param iso An API time.
 */
export function offsetOf( iso: string ): string {
	const match = /(Z|[+-]\d{2}:\d{2})$/.exec( iso );
	return match ? ( match[ 1 ] ?? 'Z' ) : 'Z';
}

/**
 * An API time on a date at a minute of the day, with an offset.
 *
 * @param date    YYYY-MM-DD.
 * @param minutes Minutes from midnight.
 * @param offset  "+01:00", "Z", …
 */
export function atMinute(
	date: string,
	minutes: number,
	offset: string
): string {
	const pad = ( part: number ) => String( part ).padStart( 2, '0' );
	return `${ date }T${ pad( Math.floor( minutes / 60 ) ) }:${ pad(
		minutes % 60
	) }:00${ offset }`;
}

/**
 * "HH:MM" of minutes from midnight.
 *
 * @param minutes Minutes from midnight.
 */
export function clockOf( minutes: number ): string {
	return atMinute( '0000-00-00', minutes, '' ).slice( 11, 16 );
}

/** Where the grid's keyboard cursor is: a column and a start minute. */
export interface GridCursor {
	column: number;
	minute: number;
}

/** Minutes PageUp and PageDown move the cursor. */
const PAGE_MINUTES = 60;

/**
 * Where a key moves the grid's keyboard cursor, or null for a key that does
 * not move it: arrows by a step or a column, PageUp/PageDown by an hour,
 * Home/End to the first and last time shown. It stays inside the grid.
 *
 * @param at      The cursor.
 * @param key     KeyboardEvent.key.
 * @param range   The minutes shown.
 * @param columns How many columns there are.
 */
export function moveCursor(
	at: GridCursor,
	key: string,
	range: Span,
	columns: number
): GridCursor | null {
	const moves: Record< string, [ number, number ] > = {
		ArrowUp: [ 0, -GRID_STEP ],
		ArrowDown: [ 0, GRID_STEP ],
		ArrowLeft: [ -1, 0 ],
		ArrowRight: [ 1, 0 ],
		PageUp: [ 0, -PAGE_MINUTES ],
		PageDown: [ 0, PAGE_MINUTES ],
		Home: [ 0, -1440 ],
		End: [ 0, 1440 ],
	};
	const move = moves[ key ];
	if ( ! move ) {
		return null;
	}
	return placeCursor(
		{ column: at.column + move[ 0 ], minute: at.minute + move[ 1 ] },
		range,
		columns
	);
}

/**
 * The cursor kept inside the grid: an existing column, a step-aligned start
 * whose step fits the minutes shown.
 *
 * @param at      The cursor.
 * @param range   The minutes shown.
 * @param columns How many columns there are.
 */
export function placeCursor(
	at: GridCursor,
	range: Span,
	columns: number
): GridCursor {
	const last = Math.max( range.start, range.end - GRID_STEP );
	return {
		column: Math.min(
			Math.max( at.column, 0 ),
			Math.max( columns - 1, 0 )
		),
		minute: Math.min(
			Math.max(
				range.start + snap( at.minute - range.start ),
				range.start
			),
			last
		),
	};
}
