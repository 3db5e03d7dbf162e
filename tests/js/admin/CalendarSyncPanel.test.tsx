/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { Notices } from '../../../src/admin/components/Notices';
import { useNotices } from '../../../src/admin/hooks/useNotices';
import { CalendarSyncPanel } from '../../../src/admin/components/CalendarSyncPanel';
import { callsTo, mockApi } from './api-mock';

jest.mock( '@wordpress/api-fetch' );

const SYNC = '/appointease/v1/employees/1/calendar-sync';

const FAILING = {
	id: 7,
	employee: 1,
	url: 'https://calendar.example.com/…',
	last_attempt: '2030-01-01T08:00:00Z',
	last_success: null,
	next_try: '2030-01-01T08:05:00Z',
	error: 'The server answered HTTP 500.',
};

function Panel() {
	const notices = useNotices();
	return (
		<>
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			<CalendarSyncPanel employeeId={ 1 } notices={ notices } />
		</>
	);
}

describe( 'CalendarSyncPanel', () => {
	it( 'shows a new feed address once, in both forms', async () => {
		let created: string | null = null;
		mockApi( {
			[ `GET ${ SYNC }` ]: () => ( {
				feed_created: created,
				calendars: [],
			} ),
			[ `POST ${ SYNC }/feed` ]: () => {
				created = '2030-01-01T08:00:00Z';
				return {
					https: 'http://localhost/wp-json/appointease/v1/feeds/abc.ics',
					webcal: 'webcal://localhost/wp-json/appointease/v1/feeds/abc.ics',
				};
			},
		} );
		render( <Panel /> );
		const make = screen.getByRole( 'button', {
			name: 'Make a feed address',
		} );
		// Enabled once the state has loaded.
		await waitFor( () => expect( make ).toBeEnabled() );

		fireEvent.click( make );

		expect( await screen.findByLabelText( 'Feed address' ) ).toHaveValue(
			'http://localhost/wp-json/appointease/v1/feeds/abc.ics'
		);
		expect(
			screen.getByRole( 'link', { name: 'Subscribe on this device' } )
		).toHaveAttribute(
			'href',
			'webcal://localhost/wp-json/appointease/v1/feeds/abc.ics'
		);
		expect(
			await screen.findByRole( 'button', {
				name: 'Make a new feed address',
			} )
		).toBeEnabled();
		expect(
			screen.getByText(
				'New feed address made. The previous one no longer works.'
			)
		).toBeVisible();
	} );

	it( 'adds an outside calendar, shows why it fails, and removes it', async () => {
		let calendars: ( typeof FAILING )[] = [];
		mockApi( {
			[ `GET ${ SYNC }` ]: () => ( { feed_created: null, calendars } ),
			[ `POST ${ SYNC }/calendars` ]: () => {
				calendars = [ FAILING ];
				return { feed_created: null, calendars };
			},
			[ `DELETE ${ SYNC }/calendars/7` ]: () => {
				calendars = [];
				return { feed_created: null, calendars };
			},
		} );
		render( <Panel /> );

		fireEvent.change(
			await screen.findByLabelText( 'Outside calendar address' ),
			{ target: { value: 'https://calendar.example.com/secret.ics' } }
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add calendar' } )
		);

		expect(
			await screen.findByText(
				'Failing: The server answered HTTP 500. The last good busy times still block.'
			)
		).toBeVisible();
		expect( callsTo( `POST ${ SYNC }/calendars` )[ 0 ]?.data ).toEqual( {
			url: 'https://calendar.example.com/secret.ics',
		} );
		expect(
			screen.getByLabelText( 'Outside calendar address' )
		).toHaveValue( '' );

		fireEvent.click( screen.getByRole( 'button', { name: 'Remove' } ) );

		expect(
			await screen.findByText( 'Outside calendar removed.' )
		).toBeVisible();
		expect( screen.queryByText( /Failing:/ ) ).toBeNull();
	} );
} );
