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
	HAIRCUT,
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

/** A REST client whose times can be had with either employee. */
function anyAvailableApi(): FakeApi {
	return fakeApi( {
		getAvailability: jest.fn( async () =>
			availability( [ slot( 9, 0, { employees: [ 1, 2 ] } ) ], null )
		),
	} );
}

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

	it( 'lists the four steps, with the choosing screen current', async () => {
		renderApp();
		expect( stepLabels() ).toEqual( [
			'1Time',
			'2Details',
			'3Confirm',
			'4Done',
		] );
		const current = screen
			.getByRole( 'list', { name: 'Booking steps' } )
			.querySelectorAll( '[aria-current="step"]' );
		expect( current ).toHaveLength( 1 );
		expect( current[ 0 ] ).toHaveTextContent( 'Time' );
		await screen.findByRole( 'button', { name: /Haircut/ } );
	} );

	it( 'offers no employee choice when configured', async () => {
		renderApp( { showEmployeeStep: false } );
		fireEvent.click(
			await screen.findByRole( 'button', { name: /Haircut/ } )
		);
		await screen.findByRole( 'button', { name: /: free times$/ } );
		expect(
			screen.queryByRole( 'button', { name: /Any available/ } )
		).not.toBeInTheDocument();
	} );

	it( 'offers service and employee on the choosing screen, "any available" first', async () => {
		renderApp( {}, { api: anyAvailableApi() } );
		fireEvent.click(
			await screen.findByRole( 'button', { name: /Haircut/ } )
		);
		const employees = await screen.findAllByRole( 'button', {
			name: /Any available|Ana Silva|Ben/,
		} );
		expect( employees[ 0 ] ).toHaveTextContent( 'Any available' );
		expect( employees[ 0 ] ).toHaveAttribute( 'aria-pressed', 'true' );
		// The calendar and the chosen day's times are on the same screen;
		// the month on screen is empty, so the next free day is chosen.
		await waitFor( () => timeButton( at( 9 ) ), { timeout: 4000 } );
		expect(
			screen.getByRole( 'button', { name: /Haircut/ } )
		).toHaveAttribute( 'aria-pressed', 'true' );
	} );

	it( 'chooses the only service by itself', async () => {
		const api = anyAvailableApi();
		api.getServices.mockResolvedValue( [ HAIRCUT ] );
		renderApp( {}, { api } );
		await waitFor( () => timeButton( at( 9 ) ), { timeout: 4000 } );
		expect(
			screen.queryByRole( 'heading', { name: 'Service' } )
		).not.toBeInTheDocument();
	} );

	it( "shows the choosing screen's heading and a polite status region", async () => {
		renderApp();
		expect(
			screen.getByRole( 'heading', {
				level: 2,
				name: 'Choose a time',
			} )
		).toBeInTheDocument();
		const status = screen.getAllByRole( 'status' )[ 0 ];
		expect( status ).toHaveAttribute( 'aria-live', 'polite' );
		expect( status ).toHaveTextContent( 'Step 1 of 4: Choose a time' );
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
			// A month's days; a day asked for alone has nothing new.
			getAvailability: jest.fn( async ( query: { from: string } ) => ( {
				service: 1,
				employee: 1,
				days: query.from.endsWith( '-01' )
					? [
							{
								date: query.from.replace( /-01$/, '-12' ),
								slots: [ slot( 10 ) ],
							},
							{
								date: query.from.replace( /-01$/, '-13' ),
								slots: [
									slot( 10, 0, {
										state: 'booked',
										seats_left: 0,
									} ),
								],
							},
						]
					: [],
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

		// The day with the next free time is chosen on arrival.
		expect( free ).toHaveAttribute( 'aria-pressed', 'true' );

		// Next month asks for that month.
		const first = api.getAvailability.mock.calls[ 0 ][ 0 ].from as string;
		fireEvent.click( screen.getByRole( 'button', { name: 'Next month' } ) );
		await waitFor( () =>
			expect(
				api.getAvailability.mock.calls.some(
					( call ) =>
						( call[ 0 ].from as string ).slice( 0, 7 ) >
						first.slice( 0, 7 )
				)
			).toBe( true )
		);
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
			screen.getByRole( 'button', { name: /Ana Silva/ } )
		).toHaveAttribute( 'aria-pressed', 'true' );
		await waitFor( () =>
			expect( api.getAvailability ).toHaveBeenCalledWith(
				expect.objectContaining( { service: 1, employee: 1 } ),
				expect.anything()
			)
		);
	} );

	it( 'opens the choosing screen from a deep link, lists only bookable times and greys one taken meanwhile in place', async () => {
		const held = pollAnswer( {
			version: 2,
			held: [
				{
					start: at( 9, 30 ),
					end: at( 10 ),
					id: 'someone',
					seats: 1,
				},
			],
		} );
		const api = fakeApi( {
			getAvailability: jest.fn( async () =>
				availability( [
					slot( 9 ),
					slot( 9, 30 ),
					slot( 10 ),
					slot( 10, 30, { state: 'booked', seats_left: 0 } ),
					slot( 11, 0, { state: 'past', seats_left: 0 } ),
				] )
			),
		} );
		api.poll
			.mockResolvedValueOnce( {
				status: 200,
				answer: pollAnswer(),
				etag: '"1"',
				stale: false,
			} )
			.mockResolvedValue( {
				status: 200,
				answer: held,
				etag: '"2"',
				stale: false,
			} );
		renderApp( {}, { api, search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 9, 30 ) ) );
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Choose a time' } )
		).toBeInTheDocument();
		// Booked and closed times are not buttons at all.
		expect(
			document.querySelector( `[data-start="${ at( 10, 30 ) }"]` )
		).toBeNull();
		expect(
			document.querySelector( `[data-start="${ at( 11 ) }"]` )
		).toBeNull();
		expect(
			screen.getByText( /^Last availability check: just now$/ )
		).toBeInTheDocument();

		// A keyboard user is on 9:30 when someone else starts booking it.
		timeButton( at( 9, 30 ) ).focus();
		const before = Array.from(
			document.querySelectorAll( 'button.appointease-time' )
		).map( ( button ) => button.getAttribute( 'data-start' ) );
		await waitFor(
			() =>
				expect( timeButton( at( 9, 30 ) ) ).toHaveAttribute(
					'data-state',
					'processing'
				),
			{ timeout: 3000 }
		);
		const button = timeButton( at( 9, 30 ) );
		expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( button ).toHaveTextContent( 'Processing' );
		// It stays in its place, and so does the focus.
		expect(
			Array.from(
				document.querySelectorAll( 'button.appointease-time' )
			).map( ( time ) => time.getAttribute( 'data-start' ) )
		).toEqual( before );
		expect( button ).toHaveFocus();
		fireEvent.click( button );
		expect( api.takeHold ).not.toHaveBeenCalled();
		expect(
			screen.getByText( /is being booked by someone else right now/ )
		).toHaveAttribute( 'aria-live', 'polite' );
		expect( timeButton( at( 9 ) ) ).toHaveAttribute(
			'data-state',
			'available'
		);
		expect( api.poll ).toHaveBeenCalledWith(
			{ employee: 1, date: DATE, etag: null },
			expect.anything()
		);
	} );

	it( 'offers the next available day from an empty day', async () => {
		const later = '2030-03-20';
		const api = fakeApi( {
			getAvailability: jest.fn(
				async ( query: { from: string; to: string } ) => ( {
					service: 1,
					employee: 1,
					days:
						query.from <= later && later <= query.to
							? [
									{ date: DATE, slots: [] },
									{
										date: later,
										slots: [
											{
												...slot( 9 ),
												start: `${ later }T09:00:00+01:00`,
												end: `${ later }T09:30:00+01:00`,
											},
										],
									},
								]
							: [ { date: DATE, slots: [] } ],
				} )
			),
		} );
		renderApp( {}, { api, search: DEEP_LINK } );
		const jump = await screen.findByRole( 'button', {
			name: /^Next available: /,
		} );
		expect(
			screen.getByText( 'There are no free times on this day.' )
		).toBeInTheDocument();
		fireEvent.click( jump );
		await waitFor( () =>
			expect(
				document.querySelector(
					`button.appointease-time[data-start="${ later }T09:00:00+01:00"]`
				)
			).not.toBeNull()
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
				level: 2,
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
			screen.getByRole( 'heading', { level: 2, name: 'Choose a time' } )
		).toBeInTheDocument();
		// Listed before, so it stays in its place, greyed.
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

	it( 'shows the times in any timezone, under the day they fall on there', async () => {
		const api = fakeApi( {
			getAvailability: jest.fn( async () =>
				availability( [ slot( 10 ), slot( 17 ) ] )
			),
		} );
		renderApp( { timezone: 'Europe/Berlin' }, { api, search: DEEP_LINK } );
		await waitFor( () => timeButton( at( 17 ) ) );
		expect( screen.getByText( 'Times in Europe/Berlin' ) ).toBeVisible();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Other time zone…' } )
		);
		const search = screen.getByLabelText( 'Time zone' );
		expect( search ).toHaveFocus();
		fireEvent.change( search, { target: { value: 'Asia/Tokyo' } } );
		expect( screen.getByText( 'Times in Asia/Tokyo' ) ).toBeVisible();

		// 10:00 in Berlin is 18:00 the same day in Tokyo; 17:00 is 01:00 the
		// next day, and is listed under that day.
		const clock = ( start: string ) =>
			timeButton( start ).querySelector( '.appointease-time__clock' )
				?.textContent ?? '';
		expect( clock( at( 10 ) ) ).toMatch( /^(6:00\sPM|18:00)$/ );
		expect( clock( at( 17 ) ) ).toMatch( /^(1:00\sAM|01:00)$/ );
		expect(
			timeButton( at( 10 ) ).closest( 'ul' )?.getAttribute( 'data-date' )
		).toBe( DATE );
		expect(
			timeButton( at( 17 ) ).closest( 'ul' )?.getAttribute( 'data-date' )
		).toBe( '2030-03-13' );
		expect(
			screen.getByRole( 'heading', {
				name: /13 March 2030|March 13, 2030/,
			} )
		).toBeInTheDocument();

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Show in Europe/Berlin' } )
		);
		expect( clock( at( 17 ) ) ).toMatch( /^(5:00\sPM|17:00)$/ );
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
			.getAllByRole( 'heading', {
				level: 2,
				name: 'Book an appointment',
			} )
			.map( ( heading ) => heading.id );
		expect( ids ).toHaveLength( 2 );
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
		expect( timeButton( at( 10 ) ) ).toHaveAttribute(
			'aria-disabled',
			'true'
		);

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
		// Each shows the choosing screen; the second (invalid JSON) with the
		// default settings.
		for ( const region of regions ) {
			expect(
				within( region ).getByRole( 'heading', {
					level: 2,
					name: 'Choose a time',
				} )
			).toBeVisible();
		}

		act( () => {
			mounted = mountAll();
		} );
		expect( mounted ).toBe( 0 );
	} );
} );
