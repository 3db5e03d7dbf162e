/**
 * External dependencies
 */
import {
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import { normalizeConfig } from '../../../src/admin/config';
import { MyBookingsScreen } from '../../../src/admin/screens/bookings/MyBookingsScreen';
import { callsTo, listResponse, mockApi } from './api-mock';
import { ANA, booking, HAIRCUT } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const BOOKINGS = '/appointease/v1/bookings';
const COUNTS = {
	unverified: 0,
	pending: 0,
	confirmed: 2,
	cancelled: 1,
	rejected: 0,
	completed: 0,
	no_show: 0,
	expired: 0,
};
/** A service that is no longer offered, which the public routes would not name. */
const RETIRED = { id: 9, name: 'Retired massage' };
/** The employee's own calendar sync, below the bookings. */
const SYNC = `/appointease/v1/employees/${ ANA.id }/calendar-sync`;
const NO_SYNC = { feed_created: null, calendars: [] };

function serve() {
	mockApi( {
		[ `GET ${ BOOKINGS }` ]: () =>
			listResponse(
				[ booking(), booking( { id: 8, service: RETIRED.id } ) ],
				2,
				1
			),
		[ `GET ${ SYNC }` ]: () => NO_SYNC,
		'GET /appointease/v1/booking-counts': () => COUNTS,
		'GET /appointease/v1/slots/poll': () => ( {
			version: 1,
			employee: ANA.id,
			date: '2030-01-07',
			booked: [],
			held: [],
			server_time: '2030-01-07T08:00:00+00:00',
		} ),
	} );
}

function renderScreen() {
	render(
		<MyBookingsScreen
			today="2030-01-07"
			userId={ 12 }
			employee={ ANA }
			services={ [ HAIRCUT, RETIRED ] }
		/>
	);
}

describe( 'MyBookingsScreen', () => {
	it( 'lists the bookings without an employee filter or actions on coming ones, naming every service', async () => {
		serve();
		renderScreen();

		const table = await screen.findByRole( 'table', { name: 'Bookings' } );
		expect( within( table ).getAllByText( 'Zoe Quinn' ) ).toHaveLength( 2 );
		expect( within( table ).getByText( 'Haircut' ) ).toBeVisible();
		expect( within( table ).getByText( 'Retired massage' ) ).toBeVisible();
		// Coming bookings offer nothing: an employee may only mark a no-show once one has started.
		expect( within( table ).queryByRole( 'button' ) ).toBeNull();
		expect( screen.queryByLabelText( 'Employee' ) ).toBeNull();
		expect( screen.getByLabelText( 'Service' ) ).toBeVisible();
		// The server narrows the list to the user's employee; the screen sends no employee of its own.
		expect(
			callsTo( `GET ${ BOOKINGS }` )[ 0 ]?.query.has( 'employee' )
		).toBe( false );
	} );

	it( 'opens on the upcoming bookings with the admin list’s views, counts and columns, but no bulk actions or export', async () => {
		serve();
		renderScreen();

		await screen.findByRole( 'table', { name: 'Bookings' } );
		const sent = callsTo( `GET ${ BOOKINGS }` )[ 0 ]?.query;
		expect( sent?.get( 'from' ) ).toBe( '2030-01-07' );
		expect( sent?.get( 'order' ) ).toBe( 'asc' );
		expect( sent?.get( 'hide_closed' ) ).toBe( 'true' );
		expect(
			screen.getByRole( 'button', { name: 'Upcoming', pressed: true } )
		).toBeVisible();
		expect( screen.getByRole( 'button', { name: 'Today' } ) ).toBeVisible();
		const counts = await screen.findByRole( 'list', {
			name: 'Show bookings by status',
		} );
		expect(
			within( counts ).getByRole( 'button', { name: 'Open (2)' } )
		).toBeVisible();
		// The server narrows the counts to the user's employee, as the list.
		expect(
			callsTo( 'GET /appointease/v1/booking-counts' )[ 0 ]?.query.has(
				'employee'
			)
		).toBe( false );
		expect(
			screen.getByRole( 'button', { name: /Columns/ } )
		).toBeVisible();
		expect( screen.queryByRole( 'checkbox' ) ).toBeNull();
		expect( screen.queryByText( 'Export CSV' ) ).toBeNull();

		fireEvent.click(
			within( counts ).getByRole( 'button', { name: 'Cancelled (1)' } )
		);
		await waitFor( () =>
			expect(
				callsTo( `GET ${ BOOKINGS }` ).pop()?.query.get( 'status' )
			).toBe( 'cancelled' )
		);
		await screen.findByRole( 'button', {
			name: 'Cancelled (1)',
			pressed: true,
		} );
		await waitFor( () =>
			expect( screen.getByText( '2 bookings' ) ).toBeVisible()
		);
	} );

	it( 'marks a started booking as a no-show, and offers nothing else', async () => {
		mockApi( {
			[ `GET ${ BOOKINGS }` ]: () =>
				listResponse(
					[
						booking( {
							start: '2020-01-06T10:00:00+01:00',
							end: '2020-01-06T10:30:00+01:00',
						} ),
					],
					1,
					1
				),
			[ `GET ${ SYNC }` ]: () => NO_SYNC,
			[ `POST ${ BOOKINGS }/7/no-show` ]: () =>
				booking( { status: 'no_show' } ),
		} );
		renderScreen();

		const table = await screen.findByRole( 'table', { name: 'Bookings' } );
		expect( within( table ).getAllByRole( 'button' ) ).toHaveLength( 1 );
		fireEvent.click(
			within( table ).getByRole( 'button', {
				name: /^Mark no-show: Zoe Quinn/,
			} )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Mark as a no-show?',
		} );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Mark no-show' } )
		);

		expect(
			await screen.findByText( 'Zoe Quinn is marked as a no-show.' )
		).toBeVisible();
		expect( callsTo( `POST ${ BOOKINGS }/7/no-show` ) ).toHaveLength( 1 );
	} );

	it( 'shows the calendar with the employee’s hours and no actions', async () => {
		serve();
		renderScreen();

		fireEvent.click( screen.getByRole( 'button', { name: 'Calendar' } ) );

		const days = await screen.findByRole( 'group', {
			name: 'Bookings by day',
		} );
		expect(
			within( days ).getByText( 'Works 09:00–12:30, 13:30–17:00' )
		).toBeVisible();
		expect(
			( await within( days ).findAllByText( 'Zoe Quinn' ) ).length
		).toBeGreaterThan( 0 );
		expect(
			within( days ).queryByRole( 'button', { name: /Cancel booking/ } )
		).toBeNull();
		expect( screen.queryByLabelText( 'Employee' ) ).toBeNull();
		expect(
			callsTo( `GET ${ BOOKINGS }` ).pop()?.query.get( 'employee' )
		).toBe( String( ANA.id ) );
	} );

	it( 'lets the employee make their own feed address, and replace it only after saying yes', async () => {
		let made = 0;
		mockApi( {
			[ `GET ${ BOOKINGS }` ]: () => listResponse( [], 0, 0 ),
			[ `GET ${ SYNC }` ]: () =>
				made === 0
					? NO_SYNC
					: { feed_created: '2030-01-07T08:00:00Z', calendars: [] },
			[ `POST ${ SYNC }/feed` ]: () => {
				made++;
				const url = `https://example.com/wp-json/appointease/v1/feeds/${ String(
					made
				).repeat( 40 ) }.ics`;
				return { https: url, webcal: url.replace( 'https', 'webcal' ) };
			},
		} );
		renderScreen();

		const panel = await screen.findByRole( 'region', {
			name: 'My calendar',
		} );
		const make = within( panel ).getByRole( 'button', {
			name: 'Make a feed address',
		} );
		await waitFor( () => expect( make ).toBeEnabled() );
		fireEvent.click( make );
		expect(
			await within( panel ).findByLabelText( 'Feed address' )
		).toHaveValue(
			`https://example.com/wp-json/appointease/v1/feeds/${ '1'.repeat(
				40
			) }.ics`
		);
		expect( within( panel ).getByRole( 'status' ) ).toHaveTextContent(
			'New feed address made. The previous one no longer works.'
		);

		// An address is in use: a new one is made only after a yes.
		fireEvent.click(
			await within( panel ).findByRole( 'button', {
				name: 'Make a new feed address',
			} )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Make a new feed address?',
		} );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Keep it' } )
		);
		expect( callsTo( `POST ${ SYNC }/feed` ) ).toHaveLength( 1 );
		fireEvent.click(
			within( panel ).getByRole( 'button', {
				name: 'Make a new feed address',
			} )
		);
		fireEvent.click(
			within(
				await screen.findByRole( 'dialog', {
					name: 'Make a new feed address?',
				} )
			).getByRole( 'button', { name: 'Make a new address' } )
		);
		await waitFor( () =>
			expect(
				within( panel ).getByLabelText( 'Feed address' )
			).toHaveValue(
				`https://example.com/wp-json/appointease/v1/feeds/${ '2'.repeat(
					40
				) }.ics`
			)
		);
		expect( callsTo( `POST ${ SYNC }/feed` ) ).toHaveLength( 2 );
	} );

	it( 'explains an account that is not linked to an employee, and asks for nothing', () => {
		mockApi( {} );
		render(
			<MyBookingsScreen
				today="2030-01-07"
				userId={ 12 }
				employee={ null }
				services={ [] }
			/>
		);

		expect(
			screen.getByText( /Your account is not linked to an employee yet/ )
		).toBeVisible();
		expect( callsTo( `GET ${ BOOKINGS }` ) ).toHaveLength( 0 );
	} );
} );

describe( 'the My bookings configuration', () => {
	it( 'reads the employee and the service names the page renders', () => {
		const config = normalizeConfig( {
			screen: 'my-bookings',
			today: '2030-01-07',
			employee: { ...ANA, hours: [ ...ANA.hours, { weekday: 'x' } ] },
			services: [ RETIRED, { id: '3', name: 'Bad' } ],
		} );

		expect( config.screen ).toBe( 'my-bookings' );
		expect( config.employee ).toEqual( ANA );
		expect( config.services ).toEqual( [ RETIRED ] );
	} );

	it( 'has no employee when the page renders none or a malformed one', () => {
		expect( normalizeConfig( { employee: null } ).employee ).toBeNull();
		expect(
			normalizeConfig( { employee: { id: 'x', name: 'A' } } ).employee
		).toBeNull();
		expect( normalizeConfig( null ).services ).toEqual( [] );
	} );
} );
