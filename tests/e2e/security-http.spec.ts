/**
 * Security over real HTTP, through nginx and php-fpm on the demo site:
 * - a logged-in cookie without the REST nonce counts for nothing (the request
 *   is answered exactly as an anonymous one), and a wrong nonce is refused
 *   with the plugin's envelope;
 * - the public answers (poll, availability, capacity, catalogue) carry no
 *   personal data of the customers whose bookings and holds they show;
 * - what core answers on the plugin's routes before any route runs (no such
 *   route, a method the route does not take, a body that is not an object)
 *   still carries a reason.
 * The spec makes its own service and employee and removes them afterwards.
 */
import { randomUUID } from 'node:crypto';
import {
	expect,
	test,
	type APIRequestContext,
	type BrowserContext,
} from '@playwright/test';
import {
	adminRest,
	changeSettings,
	createBookable,
	dateAhead,
	login,
	removeBookable,
	type AdminRest,
	type BookableFixture,
	withoutAntiSpam,
} from './utils';

const API = '/wp-json/appointease/v1';

// Scripted visitors book at once, with the same addresses run after run.
withoutAntiSpam();

interface Envelope {
	code: string;
	message: string;
	data: { status: number; reason: string };
}

interface Answer {
	status: number;
	body: unknown;
}

/**
 * Status and parsed body of a request.
 *
 * @param request         The client.
 * @param method          HTTP method.
 * @param url             Path with query.
 * @param options         Body and headers.
 * @param options.data
 * @param options.headers
 */
async function ask(
	request: APIRequestContext,
	method: string,
	url: string,
	options: { data?: unknown; headers?: Record< string, string > } = {}
): Promise< Answer > {
	const response = await request.fetch( url, { method, ...options } );
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse( text );
	} catch {
		// Not JSON: kept as text, which the assertions below then show.
	}
	return { status: response.status(), body };
}

/**
 * Asserts the plugin's error envelope.
 *
 * @param answer The answer.
 * @param status The expected status.
 * @param reason The expected reason.
 */
function expectEnvelope( answer: Answer, status: number, reason: string ) {
	const text = JSON.stringify( answer.body );
	expect( answer.status, text ).toBe( status );
	const body = answer.body as Envelope;
	expect( typeof body.code, text ).toBe( 'string' );
	expect( body.data?.status, text ).toBe( status );
	expect( body.data?.reason, text ).toBe( reason );
}

