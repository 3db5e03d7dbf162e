/**
 * The live path over real HTTP through nginx and php-fpm: the 1-second poll
 * (ETag, Cache-Control, 304), and a visitor's hold as every other visitor
 * sees it in the poll: taken, released, and turned into a booking with its
 * token. Rate limiting is on for the demo site (30 writes a minute per IP),
 * so this spec sends four writes, plus a cancel (not counted) to clean up.
 *
 * nginx may keep the poll answer for about a second (micro-cache), so a
 * change is awaited for up to CHANGE_TIMEOUT rather than expected at once.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { withoutAntiSpam } from './utils';

const API = '/wp-json/appointease/v1';

// Scripted visitors book at once, with the same addresses run after run.
withoutAntiSpam();

/** How long a change may take to show in the poll (1 s polling plus the micro-cache). */
const CHANGE_TIMEOUT = 3_000;

const CACHE_CONTROL = 'public, max-age=1, s-maxage=1';

interface Slot {
	start: string;
	end: string;
	seats_left: number;
	state: string;
}

interface Named {
	id: number;
	name: string;
}

interface PollAnswer {
	version: number;
	employee: number;
	date: string;
	booked: Array< { start: string; end: string; seats_left: number } >;
	held: Array< { start: string; end: string; id: string; seats: number } >;
	server_time: string;
}

interface HoldAnswer {
	id: string;
	token: string;
	start: string;
	end: string;
	seats: number;
	expires_at: string;
}

interface Calendar {
	service: number;
	employee: number;
}

/**
 * A date some days from today, YYYY-MM-DD.
 *
 * @param days Days ahead.
 */
