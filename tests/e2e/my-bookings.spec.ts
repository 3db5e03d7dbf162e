/**
 * The "My bookings" page of an employee's WordPress login, in Chromium
 * against the demo site: a user linked to an employee sees that employee's
 * bookings in wp-admin, as a list and in the calendar, with no way to change
 * them; the list opens as the admin's does (upcoming first, cancelled ones
 * hidden, status counts); they see neither another employee's bookings nor the AppointEase
 * management screens. The spec makes its own employees, bookings and user,
 * and removes the user (and deactivates the employees, whom the bookings
 * name) afterwards.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
	artifactPath,
	collectPageErrors,
	dateAhead,
	login,
	removeOrDeactivate,
	withBookable,
	type AdminRest,
} from './utils';

const setup = withBookable( 'Mine' );

interface Slot {
	start: string;
	state: string;
}

/**
 * Books the first free time of an employee on a date, as the admin.
 *
 * @param admin    The admin REST client.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 * @param customer The customer's name.
 */
async function book(
	admin: AdminRest,
	employee: number,
	date: string,
	customer: string
): Promise< { id: number; start: string } > {
	const day = await admin.call< { days: Array< { slots: Slot[] } > } >(
		'GET',
		`availability?service=${ setup.service.id }&employee=${ employee }&from=${ date }&to=${ date }`
	);
	const start =
		day.body.days[ 0 ]?.slots.find( ( slot ) => slot.state === 'available' )
			?.start ?? '';
	expect( start, 'a free time to book' ).not.toBe( '' );
	const booked = await admin.call< { id: number; start: string } >(
		'POST',
		'bookings',
		{
			service: setup.service.id,
			employee,
			start,
			customer: { name: customer, email: 'my-bookings@example.com' },
		},
		{ 'Idempotency-Key': randomUUID() }
	);
	expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
	return booked.body;
}

