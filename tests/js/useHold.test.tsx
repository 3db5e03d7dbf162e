/**
 * External dependencies
 */
import { act } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../src/shared/api';
import { heartbeatInterval, useHold } from '../../src/shared/hooks/useHold';
import type { TimeOption } from '../../src/shared/types';
import { at, fakeApi, type FakeApi } from './support/fixtures';
import { renderHookWithStore, testStore } from './support/render';

function option( start: string, employee = 1 ): TimeOption {
	return { start, end: start, state: 'available', seatsLeft: 1, employee };
}

function setup(
	settings = {},
	prepare: ( api: FakeApi ) => void = () => undefined
) {
	const api = fakeApi();
	prepare( api );
	const { store } = testStore(
		{ service: 1, employee: 1, ...settings },
		{ api }
	);
	store.getState().selectDate( '2030-03-12' );
	const view = renderHookWithStore( () => useHold(), store );
	return { store, api, view };
}

async function advance( ms: number ) {
	await act( async () => {
		await jest.advanceTimersByTimeAsync( ms );
	} );
}

const expired = () =>
	new ApiError( 'gone', {
		code: 'appointease_hold_expired',
		status: 410,
		reason: 'HOLD_EXPIRED',
	} );

const taken = () =>
	new ApiError( 'taken', {
		code: 'appointease_slot_held',
		status: 409,
		reason: 'SLOT_HELD',
	} );

beforeEach( () => {
	jest.useFakeTimers();
} );

afterEach( () => {
	jest.useRealTimers();
} );

describe( 'heartbeatInterval', () => {
	it( 'is 10 s, or a third of a shorter hold TTL', () => {
		expect( heartbeatInterval( 30 ) ).toBe( 10_000 );
		expect( heartbeatInterval( 300 ) ).toBe( 10_000 );
		expect( heartbeatInterval( 10 ) ).toBe( 3333 );
	} );
} );

