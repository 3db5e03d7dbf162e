/**
 * Internal dependencies
 */
import {
	buildTimes,
	isStaleAnswer,
	sameCalendarState,
	type BuildTimesInput,
} from '../../src/shared/slots';
import type { PollAnswer } from '../../src/shared/types';
import { at, HAIRCUT, pollAnswer, slot, YOGA } from './support/fixtures';

const NOW = Date.parse( '2030-03-12T08:00:00+01:00' );

function input( overrides: Partial< BuildTimesInput > = {} ): BuildTimesInput {
	return {
		slots: [ slot( 9 ), slot( 9, 30 ), slot( 10 ) ],
		service: HAIRCUT,
		employee: 1,
		live: () => undefined,
		hold: null,
		serverNow: NOW,
		minimumNotice: 0,
		...overrides,
	};
}

function states( overrides: Partial< BuildTimesInput > = {} ) {
	return buildTimes( input( overrides ) ).map( ( time ) => time.state );
}

function live( answer: Partial< PollAnswer > ) {
	return () => pollAnswer( answer );
}

describe( 'buildTimes', () => {
	it( 'shows the availability answer until a poll answer comes', () => {
		expect(
			states( {
				slots: [
					slot( 9 ),
					slot( 9, 30, { state: 'booked', seats_left: 0 } ),
					slot( 10, 0, { state: 'held', seats_left: 0 } ),
					slot( 10, 30, { state: 'past', seats_left: 0 } ),
				],
			} )
		).toEqual( [ 'available', 'booked', 'processing', 'past' ] );
	} );

	it( "marks another visitor's hold as processing and a new booking as booked", () => {
		expect(
			states( {
				live: live( {
					held: [
						{
							start: at( 9 ),
							end: at( 9, 30 ),
							id: 'other',
							seats: 1,
						},
					],
					booked: [
						{ start: at( 10 ), end: at( 10, 30 ), seats_left: 0 },
					],
				} ),
			} )
		).toEqual( [ 'processing', 'available', 'booked' ] );
	} );

	it( "shows the visitor's own hold as theirs, and its neighbours as free", () => {
		const hold = {
			id: 'mine',
			token: 't',
			service: 1,
			employee: 1,
			start: at( 9, 30 ),
			end: at( 10 ),
		};
		expect(
			states( {
				hold,
				slots: [
					slot( 9 ),
					slot( 9, 30 ),
					// The availability answer counted the visitor's own hold.
					slot( 10, 0, { state: 'held', seats_left: 0 } ),
				],
				live: live( {
					held: [
						{
							start: at( 9, 30 ),
							end: at( 10 ),
							id: 'mine',
							seats: 1,
						},
					],
				} ),
			} )
		).toEqual( [ 'available', 'yours', 'available' ] );
	} );

	it( 'widens a time by the service buffers when checking collisions', () => {
		const buffered = { ...HAIRCUT, buffer_after: 10 };
		expect(
			states( {
				service: buffered,
				live: live( {
					held: [
						{
							start: at( 9, 35 ),
							end: at( 10, 5 ),
							id: 'o',
							seats: 1,
						},
					],
				} ),
			} )
		).toEqual( [ 'processing', 'processing', 'processing' ] );
	} );

	it( 'marks times before now plus the minimum notice as past', () => {
		expect(
			states( {
				serverNow: Date.parse( at( 9, 10 ) ),
				minimumNotice: 30,
			} )
		).toEqual( [ 'past', 'past', 'available' ] );
	} );

	it( 'counts seats in a group session', () => {
		const group = [
			slot( 9, 0, { end: at( 10 ), seats_left: 8 } ),
			slot( 10, 0, { end: at( 11 ), seats_left: 8 } ),
		];
		const times = buildTimes(
			input( {
				service: YOGA,
				slots: group,
				live: live( {
					booked: [
						{ start: at( 9 ), end: at( 10 ), seats_left: 3 },
					],
					held: [
						{ start: at( 9 ), end: at( 10 ), id: 'a', seats: 2 },
						{ start: at( 10 ), end: at( 11 ), id: 'b', seats: 8 },
					],
				} ),
			} )
		);
		expect(
			times.map( ( time ) => [ time.state, time.seatsLeft ] )
		).toEqual( [
			[ 'available', 1 ],
			[ 'processing', 0 ],
		] );
	} );

	it( 'takes the best employee for "any available"', () => {
		const answers: Record< number, PollAnswer > = {
			1: pollAnswer( {
				employee: 1,
				held: [
					{ start: at( 9 ), end: at( 9, 30 ), id: 'x', seats: 1 },
				],
			} ),
			2: pollAnswer( { employee: 2 } ),
		};
		const times = buildTimes(
			input( {
				employee: 0,
				slots: [
					slot( 9, 0, { employees: [ 1, 2 ] } ),
					slot( 9, 30, { employees: [ 1 ] } ),
					slot( 10, 0, {
						state: 'booked',
						seats_left: 0,
						employees: [],
					} ),
				],
				live: ( employee ) => answers[ employee ],
			} )
		);
		expect(
			times.map( ( time ) => [ time.state, time.employee ] )
		).toEqual( [
			[ 'available', 2 ],
			[ 'available', 1 ],
			[ 'booked', 0 ],
		] );
	} );

	it( 'shows a hold as theirs in "any available" whoever it is with', () => {
		const times = buildTimes(
			input( {
				employee: 0,
				slots: [ slot( 9, 0, { employees: [ 1 ] } ) ],
				hold: {
					id: 'h',
					token: 't',
					service: 1,
					employee: 2,
					start: at( 9 ),
					end: at( 9, 30 ),
				},
			} )
		);
		expect( times[ 0 ] ).toMatchObject( { state: 'yours', employee: 2 } );
	} );
} );

describe( 'isStaleAnswer', () => {
	const shown = pollAnswer( {
		version: 5,
		server_time: '2030-03-01T09:00:05+01:00',
	} );

	it.each( [
		[ 'older time, older version', 4, '2030-03-01T09:00:04+01:00', true ],
		[ 'older time, same version', 5, '2030-03-01T09:00:04+01:00', true ],
		[ 'older time, newer version', 6, '2030-03-01T09:00:04+01:00', false ],
		[ 'same time, older version', 4, '2030-03-01T09:00:05+01:00', false ],
		[ 'newer time, older version', 1, '2030-03-01T09:00:06+01:00', false ],
		[ 'newer time, newer version', 6, '2030-03-01T09:00:06+01:00', false ],
		[ 'same instant in UTC', 5, '2030-03-01T08:00:05+00:00', false ],
	] )( '%s: stale = %p', ( _label, version, serverTime, stale ) => {
		expect(
			isStaleAnswer(
				pollAnswer( { version, server_time: serverTime } ),
				shown
			)
		).toBe( stale );
	} );

	it( 'never calls the first answer stale', () => {
		expect( isStaleAnswer( shown, undefined ) ).toBe( false );
	} );
} );

describe( 'sameCalendarState', () => {
	it( 'ignores the server time only', () => {
		const a = pollAnswer();
		expect(
			sameCalendarState( a, {
				...a,
				server_time: '2030-03-01T10:00:00+01:00',
			} )
		).toBe( true );
		expect( sameCalendarState( a, { ...a, version: 2 } ) ).toBe( false );
		expect(
			sameCalendarState( a, {
				...a,
				held: [
					{ start: at( 9 ), end: at( 9, 30 ), id: 'x', seats: 1 },
				],
			} )
		).toBe( false );
		expect( sameCalendarState( a, undefined ) ).toBe( false );
	} );
} );
