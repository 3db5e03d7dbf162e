/**
 * Where the next free time is: the day the choosing screen opens on, and
 * the "Next available" jump from an empty day or month.
 */

/**
 * Internal dependencies
 */
import type { AvailabilityDay } from './types';

/**
 * Whether a day has a time a visitor can pick.
 *
 * @param day The day's availability.
 */
export function hasFreeTime( day: AvailabilityDay | undefined ): boolean {
	return day?.slots.some( ( slot ) => slot.state === 'available' ) ?? false;
}

/**
 * The first date after `after` (or from `from`, inclusive) with a free time.
 *
 * @param days        Availability by date.
 * @param from        YYYY-MM-DD: the first date that counts.
 * @param excludeFrom Whether `from` itself is left out (the day on screen).
 * @return YYYY-MM-DD, or null when none of the known days has one.
 */
export function nextFreeDate(
	days: Record< string, AvailabilityDay >,
	from: string,
	excludeFrom = false
): string | null {
	let best: string | null = null;
	for ( const day of Object.values( days ) ) {
		const later = excludeFrom ? day.date > from : day.date >= from;
		if (
			later &&
			( best === null || day.date < best ) &&
			hasFreeTime( day )
		) {
			best = day.date;
		}
	}
	return best;
}
