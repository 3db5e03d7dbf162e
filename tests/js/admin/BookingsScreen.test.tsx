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
import { BookingsScreen } from '../../../src/admin/screens/bookings/BookingsScreen';
import type { Booking } from '../../../src/shared/types';
import { callsTo, listResponse, mockApi, restError } from './api-mock';
import { ANA, BEN, booking, HAIRCUT, YOGA } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const BOOKINGS = '/appointease/v1/bookings';
const ZOE = booking();
const MAX = booking( {
	id: 8,
	status: 'pending',
	start: '2030-01-07T11:00:00+01:00',
	end: '2030-01-07T11:30:00+01:00',
	customer: {
		name: 'Max Roy',
		email: 'max@example.com',
		phone: '+49 1',
		notes: '',
	},
} );

function serve(
	routes: Record< string, ( call: { data: unknown } ) => unknown > = {},
	list: () => Booking[] = () => [ ZOE, MAX ],
	pages = 1
) {
	mockApi( {
		'GET /appointease/v1/services': () => [ HAIRCUT, YOGA ],
		'GET /appointease/v1/employees': () => [ ANA, BEN ],
		[ `GET ${ BOOKINGS }` ]: () =>
			listResponse( list(), list().length, pages ),
		'GET /appointease/v1/booking-counts': () => ( {
			unverified: 0,
			pending: 1,
			confirmed: 1,
			cancelled: 3,
			rejected: 0,
			completed: 0,
			no_show: 0,
			expired: 0,
		} ),
		'GET /appointease/v1/slots/poll': () => ( {
			version: 1,
			employee: 1,
			date: '2030-01-07',
			booked: [],
			held: [],
			server_time: '2030-01-07T08:00:00+00:00',
		} ),
		...routes,
	} );
}

const EXPORT_URL =
	'http://localhost/wp-admin/admin-post.php?action=appointease_export_bookings&_wpnonce=abc';

function renderScreen() {
	return render(
		<BookingsScreen
			today="2030-01-07"
			exportUrl={ EXPORT_URL }
			userId={ 7 }
			siteTimezone="Europe/Berlin"
		/>
	);
}

function calendarDays() {
	return within(
		screen.getByRole( 'group', { name: 'Bookings by day' } )
	).getAllByRole( 'region' );
}

async function rowOf( name: string ) {
	return ( await screen.findByText( name ) ).closest( 'tr' ) as HTMLElement;
}

