/**
 * Row (e) of `npm run bench`: how long a hold takes to become visible to the
 * visitors watching its calendar.
 *
 * One holder takes holds one after another (POST holds) on free starts of one
 * calendar. Two groups of pollers watch that calendar the way the booking page
 * does: each polls GET slots/poll about once a second (fixed rate, random phase)
 * with If-None-Match. One group goes straight to PHP (X-AppointEase-Bypass: 1),
 * the other through nginx's micro-cache. For every hold and poller, the delay
 * is the time from the holder receiving the 201 to that poller first receiving
 * an answer whose held[] lists the hold's id. When every poller has seen a hold
 * (or after --timeout), the holder releases it (DELETE holds/{id}) and waits a
 * random 0-1 s, so that holds fall at random points of the cache's second.
 *
 *   node tests/load/hold-visibility.mjs --calendar calendar.json [--base URL]
 *     [--token T] [--holds 15] [--pollers 50] [--timeout 5] [--out result.json]
 *
 * Exits 0 after printing a summary (also when a route is missing, which the
 * result then says); exits 1 only on a broken invocation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NAMESPACE, benchHeaders, quantile, request } from './lib.mjs';

const { values } = parseArgs( {
	options: {
		base: { type: 'string', default: 'http://localhost:8888' },
		token: { type: 'string', default: '' },
		calendar: { type: 'string' },
		holds: { type: 'string', default: '15' },
		pollers: { type: 'string', default: '50' },
		timeout: { type: 'string', default: '5' },
		out: { type: 'string' },
	},
} );
if ( ! values.calendar ) {
	process.stderr.write(
		'Usage: hold-visibility.mjs --calendar calendar.json …\n'
	);
	process.exit( 1 );
}

const calendar = JSON.parse( readFileSync( values.calendar, 'utf8' ) );
const base = values.base;
const headers = benchHeaders( values.token );
const holdCount = Number( values.holds );
const pollerCount = Number( values.pollers );
const timeoutMs = Number( values.timeout ) * 1000;
const pollUrl = `${ base }${ NAMESPACE }/slots/poll?employee=${ calendar.employee }&date=${ calendar.date }`;
const GROUPS = {
	direct: {
		label: 'direct to PHP (cache bypassed)',
		headers: { 'X-AppointEase-Bypass': '1' },
	},
	cached: { label: 'through the micro-cache', headers: {} },
};

const sleep = ( ms ) =>
	new Promise( ( resolve ) => setTimeout( resolve, Math.max( 0, ms ) ) );

function finish( result ) {
	if ( values.out ) {
		writeFileSync(
			values.out,
			JSON.stringify( result, null, '\t' ) + '\n'
		);
	}
	if ( ! result.available ) {
		process.stdout.write( `    hold-to-visible: ${ result.reason }\n` );
		return;
	}
	for ( const [ name, group ] of Object.entries( result.groups ) ) {
		const s = ( ms ) =>
			ms === null ? '-' : `${ ( ms / 1000 ).toFixed( 2 ) } s`;
		process.stdout.write(
			`    ${ name }: ${ group.samples } sightings, p50 ${ s( group.p50_ms ) }, p95 ${ s( group.p95_ms ) }, max ${ s( group.max_ms ) }, unseen ${ group.unseen }, poll errors ${ group.errors }\n`
		);
	}
}

// Are the routes there? The lead may still be building them: say so instead of crashing.
async function checkRoutes() {
	const poll = await request( pollUrl, {
		headers: { ...headers, ...GROUPS.direct.headers },
	} ).catch( ( e ) => ( { status: 0, body: { message: e.message } } ) );
	if ( poll.status !== 200 || ! Array.isArray( poll.body?.held ) ) {
		return `route not available: GET slots/poll answered ${ poll.status }${ poll.body?.code ? ` (${ poll.body.code })` : '' }`;
	}
	const probe = await request( `${ base }${ NAMESPACE }/holds`, {
		method: 'POST',
		headers,
		body: {},
	} ).catch( ( e ) => ( { status: 0, body: { message: e.message } } ) );
	if (
		probe.status === 404 ||
		probe.status === 0 ||
		probe.body?.code === 'rest_no_route'
	) {
		return `route not available: POST holds answered ${ probe.status }${ probe.body?.code ? ` (${ probe.body.code })` : '' }`;
	}
	return null;
}

const missing = await checkRoutes();
if ( missing ) {
	finish( { available: false, reason: missing } );
	process.exit( 0 );
}

/** Holds in flight: id → { at: ms of the 201, seen: { direct: Map, cached: Map } }. */
const watched = new Map();
const delays = { direct: [], cached: [] };
const counters = {
	direct: {
		requests: 0,
		ok: 0,
		notModified: 0,
		errors: 0,
		older: 0,
		cache: {},
	},
	cached: {
		requests: 0,
		ok: 0,
		notModified: 0,
		errors: 0,
		older: 0,
		cache: {},
	},
};
let stopping = false;

