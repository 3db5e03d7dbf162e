/**
 * Reads the admin app's configuration from the `data-appointease-admin`
 * attribute that includes/Admin/AdminScreens.php renders. Anything missing
 * or malformed falls back to a safe default.
 */

/**
 * Internal dependencies
 */
import { currencyCode, localeTag } from '../shared/config';
import type { DayOff, Employee, HoursRange } from '../shared/types';
import type { HoldStoreStatus, Named } from './types';

export const CONFIG_ATTRIBUTE = 'data-appointease-admin';

export const SCREENS = [
	'dashboard',
	'bookings',
	'employees',
	'services',
	'settings',
	'my-bookings',
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
	/**
	 * The employee linked to the current user, or null when there is none;
	 * only on the "My bookings" screen.
	 */
	employee: Employee | null;
	/** Every service's name, for ids; only on the "My bookings" screen. */
	services: Named[];
	/** The prices' ISO 4217 code, or "" (the currency setting). */
	currency: string;
	/** BCP 47 tag of the admin's language, for number formats. */
	locale: string;
	/** The CSV download's address with its nonce; only on the Bookings screen. */
	exportUrl: string;
	/** The current user's id, to remember their list columns. */
	userId: number;
	/** The site's timezone (an IANA name or an offset like "+02:00"), for employees without their own. */
	siteTimezone: string;
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

function isNamed( value: unknown ): value is Named {
	return (
		isRecord( value ) &&
		typeof value.id === 'number' &&
		typeof value.name === 'string'
	);
}

function isHoursRange( value: unknown ): value is HoursRange {
	return (
		isRecord( value ) &&
		typeof value.weekday === 'number' &&
		typeof value.start === 'string' &&
		typeof value.end === 'string'
	);
}

function isDayOff( value: unknown ): value is DayOff {
	return (
		isRecord( value ) &&
		typeof value.start === 'string' &&
		typeof value.end === 'string'
	);
}

/**
 * An employee record as the server renders it (Employee::to_array()), or
 * null when the value is not one.
 *
 * @param value The parsed value.
 */
function toEmployee( value: unknown ): Employee | null {
	if (
		! isRecord( value ) ||
		typeof value.id !== 'number' ||
		typeof value.name !== 'string'
	) {
		return null;
	}
	const list = ( items: unknown ) => ( Array.isArray( items ) ? items : [] );
	return {
		id: value.id,
		name: value.name,
		email: typeof value.email === 'string' ? value.email : '',
		wp_user: typeof value.wp_user === 'number' ? value.wp_user : null,
		timezone: typeof value.timezone === 'string' ? value.timezone : '',
		active: value.active === true,
		services: list( value.services ).filter(
			( id ): id is number => typeof id === 'number'
		),
		hours: list( value.hours ).filter( isHoursRange ),
		days_off: list( value.days_off ).filter( isDayOff ),
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
		employee: toEmployee( raw.employee ),
		services: Array.isArray( raw.services )
			? raw.services.filter( isNamed )
			: [],
		currency: currencyCode( raw.currency ),
		locale: localeTag( raw.locale ),
		exportUrl: typeof raw.exportUrl === 'string' ? raw.exportUrl : '',
		userId: typeof raw.userId === 'number' ? raw.userId : 0,
		siteTimezone:
			typeof raw.siteTimezone === 'string' && raw.siteTimezone !== ''
				? raw.siteTimezone
				: 'UTC',
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
