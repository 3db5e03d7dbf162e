/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import { SettingsScreen } from '../../../src/admin/screens/settings/SettingsScreen';
import type { SettingSchema } from '../../../src/shared/api';
import { callsTo, mockApi, restError } from './api-mock';

jest.mock( '@wordpress/api-fetch' );

const ROUTE = '/appointease/v1/settings';

/** The schema as OPTIONS settings gives it, with a key this code does not know. */
const SCHEMA: Record< string, SettingSchema > = {
	slot_step: {
		type: 'integer',
		enum: [ 5, 10, 15 ],
		description: 'Minutes between two offered start times.',
	},
	approval_required: {
		type: 'boolean',
		description: 'New bookings wait as pending.',
	},
	poll_interval: {
		type: 'integer',
		minimum: 1,
		maximum: 10,
		description: 'Seconds between two checks.',
	},
	email_created_customer_subject: { type: 'string', maxLength: 255 },
	email_created_customer_body: { type: 'string', maxLength: 10000 },
	loyalty_bonus: { type: 'integer', title: 'Loyalty bonus', minimum: 0 },
	booking_page: { type: 'integer', minimum: 0 },
	reminder_times: { type: 'string', maxLength: 200 },
};

const SAVED = {
	slot_step: 15,
	approval_required: false,
	poll_interval: 1,
	email_created_customer_subject: 'Your booking',
	email_created_customer_body: 'Hello {customer_name}',
	loyalty_bonus: 0,
	booking_page: 0,
	reminder_times: '24h, 2h',
};

function serve( patch: ( data: unknown ) => unknown ) {
	mockApi( {
		'GET /wp/v2/pages': () => [
			{ id: 12, title: { rendered: 'Book &amp; relax' } },
			{ id: 14, title: { rendered: 'About' } },
		],
		[ `OPTIONS ${ ROUTE }` ]: () => ( { schema: { properties: SCHEMA } } ),
		[ `GET ${ ROUTE }` ]: () => SAVED,
		[ `PATCH ${ ROUTE }` ]: ( call ) => patch( call.data ),
	} );
}

function renderScreen() {
	return render(
		<SettingsScreen
			holdStore={ {
				store: 'database',
				configured: true,
				reachable: false,
				latency_ms: null,
				error: 'Connection refused',
			} }
		/>
	);
}

describe( 'SettingsScreen', () => {
	it( 'renders a control for every setting in the schema, known or not', async () => {
		serve( () => SAVED );
		renderScreen();

		expect(
			await screen.findByLabelText( 'Slot step (minutes)' )
		).toHaveValue( '15' );
		expect(
			screen.getByLabelText( 'Bookings need approval' )
		).not.toBeChecked();
		const interval = screen.getByLabelText(
			'Availability check interval (seconds)'
		);
		expect( interval ).toHaveAttribute( 'type', 'number' );
		expect( interval ).toHaveAttribute( 'min', '1' );
		expect( interval ).toHaveAttribute( 'max', '10' );
		expect( interval ).toHaveAccessibleDescription(
			'Seconds between two checks.'
		);
		expect( screen.getByLabelText( 'Loyalty bonus' ) ).toHaveValue( 0 );

		// Templates sit in a closed panel per email until opened.
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'New booking: email to the customer',
			} )
		);
		expect(
			screen.getByLabelText(
				'Message (New booking: email to the customer)'
			).tagName
		).toBe( 'TEXTAREA' );
		expect(
			screen.getByLabelText(
				'Subject (New booking: email to the customer)'
			).tagName
		).toBe( 'INPUT' );
	} );

	it( 'reports the hold store as Site Health does', async () => {
		serve( () => SAVED );
		renderScreen();

		expect(
			await screen.findByText(
				/Redis is configured but does not answer.*Connection refused/
			)
		).toBeVisible();
	} );

	it( 'saves only the changed settings and says so', async () => {
		serve( ( data ) => ( { ...SAVED, ...( data as object ) } ) );
		renderScreen();

		fireEvent.click(
			await screen.findByLabelText( 'Bookings need approval' )
		);
		fireEvent.change( screen.getByLabelText( 'Slot step (minutes)' ), {
			target: { value: '10' },
		} );
		expect( screen.getByText( 'Unsaved changes' ) ).toBeVisible();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);

		expect( await screen.findByText( 'Settings saved.' ) ).toBeVisible();
		expect( callsTo( `PATCH ${ ROUTE }` )[ 0 ]?.data ).toEqual( {
			approval_required: true,
			slot_step: 10,
		} );
		expect( screen.queryByText( 'Unsaved changes' ) ).toBeNull();
		expect(
			screen.getByRole( 'button', { name: 'Save settings' } )
		).toBeDisabled();
	} );

	it( 'refuses an out-of-range number before sending', async () => {
		serve( () => SAVED );
		renderScreen();

		fireEvent.change(
			await screen.findByLabelText(
				'Availability check interval (seconds)'
			),
			{ target: { value: '50' } }
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);

		expect(
			await screen.findByText( 'Enter a number from 1 to 10.' )
		).toBeVisible();
		expect( callsTo( `PATCH ${ ROUTE }` ) ).toHaveLength( 0 );
	} );

	it( "shows the server's refusal and keeps the changes", async () => {
		serve( () => {
			throw restError(
				'A hold cannot last longer per heartbeat than at most.',
				'VALIDATION_ERROR',
				400
			);
		} );
		renderScreen();

		fireEvent.click(
			await screen.findByLabelText( 'Bookings need approval' )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);

		expect(
			await screen.findByText(
				'The settings were not saved. A hold cannot last longer per heartbeat than at most. (VALIDATION_ERROR)'
			)
		).toBeVisible();
		expect(
			screen.getByLabelText( 'Bookings need approval' )
		).toBeChecked();
		expect( screen.getByText( 'Unsaved changes' ) ).toBeVisible();
	} );

	it( 'groups the settings and picks the booking page by its title', async () => {
		serve( ( data ) => ( { ...SAVED, ...( data as object ) } ) );
		renderScreen();

		const page = await screen.findByLabelText( 'Booking page' );
		expect(
			screen
				.getAllByRole( 'group' )
				.map(
					( group ) => group.querySelector( 'legend' )?.textContent
				)
				.filter( Boolean )
		).toEqual( [
			'Booking rules',
			'Booking form',
			'Emails',
			'Reminders',
			'Store & performance',
		] );
		expect(
			screen.getByRole( 'option', { name: 'Book & relax' } )
		).toBeInTheDocument();
		fireEvent.change( page, { target: { value: '12' } } );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);
		expect( await screen.findByText( 'Settings saved.' ) ).toBeVisible();
		expect( callsTo( `PATCH ${ ROUTE }` )[ 0 ]?.data ).toEqual( {
			booking_page: 12,
		} );
	} );
} );
