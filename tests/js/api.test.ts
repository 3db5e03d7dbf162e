/**
 * The REST client over a fake `fetch`: what it sends (paths, headers,
 * bodies, keepalive) and how it reads answers and the error envelope.
 */

/**
 * Internal dependencies
 */
import {
	ApiError,
	createApi,
	isAbortError,
	restRouteUrl,
	TOKEN_HEADER,
} from '../../src/shared/api';
import { DEFAULT_SETTINGS } from '../../src/shared/config';

interface FakeResponse {
	ok: boolean;
	status: number;
	headers: { get: ( name: string ) => string | null };
	json: () => Promise< unknown >;
}

function respond(
	status: number,
	body: unknown,
	headers: Record< string, string > = {}
): FakeResponse {
	const lower = Object.fromEntries(
		Object.entries( headers ).map( ( [ key, value ] ) => [
			key.toLowerCase(),
			value,
		] )
	);
	return {
		ok: status >= 200 && status < 300,
		status,
		headers: { get: ( name ) => lower[ name.toLowerCase() ] ?? null },
		json: async () => {
			if ( body === undefined ) {
				throw new SyntaxError( 'Unexpected end of JSON input' );
			}
			return body;
		},
	};
}

const fetchMock = jest.fn();
const api = createApi( DEFAULT_SETTINGS );

function lastCall(): {
	url: string;
	init: RequestInit & { headers: Record< string, string > };
} {
	const [ url, init ] = fetchMock.mock.calls.at( -1 ) ?? [];
	return { url, init };
}

beforeEach( () => {
	fetchMock.mockReset();
	( globalThis as { fetch?: unknown } ).fetch = fetchMock;
} );

afterAll( () => {
	delete ( globalThis as { fetch?: unknown } ).fetch;
} );

