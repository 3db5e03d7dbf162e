/**
 * Live availability between visitors, in real Chromium against the demo
 * site (nginx with its poll micro-cache, php-fpm, MariaDB, Redis):
 *
 * - a time one visitor picks shows on another visitor's page as
 *   "processing" within 2 seconds and cannot be picked there; moving and
 *   leaving the page free it again;
 * - two visitors confirm the last seat at the same moment: the database
 *   lets one booking through, and the other visitor gets a clear message
 *   and a fresh list;
 * - a hold that runs out while the visitor types: held again when the time
 *   is still free, or a message and a fresh list when it is not;
 * - Redis stops in the middle of a booking, and the booking still completes
 *   (the outage lasts a few seconds: other agents share this Redis).
 *
 * Visitors are separate browser contexts (separate cookies and storage).
 * The spec makes its own service and employee and raises the write rate
 * limit for its run; both are restored afterwards.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	type Request,
} from '@playwright/test';
import { readStack } from './stack';
import {
	changeSettings,
	collectPageErrors,
	dateAhead,
	withBookable,
} from './utils';

const API = '/wp-json/appointease/v1';

const bookable = withBookable( 'Live' );

interface Visitor {
	context: BrowserContext;
	page: Page;
	app: Locator;
	errors: string[];
}

/**
 * How many confirmed bookings the database holds at a start of the spec's
 * employee.
 *
 * @param date  YYYY-MM-DD.
 * @param start ISO 8601.
 */
async function confirmedAt( date: string, start: string ): Promise< number > {
	const bookings = await bookable.admin.call<
		Array< { start: string; status: string } >
	>(
		'GET',
		`bookings?employee=${ bookable.employee.id }&from=${ date }&to=${ date }`
	);
	return bookings.body.filter(
		( item ) => item.start === start && item.status === 'confirmed'
	).length;
}

/**
 * A new visitor on the time step of the spec's calendar for a date.
 *
 * @param browser The browser.
 * @param date    YYYY-MM-DD.
 */
async function visitor( browser: Browser, date: string ): Promise< Visitor > {
	const context = await browser.newContext();
	const page = await context.newPage();
	const errors = collectPageErrors( page );
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ date }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	await expect(
		app.locator( 'button.appointease-time[data-state="available"]' ).first()
	).toBeVisible();
	return { context, page, app, errors };
}

/**
 * A time button of a visitor's page.
 *
 * @param who   The visitor.
 * @param start ISO 8601.
 */
function timeOf( who: Visitor, start: string ): Locator {
	return who.app.locator(
		`button.appointease-time[data-start="${ start }"]`
	);
}

/**
 * A time button of a visitor's page, only while it can be picked (or is
 * the visitor's own).
 *
 * @param who   The visitor.
 * @param start ISO 8601.
 */
function offered( who: Visitor, start: string ): Locator {
	return who.app.locator(
		`button.appointease-time[data-start="${ start }"]:is([data-state="available"], [data-state="yours"])`
	);
}

/**
 * The start of the n-th available time on a visitor's page.
 *
 * @param who The visitor.
 * @param n   Index among the available times.
 */
async function availableStart( who: Visitor, n: number ): Promise< string > {
	const button = who.app
		.locator( 'button.appointease-time[data-state="available"]' )
		.nth( n );
	await expect( button ).toHaveAttribute( 'data-start', /T\d\d:\d\d/ );
	return ( await button.getAttribute( 'data-start' ) ) ?? '';
}

/**
 * Picks a time and waits until it is held; gives the hold's id and token
 * (read from the answer to POST holds; a move answers without the token).
 *
 * @param who   The visitor.
 * @param start ISO 8601.
 */
async function pick(
	who: Visitor,
	start: string
): Promise< { id: string; token: string } > {
	// A first pick creates a hold (201), a later one moves it (200).
	const answer = who.page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/holds' ) &&
			response.request().postDataJSON()?.start === start
	);
	await timeOf( who, start ).click();
	const response = await answer;
	expect( [ 200, 201 ] ).toContain( response.status() );
	await expect( timeOf( who, start ) ).toHaveAttribute(
		'data-state',
		'yours'
	);
	return ( await response.json() ) as { id: string; token: string };
}

/**
 * Fills the details and goes to the review step.
 *
 * @param who  The visitor.
 * @param name The visitor's name.
 */
async function enterDetails( who: Visitor, name: string ): Promise< void > {
	await who.app.getByRole( 'button', { name: 'Continue' } ).click();
	await who.app.getByLabel( /^Name/ ).fill( name );
	await who.app
		.getByLabel( /^Email/ )
		.fill( `${ name.toLowerCase().replace( /\W+/g, '.' ) }@example.com` );
	await who.app.getByRole( 'button', { name: 'Continue' } ).click();
	await expect(
		who.app.getByRole( 'heading', { name: 'Review your booking' } )
	).toBeVisible();
}

