/**
 * Dates and times as the booking app shows them.
 *
 * Times arrive as ISO 8601 with the offset of the employee's calendar
 * (`2026-12-01T10:00:00+01:00`), so the calendar's wall-clock time is in the
 * string itself: no timezone database is needed to show it. The visitor's
 * own timezone is the browser's. Dates (`YYYY-MM-DD`) are computed in UTC,
 * where every day has 24 hours.
 *
 * The one time module of the booking block and the admin screens.
 */

/** The parts of an ISO 8601 time with offset. */
export interface WallTime {
	/** YYYY-MM-DD as written (the calendar's local date). */
	date: string;
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	/** Minutes east of UTC. */
	offset: number;
}

const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The wall-clock parts of an ISO 8601 time, or null if it is not one.
 *
 * @param iso The time, e.g. `2026-12-01T10:00:00+01:00`.
 */
export function parseWallTime( iso: string ): WallTime | null {
	const match = ISO_PATTERN.exec( iso );
	if ( ! match ) {
		return null;
	}
	const [ , y, mo, d, h, mi, zone, sign, oh, om ] = match;
	let offset = 0;
	if ( zone !== 'Z' ) {
		offset =
			( sign === '-' ? -1 : 1 ) * ( Number( oh ) * 60 + Number( om ) );
	}
	return {
		date: `${ y }-${ mo }-${ d }`,
		year: Number( y ),
		month: Number( mo ),
		day: Number( d ),
		hour: Number( h ),
		minute: Number( mi ),
		offset,
	};
}

/**
 * Milliseconds since the epoch of an ISO 8601 time (NaN if invalid).
 *
 * @param iso The time.
 */
export function toMillis( iso: string ): number {
	return parseWallTime( iso ) ? Date.parse( iso ) : Number.NaN;
}

/** The page's language for dates and times (WordPress sets `<html lang>`). */
export function pageLocale(): string | undefined {
	const lang =
		typeof document !== 'undefined'
			? document.documentElement.lang
			: undefined;
	return lang || undefined;
}

/**
 * Formats with Intl, falling back to the default locale when the given one
 * is not understood.
 *
 * @param locale  BCP 47 language tag.
 * @param options Intl options.
 * @param value   What to format.
 */
function format(
	locale: string | undefined,
	options: Intl.DateTimeFormatOptions,
	value: number
): string {
	try {
		return new Intl.DateTimeFormat( locale, options ).format( value );
	} catch {
		return new Intl.DateTimeFormat( undefined, options ).format( value );
	}
}

/**
 * Which clock times are shown on: `calendar`, the appointment's own clock
 * (the offset in the API's times); `visitor`, the browser's timezone; or
 * any IANA timezone name ("Asia/Tokyo") the visitor chose.
 */
export type TimeDisplay = string;

/**
 * The IANA zone Intl formats a display in (undefined: the browser's).
 *
 * @param display Whose clock (not `calendar`).
 */
function zoneOf( display: TimeDisplay ): string | undefined {
	return display === 'visitor' ? undefined : display;
}

/**
 * A time of day, e.g. "10:00" or "10:00 AM", on the calendar's clock, the
 * visitor's or a chosen timezone's.
 *
 * @param iso     The time.
 * @param display Whose clock.
 * @param locale  Language tag.
 */
export function formatTime(
	iso: string,
	display: TimeDisplay = 'calendar',
	locale: string | undefined = pageLocale()
): string {
	const wall = parseWallTime( iso );
	if ( ! wall ) {
		return iso;
	}
	const options: Intl.DateTimeFormatOptions = {
		hour: 'numeric',
		minute: '2-digit',
	};
	if ( display !== 'calendar' ) {
		return format(
			locale,
			{ ...options, timeZone: zoneOf( display ) },
			Date.parse( iso )
		);
	}
	return format(
		locale,
		{ ...options, timeZone: 'UTC' },
		Date.UTC( wall.year, wall.month - 1, wall.day, wall.hour, wall.minute )
	);
}

/**
 * The local date (YYYY-MM-DD) a time falls on, on the given clock: a 17:00
 * appointment in Berlin falls on the next day in Tokyo.
 *
 * @param iso     The time.
 * @param display Whose clock.
 */
export function dateOn( iso: string, display: TimeDisplay ): string {
	const wall = parseWallTime( iso );
	if ( ! wall ) {
		return '';
	}
	if ( display === 'calendar' ) {
		return wall.date;
	}
	const parts = new Intl.DateTimeFormat( 'en-US', {
		timeZone: zoneOf( display ),
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
	} ).formatToParts( Date.parse( iso ) );
	const part = ( type: string ) =>
		Number( parts.find( ( candidate ) => candidate.type === type )?.value );
	return toDateString( part( 'year' ), part( 'month' ), part( 'day' ) );
}