test.describe( 'security over HTTP', () => {
	let admin: AdminRest;
	let fixture: BookableFixture;
	let cookieContext: BrowserContext;

	let restore: Record< string, unknown > | undefined;

	test.beforeAll( async ( { browser } ) => {
		admin = await adminRest( browser );
		// The demo asks for consent; these visitors book without it.
		restore = await changeSettings( admin, { consent_required: false } );
		fixture = await createBookable( admin, 'Security' );
		cookieContext = await browser.newContext();
		const page = await cookieContext.newPage();
		await login( page );
		await page.close();
	} );

	test.afterAll( async () => {
		await cookieContext.close();
		await removeBookable( admin, fixture );
		if ( restore ) {
			await changeSettings( admin, restore );
		}
		await admin.close();
	} );

	test( 'a logged-in cookie without the nonce is answered as an anonymous visitor', async ( {
		playwright,
		baseURL,
	} ) => {
		const anonymous = await playwright.request.newContext( { baseURL } );
		const name = `Never created ${ randomUUID() }`;
		const cases: Array< [ string, string, unknown ] > = [
			[ 'GET', `${ API }/settings`, undefined ],
			[ 'GET', `${ API }/bookings`, undefined ],
			[ 'GET', `${ API }/services?context=edit`, undefined ],
			[ 'POST', `${ API }/services`, { name, duration: 30 } ],
			[
				'DELETE',
				`${ API }/employees/${ fixture.employee.id }`,
				undefined,
			],
		];
		for ( const [ method, url, data ] of cases ) {
			const withCookie = await ask( cookieContext.request, method, url, {
				data,
			} );
			const withNothing = await ask( anonymous, method, url, { data } );
			expectEnvelope( withCookie, 401, 'FORBIDDEN' );
			expect(
				withCookie,
				`${ method } ${ url }: the cookie alone changes nothing`
			).toEqual( withNothing );
		}

		// With a wrong nonce, core refuses the cookie; the answer still has a reason.
		expectEnvelope(
			await ask( cookieContext.request, 'GET', `${ API }/settings`, {
				headers: { 'X-WP-Nonce': '0123456789' },
			} ),
			403,
			'FORBIDDEN'
		);

		// Nothing was created or deleted, and the real nonce does open the door.
		const services = await admin.call< Array< { name: string } > >(
			'GET',
			'services?context=edit'
		);
		expect( services.status ).toBe( 200 );
		expect( services.body.map( ( s ) => s.name ) ).not.toContain( name );
		expect(
			( await admin.call( 'GET', `employees/${ fixture.employee.id }` ) )
				.status
		).toBe( 200 );
		expect( ( await admin.call( 'GET', 'settings' ) ).status ).toBe( 200 );
		await anonymous.dispose();
	} );

	test( 'public answers show booked and held times without personal data', async ( {
		request,
	} ) => {
		const date = dateAhead( 9 );
		const probe = `Probe${ Date.now().toString( 36 ) }`;
		const availability = await ask(
			request,
			'GET',
			`${ API }/availability?service=${ fixture.service.id }&employee=${ fixture.employee.id }&from=${ date }&to=${ date }`
		);
		expect( availability.status ).toBe( 200 );
		const starts = (
			availability.body as {
				days: Array< { slots: Array< { start: string } > } >;
			}
		 ).days.flatMap( ( day ) => day.slots.map( ( slot ) => slot.start ) );
		const [ bookedStart = '', heldStart = '' ] = [
			starts[ 2 ],
			starts[ 6 ],
		];
		expect( heldStart, "free times on the spec's own calendar" ).not.toBe(
			''
		);
		const booking = await ask( request, 'POST', `${ API }/bookings`, {
			headers: { 'Idempotency-Key': randomUUID() },
			data: {
				service: fixture.service.id,
				employee: fixture.employee.id,
				start: bookedStart,
				customer: {
					name: `${ probe } Customer`,
					email: `${ probe.toLowerCase() }@example.org`,
					phone: '+49 30 5550123',
					notes: `${ probe } private note`,
				},
			},
		} );
		expect( booking.status, JSON.stringify( booking.body ) ).toBe( 201 );
		const made = booking.body as { id: number; manage_token: string };
		const hold = await ask( request, 'POST', `${ API }/holds`, {
			data: {
				service: fixture.service.id,
				employee: fixture.employee.id,
				start: heldStart,
			},
		} );
		expect( hold.status, JSON.stringify( hold.body ) ).toBe( 201 );
		const held = hold.body as { id: string; token: string };

		try {
			const secrets = [
				probe,
				probe.toLowerCase(),
				'5550123',
				made.manage_token,
				held.token,
			];
			const urls = [
				// Straight from PHP, and through the micro-cache as visitors get it.
				[
					`${ API }/slots/poll?employee=${ fixture.employee.id }&date=${ date }`,
					{ 'X-AppointEase-Bypass': '1' },
				],
				[
					`${ API }/slots/poll?employee=${ fixture.employee.id }&date=${ date }`,
					{},
				],
				[
					`/?rest_route=/appointease/v1/slots/poll&employee=${ fixture.employee.id }&date=${ date }`,
					{ 'X-AppointEase-Bypass': '1' },
				],
				[
					`${ API }/availability?service=${ fixture.service.id }&employee=${ fixture.employee.id }&from=${ date }&to=${ date }`,
					{},
				],
				[
					`${ API }/availability?service=${ fixture.service.id }&from=${ date }&to=${ date }`,
					{},
				],
				[
					`${ API }/capacity?service=${ fixture.service.id }&employee=${ fixture.employee.id }&start=${ encodeURIComponent(
						bookedStart
					) }`,
					{},
				],
				[ `${ API }/services`, {} ],
				[ `${ API }/employees`, {} ],
			] as const;
			for ( const [ url, headers ] of urls ) {
				const answer = await ask( request, 'GET', url, { headers } );
				const text = JSON.stringify( answer.body );
				expect( answer.status, `${ url }: ${ text }` ).toBe( 200 );
				for ( const secret of secrets ) {
					expect(
						text,
						`${ url } shows "${ secret }"`
					).not.toContain( secret );
				}
				expect( text, `${ url } shows an email address` ).not.toContain(
					'@'
				);
			}
			// The answers searched above did show the booking and the hold.
			const poll = await ask(
				request,
				'GET',
				`${ API }/slots/poll?employee=${ fixture.employee.id }&date=${ date }`,
				{ headers: { 'X-AppointEase-Bypass': '1' } }
			);
			const shown = poll.body as {
				booked: Array< { start: string } >;
				held: Array< { id: string } >;
			};
			expect( shown.booked.map( ( b ) => b.start ) ).toContain(
				bookedStart
			);
			expect( shown.held.map( ( h ) => h.id ) ).toContain( held.id );
		} finally {
			await ask( request, 'DELETE', `${ API }/holds/${ held.id }`, {
				data: { token: held.token },
			} );
			const cancelled = await ask(
				request,
				'POST',
				`${ API }/bookings/${ made.id }/cancel`,
				{ data: { token: made.manage_token } }
			);
			expect( cancelled.status ).toBe( 200 );
		}
	} );

	test( 'customer text shows as text in the wp-admin bookings list', async ( {
		page,
		request,
	} ) => {
		const probe = `Escape${ Date.now().toString( 36 ) }`;
		// Tags are stripped on the way in; quotes and entities are kept, and
		// must come out as the very characters the customer typed.
		const typed = `${ probe } "'><b id="ae-xss-tag">bold</b> &lt;i id=ae-xss-entity&gt; 100%`;
		const shown = `${ probe } "'>bold &lt;i id=ae-xss-entity&gt; 100%`;
		const date = dateAhead( 10 );
		const availability = await ask(
			request,
			'GET',
			`${ API }/availability?service=${ fixture.service.id }&employee=${ fixture.employee.id }&from=${ date }&to=${ date }`
		);
		const start =
			(
				availability.body as {
					days: Array< { slots: Array< { start: string } > } >;
				}
			 ).days[ 0 ]?.slots[ 4 ]?.start ?? '';
		expect( start, "a free time on the spec's own calendar" ).not.toBe(
			''
		);
		const booking = await ask( request, 'POST', `${ API }/bookings`, {
			headers: { 'Idempotency-Key': randomUUID() },
			data: {
				service: fixture.service.id,
				employee: fixture.employee.id,
				start,
				customer: { name: typed, email: 'escape@example.com' },
			},
		} );
		expect( booking.status, JSON.stringify( booking.body ) ).toBe( 201 );
		const made = booking.body as {
			id: number;
			manage_token: string;
			customer: { name: string };
		};
		expect( made.customer.name ).toBe( shown );

		const dialogs: string[] = [];
		page.on( 'dialog', ( dialog ) => {
			dialogs.push( dialog.message() );
			void dialog.dismiss();
		} );
		try {
			await login( page );
			await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
			await expect(
				page.locator( '#appointease-admin' )
			).not.toContainText( 'Loading…' );
			await page
				.getByRole( 'searchbox', { name: 'Customer' } )
				.fill( probe );
			const row = page.getByRole( 'row', { name: new RegExp( probe ) } );
			await expect( row ).toContainText( shown );
			await expect(
				page.locator( '#ae-xss-tag, #ae-xss-entity' )
			).toHaveCount( 0 );
			expect( dialogs ).toEqual( [] );
		} finally {
			const cancelled = await ask(
				request,
				'POST',
				`${ API }/bookings/${ made.id }/cancel`,
				{ data: { token: made.manage_token } }
			);
			expect( cancelled.status ).toBe( 200 );
		}
	} );

	test( 'what core answers before a route runs still carries a reason', async ( {
		request,
	} ) => {
		const cases: Array< [ string, string, unknown, number, string ] > = [
			[ 'GET', `${ API }/no-such-route`, undefined, 404, 'NOT_FOUND' ],
			[
				'GET',
				'/?rest_route=/appointease/v1/no-such-route',
				undefined,
				404,
				'NOT_FOUND',
			],
			[ 'PUT', `${ API }/holds`, {}, 404, 'NOT_FOUND' ],
			[
				'POST',
				`${ API }/holds`,
				'"just a string"',
				400,
				'VALIDATION_ERROR',
			],
			[
				'POST',
				`${ API }/bookings`,
				'{"service": ',
				400,
				'VALIDATION_ERROR',
			],
		];
		for ( const [ method, url, data, status, reason ] of cases ) {
			const answer = await ask( request, method, url, {
				data,
				headers: { 'Content-Type': 'application/json' },
			} );
			expect( answer.status, `${ method } ${ url }` ).toBe( status );
			expectEnvelope( answer, status, reason );
		}
	} );

	// A HEAD answer has no body. Stored under the key GETs use, it would hand
	// every watcher of the calendar an empty 200 until it expires, and their
	// polling would stop (issue 14, finding 3).
	test( 'a HEAD request never leaves an empty answer in the poll cache', async ( {
		request,
	} ) => {
		const url = `${ API }/slots/poll?employee=${
			fixture.employee.id
		}&date=${ dateAhead( 11 ) }`;
		// Three rounds, each spanning a cache tick: HEAD first, then GETs.
		for ( let round = 0; round < 3; round++ ) {
			const head = await request.head( url );
			expect( head.status() ).toBe( 200 );
			for ( let i = 0; i < 3; i++ ) {
				const response = await request.get( url );
				const status = response.headers()[ 'x-cache-status' ];
				const text = await response.text();
				expect( response.status(), `${ status }: ${ text }` ).toBe(
					200
				);
				expect(
					JSON.parse( text ),
					`GET after HEAD (cache ${ status })`
				).toHaveProperty( 'version' );
			}
			await new Promise( ( resolve ) => setTimeout( resolve, 700 ) );
		}
	} );
} );
