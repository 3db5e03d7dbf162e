/**
 * External dependencies
 */
import { act } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ApiError } from '../../src/shared/api';
import {
	backoffDelay,
	useSlotPolling,
	type SlotPollingOptions,
} from '../../src/shared/hooks/useSlotPolling';
import { calendarKey } from '../../src/shared/slots';
import { DATE, fakeApi, pollAnswer, type FakeApi } from './support/fixtures';
import { renderHookWithStore, testStore } from './support/render';

let hidden = false;

function setHidden( value: boolean ) {
	hidden = value;
	document.dispatchEvent( new Event( 'visibilitychange' ) );
}

beforeAll( () => {
	Object.defineProperty( document, 'hidden', {
		configurable: true,
		get: () => hidden,
	} );
} );

beforeEach( () => {
	hidden = false;
	jest.useFakeTimers();
} );

afterEach( () => {
	jest.useRealTimers();
} );

function poller(
	options: Partial< SlotPollingOptions > = {},
	settings = {},
	prepare: ( api: FakeApi ) => void = () => undefined
) {
	const fake = fakeApi();
	prepare( fake );
	const { store, api } = testStore( settings, { api: fake } );
	const view = renderHookWithStore(
		( props: SlotPollingOptions ) => useSlotPolling( props ),
		store,
		{ employee: 1, date: DATE, ...options }
	);
	return { store, api, view };
}

/** Lets pending promises settle without moving the clock. */
async function flush() {
	await act( async () => {
		await jest.advanceTimersByTimeAsync( 0 );
	} );
}

async function advance( ms: number ) {
	await act( async () => {
		await jest.advanceTimersByTimeAsync( ms );
	} );
}

describe( 'backoffDelay', () => {
	it( 'doubles from 1 s up to 30 s, never below the interval', () => {
		expect(
			[ 1, 2, 3, 4, 5, 6, 7, 20 ].map( ( n ) => backoffDelay( n, 1000 ) )
		).toEqual( [ 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000 ] );
		expect( backoffDelay( 1, 5000 ) ).toBe( 5000 );
	} );
} );

