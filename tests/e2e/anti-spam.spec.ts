/**
 * The anti-spam checks as people and scripts meet them in the booking
 * block, with the plugin's default settings (a 3-second minimum fill time
 * from the visitor's hold, three coming bookings per address):
 *
 * - a person who takes a moment books, and never meets the honeypot field;
 * - a script that fills every field, the hidden one included, and confirms
 *   within about a second is refused, and the block says why;
 * - a visitor who confirms within seconds of picking the time is asked to
 *   take a moment, and books with the next click a few seconds later.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectPageErrors, dateAhead, withBookable } from './utils';

const bookable = withBookable( 'Spam', { antiSpam: true } );

/** The plugin's defaults, which this spec proves. */
const DEFAULT_MIN_FILL_SECONDS = 3;
const DEFAULT_BOOKINGS_PER_EMAIL = 3;

test.beforeAll( async () => {
	const settings = await bookable.admin.call< Record< string, unknown > >(
		'GET',
		'settings'
	);
	expect(
		[ settings.body.min_fill_seconds, settings.body.bookings_per_email ],
		'The test site keeps the anti-spam defaults (another spec changed them and did not restore them?)'
	).toEqual( [ DEFAULT_MIN_FILL_SECONDS, DEFAULT_BOOKINGS_PER_EMAIL ] );
} );

/**
 * Opens the time step of the spec's calendar, picks the first free time and
 * waits until it is held; gives the app and the instant of the pick.
 *
 * @param page The page.
 * @param days Days ahead, so each test books its own day.
 */
async function pickTime( page: Page, days: number ) {
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${
			bookable.employee.id
		}&date=${ dateAhead( days ) }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	const time = app
		.locator( 'button.appointease-time[data-state="available"]' )
		.first();
	await expect( time ).toBeVisible();
	const start = ( await time.getAttribute( 'data-start' ) ) ?? '';
	await time.click();
	await expect(
		app.locator( `button[data-start="${ start }"]` )
	).toHaveAttribute( 'data-state', 'yours' );
	return { app, heldAt: Date.now() };
}

/**
 * The answer to the next POST bookings.
 *
 * @param page The page.
 */
function nextBooking( page: Page ) {
	return page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/bookings' ) &&
			response.request().method() === 'POST'
	);
}

/**
 * An address of its own for each run, so that the cap never counts old runs.
 * @param who
 */
function freshEmail( who: string ): string {
	return `${ who }.${ Date.now() }@example.com`;
}

/**
 * Presses Tab (at most ten times) until a control has the focus, checking
 * at each step that another one never gets it.
 *
 * @param page   The page.
 * @param target The control to reach.
 * @param avoid  The control the Tab key must skip.
 */
async function tabTo(
	page: Page,
	target: Locator,
	avoid: Locator
): Promise< void > {
	for ( let step = 0; step < 10; step++ ) {
		await page.keyboard.press( 'Tab' );
		await expect( avoid ).not.toBeFocused();
		const reached = await target.evaluate(
			( node ) => node === node.ownerDocument.activeElement
		);
		if ( reached ) {
			return;
		}
	}
}

test( 'a person who takes a moment books, and never meets the hidden field', async ( {
	page,
} ) => {
	const errors = collectPageErrors( page );
	const { app, heldAt } = await pickTime( page, 4 );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	// The honeypot is on the page for scripts, but not for people: no size
	// to see, hidden from screen readers, skipped by the Tab key.
	const trap = app.locator( 'input[name="website"]' );
	await expect( trap ).toHaveAttribute( 'tabindex', '-1' );
	await expect( trap ).toHaveAttribute( 'autocomplete', 'off' );
	await expect(
		app.locator( '.appointease-trap[aria-hidden="true"]' )
	).toHaveCount( 1 );
	const box = await app.locator( '.appointease-trap' ).boundingBox();
	expect( ( box?.width ?? 0 ) * ( box?.height ?? 0 ) ).toBeLessThanOrEqual(
		1
	);
	// From Notes, the Tab key goes through the site's own questions (the demo
	// asks one) to Continue, never through the trap.
	await app.getByLabel( /^Notes/ ).focus();
	const next = app.getByRole( 'button', { name: 'Continue' } );
	await tabTo( page, next, trap );
	await expect( next ).toBeFocused();

	await app
		.getByLabel( /^Name/ )
		.pressSequentially( 'Petra Person', { delay: 40 } );
	await app
		.getByLabel( /^Email/ )
		.pressSequentially( freshEmail( 'petra' ), { delay: 40 } );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	// A person reads the review before confirming.
	const read = Math.max(
		0,
		DEFAULT_MIN_FILL_SECONDS * 1000 + 300 - ( Date.now() - heldAt )
	);
	// eslint-disable-next-line playwright/no-wait-for-timeout -- the check is about time passing.
	await page.waitForTimeout( read );

	const booked = nextBooking( page );
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	expect( ( await booked ).status() ).toBe( 201 );
	await expect(
		app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();
	expect( errors ).toEqual( [] );
} );

test( 'a script that fills every field and confirms within a second is refused, and the block says why', async ( {
	page,
} ) => {
	const { app, heldAt } = await pickTime( page, 5 );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	// What a form-filling script does: every input gets a value, at once.
	await app.getByLabel( /^Name/ ).fill( 'Bot' );
	await app.getByLabel( /^Email/ ).fill( freshEmail( 'bot' ) );
	await app
		.locator( 'input[name="website"]' )
		// eslint-disable-next-line playwright/no-force-option -- a script fills what no person can see.
		.fill( 'https://cheap-pills.example', { force: true } );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	const refused = nextBooking( page );
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	const answer = await refused;
	expect( Date.now() - heldAt ).toBeLessThan( 2500 );
	expect( answer.status() ).toBe( 400 );
	expect( ( await answer.json() ).data.reason ).toBe( 'SPAM_SUSPECTED' );

	const notice = app.getByText(
		/a field filled in that people never see.*fill in the form by hand/
	);
	await expect( notice ).toBeVisible();
	await expect( notice ).toBeFocused();
	await expect(
		app.getByText( 'Thank you! Your booking is confirmed.' )
	).toHaveCount( 0 );
} );

test( 'a visitor who confirms within seconds of picking the time is asked to take a moment, and then books', async ( {
	page,
} ) => {
	const { app } = await pickTime( page, 6 );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await app.getByLabel( /^Name/ ).fill( 'Quinn Quick' );
	await app.getByLabel( /^Email/ ).fill( freshEmail( 'quinn' ) );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	const refused = nextBooking( page );
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	const answer = await refused;
	expect( answer.status() ).toBe( 422 );
	expect( ( await answer.json() ).data.reason ).toBe( 'TOO_FAST' );
	const notice = app.getByText(
		/faster than a person usually fills in the form.*Confirm booking/
	);
	await expect( notice ).toBeVisible();
	await expect( notice ).toBeFocused();

	// eslint-disable-next-line playwright/no-wait-for-timeout -- the check is about time passing.
	await page.waitForTimeout( DEFAULT_MIN_FILL_SECONDS * 1000 );
	const booked = nextBooking( page );
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	expect( ( await booked ).status() ).toBe( 201 );
	await expect(
		app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();
} );
