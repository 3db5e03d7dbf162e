/**
 * Reads the admin app's configuration from the `data-appointease-admin`
 * attribute that includes/Admin/AdminScreens.php renders. Anything missing
 * or malformed falls back to a safe default.
 */

/**
 * Internal dependencies
 */
import type { HoldStoreStatus } from './types';

export const CONFIG_ATTRIBUTE = 'data-appointease-admin';

export const SCREENS = [
	'bookings',
	'employees',
	'services',
	'settings',
] as const;

export type ScreenName = ( typeof SCREENS )[ number ];

export interface AdminConfig {
	screen: ScreenName;
	/** Today in the site's timezone, YYYY-MM-DD. */
	today: string;
	/** The timezone names the server accepts for an employee. */
	timezones: string[];
	/** Whether the current user may list WordPress users (to link one). */
	canListUsers: boolean;
	/** Which store keeps the holds; only on the settings screen. */
	holdStore: HoldStoreStatus | null;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function isScreen( value: unknown ): value is ScreenName {
	return ( SCREENS as readonly unknown[] ).includes( value );
}

/**
 * Today's date in the browser, as a fallback when the server sent none.
 */
function browserToday(): string {
	const now = new Date();
	const pad = ( part: number ) => String( part ).padStart( 2, '0' );
	return `${ now.getFullYear() }-${ pad( now.getMonth() + 1 ) }-${ pad(
		now.getDate()
	) }`;
}

function toHoldStore( value: unknown ): HoldStoreStatus | null {
	if ( ! isRecord( value ) || typeof value.store !== 'string' ) {
		return null;
	}
	return {
		store: value.store,
		configured: value.configured === true,
		reachable: value.reachable === true,
		latency_ms:
			typeof value.latency_ms === 'number' ? value.latency_ms : null,
		error: typeof value.error === 'string' ? value.error : null,
	};
}

/**
 * Builds a complete configuration from parsed JSON (or anything else).
 *
 * @param value The parsed attribute.
 */
export function normalizeConfig( value: unknown ): AdminConfig {
	const raw = isRecord( value ) ? value : {};
	return {
		screen: isScreen( raw.screen ) ? raw.screen : 'bookings',
		today:
			typeof raw.today === 'string' && DATE_PATTERN.test( raw.today )
				? raw.today
				: browserToday(),
		timezones: Array.isArray( raw.timezones )
			? raw.timezones.filter(
					( zone ): zone is string => typeof zone === 'string'
				)
			: [],
		canListUsers: raw.canListUsers === true,
		holdStore: toHoldStore( raw.holdStore ),
	};
}

/**
 * Reads the configuration of the mount element.
 *
 * @param element The element carrying the attribute.
 */
export function readConfig( element: Element ): AdminConfig {
	const json = element.getAttribute( CONFIG_ATTRIBUTE );
	try {
		return normalizeConfig(
			json ? ( JSON.parse( json ) as unknown ) : null
		);
	} catch {
		return normalizeConfig( null );
	}
}
