/**
 * Instants the server records in UTC (made, changed, consent given), on the
 * business's clock.
 */

/**
 * Internal dependencies
 */
import { pageLocale } from '../../shared/time';

/**
 * A UTC instant as a medium date and short time on a timezone's clock, or on
 * the browser's when the zone is '' or not an IANA name the browser knows.
 *
 * @param iso  The instant.
 * @param zone An IANA timezone, or ''.
 */
export function onClock( iso: string, zone: string ): string {
	// 24-hour, as every other time on the admin screens (whenText, the grid).
	const options: Intl.DateTimeFormatOptions = {
		dateStyle: 'medium',
		timeStyle: 'short',
		hourCycle: 'h23',
	};
	try {
		return new Intl.DateTimeFormat( pageLocale(), {
			...options,
			timeZone: zone || undefined,
		} ).format( new Date( iso ) );
	} catch {
		return new Date( iso ).toLocaleString( pageLocale(), options );
	}
}
