/**
 * What the visitor chose and typed, kept in the tab's sessionStorage so a
 * reload (or Back from another page) brings it back; cleared once the
 * booking is made. The storage belongs to this tab and this site only.
 */

/**
 * Internal dependencies
 */
import type { ChosenTime, Selection } from './store';
import type { Customer, OwnHold } from './types';

/** What is kept. */
export interface SavedFlow {
	selection: Selection;
	chosen: ChosenTime | null;
	hold: OwnHold | null;
	customer: Customer;
	timeDisplay: string;
}

const PREFIX = 'appointease-flow:';

function storage(): Storage | null {
	try {
		return typeof window === 'undefined' ? null : window.sessionStorage;
	} catch {
		// Storage switched off: the flow works, a reload starts over.
		return null;
	}
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

const asString = ( value: unknown ): string =>
	typeof value === 'string' ? value : '';
const asId = ( value: unknown ): number =>
	typeof value === 'number' && Number.isInteger( value ) && value >= 0
		? value
		: 0;

/**
 * Reads a saved flow back, or null when there is none or it is not one.
 *
 * @param key The app's key (page path and app id).
 */
export function loadFlow( key: string ): SavedFlow | null {
	let raw: unknown;
	try {
		raw = JSON.parse( storage()?.getItem( PREFIX + key ) ?? 'null' );
	} catch {
		return null;
	}
	if ( ! isRecord( raw ) || ! isRecord( raw.selection ) ) {
		return null;
	}
	const selection = raw.selection;
	const customer = isRecord( raw.customer ) ? raw.customer : {};
	const chosen = isRecord( raw.chosen ) ? raw.chosen : null;
	const hold = isRecord( raw.hold ) ? raw.hold : null;
	return {
		selection: {
			service: asId( selection.service ),
			employee: asId( selection.employee ),
			date: asString( selection.date ) || null,
		},
		chosen:
			chosen && asString( chosen.start )
				? {
						start: asString( chosen.start ),
						end: asString( chosen.end ),
						employee: asId( chosen.employee ),
					}
				: null,
		hold:
			hold && asString( hold.id ) && asString( hold.token )
				? {
						id: asString( hold.id ),
						token: asString( hold.token ),
						service: asId( hold.service ),
						employee: asId( hold.employee ),
						start: asString( hold.start ),
						end: asString( hold.end ),
					}
				: null,
		customer: {
			name: asString( customer.name ),
			email: asString( customer.email ),
			phone: asString( customer.phone ),
			notes: asString( customer.notes ),
		},
		timeDisplay: asString( raw.timeDisplay ) || 'calendar',
	};
}

/**
 * Keeps the flow for a reload.
 *
 * @param key  The app's key.
 * @param flow What to keep.
 */
export function saveFlow( key: string, flow: SavedFlow ): void {
	try {
		storage()?.setItem( PREFIX + key, JSON.stringify( flow ) );
	} catch {
		// Full or switched off: a reload starts over.
	}
}

/**
 * Forgets the flow (after booking).
 *
 * @param key The app's key.
 */
export function clearFlow( key: string ): void {
	try {
		storage()?.removeItem( PREFIX + key );
	} catch {
		// Nothing kept.
	}
}
