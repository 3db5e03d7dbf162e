/**
 * The change and cancel policy in the booking block: the manage view past a
 * cut-off shows the contact text in place of the buttons the server would
 * refuse, and the confirm step states the chosen service's policy.
 */

/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { BookingApp } from '../../src/blocks/booking/components/BookingApp';
import { ChangePolicyText } from '../../src/blocks/booking/components/ChangePolicyText';
import { DEFAULT_SETTINGS } from '../../src/shared/config';
import { createBookingStore } from '../../src/shared/store';
import { BookingStoreProvider } from '../../src/shared/store-context';
import { at, booking, fakeApi, HAIRCUT } from './support/fixtures';

const SEARCH = '?appointease_booking=42&appointease_token=manage-secret';

function openManageView( policy: {
	can_cancel: boolean;
	can_reschedule: boolean;
} ) {
	const api = fakeApi();
	api.getBooking.mockResolvedValue(
		booking( {
			change_policy: {
				cancel_until: at( 8 ),
				reschedule_until: at( 9 ),
				contact: 'Call us on 555 0100.',
				...policy,
			},
		} )
	);
	render(
		<BookingApp
			settings={ DEFAULT_SETTINGS }
			api={ api }
			search={ SEARCH }
			hash=""
		/>
	);
}

describe( 'the manage view past a cut-off', () => {
	it( 'shows the contact text instead of both buttons when nothing can change', async () => {
		openManageView( { can_cancel: false, can_reschedule: false } );

		expect(
			await screen.findByText( 'Call us on 555 0100.' )
		).toBeVisible();
		expect(
			screen.getByText(
				'This booking can no longer be changed or cancelled online.'
			)
		).toBeVisible();
		expect(
			screen.queryByRole( 'button', { name: 'Cancel booking' } )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Choose another time' } )
		).toBeNull();
	} );

	it( 'keeps the move when only the cancel cut-off has passed', async () => {
		openManageView( { can_cancel: false, can_reschedule: true } );

		expect(
			await screen.findByRole( 'button', { name: 'Choose another time' } )
		).toBeVisible();
		expect(
			screen.queryByRole( 'button', { name: 'Cancel booking' } )
		).toBeNull();
		expect(
			screen.getByText( /could be cancelled online until/ )
		).toBeVisible();
		expect( screen.getByText( 'Call us on 555 0100.' ) ).toBeVisible();
	} );

	it( 'shows both buttons and no notice before the cut-offs', async () => {
		openManageView( { can_cancel: true, can_reschedule: true } );

		expect(
			await screen.findByRole( 'button', { name: 'Cancel booking' } )
		).toBeVisible();
		expect( screen.queryByText( 'Call us on 555 0100.' ) ).toBeNull();
	} );
} );

describe( 'the confirm step’s policy text', () => {
	function renderFor( changePolicy: string ) {
		const store = createBookingStore( DEFAULT_SETTINGS, {
			api: fakeApi(),
		} );
		store
			.getState()
			.setServices(
				[ { ...HAIRCUT, change_policy: changePolicy } ],
				'ready'
			);
		store.getState().selectService( HAIRCUT.id );
		return render(
			<BookingStoreProvider store={ store }>
				<ChangePolicyText />
			</BookingStoreProvider>
		);
	}

	it( 'states the chosen service’s policy', () => {
		renderFor(
			'You can cancel or reschedule online up to 24 hours before the appointment.'
		);
		expect(
			screen.getByText(
				'You can cancel or reschedule online up to 24 hours before the appointment.'
			)
		).toBeVisible();
	} );

	it( 'says nothing when changes are possible up to the start', () => {
		const { container } = renderFor( '' );
		expect( container ).toBeEmptyDOMElement();
	} );
} );