/**
 * Times grouped under the day they fall on, on the given clock, in the order
 * given.
 *
 * @param times   Anything with a start.
 * @param display Whose clock.
 */
export function groupByDay< T extends { start: string } >(
	times: readonly T[],
	display: TimeDisplay
): Array< { date: string; times: T[] } > {
	const groups: Array< { date: string; times: T[] } > = [];
	for ( const time of times ) {
		const date = dateOn( time.start, display );
		const last = groups[ groups.length - 1 ];
		if ( last && last.date === date ) {
			last.times.push( time );
		} else {
			groups.push( { date, times: [ time ] } );
		}
	}
	return groups;
}

/**
 * The name of the clock times are shown on: the IANA zone when known, else
 * the offset ("UTC+01:00").
 *
 * @param display      Whose clock.
 * @param sample       A time shown (its offset is the calendar's).
 * @param calendarZone The calendar's IANA zone, or "".
 */
export function zoneName(
	display: TimeDisplay,
	sample: string,
	calendarZone: string
): string {
	if ( display === 'visitor' ) {
		return visitorTimeZone() || offsetLabel( sample );
	}
	if ( display !== 'calendar' ) {
		return display;
	}
	return calendarZone || offsetLabel( sample );
}

/**
 * Every IANA timezone this browser knows, for the zone search; the given
 * ones when the browser cannot list them.
 *
 * @param fallback Zones to offer anyway.
 */
export function knownTimeZones( fallback: readonly string[] ): string[] {
	const intl = Intl as typeof Intl & {
		supportedValuesOf?: ( key: 'timeZone' ) => string[];
	};
	try {
		const all = intl.supportedValuesOf?.( 'timeZone' ) ?? [];
		return Array.from( new Set( [ ...fallback, ...all ] ) ).filter(
			( zone ) => zone !== ''
		);
	} catch {
		return fallback.filter( ( zone ) => zone !== '' );
	}
}

/** How much of a date formatDate() writes out. */
export type DateStyle = 'long' | 'medium' | 'short';

const DATE_STYLES: Record< DateStyle, Intl.DateTimeFormatOptions > = {
	// "Tuesday, 1 December 2026": the booking steps and summary.
	long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
	// "Tue, Dec 1, 2026": tables and calendars in wp-admin.
	medium: {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
	},
	// "Tue, 1 Dec": the time list's day heading.
	short: { weekday: 'short', day: 'numeric', month: 'short' },
};

/**
 * A local date (YYYY-MM-DD) as words, e.g. "Tuesday, 1 December 2026".
 *
 * @param date   The date.
 * @param locale Language tag.
 * @param style  Long (weekday, day, month, year), medium (the same
 *               abbreviated) or short (no year).
 */
export function formatDate(
	date: string,
	locale: string | undefined = pageLocale(),
	style: DateStyle = 'long'
): string {
	const parts = parseDate( date );
	if ( ! parts ) {
		return date;
	}
	return format(
		locale,
		{ ...DATE_STYLES[ style ], timeZone: 'UTC' },
		Date.UTC( parts.year, parts.month - 1, parts.day )
	);
}

/**
 * A date in the abbreviated style, "Tue, Dec 1, 2026" (the admin screens').
 *
 * @param date   A YYYY-MM-DD date.
 * @param locale Language tag.
 */
export function formatMediumDate(
	date: string,
	locale: string | undefined = pageLocale()
): string {
	return formatDate( date, locale, 'medium' );
}

/**
 * A date and time in words, on the calendar's clock or the visitor's.
 *
 * @param iso     The time.
 * @param display Whose clock.
 * @param locale  Language tag.
 */
export function formatDateTime(
	iso: string,
	display: TimeDisplay = 'calendar',
	locale: string | undefined = pageLocale()
): string {
	const wall = parseWallTime( iso );
	if ( ! wall ) {
		return iso;
	}
	const date = dateOn( iso, display );
	return `${ formatDate( date, locale ) }, ${ formatTime( iso, display, locale ) }`;
}

/**
 * The offset of a time as "UTC+01:00".
 *
 * @param iso The time.
 */
export function offsetLabel( iso: string ): string {
	const wall = parseWallTime( iso );
	if ( ! wall ) {
		return 'UTC';
	}
	const sign = wall.offset < 0 ? '-' : '+';
	const minutes = Math.abs( wall.offset );
	return `UTC${ sign }${ pad( Math.floor( minutes / 60 ) ) }:${ pad( minutes % 60 ) }`;
}

/** The visitor's IANA timezone, e.g. "Europe/Berlin", when the browser says. */
export function visitorTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
	} catch {
		return '';
	}
}