/**
 * Whether a request is a heartbeat (PATCH holds/{id} without a new start).
 * api-fetch sends PATCH as POST with X-HTTP-Method-Override.
 *
 * @param request The request.
 */
function isHeartbeat( request: Request ): boolean {
	return (
		request.url().includes( '/appointease/v1/holds/' ) &&
		request.headers()[ 'x-http-method-override' ] === 'PATCH'
	);
}

/**
 * Makes a visitor's heartbeats fail, as if the connection dropped them.
 *
 * @param who The visitor.
 */
async function dropHeartbeats( who: Visitor ): Promise< void > {
	await who.page.route( `**${ API }/holds/**`, ( route ) =>
		isHeartbeat( route.request() ) ? route.abort() : route.fallback()
	);
}

/**
 * Releases a hold through the REST API with its token (as if it ran out).
 *
 * @param who        A visitor (its context makes the request).
 * @param hold       The hold.
 * @param hold.id
 * @param hold.token
 */
async function releaseThroughRest(
	who: Visitor,
	hold: { id: string; token: string }
): Promise< void > {
	const response = await who.context.request.delete(
		`${ API }/holds/${ hold.id }`,
		{ data: { token: hold.token } }
	);
	expect( response.status() ).toBe( 200 );
}

/**
 * Console errors other than the failed requests a test expects (Chromium
 * logs every 4xx/5xx answer and every dropped request as an error).
 *
 * @param errors   Collected errors.
 * @param statuses Expected answer statuses, e.g. [ 409 ].
 * @param dropped  Whether the test drops requests on purpose.
 */
function unexpected(
	errors: string[],
	statuses: number[],
	dropped = false
): string[] {
	return errors.filter( ( error ) => {
		if (
			statuses.some( ( status ) =>
				error.includes( `status of ${ status }` )
			)
		) {
			return false;
		}
		return ! ( dropped && error.includes( 'net::ERR_FAILED' ) );
	} );
}

test( "a visitor's pick shows on another visitor's page as processing within 2 s", async ( {
	browser,
} ) => {
	const date = dateAhead( 5 );
	const a = await visitor( browser, date );
	const b = await visitor( browser, date );
	const first = await availableStart( a, 4 );
	const second = await availableStart( a, 8 );

	await pick( a, first );
	// Measured from the moment A's hold exists.
	await expect( timeOf( b, first ) ).toHaveAttribute(
		'data-state',
		'processing',
		{ timeout: 2000 }
	);
	await expect( timeOf( b, first ) ).toBeDisabled();
	await expect( timeOf( b, first ) ).toContainText( 'Processing' );

	// B cannot take it: the button does nothing and no hold is asked for.
	const bHoldRequests: string[] = [];
	b.page.on( 'request', ( request ) => {
		bHoldRequests.push( request.url() );
	} );
	// A real click where the button is (a disabled button ignores it).
	const box = await timeOf( b, first ).boundingBox();
	await b.page.mouse.click(
		( box?.x ?? 0 ) + ( box?.width ?? 0 ) / 2,
		( box?.y ?? 0 ) + ( box?.height ?? 0 ) / 2
	);
	await expect( timeOf( b, first ) ).toHaveAttribute(
		'data-state',
		'processing'
	);
	expect(
		bHoldRequests.filter( ( url ) =>
			url.includes( '/appointease/v1/holds' )
		)
	).toEqual( [] );

	// A moves the hold: B sees the first time free and the second taken.
	await pick( a, second );
	await expect( timeOf( a, first ) ).toHaveAttribute(
		'data-state',
		'available'
	);
	await expect( timeOf( b, second ) ).toHaveAttribute(
		'data-state',
		'processing',
		{ timeout: 2000 }
	);
	await expect( timeOf( b, first ) ).toHaveAttribute(
		'data-state',
		'available',
		{ timeout: 2000 }
	);

	// A leaves: the keepalive release frees the time for B.
	await a.page.close( { runBeforeUnload: true } );
	await expect( timeOf( b, second ) ).toHaveAttribute(
		'data-state',
		'available',
		{ timeout: 3000 }
	);

	expect( a.errors ).toEqual( [] );
	expect( b.errors ).toEqual( [] );
	await a.context.close();
	await b.context.close();
} );

