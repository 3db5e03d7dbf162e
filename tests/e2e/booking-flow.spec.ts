/**
 * A visitor books on /book/ from the first screen to the last, in at most
 * four screens (choose, details, confirm, done) with no horizontal scroll:
 * at desktop size (1280×800) and on a phone (390×844) with the mouse, and
 * on a small phone (320×640) with the keyboard alone. axe (WCAG 2.1 A/AA)
 * finds no violation in the plugin's markup on any screen at any size, and
 * a screenshot of every screen is saved
 * (tests/e2e/artifacts/screenshots/, git-ignored).
 *
 * The spec makes its own service and employee (unique names) so other
 * specs' data cannot get in the way, and raises the write rate limit for
 * its run (restored afterwards).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	artifactPath,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const VIEWPORTS = [
	{ name: 'desktop', width: 1280, height: 800, keyboard: false },
	{ name: 'phone', width: 390, height: 844, keyboard: false },
	{ name: 'small-phone', width: 320, height: 640, keyboard: true },
] as const;

/**
 * axe's WCAG 2.1 A and AA rules on the plugin's markup: no violation.
 *
 * @param page The page.
 * @param what Which screen, for the message.
 */
async function expectAccessible( page: Page, what: string ): Promise< void > {
	const { violations } = await new AxeBuilder( { page } )
		.include( '.appointease-booking' )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	expect(
		violations.map( ( violation ) => ( {
			id: violation.id,
			nodes: violation.nodes.map( ( node ) => node.target.join( ' ' ) ),
		} ) ),
		`axe on ${ what }`
	).toEqual( [] );
}

const bookable = withBookable( 'Flow' );

/**
 * Presses Tab until the element has focus (it must be reachable by
 * keyboard), then presses the key.
 *
 * @param page    The page.
 * @param target  The element.
 * @param key     The key that activates it.
 * @param maxTabs How many Tab presses to try.
 */
async function pressOn(
	page: Page,
	target: Locator,
	key = 'Enter',
	maxTabs = 160
): Promise< void > {
	await expect( target ).toBeVisible();
	for ( let i = 0; i < maxTabs; i++ ) {
		if ( await target.evaluate( ( el ) => el.matches( ':focus' ) ) ) {
			await page.keyboard.press( key );
			return;
		}
		await page.keyboard.press( 'Tab' );
	}
	throw new Error( 'The element cannot be reached with the Tab key.' );
}

/**
 * Activates a button or link with the mouse, or with the keyboard alone.
 *
 * @param page     The page.
 * @param target   The element.
 * @param keyboard Whether to use the keyboard.
 */
async function activateWith(
	page: Page,
	target: Locator,
	keyboard: boolean
): Promise< void > {
	if ( keyboard ) {
		await pressOn( page, target );
	} else {
		await target.click();
	}
}

/**
 * Types into a field, reached with the mouse or the Tab key.
 *
 * @param page     The page.
 * @param field    The field.
 * @param text     What to type.
 * @param keyboard Whether to use the keyboard.
 */
async function typeInto(
	page: Page,
	field: Locator,
	text: string,
	keyboard: boolean
): Promise< void > {
	if ( keyboard ) {
		await pressOn( page, field, 'End' );
		await page.keyboard.type( text );
	} else {
		await field.fill( text );
	}
}

/**
 * The day's button in the calendar, moving to the next month when the day
 * is in it.
 *
 * @param page     The page.
 * @param app      The booking app.
 * @param date     YYYY-MM-DD.
 * @param keyboard Whether to use the keyboard.
 */
async function dayButton(
	page: Page,
	app: Locator,
	date: string,
	keyboard: boolean
): Promise< Locator > {
	const day = app.locator( `button[data-date="${ date }"]` );
	await expect( app.locator( 'button[data-date]' ).first() ).toBeVisible();
	if ( ( await day.count() ) === 0 ) {
		await activateWith(
			page,
			app.getByRole( 'button', { name: 'Next month' } ),
			keyboard
		);
	}
	return day;
}

