/**
 * wp-admin, issue 15: an admin marks a booking whose customer did not come
 * as a no-show, and the bookings list filters by the new statuses. The
 * booking is made through the REST API and then put into the past in the
 * database (a booking cannot be made in the past), as if it had been made
 * last week.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readStack } from './stack';
import { dateAhead, login, withBookable } from './utils';

const setup = withBookable( 'NoShow' );

/**
 * Moves a booking's times to two hours ago, in the database of the stack the
 * tests run against (as root over its socket, as the chaos run does).
 *
 * @param id The booking.
 */
function moveToThePast( id: number ): void {
	execFileSync(
		'mariadb',
		[
			'--protocol=socket',
			`--socket=${ path.join( readStack().runtime, 'run', 'mysqld.sock' ) }`,
			'-uroot',
			'appointease',
			'-e',
			`UPDATE wp_appointease_bookings SET start_utc = UTC_TIMESTAMP() - INTERVAL 2 HOUR, end_utc = UTC_TIMESTAMP() - INTERVAL 90 MINUTE WHERE id = ${ Number( id ) }`,
		],
		{ stdio: 'pipe' }
	);
}

test( 'an admin marks a started booking as a no-show and filters the list by status', async ( {
	page,
} ) => {
	const { admin, service, employee } = setup;
	const customer = `No Show ${ Date.now().toString( 36 ) }`;
	const date = dateAhead( 3 );
	const open = await admin.call< {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	} >(
		'GET',
		`availability?service=${ service.id }&employee=${ employee.id }&from=${ date }&to=${ date }`
	);
	expect( open.status ).toBe( 200 );
	const start =
		open.body.days
			.flatMap( ( day ) => day.slots )
			.find( ( slot ) => slot.state === 'available' )?.start ?? '';
	const booked = await admin.call< { id: number } >( 'POST', 'bookings', {
		service: service.id,
		employee: employee.id,
		start,
		customer: { name: customer, email: 'e2e-no-show@example.com' },
	} );
	expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
	moveToThePast( booked.body.id );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await expect( page.locator( '#appointease-admin' ) ).not.toContainText(
		'Loading…'
	);
	await page.getByRole( 'searchbox', { name: 'Customer' } ).fill( customer );
	const row = page.getByRole( 'row', { name: new RegExp( customer ) } );
	await expect( row ).toContainText( 'Confirmed' );

	await row
		.getByRole( 'button', {
			name: new RegExp( `^Mark no-show: ${ customer }` ),
		} )
		.click();
	const dialog = page.getByRole( 'dialog', { name: 'Mark as a no-show?' } );
	await dialog.getByRole( 'button', { name: 'Mark no-show' } ).click();
	await expect(
		page
			.locator( '.appointease-admin__notices' )
			.getByText( `${ customer } is marked as a no-show.`, {
				exact: true,
			} )
	).toBeVisible();
	await expect( row ).toContainText( 'No-show' );
	await expect(
		row.getByRole( 'button', { name: /^Mark no-show/ } )
	).toHaveCount( 0 );

	const status = page.getByRole( 'combobox', { name: 'Status' } );
	await status.selectOption( 'no_show' );
	await expect( row ).toBeVisible();
	await status.selectOption( 'completed' );
	await expect( row ).toHaveCount( 0 );
	await status.selectOption( 'confirmed' );
	await expect( row ).toHaveCount( 0 );
} );
