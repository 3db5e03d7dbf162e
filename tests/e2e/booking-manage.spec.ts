/**
 * The manage view, opened with the link from the booking email
 * (`/book/?appointease_booking=<id>#appointease_token=<token>`): the
 * visitor moves the booking to another time with the same calendar and
 * live time list as the booking flow, then cancels it. A wrong token shows
 * nothing of the booking. Screenshots at desktop and phone sizes.
 *
 * The token never reaches a URL a server sees (issue 14, finding 4): the
 * page takes it off the address bar, keeps it for the tab (a reload still
 * works), sends it in the X-AppointEase-Token header, downloads the .ics
 * through a Blob, and answers with `Referrer-Policy: no-referrer`. A link
 * emailed before, with the token in the query, is moved to the fragment.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
			`/book/?appointease_booking=${ booking.id }#appointease_token=${ booking.manage_token }`
		);
		const app = page
			.getByRole( 'region', { name: 'Manage your appointment' } )
			.first();
		await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
		await expect( app.getByText( bookable.service.name ) ).toBeVisible();
		await expect( app.getByText( bookable.employee.name ) ).toBeVisible();
		await expect(
			app.getByRole( 'button', { name: 'Add to my calendar (.ics)' } )
		).toBeVisible();
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
		`/book/?appointease_booking=${ booking.id }#appointease_token=wrong-token`
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

/**
 * Every URL the page asked for while a function ran, and the headers of
 * its requests to the booking's REST routes.
 *
 * @param page The page.
 */
function watchRequests( page: import( '@playwright/test' ).Page ) {
	const urls: string[] = [];
	const bookingRequests: Array< {
		url: string;
		headers: Record< string, string >;
	} > = [];
	page.on( 'request', ( request ) => {
		urls.push( request.url() );
		if ( /appointease\/v1\/bookings\/\d+/.test( request.url() ) ) {
			bookingRequests.push( {
				url: request.url(),
				headers: request.headers(),
			} );
		}
	} );
	return { urls, bookingRequests };
}

test( 'the emailed link keeps its token out of the address bar, every URL and every Referer', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	const booking = await bookThroughRest( request, dateAhead( 13 ), 1 );
	const token = booking.manage_token;
	const seen = watchRequests( page );

	// The link as the email has it: the token in the fragment.
	const opened = await page.goto(
		`/book/?appointease_booking=${ booking.id }#appointease_token=${ token }`
	);
	expect( opened?.headers()[ 'referrer-policy' ] ).toBe( 'no-referrer' );
	await expect( page.locator( 'meta[name="referrer"]' ) ).toHaveAttribute(
		'content',
		'no-referrer'
	);
	const app = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
	await expect( app.getByText( 'Manage Me' ) ).toBeVisible();
	// The address bar keeps the booking id, not the token.
	expect( page.url() ).not.toContain( token );
	expect(
		new URL( page.url() ).searchParams.get( 'appointease_booking' )
	).toBe( String( booking.id ) );

	// A reload in the same tab still opens the booking.
	await page.reload();
	await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
	expect( page.url() ).not.toContain( token );

	// The calendar file downloads through a Blob, with the token in a header.
	const downloading = page.waitForEvent( 'download' );
	await app
		.getByRole( 'button', { name: 'Add to my calendar (.ics)' } )
		.click();
	const download = await downloading;
	expect( download.suggestedFilename() ).toBe(
		`appointment-${ booking.id }.ics`
	);
	expect( download.url() ).toMatch( /^blob:/ );
	const file = readFileSync( await download.path(), 'utf8' );
	expect( file ).toMatch( /^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/ );

	// No URL the page asked for held the token; every booking request sent it in the header, without a Referer.
	expect( seen.urls.filter( ( url ) => url.includes( token ) ) ).toEqual(
		[]
	);
	const reads = seen.bookingRequests.filter( ( { url } ) =>
		/\/bookings\/\d+(\/ics)?(\?|$)/.test( url )
	);
	expect( reads.length ).toBeGreaterThanOrEqual( 3 );
	for ( const { headers } of reads ) {
		expect( headers[ 'x-appointease-token' ] ).toBe( token );
		// Without the policy, same-origin requests would carry the page's address.
		expect( headers.referer ?? '' ).toBe( '' );
	}
	expect( errors ).toEqual( [] );
} );

test( 'a link emailed before, with the token in the query, is moved to the fragment and still works', async ( {
	page,
	request,
} ) => {
	const errors = collectPageErrors( page );
	const booking = await bookThroughRest( request, dateAhead( 13 ), 3 );
	const token = booking.manage_token;
	const seen = watchRequests( page );

	const first = page.waitForResponse( ( response ) =>
		response.url().includes( 'appointease_token=' )
	);
	await page.goto(
		`/book/?appointease_booking=${ booking.id }&appointease_token=${ token }`
	);
	const redirect = await first;
	expect( redirect.status() ).toBe( 303 );
	expect( redirect.headers()[ 'referrer-policy' ] ).toBe( 'no-referrer' );
	expect( redirect.headers().location ).toBe(
		`/book/?appointease_booking=${ booking.id }#appointease_token=${ token }`
	);

	const app = page
		.getByRole( 'region', { name: 'Manage your appointment' } )
		.first();
	await expect( app.getByText( 'Status: Confirmed' ) ).toBeVisible();
	expect( page.url() ).not.toContain( token );
	// Only the old link's own request held the token.
	expect( seen.urls.filter( ( url ) => url.includes( token ) ) ).toHaveLength(
		1
	);
	expect( errors ).toEqual( [] );
} );

test( 'the REST routes refuse a token in the query string', async ( {
	request,
} ) => {
	const booking = await bookThroughRest( request, dateAhead( 13 ), 5 );
	for ( const route of [
		`bookings/${ booking.id }`,
		`bookings/${ booking.id }/ics`,
	] ) {
		const refused = await request.get(
			`${ API }/${ route }?token=${ booking.manage_token }`
		);
		expect( refused.status() ).toBe( 400 );
		expect( ( await refused.json() ).data.reason ).toBe( 'TOKEN_IN_URL' );
		const allowed = await request.get( `${ API }/${ route }`, {
			headers: { 'X-AppointEase-Token': booking.manage_token },
		} );
		expect( allowed.status() ).toBe( 200 );
	}
	const cancel = await request.post(
		`${ API }/bookings/${ booking.id }/cancel?token=${ booking.manage_token }`
	);
	expect( cancel.status() ).toBe( 400 );
	expect( ( await cancel.json() ).data.reason ).toBe( 'TOKEN_IN_URL' );
} );