describe( 'useSlotPolling', () => {
	it( 'polls at once, then once per poll interval, one request at a time', async () => {
		const { api, store } = poller();
		await flush();
		expect( api.poll ).toHaveBeenCalledTimes( 1 );
		expect( api.poll.mock.calls[ 0 ][ 0 ] ).toEqual( {
			employee: 1,
			date: DATE,
			etag: null,
		} );
		expect(
			store.getState().live[ calendarKey( 1, DATE ) ]?.answer.version
		).toBe( 1 );

		await advance( 999 );
		expect( api.poll ).toHaveBeenCalledTimes( 1 );
		await advance( 1 );
		expect( api.poll ).toHaveBeenCalledTimes( 2 );
		await advance( 3000 );
		expect( api.poll ).toHaveBeenCalledTimes( 5 );
	} );

	it( 'uses the configured poll interval', async () => {
		const { api } = poller( {}, { pollInterval: 3 } );
		await flush();
		await advance( 2999 );
		expect( api.poll ).toHaveBeenCalledTimes( 1 );
		await advance( 1 );
		expect( api.poll ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'sends the ETag on screen and keeps the state on 304, noting the check', async () => {
		const { api, store } = poller();
		await flush();
		const key = calendarKey( 1, DATE );
		const first = store.getState().live[ key ];
		api.poll.mockResolvedValue( { status: 304 } );

		jest.setSystemTime( Date.now() + 5000 );
		await advance( 1000 );

		expect( api.poll.mock.calls[ 1 ][ 0 ].etag ).toBe( '"e1"' );
		const after = store.getState().live[ key ];
		expect( after?.answer ).toBe( first?.answer );
		expect( after?.etag ).toBe( '"e1"' );
		expect( after?.checkedAt ).toBeGreaterThan( first?.checkedAt ?? 0 );
	} );

	it( 'backs off 1, 2, 4 … 30 s on errors and recovers after a success', async () => {
		const { api } = poller();
		await flush();
		api.poll.mockRejectedValue(
			new ApiError( 'down', { code: 'fetch_error', status: 0 } )
		);

		const callTimes: number[] = [];
		let last = api.poll.mock.calls.length;
		for ( let elapsed = 0; elapsed < 100_000; elapsed += 500 ) {
			await advance( 500 );
			if ( api.poll.mock.calls.length !== last ) {
				last = api.poll.mock.calls.length;
				callTimes.push( elapsed + 500 );
			}
		}
		const gaps = callTimes
			.slice( 1 )
			.map( ( time, index ) => time - ( callTimes[ index ] ?? 0 ) );
		// The first failing poll came 1 s after the success; then the waits.
		expect( gaps.slice( 0, 6 ) ).toEqual( [
			1000, 2000, 4000, 8000, 16000, 30000,
		] );

		api.poll.mockResolvedValue( {
			status: 200,
			answer: pollAnswer( { version: 2 } ),
			etag: '"e2"',
		} );
		await advance( 30_000 );
		const recovered = api.poll.mock.calls.length;
		await advance( 1000 );
		expect( api.poll.mock.calls.length ).toBe( recovered + 1 );
	} );

	it( 'waits at least as long as Retry-After says', async () => {
		const { api } = poller();
		await flush();
		api.poll.mockRejectedValueOnce(
			new ApiError( 'slow down', {
				code: 'appointease_rate_limited',
				status: 429,
				reason: 'RATE_LIMITED',
				retryAfter: 12,
			} )
		);
		await advance( 1000 );
		expect( api.poll ).toHaveBeenCalledTimes( 2 );
		await advance( 11_999 );
		expect( api.poll ).toHaveBeenCalledTimes( 2 );
		await advance( 1 );
		expect( api.poll ).toHaveBeenCalledTimes( 3 );
	} );

	it( 'pauses while the tab is hidden and polls at once when it shows again', async () => {
		const { api } = poller();
		await flush();
		expect( api.poll ).toHaveBeenCalledTimes( 1 );

		act( () => setHidden( true ) );
		await advance( 10_000 );
		expect( api.poll ).toHaveBeenCalledTimes( 1 );

		act( () => setHidden( false ) );
		await flush();
		expect( api.poll ).toHaveBeenCalledTimes( 2 );
		await advance( 1000 );
		expect( api.poll ).toHaveBeenCalledTimes( 3 );
	} );

	it( 'aborts the request on its way when the calendar changes, and on unmount', async () => {
		const { api, view } = poller();
		const signals: AbortSignal[] = [];
		api.poll.mockImplementation(
			( _query: unknown, signal: AbortSignal ) => {
				signals.push( signal );
				return new Promise( ( _resolve, reject ) => {
					signal.addEventListener( 'abort', () =>
						reject( new DOMException( 'aborted', 'AbortError' ) )
					);
				} );
			}
		);
		await flush();
		// The first (default) answer already came; the next poll hangs.
		await advance( 1000 );
		expect( signals ).toHaveLength( 1 );

		view.rerender( { employee: 1, date: '2030-03-13' } );
		await flush();
		expect( signals[ 0 ]?.aborted ).toBe( true );
		expect( api.poll.mock.calls.at( -1 )?.[ 0 ] ).toMatchObject( {
			date: '2030-03-13',
		} );

		view.unmount();
		expect( signals.at( -1 )?.aborted ).toBe( true );
		const calls = api.poll.mock.calls.length;
		await advance( 5000 );
		expect( api.poll.mock.calls.length ).toBe( calls );
	} );

	it( 'ignores an answer older than the one on screen (a cache served it)', async () => {
		const { api, store } = poller( {}, {}, ( fake ) =>
			fake.poll
				.mockResolvedValueOnce( {
					status: 200,
					answer: pollAnswer( {
						version: 5,
						server_time: '2030-03-01T09:00:05+01:00',
						held: [
							{ start: DATE, end: DATE, id: 'h5', seats: 1 },
						],
					} ),
					etag: '"v5"',
				} )
				.mockResolvedValueOnce( {
					status: 200,
					answer: pollAnswer( {
						version: 4,
						server_time: '2030-03-01T09:00:04+01:00',
					} ),
					etag: '"v4"',
				} )
		);
		await flush();
		expect(
			store.getState().live[ calendarKey( 1, DATE ) ]?.answer.version
		).toBe( 5 );
		await advance( 1000 );
		expect( api.poll ).toHaveBeenCalledTimes( 2 );

		const shown = store.getState().live[ calendarKey( 1, DATE ) ];
		expect( shown?.answer.version ).toBe( 5 );
		expect( shown?.etag ).toBe( '"v5"' );

		// The next request still revalidates what is on screen.
		api.poll.mockResolvedValue( { status: 304 } );
		await advance( 1000 );
		expect( api.poll.mock.calls[ 2 ][ 0 ].etag ).toBe( '"v5"' );
	} );

	it( 'takes a lower version with a newer server time (Redis restarted)', async () => {
		const { store } = poller( {}, {}, ( fake ) =>
			fake.poll
				.mockResolvedValueOnce( {
					status: 200,
					answer: pollAnswer( {
						version: 90,
						server_time: '2030-03-01T09:00:05+01:00',
					} ),
					etag: '"v90"',
				} )
				.mockResolvedValueOnce( {
					status: 200,
					answer: pollAnswer( {
						version: 1,
						server_time: '2030-03-01T09:00:06+01:00',
					} ),
					etag: '"v1"',
				} )
		);
		await flush();
		expect(
			store.getState().live[ calendarKey( 1, DATE ) ]?.answer.version
		).toBe( 90 );
		await advance( 1000 );
		expect(
			store.getState().live[ calendarKey( 1, DATE ) ]?.answer.version
		).toBe( 1 );
	} );

	it( 'calls onChange when the calendar changed, not on the first answer or a 304', async () => {
		const onChange = jest.fn();
		const { api } = poller( { onChange } );
		await flush();
		expect( onChange ).not.toHaveBeenCalled();

		api.poll.mockResolvedValueOnce( { status: 304 } );
		await advance( 1000 );
		expect( onChange ).not.toHaveBeenCalled();

		api.poll.mockResolvedValueOnce( {
			status: 200,
			answer: pollAnswer( {
				version: 2,
				server_time: '2030-03-01T09:00:02+01:00',
			} ),
			etag: '"e2"',
		} );
		await advance( 1000 );
		expect( onChange ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'does not poll without a calendar or when disabled', async () => {
		const { api } = poller( { date: null } );
		await advance( 5000 );
		expect( api.poll ).not.toHaveBeenCalled();

		const disabled = poller( { enabled: false } );
		await advance( 5000 );
		expect( disabled.api.poll ).not.toHaveBeenCalled();
	} );
} );
