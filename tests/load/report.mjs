/**
 * Prints the one table of `npm run bench` and writes it to tests/load/results/.
 *
 *   node tests/load/report.mjs --dir <run folder> --results tests/load/results
 *
 * The run folder holds what bin/bench.sh gathered: rows.jsonl (one line per
 * wrk row), visibility.json (row e), calendar.json and machine.txt. Exits 0,
 * or 3 when --strict is given and a target was missed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs( {
	options: {
		dir: { type: 'string' },
		results: { type: 'string' },
		strict: { type: 'boolean', default: false },
	},
} );

const read = ( name ) => {
	const file = join( values.dir, name );
	return existsSync( file ) ? readFileSync( file, 'utf8' ) : '';
};
const rows = Object.fromEntries(
	read( 'rows.jsonl' )
		.split( '\n' )
		.filter( Boolean )
		.map( ( line ) => JSON.parse( line ) )
		.map( ( row ) => [ row.row, row ] )
);
const visibility = read( 'visibility.json' )
	? JSON.parse( read( 'visibility.json' ) )
	: null;
const calendar = read( 'calendar.json' )
	? JSON.parse( read( 'calendar.json' ) )
	: null;
const machine = read( 'machine.txt' ).trim();
const settings = read( 'settings.txt' ).trim();

// The figures of one wrk row, or null when it did not run.
function figures( row ) {
	if ( ! row || ! row.wrk ) {
		return null;
	}
	const w = row.wrk;
	return {
		rps: w.requests / ( w.duration_us / 1e6 ),
		p50: w.p50_us / 1000,
		p99: w.p99_us / 1000,
		errors: w.connect + w.read + w.write + w.timeout + w.status,
		socket: w.connect + w.read + w.write + w.timeout,
		status: w.status,
	};
}
const f = {
	a: figures( rows.a ),
	b: figures( rows.b ),
	c: figures( rows.c ),
	d: figures( rows.d ),
};

const verdicts = [];
function verdict( ok ) {
	verdicts.push( ok );
	return ok ? 'PASS' : 'MISS';
}

const int = ( n ) => Math.round( n ).toLocaleString( 'en-US' );
const ms = ( n ) => ( n < 10 ? n.toFixed( 2 ) : n.toFixed( 1 ) );
const pad = ( s, n ) => String( s ).padEnd( n );
const lpad = ( s, n ) => String( s ).padStart( n );

const LABELS = {
	a: '(a) naive route: SQL + Redis each time',
	b: '(b) slots/poll, cache bypassed (PHP)',
	c: '(c) slots/poll through the micro-cache',
	d: '(d) static file, same size (ceiling)',
};
const TARGETS = {
	a: () => [ 'baseline', null ],
	b: ( x ) => [ '>= 2.5 x (a)', f.a ? x.rps >= 2.5 * f.a.rps : null ],
	c: ( x ) => [
		'>= 20,000/s, p99 <= 20 ms, >= 30% of (d)',
		x.rps >= 20000 &&
			x.p99 <= 20 &&
			x.errors === 0 &&
			( f.d ? x.rps >= 0.3 * f.d.rps : false ),
	],
	d: () => [ 'ceiling', null ],
};

const lines = [];
const out = ( s = '' ) => lines.push( s );
out(
	`AppointEase poll benchmark, ${ new Date().toISOString().replace( 'T', ' ' ).slice( 0, 16 ) } UTC`
);
if ( machine ) {
	out( machine );
}
if ( calendar ) {
	out(
		`calendar: employee ${ calendar.employee }, ${ calendar.date }; holds on service ${ calendar.service }`
	);
}
if ( settings ) {
	out( settings );
}
out();
const header = `${ pad( 'row', 42 ) }${ lpad( 'conns', 6 ) }${ lpad( 'req/s', 10 ) }${ lpad( 'p50 ms', 9 ) }${ lpad( 'p99 ms', 9 ) }${ lpad( 'errors', 8 ) }${ lpad( 'x (a)', 9 ) }${ lpad( '% of (d)', 10 ) }   target`;
out( header );
out( '-'.repeat( header.length + 34 ) );
for ( const key of [ 'a', 'b', 'c', 'd' ] ) {
	const row = rows[ key ];
	const x = f[ key ];
	if ( ! x ) {
		out(
			`${ pad( LABELS[ key ], 42 ) }  ${ row?.unavailable ?? 'did not run' }${ key === 'a' || key === 'd' ? '' : '   MISS' }`
		);
		if ( key !== 'a' && key !== 'd' ) {
			verdicts.push( false );
		}
		continue;
	}
	const [ target, ok ] = TARGETS[ key ]( x );
	const ratioA = f.a
		? `${ ( x.rps / f.a.rps ).toFixed( x.rps / f.a.rps >= 100 ? 0 : 2 ) }`
		: '-';
	const ratioD = f.d
		? `${ ( ( 100 * x.rps ) / f.d.rps ).toFixed( 1 ) }%`
		: '-';
	const errors =
		x.errors === 0
			? '0'
			: `${ x.errors }${ x.status ? ` (${ x.status } HTTP)` : '' }`;
	out(
		`${ pad( LABELS[ key ], 42 ) }${ lpad( row.conns, 6 ) }${ lpad( int( x.rps ), 10 ) }${ lpad( ms( x.p50 ), 9 ) }${ lpad( ms( x.p99 ), 9 ) }${ lpad( errors, 8 ) }${ lpad( ratioA, 9 ) }${ lpad( ratioD, 10 ) }   ${ target }${ ok === null ? '' : `  ${ verdict( ok ) }` }`
	);
}

const sec = ( n ) => ( n === null ? '-' : `${ ( n / 1000 ).toFixed( 2 ) } s` );
const E_TARGETS = { direct: 1200, cached: 2000 };
const E_LABELS = {
	direct: '(e) hold -> visible, cache bypassed',
	cached: '(e) hold -> visible, micro-cache',
};
out();
if ( ! visibility ) {
	out( `${ pad( '(e) hold -> visible', 42 ) }  did not run   MISS` );
	verdicts.push( false );
} else if ( ! visibility.available ) {
	out(
		`${ pad( '(e) hold -> visible', 42 ) }  ${ visibility.reason }   MISS`
	);
	verdicts.push( false );
} else {
	out(
		`${ pad( `hold -> visible: ${ visibility.holds } holds, ${ visibility.pollers } pollers per group at 1/s`, 58 ) }${ lpad( 'p50', 9 ) }${ lpad( 'p95', 9 ) }${ lpad( 'max', 9 ) }${ lpad( 'unseen', 8 ) }   target`
	);
	for ( const group of [ 'direct', 'cached' ] ) {
		const g = visibility.groups[ group ];
		const ok = g.p95_ms !== null && g.p95_ms <= E_TARGETS[ group ];
		out(
			`${ pad( E_LABELS[ group ], 58 ) }${ lpad( sec( g.p50_ms ), 9 ) }${ lpad( sec( g.p95_ms ), 9 ) }${ lpad( sec( g.max_ms ), 9 ) }${ lpad( g.unseen, 8 ) }   p95 <= ${ E_TARGETS[ group ] / 1000 } s  ${ verdict( ok ) }`
		);
	}
	const c = visibility.groups.cached;
	out(
		`    (the cached pollers' ${ c.requests } polls: ${ c.ok } x 200, ${ c.not_modified } x 304, ${ c.older_answers } older than one already seen, ${ c.errors } errors; X-Cache-Status ${ Object.entries(
			c.cache_status
		)
			.map( ( [ k, v ] ) => `${ k } ${ v }` )
			.join( ', ' ) })`
	);
}
const missed = verdicts.filter( ( ok ) => ! ok ).length;
out();
out(
	missed === 0
		? `All ${ verdicts.length } targets met.`
		: `${ missed } of ${ verdicts.length } targets missed.`
);

const text = lines.join( '\n' ) + '\n';
process.stdout.write( text );
if ( values.results ) {
	mkdirSync( values.results, { recursive: true } );
	writeFileSync( join( values.results, 'last-run.txt' ), text );
	writeFileSync(
		join( values.results, 'last-run.json' ),
		JSON.stringify(
			{ rows, visibility, calendar, machine, settings },
			null,
			'\t'
		) + '\n'
	);
}
process.exit( values.strict && missed > 0 ? 3 : 0 );
