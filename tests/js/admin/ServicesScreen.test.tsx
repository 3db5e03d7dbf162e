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
import { ServicesScreen } from '../../../src/admin/screens/services/ServicesScreen';
import { callsTo, mockApi, restError } from './api-mock';
import { HAIRCUT, YOGA } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const SERVICES = '/appointease/v1/services';

describe( 'ServicesScreen', () => {
	it( 'lists every service, inactive ones too', async () => {
		mockApi( {
			[ `GET ${ SERVICES }` ]: () => [
				HAIRCUT,
				{ ...YOGA, active: false },
			],
		} );
		render( <ServicesScreen currency="EUR" locale="en-GB" /> );

		const table = await screen.findByRole( 'table', { name: 'Services' } );
		const rows = within( table ).getAllByRole( 'row' );
		expect( rows ).toHaveLength( 3 );
		expect( rows[ 1 ] ).toHaveTextContent( 'Haircut' );
		// The same price as visitors see it, in the currency setting's currency.
		expect( rows[ 1 ] ).toHaveTextContent( '€35.00' );
		expect( rows[ 2 ] ).toHaveTextContent( 'Inactive' );
		expect(
			callsTo( `GET ${ SERVICES }` )[ 0 ]?.query.get( 'context' )
		).toBe( 'edit' );
	} );

	it( 'adds a service and says so', async () => {
		let list = [ HAIRCUT ];
		mockApi( {
			[ `GET ${ SERVICES }` ]: () => list,
			[ `POST ${ SERVICES }` ]: ( call ) => {
				const created = { ...YOGA, ...( call.data as object ), id: 9 };
				list = [ ...list, created ];
				return created;
			},
		} );
		render( <ServicesScreen currency="" locale="en-US" /> );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Add service' } )
		);
		fireEvent.change( screen.getByLabelText( 'Name' ), {
			target: { value: 'Beard trim' },
		} );
		const duration = screen.getByLabelText( 'Duration (minutes)' );
		fireEvent.change( duration, { target: { value: '20' } } );
		const capacity = screen.getByLabelText( 'Capacity (seats)' );
		fireEvent.change( capacity, { target: { value: '2' } } );
		fireEvent.change( screen.getByLabelText( 'Price' ), {
			target: { value: '12.50' },
		} );
		fireEvent.change(
			screen.getByLabelText( 'Reminder emails before the start' ),
			{ target: { value: ' 90m ' } }
		);
		fireEvent.change(
			screen.getByLabelText( 'Cancel online until (hours before)' ),
			{ target: { value: '24' } }
		);
		fireEvent.change(
			screen.getByLabelText( 'Bookings per employee and day' ),
			{ target: { value: '6' } }
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save service' } )
		);

		expect(
			await screen.findByText( 'Service "Beard trim" saved.' )
		).toBeVisible();
		expect( callsTo( `POST ${ SERVICES }` )[ 0 ]?.data ).toEqual( {
			name: 'Beard trim',
			description: '',
			duration: 20,
			buffer_before: 0,
			buffer_after: 0,
			capacity: 2,
			price: '12.50',
			active: true,
			reminders: '90m',
			// Empty cut-offs follow the site; empty limits are none.
			cancel_cutoff_hours: 24,
			reschedule_cutoff_hours: null,
			daily_limit: 6,
			email_daily_limit: 0,
			email_weekly_limit: 0,
		} );
		expect(
			await screen.findByRole( 'rowheader', { name: 'Beard trim' } )
		).toBeVisible();
	} );

	it( 'shows why the server refused, at the field and in the notice', async () => {
		mockApi( {
			[ `GET ${ SERVICES }` ]: () => [ HAIRCUT ],
			[ `PATCH ${ SERVICES }/1` ]: () => {
				throw restError(
					'Invalid parameter(s): price',
					'VALIDATION_ERROR',
					400,
					{ price: 'price does not match pattern.' }
				);
			},
		} );
		render( <ServicesScreen currency="" locale="en-US" /> );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Haircut' } )
		);
		fireEvent.change( screen.getByLabelText( 'Price' ), {
			target: { value: 'ten' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save service' } )
		);

		expect(
			await screen.findByText(
				/The service was not saved\..*\(VALIDATION_ERROR\)/
			)
		).toBeVisible();
		expect( screen.getByLabelText( 'Price' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect(
			screen.getByText( 'price does not match pattern.' )
		).toBeVisible();
		// The form stays open with what was typed.
		expect( screen.getByLabelText( 'Price' ) ).toHaveValue( 'ten' );
		expect( callsTo( `PATCH ${ SERVICES }/1` )[ 0 ]?.data ).toMatchObject( {
			price: 'ten',
		} );
	} );

	it( 'checks whole numbers before sending anything', async () => {
		mockApi( { [ `GET ${ SERVICES }` ]: () => [] } );
		render( <ServicesScreen currency="" locale="en-US" /> );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Add service' } )
		);
		fireEvent.change( screen.getByLabelText( 'Name' ), {
			target: { value: 'Massage' },
		} );
		fireEvent.change( screen.getByLabelText( 'Capacity (seats)' ), {
			target: { value: '' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save service' } )
		);

		expect(
			await screen.findByText( 'Enter a whole number.' )
		).toBeVisible();
		expect( screen.getByLabelText( 'Capacity (seats)' ) ).toHaveAttribute(
			'aria-invalid',
			'true'
		);
		expect( callsTo( `POST ${ SERVICES }` ) ).toHaveLength( 0 );
	} );

	it( 'explains a refused delete (IN_USE)', async () => {
		mockApi( {
			[ `GET ${ SERVICES }` ]: () => [ HAIRCUT ],
			[ `DELETE ${ SERVICES }/1` ]: () => {
				throw restError(
					'This service has bookings, so it is kept for the record. Deactivate it instead.',
					'IN_USE',
					409
				);
			},
		} );
		render( <ServicesScreen currency="" locale="en-US" /> );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Delete Haircut' } )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Delete this service?',
		} );
		fireEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Delete service' } )
		);

		expect(
			await screen.findByText(
				'Service "Haircut" was not deleted. This service has bookings, so it is kept for the record. Deactivate it instead. (IN_USE)'
			)
		).toBeVisible();
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
	} );

	it( 'asks before dropping unsaved changes, and warns when leaving the page', async () => {
		mockApi( { [ `GET ${ SERVICES }` ]: () => [ HAIRCUT ] } );
		const confirm = jest
			.spyOn( window, 'confirm' )
			.mockReturnValue( false );
		render( <ServicesScreen currency="" locale="en-US" /> );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Haircut' } )
		);
		fireEvent.change( screen.getByLabelText( 'Name' ), {
			target: { value: 'Haircut deluxe' },
		} );
		expect( screen.getByText( 'Unsaved changes' ) ).toBeVisible();

		const leave = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( leave );
		expect( leave.defaultPrevented ).toBe( true );

		fireEvent.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect( confirm ).toHaveBeenCalledWith(
			'You have unsaved changes. Discard them?'
		);
		expect( screen.getByLabelText( 'Name' ) ).toHaveValue(
			'Haircut deluxe'
		);

		confirm.mockReturnValue( true );
		fireEvent.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect(
			await screen.findByRole( 'table', { name: 'Services' } )
		).toBeVisible();

		const later = new Event( 'beforeunload', { cancelable: true } );
		window.dispatchEvent( later );
		expect( later.defaultPrevented ).toBe( false );
		confirm.mockRestore();
	} );
} );
