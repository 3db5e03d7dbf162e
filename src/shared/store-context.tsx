/**
 * React bindings of the booking store: zustand's `useStore`, which rests on
 * React 18's own `useSyncExternalStore` (WordPress's `react` handle).
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';

/**
 * WordPress dependencies
 */
import { createContext, useContext } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { BookingState, BookingStore } from './store';

const BookingStoreContext = createContext< BookingStore | null >( null );

interface ProviderProps {
	store: BookingStore;
	children?: ReactNode;
}

/**
 * Makes a booking store available to the components below it.
 *
 * @param props          Component props.
 * @param props.store    The store of this booking app.
 * @param props.children The app.
 */
export function BookingStoreProvider( { store, children }: ProviderProps ) {
	return (
		<BookingStoreContext.Provider value={ store }>
			{ children }
		</BookingStoreContext.Provider>
	);
}

/**
 * The booking store of the surrounding `BookingStoreProvider`.
 */
export function useBookingStoreApi(): BookingStore {
	const store = useContext( BookingStoreContext );
	if ( ! store ) {
		throw new Error(
			'useBookingStore() needs a surrounding <BookingStoreProvider>.'
		);
	}
	return store;
}

/**
 * Selects a value from the booking store and re-renders when it changes.
 *
 * @param selector Picks the value from the state; a new value (by Object.is) re-renders.
 */
export function useBookingStore< T >(
	selector: ( state: BookingState ) => T
): T {
	return useStore( useBookingStoreApi(), selector );
}