function pad( value: number ): string {
	return String( value ).padStart( 2, '0' );
}

/**
 * YYYY-MM-DD.
 *
 * @param year  Full year.
 * @param month 1–12.
 * @param day   1–31.
 */
export function toDateString(
	year: number,
	month: number,
	day: number
): string {
	return `${ String( year ).padStart( 4, '0' ) }-${ pad( month ) }-${ pad( day ) }`;
}

/**
 * The parts of a YYYY-MM-DD date that exists, else null.
 *
 * @param date The date.
 */
export function parseDate(
	date: string
): { year: number; month: number; day: number } | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec( date );
	if ( ! match ) {
		return null;
	}
	const year = Number( match[ 1 ] );
	const month = Number( match[ 2 ] );
	const day = Number( match[ 3 ] );
	const check = new Date( Date.UTC( year, month - 1, day ) );
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day
	) {
		return null;
	}
	return { year, month, day };
}

/**
 * Whether a string is a YYYY-MM-DD date that exists (2026-02-30 does not).
 *
 * @param date The string.
 */
export function isDate( date: string ): boolean {
	return parseDate( date ) !== null;
}

/**
 * The calendar's local date of an API time, read from the string itself:
 * "2026-11-24T09:00:00+01:00" → "2026-11-24". Converting through the
 * browser's timezone would give the reader's date, not the calendar's.
 *
 * @param iso An API time.
 */
export function datePart( iso: string ): string {
	return iso.slice( 0, 10 );
}

/**
 * The calendar's wall-clock time of an API time: "…T09:00:00+01:00" → "09:00".
 *
 * @param iso An API time.
 */
export function timePart( iso: string ): string {
	return iso.slice( 11, 16 );
}

/**
 * Minutes since midnight of an HH:MM time.
 *
 * @param time HH:MM (24:00 allowed).
 */