test( 'a linked employee reads their own bookings in wp-admin, upcoming first without cancelled ones, and only theirs', async ( {
	browser,
} ) => {
	const { admin } = setup;
	const suffix = Date.now().toString( 36 );
	const username = `e2e-employee-${ suffix }`;
	const password = randomUUID();
	const date = dateAhead( 3 );
	const mine = `E2E Mine customer ${ suffix }`;
	const later = `E2E Mine later ${ suffix }`;
	const gone = `E2E Mine cancelled ${ suffix }`;
	const theirs = `E2E Theirs customer ${ suffix }`;

	const other = await admin.call< { id: number } >( 'POST', 'employees', {
		name: `E2E Mine colleague ${ suffix }`,
		services: [ setup.service.id ],
		hours: [ 1, 2, 3, 4, 5, 6, 7 ].map( ( weekday ) => ( {
			weekday,
			start: '08:00',
			end: '20:00',
		} ) ),
	} );
	expect( other.status ).toBe( 201 );
	const user = await admin.wp< { id: number } >( 'POST', 'wp/v2/users', {
		username,
		password,
		email: `${ username }@example.com`,
		roles: [ 'appointease_employee' ],
	} );
	expect( user.status, JSON.stringify( user.body ) ).toBe( 201 );
	const context = await browser.newContext();

	try {
		const linked = await admin.call(
			'PATCH',
			`employees/${ setup.employee.id }`,
			{ wp_user: user.body.id }
		);
		expect( linked.status, JSON.stringify( linked.body ) ).toBe( 200 );
		// Booked latest first, so the list's order is its own.
		await book( admin, setup.employee.id, dateAhead( 5 ), later );
		const cancelled = await book(
			admin,
			setup.employee.id,
			dateAhead( 4 ),
			gone
		);
		expect(
			( await admin.call( 'POST', `bookings/${ cancelled.id }/cancel` ) )
				.status
		).toBe( 200 );
		const booking = await book( admin, setup.employee.id, date, mine );
		const colleagues = await book( admin, other.body.id, date, theirs );

		const page = await context.newPage();
		const errors = collectPageErrors( page );
		await login( page, username, password );

		// The menu offers "My bookings" and nothing to manage.
		const menu = page.locator( '#adminmenu' );
		await expect(
			menu.getByRole( 'link', { name: 'My bookings' } )
		).toBeVisible();
		await expect(
			menu.locator( 'a[href*="page=appointease"]' )
		).toHaveCount( 1 );
		await menu.getByRole( 'link', { name: 'My bookings' } ).click();
		await expect(
			page.getByRole( 'heading', { name: 'My bookings', level: 1 } )
		).toBeVisible();

		// The list: their upcoming bookings soonest first, the cancelled one
		// hidden, not the colleague's, and no action buttons.
		await expect(
			page.getByRole( 'button', { name: 'Upcoming', pressed: true } )
		).toBeVisible();
		await page
			.getByRole( 'searchbox', { name: 'Customer' } )
			.fill( suffix );
		const table = page.getByRole( 'table', { name: 'Bookings' } );
		await expect(
			page.getByText( '2 bookings', { exact: true } )
		).toBeVisible();
		const rows = table.locator( 'tbody tr' );
		await expect( rows ).toHaveCount( 2 );
		await expect( rows.nth( 0 ) ).toContainText( mine );
		await expect( rows.nth( 1 ) ).toContainText( later );
		const row = table.getByRole( 'row', { name: new RegExp( mine ) } );
		await expect( row ).toContainText( setup.service.name );
		await expect( row ).toContainText( setup.employee.name );
		await expect( row ).toContainText( 'Confirmed' );
		await expect( table.getByText( gone ) ).toHaveCount( 0 );
		await expect( table.getByText( theirs ) ).toHaveCount( 0 );
		const statuses = page.getByRole( 'list', {
			name: 'Show bookings by status',
		} );
		await expect(
			statuses.getByRole( 'button', { name: 'Open (2)' } )
		).toBeVisible();
		await expect(
			page.getByRole( 'button', { name: 'Columns' } )
		).toBeVisible();
		await expect( page.getByText( 'Export CSV' ) ).toHaveCount( 0 );
		await expect( page.getByRole( 'checkbox' ) ).toHaveCount( 0 );
		const { violations } = await new AxeBuilder( { page } )
			.include( '.appointease-admin__screen' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect(
			violations.map( ( violation ) => violation.id ),
			'axe on My bookings'
		).toEqual( [] );
		await expect( table.getByRole( 'button' ) ).toHaveCount( 0 );
		// The cancelled one shows when asked for.
		await statuses.getByRole( 'button', { name: 'Cancelled (1)' } ).click();
		await expect( rows ).toHaveCount( 1 );
		await expect( rows.nth( 0 ) ).toContainText( gone );
		await statuses.getByRole( 'button', { name: 'Open (2)' } ).click();
		await expect( rows ).toHaveCount( 2 );
		// No employee filter; exact, as the admin bar's own labels contain the word too.
		await expect(
			page.getByLabel( 'Employee', { exact: true } )
		).toHaveCount( 0 );
		await page.screenshot( {
			path: artifactPath( 'screenshots/admin-my-bookings.png' ),
			fullPage: true,
		} );

		// The calendar of the booking's day, with the working hours.
		await page
			.getByRole( 'button', { name: 'Calendar', exact: true } )
			.click();
		await page.getByLabel( 'Date' ).fill( date );
		const day = page.getByRole( 'group', { name: 'Bookings by day' } );
		await expect( day ).toContainText( 'Works 08:00–20:00' );
		const event = day.locator( `[data-booking="${ booking.id }"]` );
		await expect( event ).toContainText( mine );
		await expect( event.getByRole( 'button' ) ).toHaveCount( 0 );
		await expect( day.getByText( theirs ) ).toHaveCount( 0 );

		expect( errors ).toEqual( [] );

		// Their booking's view, read-only; a colleague's booking is refused in words
		// (after the check for page errors: the browser logs the server's refusal).
		await page.goto( '/wp-admin/admin.php?page=appointease-my-bookings' );
		await page
			.getByRole( 'searchbox', { name: 'Customer' } )
			.fill( suffix );
		await row
			.getByRole( 'link', { name: new RegExp( `booking of ${ mine }` ) } )
			.click();
		const view = page.getByRole( 'region', {
			name: new RegExp( `^${ mine }, ` ),
		} );
		await expect( view ).toContainText( setup.service.name );
		await expect( view.getByRole( 'button' ) ).toHaveCount( 1 ); // Back only.
		// The staff email's link (made for the Bookings screen) leads an employee to the same view.
		await page.goto(
			`/wp-admin/admin.php?page=appointease-bookings&booking=${ booking.id }`
		);
		await expect( page ).toHaveURL(
			new RegExp(
				`page=appointease-my-bookings&booking=${ booking.id }$`
			)
		);
		await expect( view ).toContainText( setup.service.name );
		await page.goto(
			`/wp-admin/admin.php?page=appointease-my-bookings&booking=${ colleagues.id }`
		);
		// As the server answers: like a booking that does not exist (no hint that it does).
		await expect(
			page
				.locator( '.components-notice__content' )
				.getByText(
					'This booking cannot be shown. No booking matches this link. It may have been removed.'
				)
		).toBeVisible();
		await expect( page.getByText( theirs ) ).toHaveCount( 0 );

		// The management screens stay closed.
		const refused = await page.goto(
			'/wp-admin/admin.php?page=appointease'
		);
		expect( refused?.status() ).toBe( 403 );
		await expect(
			page.getByText( 'Sorry, you are not allowed to access this page.' )
		).toBeVisible();
	} finally {
		await context.close();
		await admin.wp(
			'DELETE',
			`wp/v2/users/${ user.body.id }?force=true&reassign=1`
		);
		await removeOrDeactivate( admin, `employees/${ other.body.id }` );
	}
} );
