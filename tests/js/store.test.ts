/**
 * Internal dependencies
 */
import { DEFAULT_SETTINGS } from '../../src/shared/config';
import { ALL_STEPS, isStep } from '../../src/shared/steps';
import {
	canGoBack,
	createBookingStore as createStore,
	selectedService,
	serverNow,
} from '../../src/shared/store';
import { calendarKey } from '../../src/shared/slots';
import type { BlockSettings, StepId } from '../../src/shared/types';
import { DATE, fakeApi, HAIRCUT, pollAnswer } from './support/fixtures';

const settings = ( overrides: Partial< BlockSettings > = {} ) => ( {
	...DEFAULT_SETTINGS,
	...overrides,
} );

const createBookingStore = ( given: BlockSettings ) =>
	createStore( given, { api: fakeApi(), today: '2030-03-01' } );

describe( 'ALL_STEPS', () => {
	it( 'is one choosing screen, then details, confirm and done', () => {
		expect( ALL_STEPS ).toEqual( [
			'choose',
			'details',
			'review',
			'done',
		] );
	} );

	it( 'tells a step from anything else', () => {
		expect( isStep( 'review' ) ).toBe( true );
		expect( isStep( 'time' ) ).toBe( false );
		expect( isStep( '' ) ).toBe( false );
	} );
} );

