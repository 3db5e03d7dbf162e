/**
 * Renders components inside a booking store, for component and hook tests.
 */

/**
 * External dependencies
 */
import { render, renderHook } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import {
	createBookingStore,
	type BookingStore,
	type StoreOptions,
} from '../../../src/shared/store';
import { BookingStoreProvider } from '../../../src/shared/store-context';
import type { BlockSettings } from '../../../src/shared/types';
import { fakeApi, settings as makeSettings, type FakeApi } from './fixtures';

export interface TestStore {
	store: BookingStore;
	api: FakeApi;
}

/**
 * A store with a fake API.
 *
 * @param settings Settings to set.
 * @param options  Store options (api defaults to a fresh fake).
 */
export function testStore(
	settings: Partial< BlockSettings > = {},
	options: StoreOptions & { api?: FakeApi } = {}
): TestStore {
	const api = options.api ?? fakeApi();
	const store = createBookingStore( makeSettings( settings ), {
		today: '2030-03-01',
		...options,
		api,
	} );
	return { store, api };
}

/**
 * Renders an element inside the store's provider.
 *
 * @param ui    The element.
 * @param store The store.
 */
export function renderWithStore( ui: ReactElement, store: BookingStore ) {
	return render( ui, {
		wrapper: ( { children }: { children?: ReactNode } ) => (
			<BookingStoreProvider store={ store }>
				{ children }
			</BookingStoreProvider>
		),
	} );
}

/**
 * Renders a hook inside the store's provider.
 *
 * @param hook         The hook call.
 * @param store        The store.
 * @param initialProps
 */
export function renderHookWithStore< Props, Result >(
	hook: ( props: Props ) => Result,
	store: BookingStore,
	initialProps?: Props
) {
	return renderHook( hook, {
		initialProps,
		wrapper: ( { children }: { children?: ReactNode } ) => (
			<BookingStoreProvider store={ store }>
				{ children }
			</BookingStoreProvider>
		),
	} );
}
