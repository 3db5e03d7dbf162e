/**
 * The booking app end to end against a fake REST client: the steps, the
 * live time list, the details form's messages, conflicts with their focus
 * and announcement, the done step and the manage view.
 */

/**
 * External dependencies
 */
import {
	act,
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
import { BookingApp } from '../../src/blocks/booking/components/BookingApp';
import { mountAll } from '../../src/blocks/booking/mount';
import { ApiError } from '../../src/shared/api';
import { DEFAULT_SETTINGS } from '../../src/shared/config';
import type { BlockSettings } from '../../src/shared/types';
import {
	at,
	availability,
	booking,
	DATE,
	fakeApi,
	pollAnswer,
	slot,
	type FakeApi,
} from './support/fixtures';

function renderApp(
	overrides: Partial< BlockSettings > = {},
	{
		api = fakeApi(),
		search = '',
		hash = '',
	}: { api?: FakeApi; search?: string; hash?: string } = {}
) {
	const view = render(
		<BookingApp
			settings={ { ...DEFAULT_SETTINGS, ...overrides } }
			api={ api }
			search={ search }
			hash={ hash }
		/>
	);
	return { api, view };
}

function stepLabels() {
	const list = screen.getByRole( 'list', { name: 'Booking steps' } );
	return within( list )
		.getAllByRole( 'listitem' )
		.map( ( item ) => item.textContent );
}

function timeButton( start: string ): HTMLElement {
	const button = document.querySelector< HTMLElement >(
		`button[data-start="${ start }"]`
	);
	if ( ! button ) {
		throw new Error( `No time button for ${ start }` );
	}
	return button;
}

const DEEP_LINK = `?service=1&employee=1&date=${ DATE }`;

describe( 'BookingApp', () => {
	it( 'renders a region headed "Book an appointment"', async () => {
		renderApp();
		const region = screen.getByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect(
			within( region ).getByRole( 'heading', {
				level: 2,
				name: 'Book an appointment',
			} )
		).toBeVisible();
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( 'lists every step in order, with the service step current', async () => {
		renderApp();
		expect( stepLabels() ).toEqual( [
			'1Service',
			'2Employee',
			'3Date',
			'4Time',
			'5Details',
			'6Review',
			'7Done',
		] );
		const current = screen
			.getByRole( 'list', { name: 'Booking steps' } )
			.querySelectorAll( '[aria-current="step"]' );
		expect( current ).toHaveLength( 1 );
		expect( current[ 0 ] ).toHaveTextContent( 'Service' );
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( 'leaves out the employee step when configured', async () => {
		renderApp( { showEmployeeStep: false } );
		expect( stepLabels() ).toEqual( [
			'1Service',
			'2Date',
			'3Time',
			'4Details',
			'5Review',
			'6Done',
		] );
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( "shows the first step's panel and a polite status region", async () => {
		renderApp();
		expect(
			screen.getByRole( 'heading', {
				level: 3,
				name: 'Choose a service',
			} )
		).toBeInTheDocument();
		const status = screen.getByRole( 'status' );
		expect( status ).toHaveAttribute( 'aria-live', 'polite' );
		expect( status ).toHaveTextContent( 'Step 1 of 7: Choose a service' );
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( 'applies the accent colour as a CSS custom property', async () => {
		renderApp( { accentColor: '#ff0066' } );
		const region = screen.getByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect( region.style.getPropertyValue( '--appointease-accent' ) ).toBe(
			'#ff0066'
		);
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( 'lists the services with their facts', async () => {
		renderApp();
		const haircut = await screen.findByRole( 'button', {
			name: /Haircut/,
		} );
		expect( haircut ).toHaveTextContent( '30 minutes · 35.00' );
		expect(
			screen.getByRole( 'button', { name: /Yoga class/ } )
		).toHaveTextContent( 'group of up to 8' );
	} );

	it( "shows prices in the site's currency", async () => {
		renderApp( { currency: 'EUR', locale: 'en-GB' } );
		expect(
			await screen.findByRole( 'button', { name: /Haircut/ } )
		).toHaveTextContent( '30 minutes · €35.00' );
	} );

	it( 'marks the days with free times in the month calendar', async () => {
		const api = fakeApi( {
			getAvailability: jest.fn( async ( query: { from: string } ) => ( {
				service: 1,
				employee: 1,
				days: [
					{
						date: query.from.replace( /-01$/, '-12' ),
						slots: [ slot( 10 ) ],
					},
					{
						date: query.from.replace( /-01$/, '-13' ),
						slots: [
							slot( 10, 0, { state: 'booked', seats_left: 0 } ),
						],
					},
				],
			} ) ),
		} );
		renderApp( { service: 1, employee: 1 }, { api } );
		const free = await screen.findByRole( 'button', {
			name: /: free times$/,
		} );
		expect( free ).toHaveTextContent( '12' );
		expect( free ).toBeEnabled();
		const full = screen
			.getAllByRole( 'button', { name: /: no free times$/ } )
			.find( ( button ) => button.textContent === '13' );
		expect( full ).toBeDisabled();
		expect( api.getAvailability.mock.calls[ 0 ][ 0 ] ).toMatchObject( {
			service: 1,
			employee: 1,
		} );

		// Next month asks for that month.
		fireEvent.click( screen.getByRole( 'button', { name: 'Next month' } ) );
		await waitFor( () =>
			expect( api.getAvailability ).toHaveBeenCalledTimes( 2 )
		);
		const [ first, second ] = api.getAvailability.mock.calls.map(
			( call ) => call[ 0 ].from as string
		);
		expect( ( second ?? '' ) > ( first ?? '' ) ).toBe( true );
	} );

	it( 'says when the month cannot be loaded instead of showing it fully booked, and tries again', async () => {
		const api = fakeApi( {
			getAvailability: jest.fn( async ( query: { from: string } ) => ( {
				service: 1,
				employee: 1,
				days: [
					{
						date: query.from.replace( /-01$/, '-12' ),
						slots: [ slot( 10 ) ],
					},
				],
			} ) ),
		} );
		api.getAvailability.mockRejectedValueOnce(
			new ApiError( 'offline', { code: 'fetch_error', status: 0 } )
		);
		renderApp( { service: 1, employee: 1 }, { api } );

		const retry = await screen.findByRole( 'button', {
			name: 'Try again',
		} );
		expect(
			screen.getByText( /can't reach the booking system right now/ )
		).toBeInTheDocument();
		const days = screen.getAllByRole( 'button', {
			name: /: not known yet$/,
		} );
		expect( days.length ).toBeGreaterThan( 27 );
		expect(
			screen.queryAllByRole( 'button', { name: /: no free times$/ } )
		).toHaveLength( 0 );

		fireEvent.click( retry );
		expect(
			await screen.findByRole( 'button', { name: /: free times$/ } )
		).toBeEnabled();
		expect(
			screen.queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		expect( api.getAvailability ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'books a time from start to finish', async () => {
		const { api } = renderApp();
		fireEvent.click(
			await screen.findByRole( 'button', { name: /Haircut/ } )
		);
		fireEvent.click(
			await screen.findByRole( 'button', { name: /Ana Silva/ } )
		);
		expect(
			screen.getByRole( 'heading', { level: 3, name: 'Choose a date' } )
		).toHaveFocus();
		await waitFor( () =>
			expect( api.getAvailability ).toHaveBeenCalledWith(
				expect.objectContaining( { service: 1, employee: 1 } ),
				expect.anything()
			)
		);
	} );

	it( 'opens at the time step from a deep link and shows live states', async () => {
		const api = fakeApi( {
			poll: jest.fn( async () => ( {
				status: 200,
				answer: pollAnswer( {
					held: [
						{
							start: at( 9, 30 ),
							end: at( 10 ),
							id: 'someone',
							seats: 1,
						},
					],
				} ),
				etag: '"e"',
			} ) ),
		} );
		renderApp( {}, { api, search: DEEP_LINK } );
		await waitFor( () =>
			expect( timeButton( at( 9, 30 ) ) ).toHaveAttribute(
				'data-state',
				'processing'
			)
		);
		expect(
			screen.getByRole( 'heading', { level: 3, name: 'Choose a time' } )
		).toBeInTheDocument();
		expect( timeButton( at( 9, 30 ) ) ).toBeDisabled();
		expect( timeButton( at( 9, 30 ) ) ).toHaveTextContent( 'Processing' );
		expect( timeButton( at( 9 ) ) ).toHaveAttribute(
			'data-state',
			'available'
		);
		expect(
			screen.getByText( /^Last availability check: just now$/ )
		).toBeInTheDocument();
		expect( api.poll ).toHaveBeenCalledWith(
			{ employee: 1, date: DATE, etag: null },
			expect.anything()
		);
	} );

	it( 'holds a picked time, checks the details and books it', async () => {
		const { api } = renderApp( {}, { search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 10 ) ) );
		fireEvent.click( timeButton( at( 10 ) ) );
		await waitFor( () =>
			expect( timeButton( at( 10 ) ) ).toHaveAttribute(
				'data-state',
				'yours'
			)
		);
		expect( timeButton( at( 10 ) ) ).toHaveTextContent( 'Held for you' );
		expect( api.takeHold ).toHaveBeenCalledWith( {
			service: 1,
			employee: 1,
			start: at( 10 ),
		} );

		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		const name = screen.getByLabelText( /^Name/ );

		// An empty submit: a message per required field, focus on the first.
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		expect( name ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( name ).toHaveFocus();
		const nameError = document.getElementById(
			name.getAttribute( 'aria-describedby' ) ?? ''
		);
		expect( nameError ).toHaveTextContent( 'Please enter your name.' );
		const email = screen.getByLabelText( /^Email/ );
		expect( email ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( email.getAttribute( 'aria-describedby' ) ).toContain(
			'-error'
		);
		expect(
			screen.getByText( /^Please enter your email address/ )
		).toBeVisible();

		fireEvent.change( name, { target: { value: 'Zoe' } } );
		expect( name ).not.toHaveAttribute( 'aria-invalid' );
		fireEvent.change( email, { target: { value: 'zoe@' } } );
		fireEvent.blur( email );
		expect(
			screen.getByText(
				'Please enter a valid email address, such as name@example.com.'
			)
		).toBeVisible();
		fireEvent.change( screen.getByLabelText( /^Phone/ ), {
			target: { value: 'call me' },
		} );
		fireEvent.blur( screen.getByLabelText( /^Phone/ ) );
		expect( screen.getByText( /^Please use only digits/ ) ).toBeVisible();
		fireEvent.change( screen.getByLabelText( /^Phone/ ), {
			target: { value: '+49 30 1234' },
		} );
		fireEvent.change( email, { target: { value: ' zoe@example.com ' } } );
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );

		expect(
			screen.getByRole( 'heading', {
				level: 3,
				name: 'Review your booking',
			} )
		).toHaveFocus();
		expect( screen.getByText( 'zoe@example.com' ) ).toBeVisible();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Confirm booking' } )
		);

		await screen.findByText( 'Thank you! Your booking is confirmed.' );
		const [ body, key ] = api.book.mock.calls[ 0 ] ?? [];
		expect( body ).toEqual( {
			service: 1,
			employee: 1,
			start: at( 10 ),
			hold_token: 'token-1',
			customer: {
				name: 'Zoe',
				email: 'zoe@example.com',
				phone: '+49 30 1234',
				notes: '',
			},
			// The honeypot, empty: a person never sees it.
			website: '',
		} );
		expect( key ).toMatch( /^[0-9a-f-]{36}$/ );
		// The file is fetched with the token in a header and saved from a Blob.
		const createObjectURL = jest.fn( () => 'blob:http://localhost/1' );
		Object.assign( URL, { createObjectURL, revokeObjectURL: jest.fn() } );
		const click = jest
			.spyOn( HTMLAnchorElement.prototype, 'click' )
			.mockImplementation( function ( this: HTMLAnchorElement ) {
				expect( this.download ).toBe( 'appointment-42.ics' );
				expect( this.href ).toBe( 'blob:http://localhost/1' );
			} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add to my calendar (.ics)' } )
		);
		await waitFor( () => expect( click ).toHaveBeenCalledTimes( 1 ) );
		expect( api.getIcs ).toHaveBeenCalledWith( 42, 'manage-secret' );
		click.mockRestore();
		const manage = screen.getByRole( 'link', {
			name: 'Change or cancel this booking',
		} );
		const url = new URL( manage.getAttribute( 'href' ) ?? '' );
		expect( url.searchParams.get( 'appointease_booking' ) ).toBe( '42' );
		// The token rides in the fragment, which no server sees.
		expect( url.searchParams.has( 'appointease_token' ) ).toBe( false );
		expect( url.hash ).toBe( '#appointease_token=manage-secret' );
		// The booking used the hold: nothing to release.
		expect( api.releaseHold ).not.toHaveBeenCalled();
	} );

	it( 'retries a failed submit with the same Idempotency-Key', async () => {
		const api = fakeApi();
		api.book.mockRejectedValueOnce(
			new ApiError( 'offline', { code: 'fetch_error', status: 0 } )
		);
		renderApp( {}, { api, search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 10 ) ) );
		fireEvent.click( timeButton( at( 10 ) ) );
		await waitFor( () =>
			expect( timeButton( at( 10 ) ) ).toHaveAttribute(
				'data-state',
				'yours'
			)
		);
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		fireEvent.change( screen.getByLabelText( /^Name/ ), {
			target: { value: 'Zoe' },
		} );
		fireEvent.change( screen.getByLabelText( /^Email/ ), {
			target: { value: 'zoe@example.com' },
		} );
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Confirm booking' } )
		);

		const notice = await screen.findByText(
			/trying again never books twice/
		);
		expect( notice ).toHaveFocus();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Confirm booking' } )
		);
		await screen.findByText( 'Thank you! Your booking is confirmed.' );
		expect( api.book ).toHaveBeenCalledTimes( 2 );
		expect( api.book.mock.calls[ 1 ]?.[ 1 ] ).toBe(
			api.book.mock.calls[ 0 ]?.[ 1 ]
		);
	} );

	it( "draws the site's CAPTCHA widget, sends its answer, and after a refusal shows the reason and resets it", async () => {
		const provider = {
			render: jest.fn( ( element: HTMLElement ) => {
				element.textContent = 'widget';
			} ),
			token: jest.fn( () => 'captcha-answer' ),
			reset: jest.fn(),
		};
		window.appointeaseCaptcha = provider;
		const api = fakeApi();
		api.book.mockRejectedValueOnce(
			new ApiError( 'Please take a moment, then confirm again.', {
				code: 'appointease_too_fast',
				status: 422,
				reason: 'TOO_FAST',
			} )
		);
		try {
			renderApp( {}, { api, search: DEEP_LINK } );
			await waitFor( () => timeButton( at( 10 ) ) );
			fireEvent.click( timeButton( at( 10 ) ) );
			await waitFor( () =>
				expect( timeButton( at( 10 ) ) ).toHaveAttribute(
					'data-state',
					'yours'
				)
			);
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Continue' } )
			);
			const trap = document.querySelector( 'input[name="website"]' );
			expect( trap ).toHaveAttribute( 'tabindex', '-1' );
			expect( trap ).toHaveAttribute( 'autocomplete', 'off' );
			expect( trap?.closest( '[aria-hidden="true"]' ) ).not.toBeNull();
			fireEvent.change( screen.getByLabelText( /^Name/ ), {
				target: { value: 'Zoe' },
			} );
			fireEvent.change( screen.getByLabelText( /^Email/ ), {
				target: { value: 'zoe@example.com' },
			} );
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Continue' } )
			);
			expect( provider.render ).toHaveBeenCalledTimes( 1 );
			expect( screen.getByText( 'widget' ) ).toBeVisible();

			fireEvent.click(
				screen.getByRole( 'button', { name: 'Confirm booking' } )
			);
			const notice = await screen.findByText(
				'Please take a moment, then confirm again.'
			);
			expect( notice ).toHaveFocus();
			expect( provider.reset ).toHaveBeenCalledTimes( 1 );
			// The visitor still had a hold: nothing new is taken.
			expect( api.takeHold ).toHaveBeenCalledTimes( 1 );

			fireEvent.click(
				screen.getByRole( 'button', { name: 'Confirm booking' } )
			);
			await screen.findByText( 'Thank you! Your booking is confirmed.' );
			expect( api.book.mock.calls[ 1 ]?.[ 0 ] ).toMatchObject( {
				captcha_token: 'captcha-answer',
				website: '',
			} );
		} finally {
			delete window.appointeaseCaptcha;
		}
	} );

	it( 'sends the visitor to a fresh list when the time is taken at booking, with focus on the message', async () => {
		const api = fakeApi();
		api.book.mockRejectedValueOnce(
			new ApiError( 'taken', {
				code: 'appointease_slot_taken',
				status: 409,
				reason: 'SLOT_TAKEN',
			} )
		);
		renderApp( {}, { api, search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 10 ) ) );
		fireEvent.click( timeButton( at( 10 ) ) );
		await waitFor( () =>
			expect( timeButton( at( 10 ) ) ).toHaveAttribute(
				'data-state',
				'yours'
			)
		);
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		fireEvent.change( screen.getByLabelText( /^Name/ ), {
			target: { value: 'Zoe' },
		} );
		fireEvent.change( screen.getByLabelText( /^Email/ ), {
			target: { value: 'zoe@example.com' },
		} );
		fireEvent.click( screen.getByRole( 'button', { name: 'Continue' } ) );
		const loads = api.getAvailability.mock.calls.length;
		api.getAvailability.mockResolvedValue(
			availability( [
				slot( 9 ),
				slot( 9, 30 ),
				slot( 10, 0, { state: 'booked', seats_left: 0 } ),
			] )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Confirm booking' } )
		);

		const notice = await screen.findByText(
			/has just been booked by someone else, so nothing was booked for you/
		);
		expect( notice ).toHaveFocus();
		expect( notice.closest( '[aria-live]' ) ).toHaveAttribute(
			'aria-live',
			'assertive'
		);
		expect(
			screen.getByRole( 'heading', { level: 3, name: 'Choose a time' } )
		).toBeInTheDocument();
		await waitFor( () =>
			expect( timeButton( at( 10 ) ) ).toHaveAttribute(
				'data-state',
				'booked'
			)
		);
		expect( api.getAvailability.mock.calls.length ).toBeGreaterThan(
			loads
		);
		expect( api.releaseHold ).toHaveBeenCalledWith( 'hold-1', 'token-1', {
			keepalive: false,
		} );
		expect(
			screen.getByRole( 'button', { name: 'Continue' } )
		).toBeDisabled();
	} );

	it( "switches the times to the visitor's own clock", async () => {
		// A visitor five hours behind UTC, whatever this machine's zone.
		jest.spyOn( Date.prototype, 'getTimezoneOffset' ).mockReturnValue(
			300
		);
		renderApp( {}, { search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 10 ) ) );
		const note = screen.getByText(
			/local time of the appointment \(UTC\+01:00\)/
		);
		expect( note ).toBeVisible();
		const toggle = screen.getByRole( 'checkbox', {
			name: /Show times in my time zone/,
		} );
		fireEvent.click( toggle );
		expect(
			screen.getByText( /Times are shown in your time zone/ )
		).toBeVisible();
		// 10:00+01:00 on this machine's clock.
		expect(
			timeButton( at( 10 ) ).querySelector( '.appointease-time__clock' )
		).toHaveTextContent(
			new Intl.DateTimeFormat( undefined, {
				hour: 'numeric',
				minute: '2-digit',
			} ).format( Date.parse( at( 10 ) ) )
		);
		jest.restoreAllMocks();
		jest.restoreAllMocks();
	} );

	it( 'gives each app on a page its own heading id', async () => {
		render(
			<div>
				<BookingApp
					settings={ DEFAULT_SETTINGS }
					api={ fakeApi() }
					search=""
				/>
				<BookingApp
					settings={ DEFAULT_SETTINGS }
					api={ fakeApi() }
					search=""
				/>
			</div>
		);
		const ids = screen
			.getAllByRole( 'heading', { level: 2 } )
			.map( ( heading ) => heading.id );
		expect( new Set( ids ).size ).toBe( 2 );
		await waitFor( () =>
			expect(
				screen.getAllByRole( 'button', { name: /Haircut/ } )
			).toHaveLength( 2 )
		);
	} );
} );

describe( 'the confirm view', () => {
	const HASH = '#appointease_confirm=42.c0nfirmSecret';

	it( 'posts the token from the fragment and shows the confirmed booking', async () => {
		const { api } = renderApp( {}, { hash: HASH } );
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'Confirm your booking',
			} )
		).toBeVisible();
		const status = await screen.findByText(
			/Thank you! Your booking is confirmed/
		);
		expect( status ).toHaveFocus();
		expect( api.verifyBooking ).toHaveBeenCalledWith( 42, 'c0nfirmSecret' );
		expect( await screen.findByText( 'Ana Silva' ) ).toBeVisible();
		expect( screen.getByText( 'Haircut' ) ).toBeVisible();
	} );

	it( 'says when the link came too late, and offers to book again', async () => {
		const api = fakeApi( {
			verifyBooking: jest.fn( async () => {
				throw new ApiError( 'expired', {
					code: 'appointease_confirmation_expired',
					status: 410,
					reason: 'CONFIRMATION_EXPIRED',
				} );
			} ),
		} );
		renderApp( {}, { api, hash: HASH } );
		expect(
			await screen.findByText( /was not confirmed in time/ )
		).toHaveFocus();
		expect(
			screen.getByRole( 'link', { name: 'Book an appointment' } )
		).toBeVisible();
	} );
} );

describe( 'the manage view', () => {
	const SEARCH = '?appointease_booking=42&appointease_token=manage-secret';

	it( 'shows the booking and cancels it after a confirmation', async () => {
		const { api } = renderApp( {}, { search: SEARCH } );
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'Manage your appointment',
			} )
		).toBeVisible();
		await screen.findByText( 'Status: Confirmed' );
		expect( api.getBooking ).toHaveBeenCalledWith( 42, 'manage-secret' );
		expect( await screen.findByText( 'Ana Silva' ) ).toBeVisible();
		expect( screen.getByText( 'Haircut' ) ).toBeVisible();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Cancel booking' } )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Yes, cancel it' } )
		);
		const done = await screen.findByText( /Your booking is cancelled/ );
		expect( done ).toHaveFocus();
		expect( api.cancelBooking ).toHaveBeenCalledWith( 42, 'manage-secret' );
		expect( screen.getByText( 'Status: Cancelled' ) ).toBeVisible();
		expect(
			screen.queryByRole( 'button', { name: 'Choose another time' } )
		).toBeNull();
	} );

	it( 'moves the booking to a time picked in the calendar', async () => {
		const api = fakeApi( {
			getAvailability: jest.fn(
				async ( query: { from: string; to: string } ) =>
					query.from === query.to
						? {
								...availability( [
									slot( 10, 0, {
										state: 'booked',
										seats_left: 0,
									} ),
									slot( 11 ),
								] ),
								days: [
									{
										date: query.from,
										slots: [
											slot( 10, 0, {
												state: 'booked',
												seats_left: 0,
											} ),
											slot( 11 ),
										],
									},
								],
							}
						: {
								service: 1,
								employee: 1,
								days: [
									{
										date: query.from.replace(
											/-01$/,
											'-12'
										),
										slots: [ slot( 11 ) ],
									},
								],
							}
			),
		} );
		api.getBooking.mockResolvedValue( booking( { start: at( 10 ) } ) );
		renderApp( {}, { api, search: SEARCH } );
		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Choose another time' } )
		);
		fireEvent.click(
			await screen.findByRole( 'button', { name: /: free times$/ } )
		);
		await waitFor( () => timeButton( at( 11 ) ) );
		expect( timeButton( at( 10 ) ) ).toHaveAttribute(
			'data-state',
			'yours'
		);
		expect( timeButton( at( 10 ) ) ).toHaveTextContent( 'Your booking' );
		expect( timeButton( at( 10 ) ) ).toBeDisabled();

		fireEvent.click( timeButton( at( 11 ) ) );
		expect( timeButton( at( 11 ) ) ).toHaveTextContent( 'Selected' );
		fireEvent.click(
			screen.getByRole( 'button', { name: /^Move my booking to/ } )
		);
		const done = await screen.findByText( /^Done: your booking is now on/ );
		expect( done ).toHaveFocus();
		expect( api.rescheduleBooking ).toHaveBeenCalledWith(
			42,
			'manage-secret',
			at( 11 )
		);
		// No hold is taken for a reschedule.
		expect( api.takeHold ).not.toHaveBeenCalled();
	} );

	it( 'says so when the link is wrong', async () => {
		const api = fakeApi();
		api.getBooking.mockRejectedValue(
			new ApiError( 'nope', {
				code: 'appointease_not_found',
				status: 404,
				reason: 'NOT_FOUND',
			} )
		);
		renderApp( {}, { api, search: SEARCH } );
		expect(
			await screen.findByText( /We could not find this booking/ )
		).toHaveFocus();
	} );

	it( 'tells the customer to contact the business when the link has expired', async () => {
		const api = fakeApi();
		api.getBooking.mockRejectedValue(
			new ApiError( 'expired', {
				code: 'appointease_token_expired',
				status: 410,
				reason: 'TOKEN_EXPIRED',
			} )
		);
		renderApp( {}, { api, search: SEARCH } );
		expect(
			await screen.findByText(
				/This link to your booking has expired.*contact us/
			)
		).toHaveFocus();
	} );

	it( 'asks for the email link again in a tab without the token', async () => {
		const api = fakeApi();
		renderApp( {}, { api, search: '?appointease_booking=42' } );
		expect(
			await screen.findByText(
				'To see this booking, please open the link from your booking email again.'
			)
		).toHaveFocus();
		expect( api.getBooking ).not.toHaveBeenCalled();
	} );

	it( 'reports a refused calendar file instead of saving it', async () => {
		const api = fakeApi();
		api.getIcs.mockRejectedValue(
			new ApiError( 'expired', {
				code: 'appointease_token_expired',
				status: 410,
				reason: 'TOKEN_EXPIRED',
			} )
		);
		renderApp( {}, { api, search: SEARCH } );
		await screen.findByText( 'Status: Confirmed' );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add to my calendar (.ics)' } )
		);
		expect(
			await screen.findByText( /This link to your booking has expired/ )
		).toBeVisible();
		expect( api.getIcs ).toHaveBeenCalledWith( 42, 'manage-secret' );
	} );
} );

