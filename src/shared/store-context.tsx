/**
 * React bindings of the booking store.
 *
 * `useStoreWithEqualityFn` from `zustand/traditional` goes through the
 * `use-sync-external-store` shim, which uses React's own
 * `useSyncExternalStore` where it exists (React 18+, WordPress 6.2+) and a
 * compatible fallback on React 17 (WordPress 6.1). Plain `zustand`'s `useStore`
 * needs React 18.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';
import { useStoreWithEqualityFn } from 'zustand/traditional';

/**
 * WordPress dependencies
 */
import { createContext, createElement, useContext } from '@wordpress/element';

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
 * @param selector   Picks the value from the state.
 * @param equalityFn Tells whether two selected values are the same (Object.is by default).
 */
export function useBookingStore< T >(
	selector: ( state: BookingState ) => T,
	equalityFn?: ( a: T, b: T ) => boolean
): T {
	return useStoreWithEqualityFn( useBookingStoreApi(), selector, equalityFn );
}
