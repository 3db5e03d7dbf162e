/**
 * "Customers confirm by email" (issue 14, anti-spam, optional): with the
 * setting on, a visitor who books is asked to check their email instead of
 * being told the booking is made; the email (sent over SMTP to the stack's
 * maildev, read through its REST API) carries a confirm link whose token is in the URL
 * fragment; opening it confirms the booking and shows it. Opening it again
 * is harmless; a made-up token is refused with a message.
 */
import { expect, test } from '@playwright/test';
import { mailsTo, waitForMails } from './mail';
import {
	adminRest,
	bookInBrowser,
	changeSettings,
	collectPageErrors,
	dateAhead,
	login,
	withBookable,
	type AdminRest,
} from './utils';

const bookable = withBookable( 'Confirm' );

// A client of its own: withBookable()'s closes in its afterAll, which runs first.
let admin: AdminRest | undefined;
let restore: Record< string, unknown > | undefined;

test.beforeAll( async ( { browser } ) => {
	admin = await adminRest( browser );
	restore = await changeSettings( admin, {
		require_email_confirmation: true,
		confirmation_minutes: 20,
	} );
} );

test.afterAll( async () => {
	if ( admin && restore ) {
		await changeSettings( admin, restore );
	}
	await admin?.close();
} );

test( 'a visitor books, confirms by the link in the email, and sees the booking confirmed', async ( {
	page,
} ) => {
	const errors = collectPageErrors( page );
	const email = `confirm.${ Date.now() }@example.com`;
	const { app, start, answer } = await bookInBrowser(
		page,
		bookable,
		dateAhead( 5 ),
		{
			name: 'Casey Confirm',
			email,
		}
	);
	const booking = answer as { id: number; status: string };
	expect( booking.status ).toBe( 'unverified' );

	// Not "booked" yet: the visitor is asked to confirm within the setting's minutes.
	const done = app.locator( '.appointease-done__status' );
	await expect( done ).toHaveAttribute( 'data-status', 'unverified' );
	await expect( done ).toContainText( 'check your email' );
	await expect( done ).toContainText( 'within 20 minutes' );
	await expect( app.getByText( 'Your booking is confirmed' ) ).toHaveCount(
		0
	);

	// The time is taken meanwhile, for everyone: no longer offered.
	const other = await page.context().newPage();
	await other.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ dateAhead( 5 ) }`
	);
	await expect(
		other
			.locator( 'button.appointease-time[data-state="available"]' )
			.first()
	).toBeVisible();
	await expect(
		other.locator( `button.appointease-time[data-start="${ start }"]` )
	).toHaveCount( 0 );
	await other.close();

	// The email: only the confirm link, its token in the fragment.
	const mail = ( await waitForMails( email, 1 ) )[ 0 ];
	expect( mail?.subject ).toContain( 'Please confirm your booking' );
	const found =
		/(https?:\/\/\S+)#appointease_confirm=(\d+)\.[0-9a-f]{64}/.exec(
			mail?.text ?? ''
		);
	expect( found, mail?.text ).not.toBeNull();
	const link = found?.[ 0 ] ?? '';
	expect( Number( found?.[ 2 ] ) ).toBe( booking.id );
	expect( found?.[ 1 ] ).not.toContain( 'token' );

	// Opening it confirms the booking; the token leaves the address bar.
	const verified = page.waitForResponse(
		( response ) =>
			response.url().includes( `/bookings/${ booking.id }/verify` ) &&
			response.request().method() === 'POST'
	);
	await page.goto( link );
	const verify = await verified;
	expect( verify.status() ).toBe( 200 );
	expect( verify.url() ).not.toContain( 'token' );
	const view = page
		.getByRole( 'region', { name: 'Confirm your booking' } )
		.first();
	await expect( view.locator( '.appointease-done__status' ) ).toHaveAttribute(
		'data-status',
		'confirmed'
	);
	await expect( view.getByText( /Your booking is confirmed/ ) ).toBeVisible();
	await expect( view.getByText( bookable.service.name ) ).toBeVisible();
	await expect( view.getByText( 'Casey Confirm' ) ).toBeVisible();
	expect( page.url() ).not.toContain( 'appointease_confirm' );

	// Now the usual email with the manage link follows.
	const mails = await waitForMails( email, 2 );
	expect( mails ).toHaveLength( 2 );
	expect( mails[ 1 ]?.text ).toContain( 'appointease_token' );
	// The HTML part has the same link, as a link.
	expect( mails[ 1 ]?.html ).toMatch(
		/<a href="[^"]+appointease_token=[0-9a-f]+"/
	);

	// Opening it again is harmless (from another page; a link opened where
	// only the fragment changes is handled too, see the made-up token below).
	await page.goto( 'about:blank' );
	await page.goto( link );
	await expect(
		page
			.getByRole( 'region', { name: 'Confirm your booking' } )
			.first()
			.locator( '.appointease-done__status' )
	).toHaveAttribute( 'data-status', 'confirmed' );
	expect( await mailsTo( email ) ).toHaveLength( 2 );

	expect( errors ).toEqual( [] );

	// A made-up token says what to do, even when only the fragment of the
	// open page changes (no new page load).
	await page.goto(
		`/book/#appointease_confirm=${ booking.id }.${ 'b'.repeat( 64 ) }`
	);
	await expect(
		page.getByText( 'This confirmation link is not valid.', {
			exact: false,
		} )
	).toBeVisible();
	// The browser reports the refused request itself; nothing else went wrong.
	expect( errors ).toEqual( [
		expect.stringContaining( `/bookings/${ booking.id }/verify` ),
	] );
} );

test( 'the admin finds both settings, and unconfirmed bookings under their own status', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	const date = dateAhead( 6 );
	const day = await request.get(
		`/wp-json/appointease/v1/availability?service=${ bookable.service.id }&employee=${ bookable.employee.id }&from=${ date }&to=${ date }`
	);
	const { days } = ( await day.json() ) as {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	};
	const start =
		days[ 0 ]?.slots.find( ( slot ) => slot.state === 'available' )
			?.start ?? '';
	const made = await request.post( '/wp-json/appointease/v1/bookings', {
		data: {
			service: bookable.service.id,
			employee: bookable.employee.id,
			start,
			customer: { name: 'Una Unconfirmed', email: 'una@example.com' },
		},
	} );
	expect( made.status() ).toBe( 201 );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-settings' );
	const form = page.getByRole( 'form', { name: 'Settings' } );
	await expect(
		form.getByLabel( 'Customers confirm bookings by email' )
	).toBeChecked();
	await expect(
		form.getByLabel( 'Time to confirm by email (minutes)' )
	).toHaveValue( '20' );

	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page
		.getByLabel( 'Status', { exact: true } )
		.selectOption( { label: 'Awaiting email confirmation' } );
	await expect(
		page.getByRole( 'row' ).filter( { hasText: 'Una Unconfirmed' } ).first()
	).toContainText( 'Awaiting email confirmation' );
	expect( errors ).toEqual( [] );
} );