for ( const viewport of VIEWPORTS ) {
	test( `a visitor books an appointment (${ viewport.name }${
		viewport.keyboard ? ', keyboard only' : ''
	})`, async ( { page } ) => {
		const errors = collectPageErrors( page );
		await page.setViewportSize( {
			width: viewport.width,
			height: viewport.height,
		} );
		const activate = ( target: Locator ) =>
			activateWith( page, target, viewport.keyboard );
		const type = ( field: Locator, text: string ) =>
			typeInto( page, field, text, viewport.keyboard );
		const shot = async ( step: string ) => {
			await page.screenshot( {
				path: artifactPath(
					`screenshots/booking-${ step }-${ viewport.name }.png`
				),
				fullPage: true,
			} );
		};
		const fitsTheScreen = async () => {
			const width = await page.evaluate(
				() => document.documentElement.scrollWidth
			);
			expect( width ).toBeLessThanOrEqual( viewport.width );
		};

		// Every screen the visitor sees, in order.
		const screens: string[] = [];
		const onScreen = async ( step: string, title: string ) => {
			await expect( heading( title ) ).toBeFocused();
			await expect(
				app.locator( '.appointease-app__panel' )
			).toHaveAttribute( 'data-step', step );
			screens.push( step );
			await fitsTheScreen();
			await expectAccessible( page, `${ step } (${ viewport.name })` );
		};

		await page.goto( '/book/' );
		const app = page
			.getByRole( 'region', { name: 'Book an appointment' } )
			.first();
		const heading = ( name: string ) =>
			app.getByRole( 'heading', { level: 2, name } );
		// The block's own heading does not repeat the page's title.
		await expect(
			page.getByRole( 'heading', { name: 'Book an appointment' } )
		).toHaveCount( 2 );
		await expect(
			app.getByRole( 'heading', { name: 'Book an appointment' } )
		).toHaveClass( /appointease-visually-hidden/ );

		// One screen to choose: the service, with its facts.
		await expect( heading( 'Choose a time' ) ).toBeVisible();
		screens.push( 'choose' );
		const service = app.getByRole( 'button', {
			name: new RegExp( bookable.service.name ),
		} );
		await expect( service ).toContainText( '30 minutes' );
		await fitsTheScreen();
		await expectAccessible( page, `choose (${ viewport.name })` );
		await shot( '1-choose' );
		await activate( service );

		// One employee gives the service: there is nothing to choose.
		await expect(
			app.locator( 'button.appointease-day' ).first()
		).toBeVisible();
		await expect( app.locator( '[data-employee]' ) ).toHaveCount( 0 );

		// The calendar and the day's free times on the same screen; the
		// first day with a free time is chosen by itself.
		await expect(
			app.locator( 'button[data-date][aria-pressed="true"]' )
		).toHaveAttribute( 'data-free', 'true' );
		const day = await dayButton(
			page,
			app,
			dateAhead( 3 ),
			viewport.keyboard
		);
		await expect( day ).toHaveAttribute( 'data-free', 'true' );
		await expect( day ).toBeEnabled();
		await activate( day );
		await expect( day ).toHaveAttribute( 'aria-pressed', 'true' );
		await expect(
			app.getByText(
				/^Last availability check: (just now|\d+ seconds? ago)$/
			)
		).toBeVisible();
		// Only bookable times are buttons.
		await expect(
			app.locator(
				'button.appointease-time:not([data-state="available"])'
			)
		).toHaveCount( 0 );
		const time = app
			.locator( 'button.appointease-time[data-state="available"]' )
			.nth( 2 );
		const start = await time.getAttribute( 'data-start' );
		expect( start ).toMatch(
			/^\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d$/
		);
		expect( start?.slice( 0, 10 ) ).toBe( dateAhead( 3 ) );
		await activate( time );
		const mine = app.locator( `button[data-start="${ start }"]` );
		await expect( mine ).toHaveAttribute( 'data-state', 'yours' );
		await expect( mine ).toContainText( 'Held for you' );
		await expect( mine ).toHaveAttribute( 'aria-pressed', 'true' );
		// The summary and Continue are on screen right after the pick.
		const proceed = app.getByRole( 'button', { name: 'Continue' } );
		await expect( proceed ).toBeInViewport();
		await expect( app.locator( '.appointease-chosen' ) ).toContainText(
			'Held for you while you book.'
		);
		await fitsTheScreen();
		await expectAccessible(
			page,
			`choose with a pick (${ viewport.name })`
		);
		await shot( '2-time' );
		await activate( proceed );

		// Details: field messages first, then the real details.
		await onScreen( 'details', 'Your details' );
		await activate( app.getByRole( 'button', { name: 'Continue' } ) );
		const name = app.getByLabel( /^Name/ );
		await expect( name ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( name ).toBeFocused();
		await expect(
			app.getByText( 'Please enter your name.' )
		).toBeVisible();
		await shot( '5-details-errors' );
		await type( name, 'Robin E2E' );
		await type( app.getByLabel( /^Email/ ), 'robin.e2e@example.com' );
		await type( app.getByLabel( /^Phone/ ), '+49 30 1234 567' );
		await type( app.getByLabel( /^Notes/ ), 'First visit.' );
		await expect( name ).not.toHaveAttribute( 'aria-invalid', 'true' );
		await fitsTheScreen();
		await shot( '5-details' );
		await activate( app.getByRole( 'button', { name: 'Continue' } ) );

		// Confirm, with the zone named.
		await onScreen( 'review', 'Review your booking' );
		await expect( app.getByText( /\(Europe\/Berlin\)/ ) ).toBeVisible();
		await expect( app.getByText( bookable.service.name ) ).toBeVisible();
		await expect( app.getByText( bookable.employee.name ) ).toBeVisible();
		await expect( app.getByText( 'robin.e2e@example.com' ) ).toBeVisible();
		await shot( '6-review' );
		const booked = page.waitForResponse(
			( response ) =>
				response.url().includes( '/appointease/v1/bookings' ) &&
				response.request().method() === 'POST'
		);
		await activate(
			app.getByRole( 'button', { name: 'Confirm booking' } )
		);
		const response = await booked;
		expect( response.status() ).toBe( 201 );
		expect( response.request().headers()[ 'idempotency-key' ] ).toMatch(
			/^[0-9a-f-]{36}$/
		);
		expect( response.request().postDataJSON() ).toMatchObject( {
			service: bookable.service.id,
			employee: bookable.employee.id,
			start,
			hold_token: expect.any( String ),
		} );

		// Done: summary, calendar file and manage link.
		await onScreen( 'done', 'Booking complete' );
		expect( screens ).toEqual( [ 'choose', 'details', 'review', 'done' ] );
		await expect(
			app.getByText( 'Thank you! Your booking is confirmed.' )
		).toBeVisible();
		// The calendar file downloads through a Blob: the token travels in a
		// request header, never in a URL.
		const downloading = page.waitForEvent( 'download' );
		const icsAnswer = page.waitForResponse( /\/bookings\/\d+\/ics/ );
		await app
			.getByRole( 'button', { name: 'Add to my calendar (.ics)' } )
			.click();
		const calendar = await icsAnswer;
		expect( calendar.status() ).toBe( 200 );
		expect( calendar.url() ).not.toContain( 'token' );
		expect( calendar.request().headers()[ 'x-appointease-token' ] ).toMatch(
			/^[A-Za-z0-9_.:-]+$/
		);
		expect( calendar.headers()[ 'content-type' ] ).toContain(
			'text/calendar'
		);
		const download = await downloading;
		expect( download.suggestedFilename() ).toMatch(
			/^appointment-\d+\.ics$/
		);
		expect( readFileSync( await download.path(), 'utf8' ) ).toMatch(
			/^BEGIN:VCALENDAR\r\n[\s\S]*\r\nSTATUS:CONFIRMED\r\n[\s\S]*END:VCALENDAR\r\n$/
		);
		const manageHref = await app
			.getByRole( 'link', { name: 'Change or cancel this booking' } )
			.getAttribute( 'href' );
		await fitsTheScreen();
		await shot( '7-done' );

		// The booking is in the database, as the visitor entered it.
		const manageUrl = new URL( manageHref ?? '' );
		const id = Number(
			manageUrl.searchParams.get( 'appointease_booking' )
		);
		// The manage link's token rides in the fragment, never the query.
		expect( manageUrl.searchParams.has( 'appointease_token' ) ).toBe(
			false
		);
		expect( manageUrl.hash ).toMatch(
			/^#appointease_token=[A-Za-z0-9_.:-]+$/
		);
		const stored = await bookable.admin.call< {
			status: string;
			start: string;
			customer: { email: string; phone: string; notes: string };
		} >( 'GET', `bookings/${ id }` );
		expect( stored.status ).toBe( 200 );
		expect( stored.body ).toMatchObject( {
			status: 'confirmed',
			start,
			customer: {
				email: 'robin.e2e@example.com',
				phone: '+49 30 1234 567',
				notes: 'First visit.',
			},
		} );

		// The manage link opens the booking.
		await page.goto( manageHref ?? '' );
		const manage = page
			.getByRole( 'region', { name: 'Manage your appointment' } )
			.first();
		await expect( manage.getByText( 'Status: Confirmed' ) ).toBeVisible();
		await expect( manage.getByText( 'Robin E2E' ) ).toBeVisible();
		await fitsTheScreen();
		await shot( '8-manage' );

		expect( errors ).toEqual( [] );
	} );
}

test( 'a deep link opens the choosing screen on its day', async ( {
	page,
} ) => {
	const errors = collectPageErrors( page );
	const date = dateAhead( 4 );
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ date }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	await expect(
		app.getByRole( 'heading', { level: 2, name: 'Choose a time' } )
	).toBeVisible();
	await expect(
		app.locator( 'button.appointease-time[data-state="available"]' ).first()
	).toBeVisible();
	await expect(
		app
			.locator( `button.appointease-time[data-start^="${ date }T"]` )
			.first()
	).toBeVisible();
	expect( errors ).toEqual( [] );
} );