describe( 'useHold', () => {
	it( 'takes a hold on the first pick and moves it on the next', async () => {
		const { store, api, view } = setup();
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );

		expect( api.takeHold ).toHaveBeenCalledWith( {
			service: 1,
			employee: 1,
			start: at( 10 ),
		} );
		expect( store.getState().hold ).toMatchObject( {
			id: 'hold-1',
			token: 'token-1',
			start: at( 10 ),
		} );
		expect( store.getState().chosen?.start ).toBe( at( 10 ) );

		await act( () => view.result.current.pick( option( at( 11 ) ) ) );
		expect( api.moveHold ).toHaveBeenCalledWith(
			'hold-1',
			'token-1',
			at( 11 )
		);
		expect( api.takeHold ).toHaveBeenCalledTimes( 1 );
		expect( store.getState().hold ).toMatchObject( {
			id: 'hold-1',
			start: at( 11 ),
		} );
		expect( store.getState().picking ).toBeNull();
	} );

	it( 'takes a new hold when the one to move has run out', async () => {
		const { store, api, view } = setup( {}, ( fake ) =>
			fake.moveHold.mockRejectedValue( expired() )
		);
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		await act( () => view.result.current.pick( option( at( 11 ) ) ) );
		expect( api.takeHold ).toHaveBeenCalledTimes( 2 );
		expect( store.getState().hold ).toMatchObject( {
			id: 'hold-2',
			start: at( 11 ),
		} );
	} );

	it( 'tells the visitor when the picked time is taken, with focus and a fresh list', async () => {
		const { store, api, view } = setup( {}, ( fake ) =>
			fake.takeHold.mockRejectedValue( taken() )
		);
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );

		const { notice, hold, chosen } = store.getState();
		expect( hold ).toBeNull();
		expect( chosen ).toBeNull();
		expect( notice ).toMatchObject( { kind: 'error', focus: true } );
		expect( notice?.text ).toMatch(
			/Someone else is booking .* right now/
		);
		expect( api.getAvailability ).toHaveBeenCalledWith(
			expect.objectContaining( { from: '2030-03-12', to: '2030-03-12' } ),
			undefined
		);
	} );

	it( 'renews the hold every heartbeat while there is one', async () => {
		const { api, view } = setup();
		await advance( 30_000 );
		expect( api.renewHold ).not.toHaveBeenCalled();

		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		await advance( 9_999 );
		expect( api.renewHold ).not.toHaveBeenCalled();
		await advance( 1 );
		expect( api.renewHold ).toHaveBeenCalledWith( 'hold-1', 'token-1' );
		await advance( 20_000 );
		expect( api.renewHold ).toHaveBeenCalledTimes( 3 );
	} );

	it( 'beats faster than a short hold TTL', async () => {
		const { api, view } = setup( { holdTtl: 10 } );
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		await advance( 3_333 );
		expect( api.renewHold ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'holds the time again when the heartbeat finds the hold gone', async () => {
		const { store, api, view } = setup( {}, ( fake ) =>
			fake.renewHold.mockRejectedValue( expired() )
		);
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		store.getState().goTo( 'details' );
		await advance( 10_000 );

		expect( api.takeHold ).toHaveBeenCalledTimes( 2 );
		expect( store.getState().hold ).toMatchObject( {
			id: 'hold-2',
			token: 'token-2',
			start: at( 10 ),
		} );
		expect( store.getState().step ).toBe( 'details' );
		// Said politely; focus stays in the form.
		expect( store.getState().notice ).toMatchObject( {
			kind: 'info',
			focus: false,
		} );
		expect( store.getState().notice?.text ).toMatch(
			/had run out, so we held the time for you again/
		);
	} );

	it( 'sends the visitor back to a fresh list when the lost time was taken meanwhile', async () => {
		const { store, api, view } = setup( {}, ( fake ) =>
			fake.renewHold.mockRejectedValue( expired() )
		);
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		store.getState().goTo( 'details' );
		api.takeHold.mockRejectedValue( taken() );
		await advance( 10_000 );

		const state = store.getState();
		expect( state.hold ).toBeNull();
		expect( state.chosen ).toBeNull();
		expect( state.step ).toBe( 'choose' );
		expect( state.notice?.text ).toMatch(
			/ran out and someone else has taken that time/
		);
		expect( state.notice?.focus ).toBe( true );
	} );

	it( 'keeps the hold through a passing heartbeat failure', async () => {
		const { store, api, view } = setup( {}, ( fake ) =>
			fake.renewHold.mockRejectedValueOnce(
				new ApiError( 'offline', { code: 'fetch_error', status: 0 } )
			)
		);
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		await advance( 10_000 );
		expect( store.getState().hold?.id ).toBe( 'hold-1' );
		await advance( 10_000 );
		expect( api.renewHold ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'releases the hold with keepalive when the page is left', async () => {
		const { store, api, view } = setup();
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );

		act( () => {
			window.dispatchEvent( new Event( 'pagehide' ) );
			window.dispatchEvent( new Event( 'beforeunload' ) );
		} );
		expect( api.releaseHold ).toHaveBeenCalledTimes( 1 );
		expect( api.releaseHold ).toHaveBeenCalledWith( 'hold-1', 'token-1', {
			keepalive: true,
		} );
		expect( store.getState().hold ).toBeNull();

		// No heartbeat for a released hold.
		await advance( 20_000 );
		expect( api.renewHold ).not.toHaveBeenCalled();
	} );

	it( 'releases the hold on unmount', async () => {
		const { api, view } = setup();
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		view.unmount();
		expect( api.releaseHold ).toHaveBeenCalledWith( 'hold-1', 'token-1', {
			keepalive: true,
		} );
	} );

	it( 'releases the hold when the visitor chooses another service', async () => {
		const { store, api, view } = setup();
		await act( () => view.result.current.pick( option( at( 10 ) ) ) );
		act( () => store.getState().selectService( 4 ) );
		expect( api.releaseHold ).toHaveBeenCalledWith( 'hold-1', 'token-1', {
			keepalive: false,
		} );
		expect( store.getState().hold ).toBeNull();
	} );

	it( 'runs quick picks one after another; only the latest counts', async () => {
		const { store, api, view } = setup();
		await act( async () => {
			const first = view.result.current.pick( option( at( 10 ) ) );
			const second = view.result.current.pick( option( at( 11 ) ) );
			const third = view.result.current.pick( option( at( 12 ) ) );
			await Promise.all( [ first, second, third ] );
		} );
		// 10:00 and 11:00 were replaced before their turn came.
		expect( api.takeHold ).toHaveBeenCalledTimes( 1 );
		expect( api.takeHold ).toHaveBeenCalledWith(
			expect.objectContaining( { start: at( 12 ) } )
		);
		expect( store.getState().hold?.start ).toBe( at( 12 ) );

		// A pick while one is on its way waits for it, then moves the hold.
		await act( async () => {
			const first = view.result.current.pick( option( at( 9 ) ) );
			await Promise.resolve();
			const second = view.result.current.pick( option( at( 11 ) ) );
			await Promise.all( [ first, second ] );
		} );
		expect( api.moveHold.mock.calls.map( ( call ) => call[ 2 ] ) ).toEqual(
			[ at( 9 ), at( 11 ) ]
		);
		expect( store.getState().hold?.start ).toBe( at( 11 ) );
		expect( store.getState().picking ).toBeNull();
	} );
} );