describe( 'createBookingStore', () => {
	it( 'starts on the choosing screen with the given settings', () => {
		const given = settings( { service: 4, accentColor: '#000' } );
		const state = createBookingStore( given ).getState();

		expect( state.step ).toBe( 'choose' );
		expect( state.selection ).toEqual( {
			service: 4,
			employee: 0,
			date: null,
		} );
		expect( state.month ).toBe( '2030-03' );
		expect( state.settings ).toEqual( given );
		expect( state.settings ).not.toBe( given );
		expect( state.steps ).toEqual( ALL_STEPS );
	} );

	it( 'keeps separate state per store', () => {
		const first = createBookingStore( settings() );
		const second = createBookingStore( settings() );

		first.getState().goTo( 'details' );

		expect( first.getState().step ).toBe( 'details' );
		expect( second.getState().step ).toBe( 'choose' );
	} );

	describe( 'goTo', () => {
		it( 'shows the given step', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'details' );
			expect( store.getState().step ).toBe( 'details' );
		} );

		it( 'ignores a step that this flow does not have', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'time' as StepId );
			expect( store.getState().step ).toBe( 'choose' );
		} );

		it( 'does not notify listeners when the step stays the same', () => {
			const store = createBookingStore( settings() );
			const listener = jest.fn();
			store.subscribe( listener );

			store.getState().goTo( 'choose' );
			expect( listener ).not.toHaveBeenCalled();

			store.getState().goTo( 'details' );
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

		it( 'back stays on the first step', () => {
			const store = createBookingStore( settings() );
			store.getState().back();
			expect( store.getState().step ).toBe( 'choose' );
		} );

		it( 'back goes to the previous step', () => {
			const store = createBookingStore( settings() );
			store.getState().goTo( 'review' );
			store.getState().back();
			expect( store.getState().step ).toBe( 'details' );
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
			store.getState().goTo( 'details' );
			expect( canGoBack( store.getState() ) ).toBe( true );
			store.getState().goTo( 'done' );
			expect( canGoBack( store.getState() ) ).toBe( false );
		} );
	} );

	it( 'opens the manage view with a manage link', () => {
		const store = createStore( settings(), {
			api: fakeApi(),
			manage: { id: 9, token: 'abc' },
		} );
		expect( store.getState().manage ).toMatchObject( {
			id: 9,
			token: 'abc',
			status: 'idle',
			mode: 'view',
		} );
		expect( createBookingStore( settings() ).getState().manage ).toBeNull();
	} );

	it( 'a new step starts without the previous message', () => {
		const store = createBookingStore( settings() );
		store.getState().showNotice( 'error', 'Oops', { focus: true } );
		store.getState().next();
		expect( store.getState().notice ).toBeNull();
	} );

	it( 'gives every notice a new id, so the same text is announced again', () => {
		const store = createBookingStore( settings() );
		store.getState().showNotice( 'error', 'Same' );
		const first = store.getState().notice?.id ?? 0;
		store.getState().showNotice( 'error', 'Same' );
		expect( store.getState().notice?.id ).toBeGreaterThan( first );
	} );

	describe( 'selections', () => {
		it( 'choosing a service forgets the employee, date, days and chosen time', () => {
			const store = createBookingStore( settings() );
			const state = store.getState();
			state.selectService( 1 );
			state.selectEmployee( 2 );
			state.selectDate( DATE );
			state.setDays( [ { date: DATE, slots: [] } ] );
			state.setChosen( { start: 'x', end: 'y', employee: 2 } );

			store.getState().selectService( 4 );
			expect( store.getState() ).toMatchObject( {
				selection: { service: 4, employee: 0, date: null },
				days: {},
				chosen: null,
				employees: null,
			} );
		} );

		it( 'choosing a date shows its month', () => {
			const store = createBookingStore( settings() );
			store.getState().selectDate( '2030-05-20' );
			expect( store.getState().month ).toBe( '2030-05' );
		} );

		it( 'finds the selected service', () => {
			const store = createBookingStore( settings( { service: 1 } ) );
			expect( selectedService( store.getState() ) ).toBeUndefined();
			store.getState().setServices( [ HAIRCUT ], 'ready' );
			expect( selectedService( store.getState() ) ).toBe( HAIRCUT );
		} );
	} );

	describe( 'receivePoll', () => {
		it( 'keeps the answer, its ETag, its server time, and the server clock', () => {
			const store = createBookingStore( settings() );
			const now = Date.parse( '2030-03-01T08:59:58+01:00' );
			expect(
				store.getState().receivePoll( pollAnswer(), '"e"', now )
			).toBe( true );
			expect( store.getState().live[ calendarKey( 1, DATE ) ] ).toEqual( {
				answer: pollAnswer(),
				etag: '"e"',
				// "Last checked" counts on the server's clock.
				checkedAt: Date.parse( '2030-03-01T09:00:00+01:00' ),
			} );
			// The server's clock runs 2 s ahead of this one.
			expect( serverNow( store.getState(), now ) ).toBe(
				Date.parse( '2030-03-01T09:00:00+01:00' )
			);
		} );

		it( 'refuses an older answer, which does not count as a check', () => {
			const store = createBookingStore( settings() );
			const newer = pollAnswer( {
				version: 3,
				server_time: '2030-03-01T09:00:05+01:00',
			} );
			store.getState().receivePoll( newer, '"3"', 1000 );
			expect(
				store.getState().receivePoll(
					pollAnswer( {
						version: 2,
						server_time: '2030-03-01T09:00:04+01:00',
					} ),
					'"2"',
					2000
				)
			).toBe( false );
			expect( store.getState().live[ calendarKey( 1, DATE ) ] ).toEqual( {
				answer: newer,
				etag: '"3"',
				checkedAt: Date.parse( '2030-03-01T09:00:05+01:00' ),
			} );
		} );

		it( "a cache's stale copy moves neither the check nor the server clock", () => {
			const store = createBookingStore( settings() );
			const now = Date.parse( '2030-03-01T09:00:00+01:00' );
			store.getState().receivePoll( pollAnswer(), '"e"', now );
			// php-fpm is down; nginx hands out the same answer 15 s later.
			const later = now + 15_000;
			store.getState().receivePoll( pollAnswer(), '"e"', later, true );
			store.getState().markChecked( 1, DATE, later, true );
			const state = store.getState();
			const entry = state.live[ calendarKey( 1, DATE ) ];
			expect(
				serverNow( state, later ) - ( entry?.checkedAt ?? 0 )
			).toBe( 15_000 );
		} );

		it( 'markChecked notes the check at the server clock now', () => {
			const store = createBookingStore( settings() );
			store.getState().markChecked( 1, DATE, 5 );
			expect( store.getState().live ).toEqual( {} );
			const now = Date.parse( '2030-03-01T08:59:58+01:00' );
			store.getState().receivePoll( pollAnswer(), '"e"', now );
			store.getState().markChecked( 1, DATE, now + 5000 );
			expect(
				store.getState().live[ calendarKey( 1, DATE ) ]?.checkedAt
			).toBe( Date.parse( '2030-03-01T09:00:05+01:00' ) );
		} );
	} );

	describe( 'details and submit', () => {
		it( 'editing a field clears its message only', () => {
			const store = createBookingStore( settings() );
			store
				.getState()
				.setFieldErrors( { name: 'Name?', email: 'Email?' } );
			store.getState().setCustomerField( 'name', 'Zoe' );
			expect( store.getState().customer.name ).toBe( 'Zoe' );
			expect( store.getState().fieldErrors ).toEqual( {
				email: 'Email?',
			} );
		} );

		it( 'reuses the Idempotency-Key for the same submit and makes a new one for a changed one', () => {
			const store = createBookingStore( settings() );
			const first = store.getState().submitKeyFor( 'a' );
			expect( first ).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
			);
			expect( store.getState().submitKeyFor( 'a' ) ).toBe( first );
			const second = store.getState().submitKeyFor( 'b' );
			expect( second ).not.toBe( first );
		} );
	} );
} );
