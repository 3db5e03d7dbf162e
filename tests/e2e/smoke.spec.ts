/**
 * The smoke test of a WordPress release the plugin supports but is not
 * mainly tested on: `bin/test.sh compat` runs only this file's tests
 * (`--grep @smoke`) on the tested minimum (WordPress 6.8.x), after the full
 * suites on 7.1. It also runs in the main end-to-end run, where it costs a
 * few seconds.
 *
 * - a visitor books a time, from the deep link of the time step to "done";
 * - two visitors see each other's hold ("processing") within 2 seconds;
 * - every AppointEase screen in wp-admin loads and mounts its app without
 *   console errors.
 *
 * It takes no screenshots, so a run on another release never overwrites the
 * main run's (tests/e2e/artifacts/screenshots/).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { collectPageErrors, dateAhead, login, withBookable } from './utils';

const bookable = withBookable( 'Smoke' );

/**
 * Opens the booking page at the time step of the spec's calendar and waits
 * for a free time.
 *
 * @param page The page.
 * @param date YYYY-MM-DD.
 */
async function openTimes( page: Page, date: string ) {
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ date }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	await expect(
		app.locator( 'button.appointease-time[data-state="available"]' ).first()
	).toBeVisible();
	return app;
}

/**
 * A page in a browser context of its own (its own cookies), with its errors.
 *
 * @param browser The browser.
 */
async function newVisitor( browser: Browser ) {
	const context = await browser.newContext();
	const page = await context.newPage();
	return { context, page, errors: collectPageErrors( page ) };
}

test( 'a visitor books a time @smoke', async ( { page } ) => {
	const errors = collectPageErrors( page );
	const app = await openTimes( page, dateAhead( 3 ) );
	const time = app
		.locator( 'button.appointease-time[data-state="available"]' )
		.first();
	const start = ( await time.getAttribute( 'data-start' ) ) ?? '';
	await time.click();
	await expect(
		app.locator( `button[data-start="${ start }"]` )
	).toHaveAttribute( 'data-state', 'yours' );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await app.getByLabel( /^Name/ ).fill( 'Sam Smoke' );
	await app.getByLabel( /^Email/ ).fill( 'sam.smoke@example.com' );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	const booked = page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/bookings' ) &&
			response.request().method() === 'POST'
	);
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	expect( ( await booked ).status() ).toBe( 201 );
	await expect(
		app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();
	expect( errors ).toEqual( [] );
} );

test( "two visitors see each other's hold @smoke", async ( { browser } ) => {
	const date = dateAhead( 4 );
	const a = await newVisitor( browser );
	const b = await newVisitor( browser );
	const appA = await openTimes( a.page, date );
	const appB = await openTimes( b.page, date );
	const free = ( app: typeof appA, n: number ) =>
		app
			.locator( 'button.appointease-time[data-state="available"]' )
			.nth( n );
	const startA = ( await free( appA, 2 ).getAttribute( 'data-start' ) ) ?? '';
	const startB = ( await free( appB, 6 ).getAttribute( 'data-start' ) ) ?? '';
	const on = ( app: typeof appA, start: string ) =>
		app.locator( `button.appointease-time[data-start="${ start }"]` );

	await on( appA, startA ).click();
	await expect( on( appA, startA ) ).toHaveAttribute( 'data-state', 'yours' );
	await on( appB, startB ).click();
	await expect( on( appB, startB ) ).toHaveAttribute( 'data-state', 'yours' );
	// Each sees the other's pick as "processing" through the 1-second poll.
	await expect( on( appB, startA ) ).toHaveAttribute(
		'data-state',
		'processing',
		{ timeout: 2000 }
	);
	await expect( on( appA, startB ) ).toHaveAttribute(
		'data-state',
		'processing',
		{ timeout: 2000 }
	);

	expect( a.errors ).toEqual( [] );
	expect( b.errors ).toEqual( [] );
	await a.context.close();
	await b.context.close();
} );

test( 'the admin screens load without console errors @smoke', async ( {
	page,
} ) => {
	await login( page );
	const errors = collectPageErrors( page );
	for ( const slug of [
		'appointease',
		'appointease-bookings',
		'appointease-employees',
		'appointease-services',
		'appointease-settings',
	] ) {
		await page.goto( `/wp-admin/admin.php?page=${ slug }` );
		// The app has mounted once something other than the server's
		// "Loading…" / "needs JavaScript" placeholders is in its root.
		const app = page
			.locator(
				'#appointease-admin > :not(.hide-if-no-js):not(.hide-if-js)'
			)
			.first();
		await app.waitFor().catch( () => undefined );
		// An error that kept it from mounting is the better report.
		expect( errors, `console errors on ${ slug }` ).toEqual( [] );
		await expect( app, `the app of ${ slug }` ).toBeVisible();
		// …and has its data once no spinner is left (errors of its requests count too).
		await expect(
			page.locator( '#appointease-admin .components-spinner' )
		).toHaveCount( 0 );
	}
	expect( errors ).toEqual( [] );
} );
