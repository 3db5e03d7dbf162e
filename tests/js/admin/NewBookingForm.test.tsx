/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { NewBookingForm } from '../../../src/admin/screens/bookings/NewBookingForm';
import { zonedIso } from '../../../src/shared/time';
import { callsTo, mockApi, restError } from './api-mock';
import { ANA, BEN, booking, HAIRCUT, YOGA } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const CHECK = 'POST /appointease/v1/booking-check';
const BOOK = 'POST /appointease/v1/bookings';

function serve(
	overrides: string[] = [],
	book?: () => unknown,
	haircut: typeof HAIRCUT = HAIRCUT
) {
	mockApi( {
		'GET /appointease/v1/services': () => [ haircut, YOGA ],
		'GET /appointease/v1/employees': () => [ ANA, BEN ],
		'GET /appointease/v1/availability': () => ( {
			days: [
				{
					date: '2030-01-07',
					slots: [
						{
							start: '2030-01-07T09:00:00+01:00',
							end: '2030-01-07T09:30:00+01:00',
							seats_left: 1,
							state: 'available',
						},
						{
							start: '2030-01-07T09:30:00+01:00',
							end: '2030-01-07T10:00:00+01:00',
							seats_left: 0,
							state: 'held',
						},
					],
				},
			],
		} ),
		[ CHECK ]: ( call ) => ( {
			start: ( call.data as { start: string } ).start,
			end: ( call.data as { start: string } ).start,
			state: 'available',
			seats_left: 1,
			overrides: overrides.map( ( rule ) => ( {
				rule,
				message: `Breaks ${ rule }.`,
			} ) ),
		} ),
		'GET /appointease/v1/customers': () => [
			{
				name: 'Maria Keller',
				email: 'maria@example.com',
				phone: '+49 30 1234',
				bookings: 2,
			},
		],
		[ BOOK ]:
			book ??
			( () =>
				booking( {
					customer: {
						name: 'Maria Keller',
						email: 'maria@example.com',
						phone: '+49 30 1234',
						notes: '',
					},
				} ) ),
	} );
}

function renderForm( onDone = jest.fn() ) {
	render(
		<NewBookingForm
			today="2030-01-07"
			siteTimezone="Europe/Berlin"
			onDone={ onDone }
		/>
	);
	return onDone;
}

async function pickEarlierCustomer() {
	fireEvent.change( screen.getByLabelText( 'Find an earlier customer' ), {
		target: { value: 'kell' },
	} );
	fireEvent.click(
		await screen.findByRole( 'button', {
			name: 'Maria Keller, maria@example.com (2 bookings)',
		} )
	);
}

describe( 'NewBookingForm', () => {
	it( 'books a time outside the rules with a warning naming the rule, for an earlier customer', async () => {
		serve( [ 'working_hours' ] );
		const onDone = renderForm();
		expect(
			await screen.findByRole( 'button', { name: '09:00' } )
		).toBeEnabled();
		expect(
			screen.getByRole( 'button', {
				name: '09:30, being booked by a visitor',
			} )
		).toBeDisabled();

		fireEvent.change( screen.getByLabelText( 'Start time' ), {
			target: { value: '07:30' },
		} );
		expect(
			await screen.findByText( 'Breaks working_hours.' )
		).toBeVisible();
		expect(
			screen.getByText( /Visitors could not book this time/ )
		).toBeVisible();
		expect( callsTo( CHECK ).pop()?.data ).toEqual( {
			service: 1,
			employee: 1,
			start: '2030-01-07T07:30:00+01:00',
		} );

		await pickEarlierCustomer();
		expect( screen.getByLabelText( 'Name' ) ).toHaveValue( 'Maria Keller' );
		expect( screen.getByLabelText( 'Phone' ) ).toHaveValue( '+49 30 1234' );
		expect( screen.getByLabelText( 'Notify the customer' ) ).toBeChecked();
		fireEvent.click( screen.getByLabelText( 'Notify the customer' ) );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Book anyway' } )
		);
		await waitFor( () => expect( onDone ).toHaveBeenCalled() );
		expect( callsTo( BOOK )[ 0 ]?.data ).toEqual( {
			service: 1,
			employee: 1,
			start: '2030-01-07T07:30:00+01:00',
			customer: {
				name: 'Maria Keller',
				email: 'maria@example.com',
				phone: '+49 30 1234',
				notes: '',
			},
			override: true,
			notify: false,
			fields: {},
		} );
	} );

	it( 'books an offered time without override and shows why a taken one was refused', async () => {
		serve( [], () => {
			throw restError(
				'Someone else has just booked this time. Please pick another one.',
				'SLOT_TAKEN',
				409
			);
		} );
		const onDone = renderForm();
		fireEvent.click(
			await screen.findByRole( 'button', { name: '09:00' } )
		);
		await pickEarlierCustomer();
		const book = await screen.findByRole( 'button', { name: 'Book' } );
		await waitFor( () => expect( book ).toBeEnabled() );
		expect(
			screen.queryByText( /Visitors could not book this time/ )
		).toBeNull();
		fireEvent.click( book );
		expect( await screen.findByText( /SLOT_TAKEN/ ) ).toBeVisible();
		expect( callsTo( BOOK )[ 0 ]?.data ).toMatchObject( {
			start: '2030-01-07T09:00:00+01:00',
			override: false,
			notify: true,
		} );
		expect( onDone ).not.toHaveBeenCalled();
	} );
} );