export function minutesOf( time: string ): number {
	const [ hours = '0', minutes = '0' ] = time.split( ':' );
	return Number( hours ) * 60 + Number( minutes );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date some days later (or earlier, with a negative count).
 *
 * @param date A YYYY-MM-DD date.
 * @param days Days to add.
 */
export function addDays( date: string, days: number ): string {
	const shifted = new Date(
		Date.parse( `${ date }T00:00:00Z` ) + days * DAY_MS
	);
	return shifted.toISOString().slice( 0, 10 );
}

/**
 * The ISO weekday: 1 for Monday to 7 for Sunday.
 *
 * @param date A YYYY-MM-DD date.
 */
export function isoWeekday( date: string ): number {
	const day = new Date( `${ date }T00:00:00Z` ).getUTCDay();
	return day === 0 ? 7 : day;
}

/**
 * The Monday of the date's week.
 *
 * @param date A YYYY-MM-DD date.
 */
export function weekStart( date: string ): string {
	return addDays( date, 1 - isoWeekday( date ) );
}

/**
 * The seven dates of the date's week, Monday first.
 *
 * @param date A YYYY-MM-DD date.
 */
export function weekDates( date: string ): string[] {
	const monday = weekStart( date );
	return Array.from( { length: 7 }, ( _unused, index ) =>
		addDays( monday, index )
	);
}

/**
 * Today on the visitor's clock, YYYY-MM-DD.
 *
 * @param now Milliseconds since the epoch.
 */
export function todayOnVisitorClock( now: number = Date.now() ): string {
	const date = new Date( now );
	return toDateString(
		date.getFullYear(),
		date.getMonth() + 1,
		date.getDate()
	);
}

/** A month as YYYY-MM. */
export type MonthString = string;

/**
 * The month of a date, YYYY-MM.
 *
 * @param date YYYY-MM-DD.
 */
export function monthOf( date: string ): MonthString {
	return date.slice( 0, 7 );
}

/**
 * A month some months away.
 *
 * @param month YYYY-MM.
 * @param delta Months to add (negative: back).
 */
export function addMonths( month: MonthString, delta: number ): MonthString {
	const [ year, mon ] = month.split( '-' ).map( Number );
	const index = ( year ?? 1970 ) * 12 + ( ( mon ?? 1 ) - 1 ) + delta;
	return `${ String( Math.floor( index / 12 ) ).padStart( 4, '0' ) }-${ pad(
		( index % 12 ) + 1
	) }`;
}

/**
 * The first and last dates of a month.
 *
 * @param month YYYY-MM.
 */
export function monthRange( month: MonthString ): {
	first: string;
	last: string;
} {
	const [ year = 1970, mon = 1 ] = month.split( '-' ).map( Number );
	const days = new Date( Date.UTC( year, mon, 0 ) ).getUTCDate();
	return {
		first: toDateString( year, mon, 1 ),
		last: toDateString( year, mon, days ),
	};
}

/**
 * The weeks of a month for a calendar grid starting on Monday: each week
 * has seven entries, a date or null for the padding days.
 *
 * @param month YYYY-MM.
 */
export function monthWeeks(
	month: MonthString
): Array< Array< string | null > > {
	const [ year = 1970, mon = 1 ] = month.split( '-' ).map( Number );
	const days = new Date( Date.UTC( year, mon, 0 ) ).getUTCDate();
	// 0 = Monday … 6 = Sunday.
	const lead =
		( new Date( Date.UTC( year, mon - 1, 1 ) ).getUTCDay() + 6 ) % 7;
	const cells: Array< string | null > = Array( lead ).fill( null );
	for ( let day = 1; day <= days; day++ ) {
		cells.push( toDateString( year, mon, day ) );
	}
	while ( cells.length % 7 !== 0 ) {
		cells.push( null );
	}
	const weeks: Array< Array< string | null > > = [];
	for ( let i = 0; i < cells.length; i += 7 ) {
		weeks.push( cells.slice( i, i + 7 ) );
	}
	return weeks;
}

/**
 * The name of a month with its year, e.g. "December 2026".
 *
 * @param month  YYYY-MM.
 * @param locale Language tag.
 */
export function formatMonth(
	month: MonthString,
	locale: string | undefined = pageLocale()
): string {
	const [ year = 1970, mon = 1 ] = month.split( '-' ).map( Number );
	return format(
		locale,
		{ month: 'long', year: 'numeric', timeZone: 'UTC' },
		Date.UTC( year, mon - 1, 1 )
	);
}

/**
 * Short weekday names, Monday first.
 *
 * @param locale Language tag.
 */
export function weekdayNames(
	locale: string | undefined = pageLocale()
): Array< { short: string; long: string } > {
	// 2024-01-01 was a Monday.
	return Array.from( { length: 7 }, ( _unused, index ) => {
		const value = Date.UTC( 2024, 0, 1 + index );
		return {
			short: format(
				locale,
				{ weekday: 'short', timeZone: 'UTC' },
				value
			),
			long: format( locale, { weekday: 'long', timeZone: 'UTC' }, value ),
		};
	} );
}

/**
 * The name of an ISO weekday: 1 → "Monday".
 *
 * @param weekday 1 (Monday) to 7 (Sunday).
 * @param locale  Language tag.
 */
export function weekdayName(
	weekday: number,
	locale: string | undefined = pageLocale()
): string {
	return weekdayNames( locale )[ weekday - 1 ]?.long ?? '';
}

/**
 * Minutes a timezone is ahead of UTC at an instant.
 *
 * @param instant  Milliseconds since the epoch.
 * @param timeZone An IANA name.
 */
function offsetMinutesAt( instant: number, timeZone: string ): number {
	const parts = new Intl.DateTimeFormat( 'en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	} ).formatToParts( new Date( instant ) );
	const part = ( type: string ) =>
		Number( parts.find( ( item ) => item.type === type )?.value ?? 0 );
	const wall = Date.UTC(
		part( 'year' ),
		part( 'month' ) - 1,
		part( 'day' ),
		part( 'hour' ),
		part( 'minute' )
	);
	return Math.round(
		( wall - Math.floor( instant / 60000 ) * 60000 ) / 60000
	);
}

/**
 * The API time of a wall-clock time in a calendar's timezone:
 * ( "2026-11-24", "08:30", "Europe/Berlin" ) → "2026-11-24T08:30:00+01:00".
 * The timezone may be a fixed offset such as "+02:00" (a site set up with
 * one). For the hour a clock skips in spring, the offset before the change
 * counts, as the server reads such a time.
 *
 * @param date     YYYY-MM-DD.
 * @param time     HH:MM.
 * @param timeZone An IANA name or a fixed offset.
 */
export function zonedIso(
	date: string,
	time: string,
	timeZone: string
): string {
	const fixed = /^([+-])(\d{2}):(\d{2})$/.exec( timeZone );
	const asUtc = Date.parse( `${ date }T${ time }:00Z` );
	let offset: number;
	if ( fixed ) {
		offset =
			( fixed[ 1 ] === '-' ? -1 : 1 ) *
			( Number( fixed[ 2 ] ) * 60 + Number( fixed[ 3 ] ) );
	} else {
		// The offset at a first guess of the instant, then at the instant it gives.
		offset = offsetMinutesAt( asUtc, timeZone );
		offset = offsetMinutesAt( asUtc - offset * 60000, timeZone );
	}
	const sign = offset < 0 ? '-' : '+';
	const size = Math.abs( offset );
	return `${ date }T${ time }:00${ sign }${ pad(
		Math.floor( size / 60 )
	) }:${ pad( size % 60 ) }`;
}
