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
} );

const MAX_COLOR_LENGTH = 100;

/*
 * Colour values accepted for the accent colour: hex (#rgb, #rgba, #rrggbb,
 * #rrggbbaa), rgb()/rgba()/hsl()/hsla() with numeric arguments, a named
 * colour, or a preset variable such as var(--wp--preset--color--primary).
 */
const COLOR_PATTERNS: readonly RegExp[] = [
	/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i,
	/^(?:rgba?|hsla?)\(\s*[0-9a-z.,%\s/+-]+\)$/i,
	/^[a-z]{3,30}$/i,
	/^var\(\s*--[a-z0-9-]+\s*\)$/i,
];

const NAMESPACE_PATTERN = /^[a-z0-9-]+\/v[0-9]+$/;

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
 * The colour if it is a safe CSS colour value, else "".
 *
 * @param value The raw value.
 */
export function sanitizeColor( value: unknown ): string {
	if ( typeof value !== 'string' ) {
		return '';
	}
	const color = value.trim();
	if ( color === '' || color.length > MAX_COLOR_LENGTH ) {
		return '';
	}
	return COLOR_PATTERNS.some( ( pattern ) => pattern.test( color ) )
		? color
		: '';
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