describe( 'NewBookingForm and the booking form', () => {
	it( "asks the service's own questions, sends nothing while a required one is unanswered, and sends the answers", async () => {
		serve( [], undefined, {
			...HAIRCUT,
			fields: [
				{
					id: 'f_0a1b2c3d',
					type: 'select',
					label: 'How did you hear of us?',
					help: '',
					required: true,
					options: [ 'A friend', 'The web' ],
				},
			],
		} );
		const onDone = renderForm();
		fireEvent.click(
			await screen.findByRole( 'button', { name: '09:00' } )
		);
		await pickEarlierCustomer();
		const book = await screen.findByRole( 'button', { name: 'Book' } );
		await waitFor( () => expect( book ).toBeEnabled() );
		expect(
			screen.getByLabelText( /How did you hear of us/ )
		).toBeVisible();
		// Unanswered, the required question keeps the form from being sent.
		fireEvent.click( book );
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		expect( callsTo( BOOK ) ).toHaveLength( 0 );

		fireEvent.change( screen.getByLabelText( /How did you hear of us/ ), {
			target: { value: 'The web' },
		} );
		fireEvent.click( book );
		await waitFor( () => expect( onDone ).toHaveBeenCalled() );
		expect( callsTo( BOOK )[ 0 ]?.data ).toMatchObject( {
			fields: { f_0a1b2c3d: 'The web' },
		} );
	} );
} );

describe( 'zonedIso', () => {
	it( 'opens on the time and employee chosen in the calendar, with a service that employee gives', async () => {
		const yogaOnly = { ...BEN, services: [ YOGA.id ] };
		mockApi( {
			'GET /appointease/v1/services': () => [ HAIRCUT, YOGA ],
			'GET /appointease/v1/employees': () => [ ANA, yogaOnly ],
			'GET /appointease/v1/availability': () => ( { days: [] } ),
			[ CHECK ]: ( call ) => ( {
				start: ( call.data as { start: string } ).start,
				end: ( call.data as { start: string } ).start,
				state: 'available',
				seats_left: 1,
				overrides: [],
			} ),
		} );
		render(
			<NewBookingForm
				today="2030-01-07"
				siteTimezone="Europe/Berlin"
				initialEmployee={ yogaOnly.id }
				initialStart="2030-01-08T10:15"
				onDone={ jest.fn() }
			/>
		);

		await waitFor( () =>
			expect( screen.getByLabelText( 'Service' ) ).toHaveValue(
				String( YOGA.id )
			)
		);
		expect( screen.getByLabelText( 'Employee' ) ).toHaveValue(
			String( yogaOnly.id )
		);
		expect( screen.getByLabelText( 'Date' ) ).toHaveValue( '2030-01-08' );
		expect( screen.getByLabelText( 'Start time' ) ).toHaveValue( '10:15' );
		await waitFor( () => expect( callsTo( CHECK ) ).toHaveLength( 1 ) );
	} );

	it( "gives a wall time its timezone's offset on that day", () => {
		expect( zonedIso( '2030-01-07', '07:30', 'Europe/Berlin' ) ).toBe(
			'2030-01-07T07:30:00+01:00'
		);
		expect( zonedIso( '2030-07-01', '07:30', 'Europe/Berlin' ) ).toBe(
			'2030-07-01T07:30:00+02:00'
		);
		expect( zonedIso( '2030-07-01', '23:55', 'America/New_York' ) ).toBe(
			'2030-07-01T23:55:00-04:00'
		);
		expect( zonedIso( '2030-07-01', '08:00', '-03:30' ) ).toBe(
			'2030-07-01T08:00:00-03:30'
		);
	} );
} );
