/**
 * Reads the booking app's configuration from the `data-appointease`
 * attribute that the server renders. Anything missing or malformed falls
 * back to a default, so a broken attribute never breaks the page.
 */

/**
 * Internal dependencies
 */
import type { BlockSettings } from './types';

/** The data attribute that holds the JSON configuration. */
export const SETTINGS_ATTRIBUTE = 'data-appointease';

export const DEFAULT_SETTINGS: Readonly< BlockSettings > = Object.freeze( {
	service: 0,
	employee: 0,
	showEmployeeStep: true,
	accentColor: '',
	restNamespace: 'appointease/v1',
	restUrl: '/wp-json/',
	pollInterval: 1,
	holdTtl: 30,
	minimumNotice: 0,
	currency: '',
	locale: '',
	timezone: '',
} );

/*
 * The accent colour is a hex colour, #rgb or #rrggbb: the same rule as
 * WordPress's sanitize_hex_color(), which the server applies, so the editor,
 * the view script and the server accept exactly the same values.
 */
const HEX_COLOR = /^#(?:[0-9a-f]{3}){1,2}$/i;

const NAMESPACE_PATTERN = /^[a-z0-9-]+\/v[0-9]+$/;

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

// A BCP 47 tag as WordPress's locales become one: "en-US", "de-DE-formal", "pt-PT-ao90".
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * A non-negative integer id, or the fallback. Accepts numbers and strings of
 * digits (attribute values sometimes arrive as strings).
 *
 * @param value    The raw value.
 * @param fallback What to use when the value is not an id.
 */
export function toId( value: unknown, fallback = 0 ): number {
	if ( typeof value === 'string' && /^\s*\d+\s*$/.test( value ) ) {
		value = Number( value );
	}
	if (
		typeof value === 'number' &&
		Number.isSafeInteger( value ) &&
		value >= 0
	) {
		return value;
	}
	return fallback;
}

/**
 * The colour if it is a hex colour (#rgb or #rrggbb), else "".
 *
 * @param value The raw value.
 */
export function sanitizeColor( value: unknown ): string {
	if ( typeof value !== 'string' ) {
		return '';
	}
	const color = value.trim();
	return HEX_COLOR.test( color ) ? color : '';
}

/**
 * A whole number within bounds, or the fallback.
 *
 * @param value    The raw value.
 * @param min      Smallest allowed.
 * @param max      Largest allowed.
 * @param fallback What to use otherwise.
 */
function toBoundedInt(
	value: unknown,
	min: number,
	max: number,
	fallback: number
): number {
	return typeof value === 'number' &&
		Number.isInteger( value ) &&
		value >= min &&
		value <= max
		? value
		: fallback;
}

/**
 * The REST root URL if it is an http(s) URL or a root-relative path.
 *
 * @param value The raw value.
 */
function sanitizeRestUrl( value: unknown ): string {
	if (
		typeof value === 'string' &&
		( /^https?:\/\/[^\s"'<>]+$/i.test( value ) ||
			/^\/[^\s"'<>]*$/.test( value ) )
	) {
		return value;
	}
	return DEFAULT_SETTINGS.restUrl;
}

/**
 * An ISO 4217 currency code such as "EUR", or "" for anything else.
 *
 * @param value The value given.
 */
export function currencyCode( value: unknown ): string {
	return typeof value === 'string' && CURRENCY_PATTERN.test( value )
		? value
		: '';
}

/**
 * A BCP 47 language tag such as "de-DE", or "" for anything else.
 *
 * @param value The value given.
 */
export function localeTag( value: unknown ): string {
	return typeof value === 'string' && LOCALE_PATTERN.test( value )
		? value
		: '';
}

/**
 * An IANA timezone name this browser knows, such as "Europe/Berlin", or ""
 * for anything else (WordPress gives "+01:00" when a site sets an offset).
 *
 * @param value The raw value.
 */
export function timeZoneName( value: unknown ): string {
	if (
		typeof value !== 'string' ||
		! /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test( value )
	) {
		return '';
	}
	try {
		new Intl.DateTimeFormat( 'en', { timeZone: value } );
		return value;
	} catch {
		return '';
	}
}

/**
 * Builds complete, valid settings from any value, using a default for each
 * missing or invalid field.
 *
 * @param value Parsed JSON (or anything else).
 */
export function normalizeSettings( value: unknown ): BlockSettings {
	const raw = isRecord( value ) ? value : {};
	const restNamespace = raw.restNamespace;

	return {
		service: toId( raw.service, DEFAULT_SETTINGS.service ),
		employee: toId( raw.employee, DEFAULT_SETTINGS.employee ),
		showEmployeeStep:
			typeof raw.showEmployeeStep === 'boolean'
				? raw.showEmployeeStep
				: DEFAULT_SETTINGS.showEmployeeStep,
		accentColor: sanitizeColor( raw.accentColor ),
		restNamespace:
			typeof restNamespace === 'string' &&
			NAMESPACE_PATTERN.test( restNamespace )
				? restNamespace
				: DEFAULT_SETTINGS.restNamespace,
		restUrl: sanitizeRestUrl( raw.restUrl ),
		pollInterval: toBoundedInt(
			raw.pollInterval,
			1,
			10,
			DEFAULT_SETTINGS.pollInterval
		),
		holdTtl: toBoundedInt( raw.holdTtl, 10, 300, DEFAULT_SETTINGS.holdTtl ),
		minimumNotice: toBoundedInt(
			raw.minimumNotice,
			0,
			43200,
			DEFAULT_SETTINGS.minimumNotice
		),
		currency: currencyCode( raw.currency ),
		locale: localeTag( raw.locale ),
		timezone: timeZoneName( raw.timezone ),
	};
}

/**
 * Parses the JSON of the data attribute. Invalid JSON gives the defaults.
 *
 * @param json The attribute's value (null when it is absent).
 */
export function parseSettings(
	json: string | null | undefined
): BlockSettings {
	if ( typeof json !== 'string' || json.trim() === '' ) {
		return normalizeSettings( null );
	}
	try {
		return normalizeSettings( JSON.parse( json ) as unknown );
	} catch {
		return normalizeSettings( null );
	}
}

/**
 * Reads the settings of one booking container element.
 *
 * @param element An element with a `data-appointease` attribute.
 */
export function readSettings( element: Element ): BlockSettings {
	return parseSettings( element.getAttribute( SETTINGS_ATTRIBUTE ) );
}
