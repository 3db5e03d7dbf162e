/**
 * The pure logic of the one-screen booking page: times grouped under the
 * day they fall on in a zone, the flow's place in the URL, the next free
 * day, and what a reload brings back.
 */

/**
 * Internal dependencies
 */
import { clearFlow, loadFlow, saveFlow } from '../../src/shared/flow-session';
import { hasFreeTime, nextFreeDate } from '../../src/shared/next-available';
import {
	dateOn,
	groupByDay,
	knownTimeZones,
	zoneName,
} from '../../src/shared/time';
import { flowUrl, readDeepLink, readStep } from '../../src/shared/url';
import type { AvailabilityDay } from '../../src/shared/types';

describe( 'dateOn and groupByDay', () => {
	const evening = '2026-12-05T17:00:00+01:00';
	const morning = '2026-12-05T09:00:00+01:00';

	it( 'gives the day a time falls on in the zone shown', () => {
		expect( dateOn( evening, 'calendar' ) ).toBe( '2026-12-05' );
		// 17:00 in Berlin is 01:00 the next day in Tokyo.
		expect( dateOn( evening, 'Asia/Tokyo' ) ).toBe( '2026-12-06' );
		expect( dateOn( morning, 'Asia/Tokyo' ) ).toBe( '2026-12-05' );
		// 09:00 in Berlin is 03:00 the same day in New York.
		expect( dateOn( morning, 'America/New_York' ) ).toBe( '2026-12-05' );
		expect(
			dateOn( '2026-12-05T00:30:00+01:00', 'America/New_York' )
		).toBe( '2026-12-04' );
		expect( dateOn( 'not a time', 'Asia/Tokyo' ) ).toBe( '' );
	} );

	it( 'groups times under their day, in order', () => {
		const times = [ { start: morning }, { start: evening } ];
		expect( groupByDay( times, 'calendar' ) ).toEqual( [
			{ date: '2026-12-05', times },
		] );
		expect( groupByDay( times, 'Asia/Tokyo' ) ).toEqual( [
			{ date: '2026-12-05', times: [ { start: morning } ] },
			{ date: '2026-12-06', times: [ { start: evening } ] },
		] );
		expect( groupByDay( [], 'Asia/Tokyo' ) ).toEqual( [] );
	} );

	it( 'names the zone shown', () => {
		expect( zoneName( 'calendar', morning, 'Europe/Berlin' ) ).toBe(
			'Europe/Berlin'
		);
		// A site set to an offset has no zone name.
		expect( zoneName( 'calendar', morning, '' ) ).toBe( 'UTC+01:00' );
		expect( zoneName( 'Asia/Tokyo', morning, 'Europe/Berlin' ) ).toBe(
			'Asia/Tokyo'
		);
	} );

	it( 'lists the zones to search, the given ones first', () => {
		const zones = knownTimeZones( [ 'Europe/Berlin', '' ] );
		expect( zones[ 0 ] ).toBe( 'Europe/Berlin' );
		expect( zones ).not.toContain( '' );
		expect( new Set( zones ).size ).toBe( zones.length );
	} );
} );

describe( 'the flow in the URL', () => {
	const page = 'https://example.com/book/?lang=de#top';

	it( 'writes the choice as the deep link, and the step after choosing', () => {
		const url = flowUrl( page, {
			step: 'details',
			service: 2,
			employee: 3,
			date: '2026-12-09',
		} );
		const parsed = new URL( url );
		expect( parsed.searchParams.get( 'lang' ) ).toBe( 'de' );
		expect( parsed.hash ).toBe( '#top' );
		expect( readStep( parsed.search ) ).toBe( 'details' );
		// A reload opens the same choice through the deep link.
		expect( readDeepLink( parsed.search ) ).toEqual( {
			service: 2,
			employee: 3,
			date: '2026-12-09',
		} );
	} );

	it( 'leaves out what is not chosen, and the step on the choosing screen', () => {
		expect(
			flowUrl( page, {
				step: 'choose',
				service: 2,
				employee: 0,
				date: null,
			} )
		).toBe( 'https://example.com/book/?lang=de&service=2#top' );
		expect(
			flowUrl(
				'https://example.com/book/?service=2&appointease_step=review',
				{ step: 'choose', service: 0, employee: 0, date: null }
			)
		).toBe( 'https://example.com/book/' );
	} );

	it( 'reads only real steps', () => {
		expect( readStep( '?appointease_step=review' ) ).toBe( 'review' );
		expect( readStep( '?appointease_step=time' ) ).toBeNull();
		expect( readStep( '' ) ).toBeNull();
	} );
} );