function dateAhead( days: number ): string {
	return new Date( Date.now() + days * 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * The demo's Haircut with Ana Silva.
 *
 * @param request The API client.
 */
async function haircutWithAna(
	request: APIRequestContext
): Promise< Calendar > {
	const services = ( await (
		await request.get( `${ API }/services` )
	).json() ) as Named[];
	const haircut = services.find( ( service ) => service.name === 'Haircut' );
	expect( haircut, 'the demo has a Haircut' ).toBeDefined();
	const employees = ( await (
		await request.get(
			`${ API }/employees?service=${ ( haircut as Named ).id }`
		)
	).json() ) as Named[];
	const ana = employees.find( ( employee ) => employee.name === 'Ana Silva' );
	expect( ana, 'Ana Silva gives the Haircut' ).toBeDefined();
	return { service: ( haircut as Named ).id, employee: ( ana as Named ).id };
}

/**
 * A free time, chosen at random among the free times 10 to 40 days ahead, so
 * that runs and other specs rarely meet on one calendar.
 *
 * @param request  The API client.
 * @param calendar Service and employee.
 */
async function freeSlot(
	request: APIRequestContext,
	calendar: Calendar
): Promise< Slot > {
	const response = await request.get(
		`${ API }/availability?service=${ calendar.service }&employee=${
			calendar.employee
		}&from=${ dateAhead( 10 ) }&to=${ dateAhead( 40 ) }`
	);
	expect( response.status() ).toBe( 200 );
	const { days } = ( await response.json() ) as {
		days: Array< { date: string; slots: Slot[] } >;
	};
	const free = days
		.flatMap( ( day ) => day.slots )
		.filter( ( slot ) => slot.state === 'available' );
	expect( free.length, 'free times in the coming weeks' ).toBeGreaterThan(
		0
	);
	return free[ Math.floor( Math.random() * free.length ) ] as Slot;
}

/**
 * The poll's URL for one calendar day.
 *
 * @param employee Employee id.
 * @param date     Local date, YYYY-MM-DD.
 */
function pollUrl( employee: number, date: string ): string {
	return `${ API }/slots/poll?employee=${ employee }&date=${ date }`;
}

/**
 * The poll's answer now, checking status and headers on the way.
 *
 * @param request  The API client.
 * @param employee Employee id.
 * @param date     Local date.
 */
async function poll(
	request: APIRequestContext,
	employee: number,
	date: string
): Promise< PollAnswer > {
	const response = await request.get( pollUrl( employee, date ) );
	expect(
		response.status(),
		`GET slots/poll: ${ ( await response.text() ).slice( 0, 200 ) }`
	).toBe( 200 );
	return ( await response.json() ) as PollAnswer;
}

/**
 * Cancels the spec's booking with its manage token and releases the holds
 * it still has, whatever happened before.
 *
 * @param request The API client.
 * @param booking The booking, if one was made.
 * @param holds   Hold id => token of the holds still live.
 */
async function cleanUp(
	request: APIRequestContext,
	booking: { id: number; manage_token: string } | undefined,
	holds: Map< string, string >
): Promise< void > {
	for ( const [ id, token ] of holds ) {
		await request.delete( `${ API }/holds/${ id }`, { data: { token } } );
	}
	if ( ! booking ) {
		return;
	}
	const cancelled = await request.post(
		`${ API }/bookings/${ booking.id }/cancel`,
		{ data: { token: booking.manage_token } }
	);
	if ( cancelled.status() !== 200 ) {
		throw new Error(
			`Cancelling booking ${ booking.id } failed: ${ cancelled.status() } ${ await cancelled.text() }`
		);
	}
}

test( 'the poll answers with an ETag and a one-second public cache, and 304 to If-None-Match', async ( {
	request,
} ) => {
	const calendar = await haircutWithAna( request );
	const date = dateAhead( 12 );

	const first = await request.get( pollUrl( calendar.employee, date ) );
	expect(
		first.status(),
		`GET slots/poll: ${ ( await first.text() ).slice( 0, 200 ) }`
	).toBe( 200 );
	expect( first.headers()[ 'content-type' ] ).toContain( 'application/json' );
	expect( first.headers()[ 'cache-control' ] ).toBe( CACHE_CONTROL );
	// nginx's gzip turns a strong tag into a weak one (W/"…") when it compresses.
	expect( first.headers().etag ).toMatch( /^(W\/)?"[0-9a-f]+"$/ );
	const body = ( await first.json() ) as PollAnswer;
	expect( Object.keys( body ) ).toEqual( [
		'version',
		'employee',
		'date',
		'booked',
		'held',
		'server_time',
	] );
	expect( body.employee ).toBe( calendar.employee );
	expect( body.date ).toBe( date );
	expect( Number.isInteger( body.version ) ).toBe( true );
	expect(
		Math.abs( Date.parse( body.server_time ) - Date.now() )
	).toBeLessThan( 60_000 );

	// Someone may change this calendar meanwhile: then the next tag must match.
	await expect( async () => {
		const fresh = await request.get( pollUrl( calendar.employee, date ) );
		expect( fresh.status() ).toBe( 200 );
		const etag = fresh.headers().etag as string;
		const again = await request.get( pollUrl( calendar.employee, date ), {
			headers: { 'If-None-Match': etag },
		} );
		expect( again.status(), `If-None-Match: ${ etag }` ).toBe( 304 );
		expect( await again.body() ).toHaveLength( 0 );
	} ).toPass( { timeout: 10_000 } );

	const stale = await request.get( pollUrl( calendar.employee, date ), {
		headers: { 'If-None-Match': '"0123456789abcdef0123456789abcdef"' },
	} );
	expect( stale.status() ).toBe( 200 );

	const invalid = await request.get(
		pollUrl( calendar.employee, '2026-02-30' )
	);
	expect( invalid.status() ).toBe( 400 );
	expect( ( await invalid.json() ).data.reason ).toBe( 'VALIDATION_ERROR' );
	expect( invalid.headers()[ 'cache-control' ] ).toBe( 'no-store' );

	const unknown = await request.get( pollUrl( 4_000_000, date ) );
	expect( unknown.status() ).toBe( 404 );
	expect( ( await unknown.json() ).data.reason ).toBe( 'NOT_FOUND' );
	expect( unknown.headers()[ 'cache-control' ] ).toBe( 'no-store' );
} );

test( 'a hold shows in the poll by its id, leaves it on release, and becomes a booking with its token', async ( {
	playwright,
	request,
	baseURL,
} ) => {
	const calendar = await haircutWithAna( request );
	const slot = await freeSlot( request, calendar );
	const date = slot.start.slice( 0, 10 );
	// A second client, as another visitor's browser watching the same day.
	const watcher = await playwright.request.newContext( { baseURL } );
	const heldIds = async (): Promise< string[] > =>
		( await poll( watcher, calendar.employee, date ) ).held.map(
			( hold ) => hold.id
		);
	const live = new Map< string, string >();
	let booking: { id: number; manage_token: string } | undefined;

	try {
		const before = await poll( watcher, calendar.employee, date );

		const taken = await request.post( `${ API }/holds`, {
			data: {
				service: calendar.service,
				employee: calendar.employee,
				start: slot.start,
			},
		} );
		expect( taken.status(), await taken.text() ).toBe( 201 );
		const hold = ( await taken.json() ) as HoldAnswer;
		live.set( hold.id, hold.token );
		expect( hold.start ).toBe( slot.start );
		expect( hold.end ).toBe( slot.end );
		expect( hold.seats ).toBe( 1 );
		expect( hold.id ).toMatch( /^h[0-9a-f]{20}$/ );

		const takenAt = Date.now();
		await expect
			.poll( heldIds, { timeout: CHANGE_TIMEOUT, intervals: [ 200 ] } )
			.toContain( hold.id );
		expect( Date.now() - takenAt ).toBeLessThanOrEqual( CHANGE_TIMEOUT );
		const seen = await poll( watcher, calendar.employee, date );
		expect( seen.held ).toContainEqual( {
			start: slot.start,
			end: slot.end,
			id: hold.id,
			seats: 1,
		} );
		expect( seen.version ).toBeGreaterThan( before.version );
		expect(
			JSON.stringify( seen ),
			'the public answer never carries the secret token'
		).not.toContain( hold.token );

		const released = await request.delete( `${ API }/holds/${ hold.id }`, {
			data: { token: hold.token },
		} );
		expect( released.status(), await released.text() ).toBe( 200 );
		live.delete( hold.id );
		await expect
			.poll( heldIds, { timeout: CHANGE_TIMEOUT, intervals: [ 200 ] } )
			.not.toContain( hold.id );

		const retaken = await request.post( `${ API }/holds`, {
			data: {
				service: calendar.service,
				employee: calendar.employee,
				start: slot.start,
			},
		} );
		expect( retaken.status(), await retaken.text() ).toBe( 201 );
		const second = ( await retaken.json() ) as HoldAnswer;
		live.set( second.id, second.token );
		expect( second.id ).not.toBe( hold.id );

		const booked = await request.post( `${ API }/bookings`, {
			data: {
				service: calendar.service,
				employee: calendar.employee,
				start: slot.start,
				hold_token: second.token,
				customer: {
					name: 'E2E Poll Visitor',
					email: 'e2e-poll@example.com',
				},
			},
		} );
		expect( booked.status(), await booked.text() ).toBe( 201 );
		booking = ( await booked.json() ) as {
			id: number;
			manage_token: string;
		};
		live.delete( second.id );

		await expect
			.poll(
				async () => {
					const answer = await poll(
						watcher,
						calendar.employee,
						date
					);
					return {
						booked: answer.booked.some(
							( session ) => session.start === slot.start
						),
						held: answer.held.some(
							( held ) => held.id === second.id
						),
					};
				},
				{ timeout: CHANGE_TIMEOUT, intervals: [ 200 ] }
			)
			.toEqual( { booked: true, held: false } );
		const after = await poll( watcher, calendar.employee, date );
		expect( JSON.stringify( after ) ).not.toContain( 'E2E Poll Visitor' );
		expect( JSON.stringify( after ) ).not.toContain(
			'e2e-poll@example.com'
		);
	} finally {
		await cleanUp( request, booking, live );
		await watcher.dispose();
	}
} );
