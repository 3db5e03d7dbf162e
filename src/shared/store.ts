/**
 * The booking flow's state: one zustand store per booking app on the page
 * (a page may hold several blocks), created with `createBookingStore()` and
 * handed to React through `BookingStoreProvider` (see ./store-context).
 *
 * Uses `zustand/vanilla` so this module has no React dependency and can be
 * unit-tested on its own.
 */

/**
 * External dependencies
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Internal dependencies
 */
import { getSteps } from './steps';
import type { BlockSettings, StepId } from './types';

export interface BookingState {
	/** The settings of this booking app (from the data attribute). */
	readonly settings: BlockSettings;
	/** The steps of this flow, in order (the employee step may be left out). */
	readonly steps: readonly StepId[];
	/** The step on screen. */
	readonly step: StepId;
	/** Shows a step of this flow; a step not in `steps` is ignored. */
	goTo: ( step: StepId ) => void;
	/** Shows the next step, if any. */
	next: () => void;
	/** Shows the previous step, if any. Once the booking is done, stays there. */
	back: () => void;
}

export type BookingStore = StoreApi< BookingState >;

/**
 * Creates the store of one booking app.
 *
 * @param settings The app's settings.
 */
export function createBookingStore( settings: BlockSettings ): BookingStore {
	const steps = getSteps( settings );
	const first = steps[ 0 ] ?? 'service';

	return createStore< BookingState >()( ( set, get ) => {
		const move = ( offset: number ) => {
			const { step } = get();
			if ( step === 'done' ) {
				return;
			}
			const target = steps[ steps.indexOf( step ) + offset ];
			if ( target !== undefined ) {
				set( { step: target } );
			}
		};

		return {
			settings: { ...settings },
			steps,
			step: first,
			goTo: ( step ) => {
				if ( steps.includes( step ) && step !== get().step ) {
					set( { step } );
				}
			},
			next: () => move( 1 ),
			back: () => move( -1 ),
		};
	} );
}

/**
 * Whether `back()` would change the step.
 *
 * @param state The store's state.
 */
export function canGoBack( state: BookingState ): boolean {
	return state.step !== 'done' && state.steps.indexOf( state.step ) > 0;
}
