/**
 * The manage view, opened with the link from the booking email
 * (`/book/?appointease_booking=<id>&appointease_token=<token>`): the
 * visitor moves the booking to another time with the same calendar and
 * live time list as the booking flow, then cancels it. A wrong token shows
 * nothing of the booking. Screenshots at desktop and phone sizes.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	artifactPath,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const API = '/wp-json/appointease/v1';

const bookable = withBookable( 'Manage' );

interface Slot {
	start: string;
	state: string;
}

/**
 * Books the n-th free time of a day through the public REST API.
 *
 * @param request The API client.
 * @param date    YYYY-MM-DD.
 * @param n       Index among the day's free times.
 */
async function bookThroughRest(
	request: APIRequestContext,
	date: string,
	n: number
): Promise< { id: number; start: string; manage_token: string } > {
	const day = await request.get(
		`${ API }/availability?service=${ bookable.service.id }&employee=${ bookable.employee.id }&from=${ date }&to=${ date }`
	);
	const { days } = ( await day.json() ) as {
		days: Array< { slots: Slot[] } >;
	};
	const free = ( days[ 0 ]?.slots ?? [] ).filter(
		( slot ) => slot.state === 'available'
	);
	const start = free[ n ]?.start ?? '';
	const response = await request.post( `${ API }/bookings`, {
		headers: { 'Idempotency-Key': randomUUID() },
		data: {
			service: bookable.service.id,
			employee: bookable.employee.id,
			start,
			customer: { name: 'Manage Me', email: 'manage.me@example.com' },
		},
	} );
	expect( response.status() ).toBe( 201 );
	return ( await response.json() ) as {
		id: number;
		start: string;
		manage_token: string;
	};
}

const VIEWPORTS = [
	{ name: 'desktop', width: 1280, height: 900, days: 10 },
	{ name: 'phone', width: 360, height: 780, days: 11 },
] as const;

for ( const viewport of VIEWPORTS ) {
	test( `the visitor moves and cancels a booking from the manage link (${ viewport.name })`, async ( {
		page,
		request,
	} ) => {
		const errors = collectPageErrors( page );
		await page.setViewportSize( {
			width: viewport.width,
			height: viewport.height,
		} );
		const shot = ( step: string ) =>
			page.screenshot( {
				path: artifactPath(
					`screenshots/manage-${ step }-${ viewport.name }.png`
				),
				fullPage: true,
			} );
		const date = dateAhead( viewport.days );
		const booking = await bookThroughRest( request, date, 2 );

		await page.goto(
			`/book/?appointease_booking=${ booking.id }&appointease_token=${ booking.manage_token }`
		);
		const app = page
			.getByRole( 'region', { name: 'Manage your appointment' } )
			.first();
		await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
		await expect( app.getByText( bookable.service.name ) ).toBeVisible();
		await expect( app.getByText( bookable.employee.name ) ).toBeVisible();
		await expect(
			app.getByRole( 'link', { name: /Add to my calendar/ } )
		).toHaveAttribute(
			'href',
			new RegExp(
				`/bookings/${ booking.id }/ics\\?token=${ booking.manage_token }$`
			)
		);
		await shot( '1-view' );

		// Reschedule: the same calendar and live times as the flow.
		await app
			.getByRole( 'button', { name: 'Choose another time' } )
			.click();
		await app.locator( `button[data-date="${ date }"]` ).click();
		const current = app.locator(
			`button[data-start="${ booking.start }"]`
		);
		await expect( current ).toHaveAttribute( 'data-state', 'yours' );
		await expect( current ).toContainText( 'Your booking' );
		await expect( current ).toBeDisabled();
		await expect(
			app.getByText( /^Last availability check:/ )
		).toBeVisible();
		const target = app
			.locator( 'button.appointease-time[data-state="available"]' )
			.nth( 6 );
		const newStart = ( await target.getAttribute( 'data-start' ) ) ?? '';
		await target.click();
		await expect( target ).toContainText( 'Selected' );
		await shot( '2-reschedule' );
		await app
			.getByRole( 'button', { name: /^Move my booking to/ } )
			.click();
		const moved = app.locator( '.appointease-notice.is-success' );
		await expect( moved ).toContainText( 'Done: your booking is now on' );
		await expect( moved ).toBeFocused();

		const afterMove = await bookable.admin.call< {
			start: string;
			status: string;
		} >( 'GET', `bookings/${ booking.id }` );
		expect( afterMove.body ).toMatchObject( {
			start: newStart,
			status: 'confirmed',
		} );

		// Cancel, after a confirmation.
		await app.getByRole( 'button', { name: 'Cancel booking' } ).click();
		await expect(
			app.getByText( /This cannot be undone\./ )
		).toBeVisible();
		await shot( '3-cancel-confirm' );
		await app.getByRole( 'button', { name: 'Yes, cancel it' } ).click();
		const cancelled = app.locator( '.appointease-notice.is-success' );
		await expect( cancelled ).toContainText( 'Your booking is cancelled' );
		await expect( cancelled ).toBeFocused();
		await expect( app.getByText( 'Status: Cancelled' ) ).toBeVisible();
		await expect(
			app.getByRole( 'button', { name: 'Choose another time' } )
		).toHaveCount( 0 );
		await shot( '4-cancelled' );

		const afterCancel = await bookable.admin.call< { status: string } >(
			'GET',
			`bookings/${ booking.id }`
		);
		expect( afterCancel.body.status ).toBe( 'cancelled' );

		const width = await page.evaluate(
			() => document.documentElement.scrollWidth
		);
		expect( width ).toBeLessThanOrEqual( viewport.width );
		expect( errors ).toEqual( [] );
	} );
}

test( 'a wrong manage token shows nothing of the booking', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	const booking = await bookThroughRest( request, dateAhead( 12 ), 0 );
	await page.goto(
		`/book/?appointease_booking=${ booking.id }&appointease_token=wrong-token`
	);
	const app = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( app.locator( '.appointease-notice.is-error' ) ).toContainText(
		'We could not find this booking'
	);
	await expect( app.getByText( 'Manage Me' ) ).toHaveCount( 0 );
	// The refused request itself is logged by the browser.
	expect(
		errors.filter( ( error ) => ! error.includes( 'status of 404' ) )
	).toEqual( [] );
} );
