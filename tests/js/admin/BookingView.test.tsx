/**
 * The booking view of wp-admin: opened from the list (the customer's name)
 * or by its address (`&booking=<id>`), Back returns to the list; it shows
 * every answer (a deleted field's labelled as removed), the consent and its
 * exact text, and the server's refusal in words.
 */

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
 * Internal dependencies
 */
import { BookingsScreen } from '../../../src/admin/screens/bookings/BookingsScreen';
import { callsTo, listResponse, mockApi, restError } from './api-mock';
import { ANA, BEN, booking, HAIRCUT, YOGA } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const ZOE = booking( {
	customer: {
		name: 'Zoe Quinn',
		email: 'zoe@example.com',
		phone: '+49 30 1',
		notes: 'Window seat, please.',
	},
	answers: [
		{
			id: 'f_0a1b2c3d',
			label: 'How did you hear of us?',
			type: 'select',
			value: 'The web',
			text: 'The web',
			removed: false,
		},
		{
			id: 'f_9e8d7c6b',
			label: 'Allergies',
			type: 'text',
			value: 'Nuts',
			text: 'Nuts',
			removed: true,
		},
	],
	consent: {
		at: '2030-01-01T08:00:00Z',
		text: 'I agree to the privacy policy.',
	},
} );

function serve( one: () => unknown = () => ZOE ) {
	mockApi( {
		'GET /appointease/v1/services': () => [ HAIRCUT, YOGA ],
		'GET /appointease/v1/employees': () => [ ANA, BEN ],
		'GET /appointease/v1/bookings': () => listResponse( [ ZOE ], 1, 1 ),
		'GET /appointease/v1/booking-counts': () => ( {
			unverified: 0,
			pending: 0,
			confirmed: 1,
			cancelled: 0,
			rejected: 0,
			completed: 0,
			no_show: 0,
			expired: 0,
		} ),
		'GET /appointease/v1/bookings/7': one,
	} );
}

function renderScreen() {
	return render(
		<BookingsScreen
			today="2030-01-07"
			exportUrl="/export"
			userId={ 7 }
			siteTimezone="Europe/Berlin"
			currency="EUR"
		/>
	);
}

async function viewHeading() {
	return screen.findByRole( 'heading', {
		level: 2,
		name: /^Zoe Quinn, /,
	} );
}

describe( 'the booking view', () => {
	afterEach( () => {
		window.history.replaceState( null, '', '/wp-admin/admin.php' );
	} );

	it( 'opens from the customer’s name in the list, shows everything, and Back returns', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=appointease-bookings'
		);
		serve();
		renderScreen();
		const name = await screen.findByRole( 'link', {
			name: /^View the booking of Zoe Quinn, /,
		} );
		expect( name ).toHaveAttribute(
			'href',
			expect.stringContaining( 'page=appointease-bookings&booking=7' )
		);

		fireEvent.click( name );

		const heading = await viewHeading();
		await waitFor( () => expect( heading ).toHaveFocus() );
		expect( window.location.search ).toBe(
			'?page=appointease-bookings&booking=7'
		);
		const view = within(
			screen.getByRole( 'region', { name: /^Zoe Quinn, / } )
		);
		expect( view.getByText( 'Window seat, please.' ) ).toBeVisible();
		expect( view.getByText( '+49 30 1' ) ).toBeVisible();
		expect( view.getByText( '€35.00' ) ).toBeVisible();
		expect( view.getByText( /\(Europe\/Berlin\)$/ ) ).toBeVisible();
		expect( view.getByText( 'How did you hear of us?' ) ).toBeVisible();
		expect( view.getByText( 'Allergies (removed field)' ) ).toBeVisible();
		expect( view.getByText( 'Nuts' ) ).toBeVisible();
		expect(
			view.getByText( 'I agree to the privacy policy.' )
		).toBeVisible();
		expect(
			view.getByRole( 'button', { name: /^Cancel booking: Zoe/ } )
		).toBeVisible();
		expect(
			view.getByRole( 'button', { name: 'Resend confirmation' } )
		).toBeVisible();
		expect(
			screen.queryByRole( 'table', { name: 'Bookings' } )
		).toBeNull();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Back to bookings' } )
		);

		expect(
			await screen.findByRole( 'table', { name: 'Bookings' } )
		).toBeVisible();
		await waitFor( () =>
			expect( window.location.search ).toBe(
				'?page=appointease-bookings'
			)
		);
	} );

	it( 'opens directly from its address, and Back drops the booking from it', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=appointease-bookings&booking=7'
		);
		serve();
		renderScreen();

		expect( await viewHeading() ).toBeVisible();
		expect( callsTo( 'GET /appointease/v1/bookings/7' ) ).toHaveLength( 1 );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Back to bookings' } )
		);
		expect( window.location.search ).toBe( '?page=appointease-bookings' );
		expect(
			await screen.findByRole( 'table', { name: 'Bookings' } )
		).toBeVisible();
	} );

	it( 'says why when the server refuses the booking', async () => {
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=appointease-bookings&booking=7'
		);
		serve( () => {
			throw restError(
				'Sorry, you are not allowed to do that.',
				'FORBIDDEN',
				403
			);
		} );
		renderScreen();

		expect(
			await screen.findByText(
				'This booking cannot be shown. Sorry, you are not allowed to do that.'
			)
		).toBeVisible();
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Booking #7' } )
		).toHaveFocus();
	} );
} );
