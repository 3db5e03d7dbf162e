/**
 * External dependencies
 */
import { act, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import {
	LIVE_HOLDS_SECONDS,
	LiveHolds,
} from '../../../src/admin/screens/bookings/LiveHolds';
import type { PollAnswer, PollHold } from '../../../src/shared/types';
import { callsTo, mockApi, restError } from './api-mock';

jest.mock( '@wordpress/api-fetch' );

const POLL = 'GET /appointease/v1/slots/poll';

function answer( version: number, held: PollHold[] ): PollAnswer {
	return {
		version,
		employee: 1,
		date: '2030-01-07',
		booked: [],
		held,
		server_time: '2030-01-07T08:00:00+00:00',
	};
}

const HOLD = {
	start: '2030-01-07T14:00:00+01:00',
	end: '2030-01-07T14:30:00+01:00',
	id: 'a1',
	seats: 2,
};

let visibility: DocumentVisibilityState = 'visible';

beforeAll( () => {
	Object.defineProperty( document, 'visibilityState', {
		configurable: true,
		get: () => visibility,
	} );
} );

beforeEach( () => {
	visibility = 'visible';
	jest.useFakeTimers();
} );

afterEach( () => {
	jest.useRealTimers();
} );

/** Lets the poll's promise chain settle. */
async function settle() {
	await act( async () => {
		await Promise.resolve();
	} );
}

async function nextPoll() {
	await act( async () => {
		jest.advanceTimersByTime( LIVE_HOLDS_SECONDS * 1000 );
	} );
	await settle();
}

describe( 'LiveHolds', () => {
	it( "reads the day's holds every few seconds and reports a new calendar version", async () => {
		let current = answer( 1, [] );
		mockApi( { [ POLL ]: () => current } );
		const changed = jest.fn();
		render(
			<LiveHolds
				employee={ 1 }
				date="2030-01-07"
				onVersionChange={ changed }
			/>
		);
		await settle();

		expect(
			screen.getByText(
				'Nobody is choosing a time on this day right now.'
			)
		).toBeVisible();

		current = answer( 1, [ HOLD ] );
		await nextPoll();
		expect(
			screen.getByText( '1 time is being booked right now.' )
		).toBeVisible();
		expect( screen.getByText( '14:00–14:30, 2 seats' ) ).toBeVisible();
		expect( changed ).not.toHaveBeenCalled();

		current = answer( 2, [] );
		await nextPoll();
		expect( changed ).toHaveBeenCalledTimes( 1 );
		expect( callsTo( POLL ) ).toHaveLength( 3 );
	} );

	it( 'pauses while the tab is hidden', async () => {
		mockApi( { [ POLL ]: () => answer( 1, [] ) } );
		render( <LiveHolds employee={ 1 } date="2030-01-07" /> );
		await settle();

		visibility = 'hidden';
		await nextPoll();
		await nextPoll();
		expect( callsTo( POLL ) ).toHaveLength( 1 );

		visibility = 'visible';
		await nextPoll();
		expect( callsTo( POLL ) ).toHaveLength( 2 );
	} );

	it( 'says when a check failed, and keeps checking', async () => {
		let fail = true;
		mockApi( {
			[ POLL ]: () => {
				if ( fail ) {
					throw restError(
						'Too many requests.',
						'RATE_LIMITED',
						429
					);
				}
				return answer( 1, [ HOLD ] );
			},
		} );
		render( <LiveHolds employee={ 1 } date="2030-01-07" /> );
		await settle();
		await settle();

		expect(
			screen.getByText( 'The last check failed: Too many requests.' )
		).toBeVisible();

		fail = false;
		await nextPoll();
		expect( screen.queryByText( /The last check failed/ ) ).toBeNull();
		expect( screen.getByText( '14:00–14:30, 2 seats' ) ).toBeVisible();
	} );
} );
