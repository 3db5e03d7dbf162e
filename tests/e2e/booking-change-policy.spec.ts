/**
 * The change and cancel policy (issue 17, item 3) in a real browser: a
 * booking inside its service's cut-offs opens on the manage page with the
 * business's contact text and neither a cancel nor a reschedule button;
 * the customer's cancel over REST is refused with TOO_LATE_TO_CHANGE while
 * the admin's goes through.
 */
import { randomUUID } from 'node:crypto';
import {
	expect,
	test,
	type APIRequestContext,
	type Page,
} from '@playwright/test';
import {
	changeSettings,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const API = '/wp-json/appointease/v1';

const CONTACT = 'Call the front desk on 555 0100.';

const bookable = withBookable( 'Policy' );

// The contact text is the site's; the cut-offs are the spec's own service's.
test.beforeAll( async () => {
	// A year: every booking the spec makes is inside both cut-offs.
	const patched = await bookable.admin.call(
		'PATCH',
		`services/${ bookable.service.id }`,
		{ cancel_cutoff_hours: 8760, reschedule_cutoff_hours: 8760 }
	);
	expect( patched.status, JSON.stringify( patched.body ) ).toBe( 200 );
} );

test( 'a booking inside the cut-off shows the contact text and no cancel button', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	// Put back in the test itself: withBookable()'s afterAll closes the admin client first.
	const restore = await changeSettings( bookable.admin, {
		change_contact_text: CONTACT,
	} );
	try {
		await manageInsideTheCutOff( page, request );
	} finally {
		await changeSettings( bookable.admin, restore );
	}
	expect( errors ).toEqual( [] );
} );

/**
 * Books through the public API, opens the manage link and checks the page and the routes.
 *
 * @param page    The page.
 * @param request The public API client.
 */
async function manageInsideTheCutOff( page: Page, request: APIRequestContext ) {
	const date = dateAhead( 5 );
	const day = await request.get(
		`${ API }/availability?service=${ bookable.service.id }&employee=${ bookable.employee.id }&from=${ date }&to=${ date }`
	);
	const { days } = ( await day.json() ) as {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	};
	const start =
		days[ 0 ]?.slots.find( ( slot ) => slot.state === 'available' )
			?.start ?? '';
	const created = await request.post( `${ API }/bookings`, {
		headers: { 'Idempotency-Key': randomUUID() },
		data: {
			service: bookable.service.id,
			employee: bookable.employee.id,
			start,
			customer: {
				name: 'Late Changer',
				email: 'late.changer@example.com',
			},
		},
	} );
	expect( created.status() ).toBe( 201 );
	const booking = ( await created.json() ) as {
		id: number;
		manage_token: string;
	};

	await page.goto(
		`/book/?appointease_booking=${ booking.id }#appointease_token=${ booking.manage_token }`
	);
	const app = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
	await expect(
		app.getByText(
			'This booking can no longer be changed or cancelled online.'
		)
	).toBeVisible();
	await expect( app.getByText( CONTACT ) ).toBeVisible();
	await expect(
		app.getByRole( 'button', { name: 'Cancel booking' } )
	).toHaveCount( 0 );
	await expect(
		app.getByRole( 'button', { name: 'Choose another time' } )
	).toHaveCount( 0 );

	// The server decides: the customer's cancel is refused, the admin's is not.
	const refused = await request.post(
		`${ API }/bookings/${ booking.id }/cancel`,
		{ data: { token: booking.manage_token } }
	);
	expect( refused.status() ).toBe( 422 );
	const body = ( await refused.json() ) as {
		message: string;
		data: { reason: string };
	};
	expect( body.data.reason ).toBe( 'TOO_LATE_TO_CHANGE' );
	expect( body.message ).toContain( '8760 hours' );
	expect( body.message ).toContain( CONTACT );
	const cancelled = await bookable.admin.call< { status: string } >(
		'POST',
		`bookings/${ booking.id }/cancel`
	);
	expect( cancelled.status ).toBe( 200 );
	expect( cancelled.body.status ).toBe( 'cancelled' );
}
