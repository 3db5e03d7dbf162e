/**
 * What the booking app does about the server's anti-spam refusals: the
 * honeypot travels with every booking, and a visitor refused as too fast
 * without a hold of their own gets one again, so the next try can book.
 */

/**
 * External dependencies
 */
import { waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { submitBooking } from '../../src/shared/actions';
import { ApiError } from '../../src/shared/api';
import { at } from './support/fixtures';
import { testStore } from './support/render';

function readyToBook() {
	const { store, api } = testStore();
	const state = store.getState();
	state.selectService( 1 );
	state.setChosen( { start: at( 10 ), end: at( 10, 30 ), employee: 1 } );
	state.setCustomerField( 'name', 'Zoe' );
	state.setCustomerField( 'email', 'zoe@example.com' );
	return { store, api };
}

const tooFast = () =>
	new ApiError( 'Please take a moment, then confirm again.', {
		code: 'appointease_too_fast',
		status: 422,
		reason: 'TOO_FAST',
	} );

describe( 'anti-spam refusals', () => {
	it( 'sends what a script put in the hidden field, so the server can refuse it', async () => {
		const { store, api } = readyToBook();
		store.getState().setTrap( 'https://cheap-pills.example' );

		await submitBooking( store );

		expect( api.book.mock.calls[ 0 ]?.[ 0 ] ).toMatchObject( {
			website: 'https://cheap-pills.example',
		} );
		expect( api.book.mock.calls[ 0 ]?.[ 0 ] ).not.toHaveProperty(
			'captcha_token'
		);
	} );

	it( 'holds the time again after TOO_FAST when the visitor had no hold, and books with it next time', async () => {
		const { store, api } = readyToBook();
		api.book.mockRejectedValueOnce( tooFast() );

		await submitBooking( store );

		expect( store.getState().notice ).toMatchObject( {
			kind: 'error',
			text: 'Please take a moment, then confirm again.',
		} );
		await waitFor( () =>
			expect( store.getState().hold?.token ).toBe( 'token-1' )
		);
		expect( api.takeHold ).toHaveBeenCalledWith( {
			service: 1,
			employee: 1,
			start: at( 10 ),
		} );

		await submitBooking( store );

		expect( api.book ).toHaveBeenCalledTimes( 2 );
		expect( api.book.mock.calls[ 0 ]?.[ 0 ] ).not.toHaveProperty(
			'hold_token'
		);
		expect( api.book.mock.calls[ 1 ]?.[ 0 ] ).toMatchObject( {
			hold_token: 'token-1',
		} );
		// The same submit: the same Idempotency-Key.
		expect( api.book.mock.calls[ 1 ]?.[ 1 ] ).toBe(
			api.book.mock.calls[ 0 ]?.[ 1 ]
		);
		expect( store.getState().step ).toBe( 'done' );
	} );
} );
