/**
 * Internal dependencies
 */
import { DEFAULT_SETTINGS } from '../../src/shared/config';
import { ALL_STEPS, getSteps } from '../../src/shared/steps';
import { canGoBack, createBookingStore } from '../../src/shared/store';
import type { BlockSettings } from '../../src/shared/types';

const settings = ( overrides: Partial< BlockSettings > = {} ) => ( {
	...DEFAULT_SETTINGS,
	...overrides,
} );

describe( 'getSteps', () => {
	it( 'lists every step in order by default', () => {
		expect( getSteps( settings() ) ).toEqual( [
			'service',
			'employee',
			'date',
			'time',
			'details',
			'review',
			'done',
		] );
		expect( getSteps( settings() ) ).toEqual( ALL_STEPS );
	} );

	it( 'leaves out the employee step when it is hidden', () => {
		expect( getSteps( settings( { showEmployeeStep: false } ) ) ).toEqual( [
			'service',
			'date',
			'time',
			'details',
			'review',
			'done',
		] );
	} );
} );

describe( 'createBookingStore', () => {
	it( 'starts at the service step with the given settings', () => {
		const given = settings( { service: 4, accentColor: '#000' } );
		const state = createBookingStore( given ).getState();

		expect( state.step ).toBe( 'service' );
		expect( state.settings ).toEqual( given );
		expect( state.settings ).not.toBe( given );
		expect( state.steps ).toEqual( getSteps( given ) );
	} );

	it( 'keeps separate state per store', () => {
		const first = createBookingStore( settings() );
		const second = createBookingStore( settings() );

		first.getState().goTo( 'time' );

		expect( first.getState().step ).toBe( 'time' );
		expect( second.getState().step ).toBe( 'service' );
	} );

	describe( 'goTo', () => {
		it( 'shows the given step', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'details' );
			expect( store.getState().step ).toBe( 'details' );
		} );

		it( 'ignores a step that this flow does not have', () => {
			const store = createBookingStore(
				settings( { showEmployeeStep: false } )
			);
			store.getState().goTo( 'employee' );
			expect( store.getState().step ).toBe( 'service' );
		} );

		it( 'does not notify listeners when the step stays the same', () => {
			const store = createBookingStore( settings() );
			const listener = jest.fn();
			store.subscribe( listener );

			store.getState().goTo( 'service' );
			expect( listener ).not.toHaveBeenCalled();

			store.getState().goTo( 'date' );
			expect( listener ).toHaveBeenCalledTimes( 1 );
		} );
	} );

	describe( 'next and back', () => {
		it( 'walk through every step in order', () => {
			const store = createBookingStore( settings() );
			const seen = [ store.getState().step ];
			for ( let i = 0; i < 10; i++ ) {
				store.getState().next();
				if ( store.getState().step === seen[ seen.length - 1 ] ) {
					break;
				}
				seen.push( store.getState().step );
			}
			expect( seen ).toEqual( ALL_STEPS );
		} );

		it( 'skip the hidden employee step', () => {
			const store = createBookingStore(
				settings( { showEmployeeStep: false } )
			);
			store.getState().next();
			expect( store.getState().step ).toBe( 'date' );
			store.getState().back();
			expect( store.getState().step ).toBe( 'service' );
		} );

		it( 'back stays on the first step', () => {
			const store = createBookingStore( settings() );
			store.getState().back();
			expect( store.getState().step ).toBe( 'service' );
		} );

		it( 'back goes to the previous step', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'time' );
			store.getState().back();
			expect( store.getState().step ).toBe( 'date' );
		} );

		it( 'stay on done once the booking is made', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'done' );
			store.getState().back();
			expect( store.getState().step ).toBe( 'done' );
			store.getState().next();
			expect( store.getState().step ).toBe( 'done' );
		} );
	} );

	describe( 'canGoBack', () => {
		it( 'is false on the first step and on done, true between', () => {
			const store = createBookingStore( settings() );
			expect( canGoBack( store.getState() ) ).toBe( false );
			store.getState().goTo( 'date' );
			expect( canGoBack( store.getState() ) ).toBe( true );
			store.getState().goTo( 'done' );
			expect( canGoBack( store.getState() ) ).toBe( false );
		} );
	} );
} );