async function poller( group, index ) {
	const key = `${ group }-${ index }`;
	let etag = null;
	let held = new Set();
	let version = -1;
	let next = performance.now() + Math.random() * 1000;
	await sleep( next - performance.now() );
	while ( ! stopping ) {
		const c = counters[ group ];
		c.requests++;
		try {
			const h = { ...headers, ...GROUPS[ group ].headers };
			if ( etag ) {
				h[ 'If-None-Match' ] = etag;
			}
			const response = await fetch( pollUrl, {
				headers: h,
				signal: AbortSignal.timeout( 5000 ),
			} );
			const status = response.headers.get( 'x-cache-status' ) ?? 'none';
			c.cache[ status ] = ( c.cache[ status ] ?? 0 ) + 1;
			if ( response.status === 200 ) {
				const answer = await response.json();
				etag = response.headers.get( 'etag' );
				held = new Set( answer.held.map( ( h2 ) => String( h2.id ) ) );
				// An answer older than one this poller already had (a cache can hand those out).
				if ( answer.version < version ) {
					c.older++;
				}
				version = Math.max( version, answer.version );
				c.ok++;
			} else {
				await response.arrayBuffer();
				if ( response.status === 304 ) {
					c.notModified++;
				} else {
					c.errors++;
				}
			}
		} catch {
			c.errors++;
		}
		const now = performance.now();
		for ( const [ id, hold ] of watched ) {
			if ( held.has( id ) && ! hold.seen[ group ].has( key ) ) {
				hold.seen[ group ].set( key, Math.max( 0, now - hold.at ) );
			}
		}
		next += 1000;
		if ( next < performance.now() ) {
			next = performance.now();
		}
		await sleep( next - performance.now() );
	}
}

const pollers = [];
for ( let i = 0; i < pollerCount; i++ ) {
	pollers.push( poller( 'direct', i ), poller( 'cached', i ) );
}
await sleep( 1500 ); // every poller has its first answer

let taken = 0;
let refused = 0;
const unseen = { direct: 0, cached: 0 };
const refusals = {};
let startIndex = 0;
const deadline = performance.now() + holdCount * ( timeoutMs + 3000 );
while (
	taken < holdCount &&
	performance.now() < deadline &&
	refused < holdCount * 3
) {
	const start = calendar.starts[ startIndex++ % calendar.starts.length ];
	const sent = performance.now();
	const answer = await request( `${ base }${ NAMESPACE }/holds`, {
		method: 'POST',
		headers,
		body: { service: calendar.service, employee: calendar.employee, start },
	} ).catch( ( e ) => ( { status: 0, body: { code: e.message } } ) );
	const at = performance.now();
	if ( answer.status !== 201 || ! answer.body?.id ) {
		refused++;
		const why =
			`${ answer.status } ${ answer.body?.data?.reason ?? answer.body?.code ?? '' }`.trim();
		refusals[ why ] = ( refusals[ why ] ?? 0 ) + 1;
		await sleep( 200 );
		continue;
	}
	taken++;
	const id = String( answer.body.id );
	const hold = { at, sent, seen: { direct: new Map(), cached: new Map() } };
	watched.set( id, hold );
	while (
		( hold.seen.direct.size < pollerCount ||
			hold.seen.cached.size < pollerCount ) &&
		performance.now() - at < timeoutMs
	) {
		await sleep( 25 );
	}
	watched.delete( id );
	for ( const group of Object.keys( delays ) ) {
		delays[ group ].push( ...hold.seen[ group ].values() );
		unseen[ group ] += pollerCount - hold.seen[ group ].size;
	}
	await request(
		`${ base }${ NAMESPACE }/holds/${ encodeURIComponent( id ) }`,
		{
			method: 'DELETE',
			headers,
			body: { token: answer.body.token },
		}
	).catch( () => null );
	await sleep( Math.random() * 1000 );
}
stopping = true;
await Promise.all( pollers );

const result = {
	available: taken > 0,
	reason:
		taken > 0
			? null
			: `no hold could be taken (${ JSON.stringify( refusals ) })`,
	calendar: {
		service: calendar.service,
		employee: calendar.employee,
		date: calendar.date,
	},
	pollers: pollerCount,
	holds: taken,
	refused,
	refusals,
	timeout_ms: timeoutMs,
	groups: {},
};
for ( const group of Object.keys( delays ) ) {
	// A poller that never saw a hold counts as the timeout: a miss must not flatter p95.
	const all = [
		...delays[ group ],
		...Array( unseen[ group ] ).fill( timeoutMs ),
	].sort( ( a, b ) => a - b );
	result.groups[ group ] = {
		label: GROUPS[ group ].label,
		samples: delays[ group ].length,
		unseen: unseen[ group ],
		p50_ms: quantile( all, 0.5 ),
		p95_ms: quantile( all, 0.95 ),
		max_ms: all.length ? all[ all.length - 1 ] : null,
		requests: counters[ group ].requests,
		ok: counters[ group ].ok,
		not_modified: counters[ group ].notModified,
		older_answers: counters[ group ].older,
		errors: counters[ group ].errors,
		cache_status: counters[ group ].cache,
	};
}
finish( result );
