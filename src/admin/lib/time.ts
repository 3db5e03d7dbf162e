/**
 * Dates and times as the admin screens show them. The API gives each time
 * in its calendar's timezone (`2026-11-24T09:00:00+01:00`), so the wall
 * clock is read straight from the string: converting through the browser's
 * timezone would show the admin's local time instead of the calendar's.
 * Dates (`YYYY-MM-DD`) are computed in UTC, where every day has 24 hours.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The local date of an API time: "2026-11-24T09:00:00+01:00" → "2026-11-24".
 *
 * @param iso An API time.
 */
export function datePart( iso: string ): string {
	return iso.slice( 0, 10 );
}

/**
 * The wall-clock time of an API time: "…T09:00:00+01:00" → "09:00".
 *
 * @param iso An API time.
 */
export function timePart( iso: string ): string {
	return iso.slice( 11, 16 );
}

function toUtc( date: string ): Date {
	return new Date( `${ date }T00:00:00Z` );
}

function fromUtc( date: Date ): string {
	return date.toISOString().slice( 0, 10 );
}

/**
 * A date some days later (or earlier, with a negative count).
 *
 * @param date A YYYY-MM-DD date.
 * @param days Days to add.
 */
export function addDays( date: string, days: number ): string {
	return fromUtc( new Date( toUtc( date ).getTime() + days * DAY_MS ) );
}

/**
 * The ISO weekday: 1 for Monday to 7 for Sunday.
 *
 * @param date A YYYY-MM-DD date.
 */
export function isoWeekday( date: string ): number {
	const day = toUtc( date ).getUTCDay();
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
	return Array.from( { length: 7 }, ( _, index ) =>
		addDays( monday, index )
	);
}

/**
 * A date for people, in the browser's language: "Mon, Nov 24, 2026".
 *
 * @param date   A YYYY-MM-DD date.
 * @param locale The locale; the browser's by default.
 */
export function formatDate( date: string, locale?: string ): string {
	return new Intl.DateTimeFormat( locale, {
		weekday: 'short',
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		timeZone: 'UTC',
	} ).format( toUtc( date ) );
}

/**
 * The name of an ISO weekday in the browser's language: 1 → "Monday".
 *
 * @param weekday 1 (Monday) to 7 (Sunday).
 * @param locale  The locale; the browser's by default.
 */
export function weekdayName( weekday: number, locale?: string ): string {
	// 2024-01-01 was a Monday.
	return new Intl.DateTimeFormat( locale, {
		weekday: 'long',
		timeZone: 'UTC',
	} ).format( toUtc( addDays( '2024-01-01', weekday - 1 ) ) );
}

/**
 * Whether a string is a real YYYY-MM-DD date (2026-02-30 is not).
 *
 * @param date The string.
 */
export function isDate( date: string ): boolean {
	return (
		/^\d{4}-\d{2}-\d{2}$/.test( date ) &&
		! isNaN( toUtc( date ).getTime() ) &&
		fromUtc( toUtc( date ) ) === date
	);
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