describe( 'nextFreeDate', () => {
	const day = ( date: string, free: boolean ): AvailabilityDay => ( {
		date,
		slots: [
			{
				start: `${ date }T09:00:00+01:00`,
				end: `${ date }T09:30:00+01:00`,
				seats_left: free ? 1 : 0,
				state: free ? 'available' : 'booked',
			},
		],
	} );
	const days = {
		'2026-12-01': day( '2026-12-01', true ),
		'2026-12-03': day( '2026-12-03', false ),
		'2027-01-09': day( '2027-01-09', true ),
		'2026-12-20': day( '2026-12-20', true ),
	};

	it( 'finds the first day with a free time from a date', () => {
		expect( nextFreeDate( days, '2026-12-01' ) ).toBe( '2026-12-01' );
		expect( nextFreeDate( days, '2026-12-02' ) ).toBe( '2026-12-20' );
		expect( nextFreeDate( days, '2026-12-20', true ) ).toBe( '2027-01-09' );
		expect( nextFreeDate( days, '2027-01-09', true ) ).toBeNull();
		expect( nextFreeDate( {}, '2026-12-01' ) ).toBeNull();
	} );

	it( 'counts only available times as free', () => {
		expect( hasFreeTime( days[ '2026-12-03' ] ) ).toBe( false );
		expect( hasFreeTime( days[ '2026-12-01' ] ) ).toBe( true );
		expect( hasFreeTime( undefined ) ).toBe( false );
	} );
} );

describe( 'the saved flow', () => {
	const flow = {
		selection: { service: 1, employee: 0, date: '2026-12-09' },
		chosen: {
			start: '2026-12-09T10:00:00+01:00',
			end: '2026-12-09T10:30:00+01:00',
			employee: 2,
		},
		hold: {
			id: 'h1',
			token: 't1',
			service: 1,
			employee: 2,
			start: '2026-12-09T10:00:00+01:00',
			end: '2026-12-09T10:30:00+01:00',
		},
		customer: { name: 'Zoe', email: 'z@example.com', phone: '', notes: '' },
		timeDisplay: 'Asia/Tokyo',
	};

	afterEach( () => window.sessionStorage.clear() );

	it( 'comes back after a reload and is gone after booking', () => {
		saveFlow( '/book/#a', flow );
		expect( loadFlow( '/book/#a' ) ).toEqual( flow );
		expect( loadFlow( '/book/#b' ) ).toBeNull();
		clearFlow( '/book/#a' );
		expect( loadFlow( '/book/#a' ) ).toBeNull();
	} );

	it( 'ignores what is not a saved flow', () => {
		window.sessionStorage.setItem( 'appointease-flow:/x', '{oops' );
		expect( loadFlow( '/x' ) ).toBeNull();
		window.sessionStorage.setItem(
			'appointease-flow:/x',
			JSON.stringify( {
				selection: { service: -4, employee: 'x', date: 7 },
				hold: { id: 'h' },
			} )
		);
		expect( loadFlow( '/x' ) ).toMatchObject( {
			selection: { service: 0, employee: 0, date: null },
			chosen: null,
			hold: null,
			timeDisplay: 'calendar',
		} );
	} );
} );