describe( 'BookingsScreen list', () => {
	it( "lists bookings with names for ids and their times in the calendar's clock", async () => {
		serve();
		renderScreen();

		const row = await rowOf( 'Zoe Quinn' );
		expect( row ).toHaveTextContent( '10:00–10:30' );
		expect( row ).toHaveTextContent( 'Haircut' );
		expect( row ).toHaveTextContent( 'Ana Silva' );
		expect( row ).toHaveTextContent( 'Confirmed' );
		expect( screen.getByText( '2 bookings' ) ).toBeVisible();
		const first = callsTo( `GET ${ BOOKINGS }` )[ 0 ];
		expect( Object.fromEntries( first?.query ?? [] ) ).toEqual( {
			page: '1',
			per_page: '20',
			from: '2030-01-07',
			order: 'asc',
			hide_closed: 'true',
		} );
	} );

	it( 'filters by status, employee and dates, and searches by customer', async () => {
		serve();
		renderScreen();
		await rowOf( 'Zoe Quinn' );

		fireEvent.change( screen.getByLabelText( 'Status' ), {
			target: { value: 'pending' },
		} );
		fireEvent.change( screen.getByLabelText( 'Employee' ), {
			target: { value: '2' },
		} );
		fireEvent.change( screen.getByLabelText( 'From' ), {
			target: { value: '2030-01-01' },
		} );
		fireEvent.change( screen.getByLabelText( 'Customer' ), {
			target: { value: 'max' },
		} );

		await waitFor( () =>
			expect(
				callsTo( `GET ${ BOOKINGS }` ).some(
					( call ) => call.query.get( 'search' ) === 'max'
				)
			).toBe( true )
		);
		const last = callsTo( `GET ${ BOOKINGS }` ).pop();
		expect( Object.fromEntries( last?.query ?? [] ) ).toEqual( {
			page: '1',
			per_page: '20',
			status: 'pending',
			employee: '2',
			from: '2030-01-01',
			search: 'max',
			order: 'asc',
			hide_closed: 'true',
		} );
	} );

	it( 'pages through the list', async () => {
		serve( {}, () => [ ZOE ], 3 );
		renderScreen();
		await rowOf( 'Zoe Quinn' );

		expect( screen.getByText( 'Page 1 of 3' ) ).toBeVisible();
		expect(
			screen.getByRole( 'button', { name: 'Previous page' } )
		).toBeDisabled();
		fireEvent.click( screen.getByRole( 'button', { name: 'Next page' } ) );

		expect( await screen.findByText( 'Page 2 of 3' ) ).toBeVisible();
		expect(
			callsTo( `GET ${ BOOKINGS }` ).pop()?.query.get( 'page' )
		).toBe( '2' );
	} );

	it( 'cancels after asking, says so, and reads the list again', async () => {
		let list = [ ZOE, MAX ];
		serve(
			{
				[ `POST ${ BOOKINGS }/7/cancel` ]: () => {
					list = [ { ...ZOE, status: 'cancelled' }, MAX ];
					return list[ 0 ];
				},
			},
			() => list
		);
		renderScreen();

		fireEvent.click(
			within( await rowOf( 'Zoe Quinn' ) ).getByRole( 'button', {
				name: /^Cancel booking: Zoe Quinn/,
			} )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Cancel this booking?',
		} );
		expect( callsTo( `POST ${ BOOKINGS }/7/cancel` ) ).toHaveLength( 0 );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel booking' } )
		);

		expect(
			await screen.findByText(
				'The booking of Zoe Quinn is cancelled; its time is free again.'
			)
		).toBeVisible();
		expect( callsTo( `POST ${ BOOKINGS }/7/cancel` ) ).toHaveLength( 1 );
		await waitFor( () =>
			expect(
				within(
					screen
						.getByText( 'Zoe Quinn' )
						.closest( 'tr' ) as HTMLElement
				).getByText( 'Cancelled' )
			).toBeVisible()
		);
		expect(
			within(
				screen.getByText( 'Zoe Quinn' ).closest( 'tr' ) as HTMLElement
			).queryByRole( 'button' )
		).toBeNull();
	} );

	it( 'says why an action failed', async () => {
		serve( {
			[ `POST ${ BOOKINGS }/8/approve` ]: () => {
				throw restError(
					'This booking is cancelled, so it cannot be approved.',
					'STATUS_CONFLICT',
					409
				);
			},
		} );
		renderScreen();

		fireEvent.click(
			within( await rowOf( 'Max Roy' ) ).getByRole( 'button', {
				name: /^Approve: Max Roy/,
			} )
		);

		expect(
			await screen.findByText(
				'The booking was not approved. This booking is cancelled, so it cannot be approved. (STATUS_CONFLICT)'
			)
		).toBeVisible();
	} );

	it( 'reschedules to a free time that the availability route offers', async () => {
		serve( {
			'GET /appointease/v1/availability': () => ( {
				days: [
					{
						date: '2030-01-08',
						slots: [
							{
								start: '2030-01-08T09:00:00+01:00',
								end: '2030-01-08T09:30:00+01:00',
								seats_left: 0,
								state: 'booked',
							},
							{
								start: '2030-01-08T09:30:00+01:00',
								end: '2030-01-08T10:00:00+01:00',
								seats_left: 1,
								state: 'available',
							},
						],
					},
				],
			} ),
			[ `POST ${ BOOKINGS }/7/reschedule` ]: ( call ) => ( {
				...ZOE,
				...( call.data as object ),
				start: '2030-01-08T09:30:00+01:00',
				end: '2030-01-08T10:00:00+01:00',
			} ),
		} );
		renderScreen();

		fireEvent.click(
			within( await rowOf( 'Zoe Quinn' ) ).getByRole( 'button', {
				name: /^Reschedule: Zoe Quinn/,
			} )
		);
		const dialog = within(
			screen.getByRole( 'dialog', { name: 'Reschedule booking' } )
		);
		fireEvent.change( dialog.getByLabelText( 'New date' ), {
			target: { value: '2030-01-08' },
		} );
		// Only free times are offered.
		fireEvent.click(
			await dialog.findByRole( 'button', { name: '09:30' } )
		);
		expect( dialog.queryByRole( 'button', { name: '09:00' } ) ).toBeNull();
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Move booking to 09:30' } )
		);

		expect(
			await screen.findByText(
				/The booking of Zoe Quinn is moved to .*09:30–10:00/
			)
		).toBeVisible();
		const lookup = callsTo( 'GET /appointease/v1/availability' ).pop();
		expect( Object.fromEntries( lookup?.query ?? [] ) ).toEqual( {
			service: '1',
			employee: '1',
			from: '2030-01-08',
			to: '2030-01-08',
		} );
		expect(
			callsTo( `POST ${ BOOKINGS }/7/reschedule` )[ 0 ]?.data
		).toEqual( {
			start: '2030-01-08T09:30:00+01:00',
		} );
	} );

	it( 'keeps the dialog open with the reason when the move is refused', async () => {
		serve( {
			'GET /appointease/v1/availability': () => ( {
				days: [
					{
						date: '2030-01-07',
						slots: [
							{
								start: '2030-01-07T12:00:00+01:00',
								end: '2030-01-07T12:30:00+01:00',
								seats_left: 1,
								state: 'available',
							},
						],
					},
				],
			} ),
			[ `POST ${ BOOKINGS }/7/reschedule` ]: () => {
				throw restError(
					'Someone else has just booked this time. Please pick another one.',
					'SLOT_TAKEN',
					409
				);
			},
		} );
		renderScreen();

		fireEvent.click(
			within( await rowOf( 'Zoe Quinn' ) ).getByRole( 'button', {
				name: /^Reschedule: Zoe Quinn/,
			} )
		);
		const dialog = within( screen.getByRole( 'dialog' ) );
		fireEvent.click(
			await dialog.findByRole( 'button', { name: '12:00' } )
		);
		fireEvent.click(
			dialog.getByRole( 'button', { name: 'Move booking to 12:00' } )
		);

		expect(
			await dialog.findByText(
				'The booking was not moved. Someone else has just booked this time. Please pick another one. (SLOT_TAKEN)'
			)
		).toBeVisible();
	} );
} );