describe( 'createApi', () => {
	it( 'lists services from the plugin namespace', async () => {
		fetchMock.mockResolvedValue( respond( 200, [ { id: 1 } ] ) );
		await expect( api.getServices() ).resolves.toEqual( [ { id: 1 } ] );
		expect( lastCall().url ).toMatch( /^\/appointease\/v1\/services/ );
	} );

	it( 'asks availability without an employee for "any available"', async () => {
		fetchMock.mockResolvedValue( respond( 200, { days: [] } ) );
		await api.getAvailability( {
			service: 3,
			employee: 0,
			from: '2030-03-01',
			to: '2030-03-31',
		} );
		const url = new URL( lastCall().url, 'http://x' );
		expect( url.pathname ).toBe( '/appointease/v1/availability' );
		expect( url.searchParams.get( 'service' ) ).toBe( '3' );
		expect( url.searchParams.has( 'employee' ) ).toBe( false );
		expect( url.searchParams.get( 'to' ) ).toBe( '2030-03-31' );
	} );

	it( 'turns the error envelope into an ApiError with its reason', async () => {
		fetchMock.mockResolvedValue(
			respond( 409, {
				code: 'appointease_slot_taken',
				message: 'Someone else has just booked this time.',
				data: { status: 409, reason: 'SLOT_TAKEN' },
			} )
		);
		const error = await api
			.takeHold( { service: 1, employee: 1, start: 'x' } )
			.catch( ( caught: unknown ) => caught );
		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( {
			code: 'appointease_slot_taken',
			status: 409,
			reason: 'SLOT_TAKEN',
			message: 'Someone else has just booked this time.',
			isNetwork: false,
		} );
	} );

	it( 'keeps the fields at fault of a validation error', async () => {
		fetchMock.mockResolvedValue(
			respond( 400, {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): customer',
				data: {
					status: 400,
					reason: 'VALIDATION_ERROR',
					params: {
						customer:
							'customer[email] is not a valid email address.',
					},
				},
			} )
		);
		const error = ( await api
			.book(
				{
					service: 1,
					employee: 1,
					start: 'x',
					customer: { name: 'a', email: 'b', phone: '', notes: '' },
				},
				'key-12345678'
			)
			.catch( ( caught: unknown ) => caught ) ) as ApiError;
		expect( error.reason ).toBe( 'VALIDATION_ERROR' );
		expect( error.params ).toEqual( {
			customer: 'customer[email] is not a valid email address.',
		} );
	} );

	it( 'reports a lost connection as a network error', async () => {
		fetchMock.mockRejectedValue( new TypeError( 'Failed to fetch' ) );
		const error = ( await api
			.getServices()
			.catch( ( caught: unknown ) => caught ) ) as ApiError;
		expect( error ).toBeInstanceOf( ApiError );
		expect( error.isNetwork ).toBe( true );
		expect( error.reason ).toBeNull();
	} );

	it( 'lets an abort through as an abort', async () => {
		fetchMock.mockRejectedValue(
			new DOMException( 'aborted', 'AbortError' )
		);
		const controller = new AbortController();
		const error = await api
			.getAvailability(
				{ service: 1, employee: 1, from: 'a', to: 'b' },
				controller.signal
			)
			.catch( ( caught: unknown ) => caught );
		expect( isAbortError( error ) ).toBe( true );
	} );

	describe( 'poll', () => {
		it( 'sends If-None-Match and reads the ETag of a new answer', async () => {
			fetchMock.mockResolvedValue(
				respond( 200, { version: 3 }, { ETag: '"abc"' } )
			);
			const controller = new AbortController();
			const result = await api.poll(
				{ employee: 2, date: '2030-03-12', etag: '"old"' },
				controller.signal
			);
			expect( result ).toEqual( {
				status: 200,
				answer: { version: 3 },
				etag: '"abc"',
				stale: false,
			} );
			const { url, init } = lastCall();
			expect( url ).toMatch(
				/^\/appointease\/v1\/slots\/poll\?employee=2&date=2030-03-12/
			);
			expect( init.headers[ 'If-None-Match' ] ).toBe( '"old"' );
			expect( init.cache ).toBe( 'no-store' );
			expect( init.signal ).toBe( controller.signal );
		} );

		it( 'gives "not modified" for a 304', async () => {
			fetchMock.mockResolvedValue( respond( 304, undefined ) );
			await expect(
				api.poll( { employee: 2, date: '2030-03-12', etag: '"abc"' } )
			).resolves.toEqual( { status: 304, stale: false } );
		} );

		it( 'says when nginx served a stale copy for a server it cannot reach', async () => {
			fetchMock.mockResolvedValue(
				respond( 304, undefined, { 'X-Cache-Status': 'STALE' } )
			);
			await expect(
				api.poll( { employee: 2, date: '2030-03-12', etag: '"abc"' } )
			).resolves.toEqual( { status: 304, stale: true } );
			fetchMock.mockResolvedValue(
				respond(
					200,
					{ version: 3 },
					{ ETag: '"abc"', 'X-Cache-Status': 'STALE' }
				)
			);
			await expect(
				api.poll( { employee: 2, date: '2030-03-12', etag: null } )
			).resolves.toMatchObject( { status: 200, stale: true } );
		} );

		it( 'reads Retry-After of a 429', async () => {
			fetchMock.mockResolvedValue(
				respond(
					429,
					{
						code: 'appointease_rate_limited',
						message: 'Too many requests.',
						data: { status: 429, reason: 'RATE_LIMITED' },
					},
					{ 'Retry-After': '17' }
				)
			);
			const error = ( await api
				.poll( { employee: 2, date: '2030-03-12', etag: null } )
				.catch( ( caught: unknown ) => caught ) ) as ApiError;
			expect( error.reason ).toBe( 'RATE_LIMITED' );
			expect( error.retryAfter ).toBe( 17 );
		} );
	} );

	it( 'moves and renews a hold with PATCH and its token', async () => {
		fetchMock.mockResolvedValue( respond( 200, { id: 'h1' } ) );
		await api.moveHold( 'h1', 'secret', '2030-03-12T10:00:00+01:00' );
		let { init } = lastCall();
		expect( init.method ).toBe( 'POST' );
		expect( init.headers[ 'X-HTTP-Method-Override' ] ).toBe( 'PATCH' );
		expect( JSON.parse( String( init.body ) ) ).toEqual( {
			token: 'secret',
			start: '2030-03-12T10:00:00+01:00',
		} );

		await api.renewHold( 'h1', 'secret' );
		( { init } = lastCall() );
		expect( JSON.parse( String( init.body ) ) ).toEqual( {
			token: 'secret',
		} );
	} );

	it( 'releases a hold with a keepalive DELETE carrying the token', async () => {
		fetchMock.mockResolvedValue( respond( 200, { released: true } ) );
		await api.releaseHold( 'h/1', 'secret', { keepalive: true } );
		const { url, init } = lastCall();
		expect( url ).toMatch( /^\/appointease\/v1\/holds\/h%2F1/ );
		expect( init.keepalive ).toBe( true );
		expect( init.headers[ 'X-HTTP-Method-Override' ] ).toBe( 'DELETE' );
		expect( JSON.parse( String( init.body ) ) ).toEqual( {
			token: 'secret',
		} );
	} );

	it( 'books with the Idempotency-Key header', async () => {
		fetchMock.mockResolvedValue( respond( 201, { id: 9 } ) );
		await api.book(
			{
				service: 1,
				employee: 2,
				start: 'x',
				hold_token: 'ht',
				customer: { name: 'a', email: 'b', phone: '', notes: '' },
			},
			'5b8f0c1e-0000-4000-8000-000000000000'
		);
		const { init } = lastCall();
		expect( init.headers[ 'Idempotency-Key' ] ).toBe(
			'5b8f0c1e-0000-4000-8000-000000000000'
		);
		expect( JSON.parse( String( init.body ) ) ).toMatchObject( {
			hold_token: 'ht',
			employee: 2,
		} );
	} );

	it( 'sends the manage token in a header, never in the URL', async () => {
		fetchMock.mockResolvedValue( respond( 200, { id: 9 } ) );
		await api.getBooking( 9, 'tok en' );
		const url = new URL( lastCall().url, 'http://x' );
		expect( url.pathname ).toBe( '/appointease/v1/bookings/9' );
		expect( url.searchParams.has( 'token' ) ).toBe( false );
		expect( lastCall().init.headers[ TOKEN_HEADER ] ).toBe( 'tok en' );
		await api.rescheduleBooking( 9, 'tok', 'new' );
		expect( lastCall().url ).toMatch(
			/\/bookings\/9\/reschedule(\?_locale=user)?$/
		);
		expect( lastCall().init.headers[ TOKEN_HEADER ] ).toBe( 'tok' );
		expect( JSON.parse( String( lastCall().init.body ) ) ).toEqual( {
			start: 'new',
		} );
		await api.cancelBooking( 9, 'tok' );
		expect( lastCall().url ).toMatch(
			/\/bookings\/9\/cancel(\?_locale=user)?$/
		);
		expect( lastCall().init.headers[ TOKEN_HEADER ] ).toBe( 'tok' );
	} );

	it( 'fetches the .ics with the token in a header', async () => {
		const file = new Blob( [ 'BEGIN:VCALENDAR' ] );
		fetchMock.mockResolvedValue( {
			...respond( 200, undefined ),
			blob: async () => file,
		} );
		await expect( api.getIcs( 9, 'tok' ) ).resolves.toBe( file );
		expect( lastCall().url ).toMatch(
			/\/bookings\/9\/ics(\?_locale=user)?$/
		);
		expect( lastCall().init.headers[ TOKEN_HEADER ] ).toBe( 'tok' );
	} );

	it( 'turns a refused .ics into an ApiError', async () => {
		fetchMock.mockResolvedValue(
			respond( 410, {
				code: 'appointease_token_expired',
				message: 'expired',
				data: { status: 410, reason: 'TOKEN_EXPIRED' },
			} )
		);
		await expect( api.getIcs( 9, 'tok' ) ).rejects.toMatchObject( {
			status: 410,
			reason: 'TOKEN_EXPIRED',
		} );
	} );
} );

describe( 'restRouteUrl', () => {
	it( 'works with pretty and plain permalinks', () => {
		expect(
			restRouteUrl( 'https://example.com/wp-json', 'ns/v1/x', { a: 1 } )
		).toBe( 'https://example.com/wp-json/ns/v1/x?a=1' );
		expect(
			restRouteUrl( 'https://example.com/?rest_route=/', 'ns/v1/x', {
				a: 1,
			} )
		).toBe( 'https://example.com/?rest_route=/ns/v1/x&a=1' );
		expect( restRouteUrl( '/wp-json/', '/ns/v1/x' ) ).toBe(
			'/wp-json/ns/v1/x'
		);
	} );
} );