test( 'two visitors confirm the last seat at once: one books, the other gets a message and a fresh list', async ( {
	browser,
} ) => {
	const date = dateAhead( 6 );
	const a = await visitor( browser, date );
	const b = await visitor( browser, date );
	const start = await availableStart( a, 3 );

	// Both get to "Confirm" on the same time. Holds normally prevent that;
	// here each visitor's hold is lost on the way (released through the API,
	// heartbeats dropped so the page does not notice), which leaves the
	// database as the only referee, as after a real hold expiry.
	await dropHeartbeats( a );
	const holdA = await pick( a, start );
	await enterDetails( a, 'Visitor A' );
	await releaseThroughRest( a, holdA );

	await expect( timeOf( b, start ) ).toHaveAttribute(
		'data-state',
		'available',
		{ timeout: 3000 }
	);
	await dropHeartbeats( b );
	const holdB = await pick( b, start );
	await enterDetails( b, 'Visitor B' );
	await releaseThroughRest( b, holdB );

	const answers = await Promise.all(
		[ a, b ].map( async ( who ) => {
			const answer = who.page.waitForResponse(
				( response ) =>
					response.url().includes( '/appointease/v1/bookings' ) &&
					response.request().method() === 'POST'
			);
			await who.app
				.getByRole( 'button', { name: 'Confirm booking' } )
				.click();
			return ( await answer ).status();
		} )
	);
	expect( answers.slice().sort() ).toEqual( [ 201, 409 ] );
	const [ winner, loser ] = [ a, b ].sort(
		( x, y ) =>
			( answers[ [ a, b ].indexOf( x ) ] ?? 0 ) -
			( answers[ [ a, b ].indexOf( y ) ] ?? 0 )
	) as [ Visitor, Visitor ];

	await expect(
		winner.app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();

	const notice = loser.app.locator( '.appointease-notice.is-error' );
	await expect( notice ).toContainText(
		'has just been booked by someone else, so nothing was booked for you'
	);
	await expect( notice ).toBeFocused();
	await expect( notice.locator( '..' ) ).toHaveAttribute(
		'aria-live',
		'assertive'
	);
	await expect(
		loser.app.getByRole( 'heading', { name: 'Choose a time' } )
	).toBeVisible();
	// The fresh list no longer offers the time.
	await expect(
		loser.app
			.locator( 'button.appointease-time[data-state="available"]' )
			.first()
	).toBeVisible();
	await expect( offered( loser, start ) ).toHaveCount( 0, {
		timeout: 3000,
	} );

	// The database holds exactly one booking at that time.
	expect( await confirmedAt( date, start ) ).toBe( 1 );

	expect( unexpected( winner.errors, [], true ) ).toEqual( [] );
	// 409: the refused booking; 404: letting go of the hold that was lost.
	expect( unexpected( loser.errors, [ 404, 409 ], true ) ).toEqual( [] );
	await a.context.close();
	await b.context.close();
} );

test.describe( 'a hold that runs out while the visitor types', () => {
	let restoreTtl: Record< string, unknown >;

	test.beforeAll( async () => {
		// The shortest hold the settings allow, so it runs out in seconds.
		restoreTtl = await changeSettings( bookable.admin, { hold_ttl: 10 } );
	} );

	test.afterAll( async () => {
		await changeSettings( bookable.admin, restoreTtl );
	} );

	/**
	 * Waits until a hold has run out: the poll, asked past the micro-cache
	 * (`X-AppointEase-Bypass`, honoured from loopback), no longer lists it.
	 *
	 * @param who  A visitor (its context makes the request).
	 * @param date YYYY-MM-DD.
	 * @param id   The hold's public id.
	 */
	async function untilGone( who: Visitor, date: string, id: string ) {
		await expect
			.poll(
				async () => {
					const response = await who.context.request.get(
						`${ API }/slots/poll?employee=${ bookable.employee.id }&date=${ date }`,
						{ headers: { 'X-AppointEase-Bypass': '1' } }
					);
					const answer = ( await response.json() ) as {
						held: Array< { id: string } >;
					};
					return answer.held.map( ( held ) => held.id );
				},
				{ timeout: 20_000, intervals: [ 1000 ] }
			)
			.not.toContain( id );
	}

	test( 'the time is held again when it is still free, and the booking completes', async ( {
		browser,
	} ) => {
		const date = dateAhead( 7 );
		const a = await visitor( browser, date );
		const start = await availableStart( a, 2 );
		await dropHeartbeats( a );
		const first = await pick( a, start );
		await a.app.getByRole( 'button', { name: 'Continue' } ).click();
		await a.app.getByLabel( /^Name/ ).fill( 'Slow Typist' );
		await untilGone( a, date, first.id );

		// The connection is back: the next heartbeat finds the hold gone.
		const rehold = a.page.waitForResponse(
			( response ) =>
				response.url().includes( '/appointease/v1/holds' ) &&
				response.request().method() === 'POST' &&
				! response.request().headers()[ 'x-http-method-override' ]
		);
		await a.page.unroute( `**${ API }/holds/**` );
		const second = ( await ( await rehold ).json() ) as { id: string };
		expect( second.id ).not.toBe( first.id );

		// Told politely, without losing the place in the form.
		const info = a.app.locator( '.appointease-notice.is-info' );
		await expect( info ).toContainText(
			'had run out, so we held the time for you again'
		);
		await expect( info.locator( '..' ) ).toHaveAttribute(
			'aria-live',
			'polite'
		);
		await expect( a.app.getByLabel( /^Name/ ) ).toHaveValue(
			'Slow Typist'
		);
		await a.app.getByLabel( /^Email/ ).fill( 'slow.typist@example.com' );
		await a.app.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( a.app.locator( '.appointease-notice' ) ).toHaveCount( 0 );
		await a.app.getByRole( 'button', { name: 'Confirm booking' } ).click();
		await expect(
			a.app.getByText( 'Thank you! Your booking is confirmed.' )
		).toBeVisible();

		expect( unexpected( a.errors, [ 404, 410 ], true ) ).toEqual( [] );
		await a.context.close();
	} );

	test( 'when someone else took the time meanwhile, the visitor is told and gets a fresh list', async ( {
		browser,
	} ) => {
		const date = dateAhead( 8 );
		const a = await visitor( browser, date );
		const start = await availableStart( a, 2 );
		await dropHeartbeats( a );
		const lost = await pick( a, start );
		await a.app.getByRole( 'button', { name: 'Continue' } ).click();
		await a.app.getByLabel( /^Name/ ).fill( 'Slow Typist' );
		await untilGone( a, date, lost.id );

		// Another visitor holds the time now.
		const b = await visitor( browser, date );
		await pick( b, start );

		await a.page.unroute( `**${ API }/holds/**` );
		const notice = a.app.locator( '.appointease-notice.is-error' );
		await expect( notice ).toContainText(
			'ran out and someone else has taken that time meanwhile',
			{ timeout: 15_000 }
		);
		await expect( notice ).toBeFocused();
		await expect(
			a.app.getByRole( 'heading', { name: 'Choose a time' } )
		).toBeVisible();
		// The fresh list no longer offers that time (absent, or greyed in
		// place when the list on screen still had it).
		await expect( offered( a, start ) ).toHaveCount( 0, {
			timeout: 3000,
		} );
		await expect(
			a.app.getByRole( 'button', { name: 'Continue' } )
		).toBeDisabled();

		expect( unexpected( a.errors, [ 404, 409, 410 ], true ) ).toEqual( [] );
		expect( b.errors ).toEqual( [] );
		await a.context.close();
		await b.context.close();
	} );
} );

const { redis_port: REDIS_PORT, runtime: RUNTIME } = readStack();

function redisAnswers(): boolean {
	try {
		return (
			execFileSync(
				'redis-cli',
				[ '-h', '127.0.0.1', '-p', REDIS_PORT, 'ping' ],
				{ encoding: 'utf8', timeout: 2000 }
			).trim() === 'PONG'
		);
	} catch {
		return false;
	}
}

/** Starts Redis the way bin/lib/services.sh does (its config daemonizes). */
async function startRedis(): Promise< void > {
	if ( ! redisAnswers() ) {
		execFileSync( 'redis-server', [
			path.join( RUNTIME, 'etc', 'redis.conf' ),
		] );
	}
	await expect.poll( redisAnswers, { timeout: 20_000 } ).toBe( true );
}

test( 'Redis stopped during a booking: the booking still completes', async ( {
	browser,
} ) => {
	const date = dateAhead( 9 );
	const a = await visitor( browser, date );
	const start = await availableStart( a, 1 );
	await pick( a, start );
	await enterDetails( a, 'Redis Outage' );
	expect( redisAnswers() ).toBe( true );

	try {
		execFileSync( 'redis-cli', [
			'-h',
			'127.0.0.1',
			'-p',
			REDIS_PORT,
			'shutdown',
			'nosave',
		] );
	} catch {
		// redis-cli reports the dropped connection of a shutdown as an error.
	}
	try {
		expect( redisAnswers() ).toBe( false );
		const answer = a.page.waitForResponse(
			( response ) =>
				response.url().includes( '/appointease/v1/bookings' ) &&
				response.request().method() === 'POST'
		);
		await a.app.getByRole( 'button', { name: 'Confirm booking' } ).click();
		expect( ( await answer ).status() ).toBe( 201 );
	} finally {
		await startRedis();
	}
	await expect(
		a.app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();

	// MariaDB kept it.
	expect( await confirmedAt( date, start ) ).toBe( 1 );

	// A heartbeat during the outage may find the hold gone (404) or the
	// store busy (503); the page copes with both.
	expect( unexpected( a.errors, [ 404, 503 ] ) ).toEqual( [] );
	await a.context.close();
} );