describe( 'mountAll', () => {
	beforeEach( () => {
		( globalThis as { fetch?: unknown } ).fetch = jest.fn(
			() => new Promise( () => undefined )
		);
	} );

	afterEach( () => {
		document.body.innerHTML = '';
		delete ( globalThis as { fetch?: unknown } ).fetch;
	} );

	it( 'mounts the app into every booking container, once', () => {
		document.body.innerHTML = `
			<div class="appointease-booking wp-block-appointease-booking" data-appointease='{"service":0,"employee":0,"showEmployeeStep":false,"accentColor":"","restNamespace":"appointease/v1"}'><noscript>JavaScript is needed.</noscript></div>
			<div class="appointease-booking" data-appointease="not json"></div>
			<div class="appointease-booking"></div>
		`;

		let mounted = 0;
		act( () => {
			mounted = mountAll();
		} );
		expect( mounted ).toBe( 2 );

		const regions = screen.getAllByRole( 'region', {
			name: 'Book an appointment',
		} );
		expect( regions ).toHaveLength( 2 );
		// The first container hides the employee step, the second (invalid
		// JSON) falls back to the defaults.
		expect( within( regions[ 0 ]! ).queryByText( 'Employee' ) ).toBeNull();
		expect( within( regions[ 1 ]! ).getByText( 'Employee' ) ).toBeVisible();

		act( () => {
			mounted = mountAll();
		} );
		expect( mounted ).toBe( 0 );
	} );
} );
