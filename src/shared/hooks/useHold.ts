/**
 * `useHold`: the life of the visitor's hold on a time.
 *
 * - `pick( time )` takes a hold, or moves the one the visitor has;
 * - while there is a hold, a heartbeat renews it every 10 seconds (or a
 *   third of `hold_ttl` when that is shorter), well before it runs out;
 * - leaving the page (`pagehide`, `beforeunload`) releases it with a
 *   `keepalive` request that outlives the page; so does unmounting;
 * - choosing another service or employee releases it.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { pickTime, releaseHold, renewHold } from '../actions';
import { useBookingStore, useBookingStoreApi } from '../store-context';
import type { TimeOption } from '../types';

/** The longest time between two heartbeats, ms. */
export const MAX_HEARTBEAT = 10_000;

/**
 * How often to renew a hold that lasts `holdTtl` seconds.
 *
 * @param holdTtl Seconds a hold lasts without a heartbeat.
 */
export function heartbeatInterval( holdTtl: number ): number {
	return Math.min( MAX_HEARTBEAT, Math.floor( ( holdTtl * 1000 ) / 3 ) );
}

/**
 * Keeps the visitor's hold alive and gives the function that picks a time.
 */
export function useHold(): { pick: ( option: TimeOption ) => Promise< void > } {
	const store = useBookingStoreApi();
	const holdId = useBookingStore( ( state ) => state.hold?.id ?? null );
	const holdTtl = useBookingStore( ( state ) => state.settings.holdTtl );
	const service = useBookingStore( ( state ) => state.selection.service );
	const employee = useBookingStore( ( state ) => state.selection.employee );

	// The heartbeat, while there is a hold.
	useEffect( () => {
		if ( holdId === null ) {
			return undefined;
		}
		const timer = setInterval(
			() => renewHold( store ),
			heartbeatInterval( holdTtl )
		);
		return () => clearInterval( timer );
	}, [ holdId, holdTtl, store ] );

	// Leaving the page, or the app going away, lets the time go.
	useEffect( () => {
		const leave = () => releaseHold( store, { keepalive: true } );
		window.addEventListener( 'pagehide', leave );
		window.addEventListener( 'beforeunload', leave );
		return () => {
			window.removeEventListener( 'pagehide', leave );
			window.removeEventListener( 'beforeunload', leave );
			leave();
		};
	}, [ store ] );

	// A hold for another service or employee than the chosen one is no use.
	useEffect( () => {
		const { hold } = store.getState();
		if (
			hold &&
			( hold.service !== service ||
				( employee > 0 && hold.employee !== employee ) )
		) {
			releaseHold( store );
		}
	}, [ service, employee, store ] );

	const pick = useCallback(
		( option: TimeOption ) => pickTime( store, option ),
		[ store ]
	);
	return { pick };
}