describe( 'BookingsScreen calendar', () => {
	it( "shows every employee's day side by side with their hours, bookings and live holds", async () => {
		serve( {
			'GET /appointease/v1/booking-counts': () => ( {
				unverified: 0,
				pending: 1,
				confirmed: 1,
				cancelled: 3,
				rejected: 0,
				completed: 0,
				no_show: 0,
				expired: 0,
			} ),
			'GET /appointease/v1/slots/poll': ( call ) => ( {
				version: 3,
				employee: 1,
				date: '2030-01-07',
				booked: [],
				// Ana's day has a visitor's hold; Ben's none.
				held:
					( call as { query?: URLSearchParams } ).query?.get(
						'employee'
					) === '1'
						? [
								{
									start: '2030-01-07T14:00:00+01:00',
									end: '2030-01-07T14:30:00+01:00',
									id: 'h1',
									seats: 1,
								},
							]
						: [],
				server_time: '2030-01-07T08:00:00+00:00',
			} ),
			[ `POST ${ BOOKINGS }/7/reschedule` ]: () => ( {
				...ZOE,
				start: '2030-01-07T11:15:00+01:00',
				end: '2030-01-07T11:45:00+01:00',
			} ),
		} );
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Calendar' } )
		);

		await screen.findByRole( 'group', { name: 'Bookings by day' } );
		const [ ana = document.body, ben, ...others ] = calendarDays();
		expect( others ).toHaveLength( 0 );
		expect( ana ).toHaveAccessibleName( 'Ana Silva, Mon, Jan 7, 2030' );
		expect( ben ).toHaveAccessibleName( 'Ben Okafor, Mon, Jan 7, 2030' );
		expect(
			within( ana ).getByText( 'Works 09:00–12:30, 13:30–17:00' )
		).toBeVisible();
		expect( within( ana ).getByText( 'Break' ) ).toBeVisible();
		const zoe = await within( ana ).findByRole( 'button', {
			name: /^10:00–10:30 Haircut, Zoe Quinn/,
		} );
		expect( zoe ).toBeVisible();
		expect(
			await screen.findByText( '1 time is being booked right now.' )
		).toBeVisible();
		expect(
			within( ana ).getByText( 'Being booked: 14:00–14:30, 1 seat' )
		).toBeVisible();

		// Every employee's bookings of the day (a day more on each side).
		const lookup = callsTo( `GET ${ BOOKINGS }` ).pop();
		expect( lookup?.query.get( 'employee' ) ).toBeNull();
		expect( lookup?.query.get( 'from' ) ).toBe( '2030-01-06' );
		expect( lookup?.query.get( 'to' ) ).toBe( '2030-01-08' );
		expect(
			callsTo( 'GET /appointease/v1/slots/poll' )
				.map( ( call ) => call.query.toString() )
				.sort()
		).toEqual( [
			'employee=1&date=2030-01-07',
			'employee=2&date=2030-01-07',
		] );

		// A click opens the booking: details, actions and Move….
		fireEvent.click( zoe );
		const dialog = await screen.findByRole( 'dialog' );
		expect( within( dialog ).getByText( 'zoe@example.com' ) ).toBeVisible();
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Move…' } )
		);
		fireEvent.change( within( dialog ).getByLabelText( 'Start time' ), {
			target: { value: '11:15' },
		} );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Move booking' } )
		);
		await waitFor( () =>
			expect( callsTo( `POST ${ BOOKINGS }/7/reschedule` ) ).toHaveLength(
				1
			)
		);
		expect(
			callsTo( `POST ${ BOOKINGS }/7/reschedule` )[ 0 ]?.data
		).toEqual( { start: '2030-01-07T11:15:00+01:00' } );
	} );

	it( 'shows a week, Monday first, and opens a day from it', async () => {
		serve();
		render(
			<BookingsScreen
				today="2030-01-09"
				exportUrl={ EXPORT_URL }
				userId={ 7 }
				siteTimezone="Europe/Berlin"
			/>
		);

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Calendar' } )
		);
		fireEvent.click( screen.getByRole( 'button', { name: 'Week' } ) );

		await screen.findByRole( 'group', { name: 'Bookings by day' } );
		const days = calendarDays();
		expect( days ).toHaveLength( 7 );
		expect( days[ 0 ] ).toHaveAccessibleName(
			expect.stringMatching( /Mon.*Jan 7, 2030/ )
		);
		expect(
			within( days[ 6 ] as HTMLElement ).getByText( 'Not working' )
		).toBeVisible();
		expect(
			await within( days[ 0 ] as HTMLElement ).findByText( 'Zoe Quinn' )
		).toBeVisible();

		fireEvent.click(
			within( days[ 0 ] as HTMLElement ).getByRole( 'button', {
				name: 'Show the day Mon, Jan 7, 2030',
			} )
		);
		await waitFor( () => expect( calendarDays() ).toHaveLength( 2 ) );
		expect( calendarDays()[ 0 ] ).toHaveAccessibleName(
			'Ana Silva, Mon, Jan 7, 2030'
		);
		expect( screen.getByRole( 'button', { name: 'Day' } ) ).toHaveAttribute(
			'aria-pressed',
			'true'
		);
	} );
} );

