/**
 * Prints the page-overhead table of `npm run bench` (tools/bench/page-overhead.sh
 * gathers the figures) and writes it to --out.
 *
 *   node tools/bench/page-report.mjs --runs runs.jsonl --meta meta.json --out file [--seconds n]
 *
 * runs.jsonl has one line per measured render: page, url, mode (on|off), rep,
 * instructions, the Redis counters before and after ("name count" pairs joined by
 * commas) and page.php's stats (status, bytes, loaded, queries[]).
 *
 * Exits 0 when every page meets its targets, 4 when one does not: more than the
 * target's extra instructions, any query or Redis command the plugin adds, a render
 * that failed, a counted render that sent a write, or repeats that differ by 0.1 % or more.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs( {
	options: {
		runs: { type: 'string' },
		meta: { type: 'string' },
		out: { type: 'string' },
		seconds: { type: 'string', default: '' },
	},
} );

const runs = readFileSync( values.runs, 'utf8' )
	.split( '\n' )
	.filter( Boolean )
	.map( ( line ) => JSON.parse( line ) );
const meta = JSON.parse( readFileSync( values.meta, 'utf8' ) );
const MAX_SPREAD = 0.1; // percent between two renders of the same page in the same mode

// PHP's CLI without a script (startup and shutdown) costs what php-fpm pays once per
// worker; it comes off every render, so the figures are the request's own work.
const empty = Math.min( ...meta.empty );
const emptySpread = ( 100 * ( Math.max( ...meta.empty ) - empty ) ) / empty;
for ( const run of runs ) {
	run.total = run.instructions;
	run.instructions -= empty;
}

const counters = ( text ) =>
	Object.fromEntries(
		text
			.split( ',' )
			.filter( Boolean )
			.map( ( pair ) => pair.split( ' ' ) )
			.map( ( [ name, n ] ) => [ name, Number( n ) ] )
	);

// Redis commands and connections the render itself caused: the delta of the counters,
// less the one INFO call and one connection of the second sample.
function redisDelta( run ) {
	const before = counters( run.redis_before );
	const after = counters( run.redis_after );
	const commands = {};
	for ( const [ name, n ] of Object.entries( after ) ) {
		const d = n - ( before[ name ] ?? 0 ) - ( name === 'info' ? 1 : 0 );
		if ( name !== 'connections' && d > 0 ) {
			commands[ name ] = d;
		}
	}
	const connections =
		( after.connections ?? 0 ) - ( before.connections ?? 0 ) - 1;
	const total = Object.values( commands ).reduce( ( a, b ) => a + b, 0 );
	return { commands, total, connections };
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE|ALTER|CREATE|DROP|TRUNCATE)\b/i;

// The entries of list a that list b lacks, counting duplicates.
function extra( a, b ) {
	const left = new Map();
	for ( const x of b ) {
		left.set( x, ( left.get( x ) ?? 0 ) + 1 );
	}
	return a.filter( ( x ) => {
		const n = left.get( x ) ?? 0;
		left.set( x, n - 1 );
		return n <= 0;
	} );
}

const LABELS = {
	home: 'home page',
	page: 'plain page',
	'rest-index': 'REST index',
};
const pages = [ ...new Set( runs.map( ( r ) => r.page ) ) ];
const int = ( n ) => Math.round( n ).toLocaleString( 'en-US' );
const pad = ( s, n ) => String( s ).padEnd( n );
const lpad = ( s, n ) => String( s ).padStart( n );

const lines = [];
const out = ( s = '' ) => lines.push( s );
const problems = [];
out(
	`AppointEase page overhead, ${ new Date()
		.toISOString()
		.replace( 'T', ' ' )
		.slice( 0, 16 ) } UTC: WordPress ${ meta.wordpress }, PHP ${ meta.php } CLI with OPcache's file cache, ${ meta.valgrind } (callgrind)`
);
out(
	`instructions per request: mean of 2 renders per page and mode, less PHP's own startup and shutdown (${ int( empty ) }, an empty script; php-fpm pays it once per worker)`
);
out(
	'spread: the larger difference between the 2 renders of one mode'
);
out();
const header = `${ pad( 'page', 12 ) }${ lpad( 'instructions inactive', 23 ) }${ lpad( 'active', 15 ) }${ lpad( '+%', 8 ) }${ lpad( 'spread', 9 ) }${ lpad( 'queries', 10 ) }${ lpad( 'Redis cmds', 12 ) }${ lpad( 'status', 9 ) }${ lpad( 'KB', 11 ) }   target <= ${ meta.target } %, nothing added`;
out( header );
out( '-'.repeat( header.length ) );

const details = [];
for ( const page of pages ) {
	const of = ( mode ) =>
		runs.filter( ( r ) => r.page === page && r.mode === mode );
	const off = of( 'off' );
	const on = of( 'on' );
	const mean = ( rs ) =>
		rs.reduce( ( a, r ) => a + r.instructions, 0 ) / rs.length;
	const spreadOf = ( rs ) => {
		const xs = rs.map( ( r ) => r.instructions );
		return ( 100 * ( Math.max( ...xs ) - Math.min( ...xs ) ) ) / Math.min( ...xs );
	};
	const inactive = mean( off );
	const active = mean( on );
	const plus = ( 100 * ( active - inactive ) ) / inactive;
	const spread = Math.max( spreadOf( off ), spreadOf( on ) );
	// Queries and Redis commands must be the same in every render of a mode; take the most.
	const most = ( rs, f ) => Math.max( ...rs.map( f ) );
	const qOff = most( off, ( r ) => r.stats.queries.length );
	const qOn = most( on, ( r ) => r.stats.queries.length );
	const rOff = most( off, ( r ) => redisDelta( r ).total );
	const rOn = most( on, ( r ) => redisDelta( r ).total );
	const cOn = most( on, ( r ) => redisDelta( r ).connections );
	const cOff = most( off, ( r ) => redisDelta( r ).connections );
	const writes = most( [ ...off, ...on ], ( r ) => r.stats.queries.filter( ( q ) => WRITE.test( q ) ).length );
	const statuses = [ ...new Set( [ ...off, ...on ].map( ( r ) => r.stats.status ) ) ];
	const kb = ( rs ) => ( most( rs, ( r ) => r.stats.bytes ) / 1024 ).toFixed( 1 );

	const why = [];
	if ( plus > meta.target ) {
		why.push( `${ plus.toFixed( 2 ) } % more instructions` );
	}
	if ( qOn > qOff ) {
		why.push( `${ qOn - qOff } more queries` );
	}
	if ( rOn > rOff || cOn > cOff ) {
		why.push( `${ rOn - rOff } more Redis commands, ${ cOn - cOff } more connections` );
	}
	if ( writes > 0 ) {
		why.push( `${ writes } writing queries` );
	}
	if ( spread >= MAX_SPREAD ) {
		why.push( `repeats differ by ${ spread.toFixed( 3 ) } %` );
	}
	if ( statuses.length !== 1 || statuses[ 0 ] !== 200 ) {
		why.push( `HTTP status ${ statuses.join( '/' ) }` );
	}
	if ( on.some( ( r ) => ! r.stats.loaded ) || off.some( ( r ) => r.stats.loaded ) ) {
		why.push( 'the plugin was not loaded exactly in the "active" renders' );
	}
	if ( why.length ) {
		problems.push( `${ LABELS[ page ] ?? page }: ${ why.join( ', ' ) }` );
	}
	out(
		`${ pad( LABELS[ page ] ?? page, 12 ) }${ lpad( int( inactive ), 23 ) }${ lpad( int( active ), 15 ) }${ lpad( `${ plus >= 0 ? '+' : '' }${ plus.toFixed( 2 ) }`, 8 ) }${ lpad( `${ spread.toFixed( 3 ) }%`, 9 ) }${ lpad( `${ qOff } / ${ qOn }`, 10 ) }${ lpad( `${ rOff } / ${ rOn }`, 12 ) }${ lpad( statuses.join( '/' ), 9 ) }${ lpad( `${ kb( off ) }/${ kb( on ) }`, 11 ) }   ${ why.length ? 'MISS' : 'PASS' }`
	);

	// What the plugin added, so that a miss names its cause.
	const addedQueries = extra( on[ 0 ].stats.queries, off[ 0 ].stats.queries );
	const addedRedis = Object.entries( redisDelta( on[ 0 ] ).commands ).filter(
		( [ name, n ] ) => n > ( redisDelta( off[ 0 ] ).commands[ name ] ?? 0 )
	);
	if ( addedQueries.length || addedRedis.length ) {
		details.push( `${ LABELS[ page ] ?? page } (${ on[ 0 ].url }), with the plugin active:` );
		for ( const q of addedQueries ) {
			details.push( `  + query: ${ q.slice( 0, 160 ) }` );
		}
		for ( const [ name, n ] of addedRedis ) {
			details.push( `  + Redis: ${ name } x ${ n }` );
		}
	}
}
out(
	'(queries, Redis commands, KB of output and status: plugin inactive / active)'
);
if ( emptySpread >= MAX_SPREAD ) {
	problems.push( `the empty script's two counts differ by ${ emptySpread.toFixed( 3 ) } %` );
}
out(
	`whole PHP process (what callgrind counts): ${ pages
		.map( ( page ) => {
			const t = ( mode ) => {
				const rs = runs.filter( ( r ) => r.page === page && r.mode === mode );
				return rs.reduce( ( a, r ) => a + r.total, 0 ) / rs.length;
			};
			return `${ LABELS[ page ] ?? page } ${ int( t( 'off' ) ) } / ${ int( t( 'on' ) ) } (+${ ( ( 100 * ( t( 'on' ) - t( 'off' ) ) ) / t( 'off' ) ).toFixed( 2 ) } %)`;
		} )
		.join( '; ' ) }`
);
if ( meta.discarded > 0 ) {
	out(
		`${ meta.discarded } render(s) done again: they disagreed with the next (WordPress refreshing an expired cache, or a write); in pages-last-run.jsonl after the counted ones`
	);
}
// Writes by the renders themselves are misses; a table that another client of the site
// changed meanwhile (the renders sent no write) is only reported.
if ( meta.warm_writes > 0 ) {
	out(
		`the warm-up renders sent ${ meta.warm_writes } write(s): WordPress filling a cache that was empty or expired (listed above the table)`
	);
}
const writesInRuns = runs.some( ( r ) => r.stats.queries.some( ( q ) => WRITE.test( q ) ) );
out(
	meta.changed_tables
		? `site database: tables changed during the run: ${ meta.changed_tables }; ${ writesInRuns ? 'the counted renders sent writes' : meta.warm_writes ? 'by the warm-up renders above, or another client of the site' : 'the renders sent no write, so another client of the site did (WP-Cron, a test run)' }`
		: 'site database unchanged by the run (same checksum of every table before and after; no render sent a write)'
);
if ( details.length ) {
	out();
	details.forEach( ( d ) => out( d ) );
}
out();
out(
	problems.length
		? `Missed: ${ problems.join( '; ' ) }.`
		: `All ${ pages.length } pages within ${ meta.target } %, with no query or Redis command added.`
);
if ( values.seconds ) {
	out( `(${ values.seconds } s)` );
}

const text = lines.join( '\n' );
console.log( text );
writeFileSync( values.out, text + '\n' );
process.exit( problems.length ? 4 : 0 );