describe( 'BookingsScreen list defaults and tools', () => {
	beforeEach( () => window.localStorage.clear() );

	it( 'offers quick status filters with counts and a Today view', async () => {
		serve();
		renderScreen();
		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Pending (1)' } )
		);
		await waitFor( () =>
			expect(
				callsTo( `GET ${ BOOKINGS }` ).pop()?.query.get( 'status' )
			).toBe( 'pending' )
		);
		expect(
			screen.getByRole( 'button', { name: 'Cancelled (3)' } )
		).toBeVisible();
		expect(
			screen.getByRole( 'button', { name: 'Open (2)' } )
		).toBeVisible();

		fireEvent.click( screen.getByRole( 'button', { name: 'Today' } ) );
		await waitFor( () =>
			expect(
				Object.fromEntries(
					callsTo( `GET ${ BOOKINGS }` ).pop()?.query ?? []
				)
			).toEqual( {
				page: '1',
				per_page: '20',
				from: '2030-01-07',
				to: '2030-01-07',
				order: 'asc',
				hide_closed: 'true',
			} )
		);
		expect(
			screen.getByRole( 'link', { name: 'Export CSV' } )
		).toHaveAttribute(
			'href',
			`${ EXPORT_URL }&from=2030-01-07&to=2030-01-07&order=asc&hide_closed=true`
		);
	} );

	it( 'remembers the hidden columns per user', async () => {
		serve();
		const { unmount } = renderScreen();
		await rowOf( 'Zoe Quinn' );
		fireEvent.click( screen.getByRole( 'button', { name: 'Columns' } ) );
		fireEvent.click( screen.getByLabelText( 'Seats' ) );
		expect(
			screen.queryByRole( 'columnheader', { name: 'Seats' } )
		).toBeNull();
		unmount();
		renderScreen();
		await rowOf( 'Zoe Quinn' );
		expect(
			screen.queryByRole( 'columnheader', { name: 'Seats' } )
		).toBeNull();
		expect(
			screen.getByRole( 'columnheader', { name: 'Service' } )
		).toBeVisible();
	} );

	it( 'shows the answers to the booking form as a column that can be hidden too', async () => {
		serve( {}, () => [
			{
				...ZOE,
				answers: [
					{
						id: 'f_0a1b2c3d',
						label: 'How did you hear of us?',
						type: 'select',
						value: 'The web',
						text: 'The web',
						removed: false,
					},
				],
			},
			MAX,
		] );
		renderScreen();
		await rowOf( 'Zoe Quinn' );
		expect(
			screen.getByRole( 'columnheader', { name: 'Answers' } )
		).toBeVisible();
		expect( screen.getByText( 'The web' ) ).toBeVisible();
		fireEvent.click( screen.getByRole( 'button', { name: 'Columns' } ) );
		fireEvent.click(
			screen.getByLabelText( 'Answers to the booking form' )
		);
		expect(
			screen.queryByRole( 'columnheader', { name: 'Answers' } )
		).toBeNull();
		// Closed again, so that nothing of it is left for the next test.
		fireEvent.click( screen.getByRole( 'button', { name: 'Columns' } ) );
		await waitFor( () =>
			expect(
				screen.queryByLabelText( 'Answers to the booking form' )
			).toBeNull()
		);
	} );

	it( 'cancels the selected bookings with one request each, after asking', async () => {
		serve( {
			'POST /appointease/v1/bookings/7/cancel': () =>
				booking( { status: 'cancelled' } ),
			'POST /appointease/v1/bookings/8/cancel': () =>
				booking( { id: 8, status: 'cancelled' } ),
		} );
		renderScreen();
		await rowOf( 'Zoe Quinn' );
		fireEvent.click(
			screen.getByLabelText( 'Select all bookings on this page' )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Cancel selected' } )
		);
		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Cancel bookings' } )
		);
		expect(
			await screen.findByText(
				'2 bookings cancelled; their times are free again.'
			)
		).toBeVisible();
		expect(
			callsTo( 'POST /appointease/v1/bookings/7/cancel' )
		).toHaveLength( 1 );
		expect(
			callsTo( 'POST /appointease/v1/bookings/8/cancel' )
		).toHaveLength( 1 );
	} );

	it( 'approves only the selected pending bookings, and says when none is', async () => {
		serve( {
			'POST /appointease/v1/bookings/8/approve': () =>
				booking( { id: 8, status: 'confirmed' } ),
		} );
		renderScreen();
		await rowOf( 'Zoe Quinn' );
		fireEvent.click(
			screen.getByLabelText( /^Select the booking of Zoe Quinn/ )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Approve selected' } )
		);
		expect(
			await screen.findByText(
				/None of the selected bookings is waiting for approval/
			)
		).toBeVisible();
		fireEvent.click(
			screen.getByLabelText( 'Select all bookings on this page' )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Approve selected' } )
		);
		expect(
			await screen.findByText( '1 booking approved.' )
		).toBeVisible();
		expect(
			callsTo( 'POST /appointease/v1/bookings/8/approve' )
		).toHaveLength( 1 );
		expect(
			callsTo( 'POST /appointease/v1/bookings/7/approve' )
		).toHaveLength( 0 );
	} );
} );
