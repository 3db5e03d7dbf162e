/**
 * `npm run chaos` (through bin/chaos.sh, which brings up and takes down the
 * throwaway stack this needs): simulated visitors poll, hold, book and
 * cancel while the stack's own Redis, php-fpm and MariaDB are killed and
 * started again; afterwards the database is checked in SQL.
 *
 * Phase (a): 200 visitors for 60 s; Redis is killed (SIGKILL) and started
 * again twice, php-fpm is stopped (SIGTERM, which ends its workers
 * mid-request) and started again once.
 * Phase (b): visitors keep booking while MariaDB is killed (SIGKILL, a crash)
 * and started again, then stopped cleanly (SIGTERM) and started at once.
 *
 * Options: --phase a|b|both (both), --visitors N (200), --seconds N (60).
 * Exits non-zero when an invariant fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Recorder } from './lib/http.mjs';
import { Crowd } from './lib/visitors.mjs';
import { checkDatabase, brokenInvariants } from './lib/checks.mjs';
import { GRACE_MS, table, tally } from './lib/report.mjs';
import {
	ROOT,
	chaosStack,
	createCalendars,
	sleep,
	startService,
	stopService,
} from './lib/stack.mjs';

const { values: options } = parseArgs( {
	options: {
		phase: { type: 'string', default: 'both' },
		visitors: { type: 'string', default: '200' },
		seconds: { type: 'string', default: '60' },
	},
} );

const stack = chaosStack();

/**
 * Prints a line of progress or of the table.
 *
 * @param {string} line The line.
 */
function say( line ) {
	process.stdout.write( line + '\n' );
}
const runTag = Date.now().toString( 36 );

/**
 * A date some days from now, YYYY-MM-DD: two days ahead is well past the
 * minimum notice and inside the horizon.
 *
 * @param {number} days Days ahead.
 * @return {string} The date.
 */
function dateAhead( days ) {
	return new Date( Date.now() + days * 86400000 )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * Fresh calendars for a phase, with every start of the day.
 *
 * @param {string} tag The phase's tag.
 * @return {Promise<{setup: Object, dates: string[], calendars: Array<Object>}>} The calendars.
 */
async function prepare( tag ) {
	const dates = [ 2, 3, 4, 5 ].map( dateAhead );
	const setup = await createCalendars( stack, tag, dates[ 0 ] );
	const recorder = new Recorder();
	const calendars = [];
	for ( const date of dates ) {
		for ( const employee of setup.employees ) {
			for ( const serviceId of employee.services ) {
				const service = setup.services.find(
					( s ) => s.id === serviceId
				);
				const answer = await recorder.send(
					stack.base,
					'availability',
					`availability?service=${ serviceId }&employee=${ employee.id }&from=${ date }&to=${ date }`
				);
				const starts = ( answer.body?.days?.[ 0 ]?.slots ?? [] ).map(
					( slot ) => ( {
						start: slot.start,
						end: slot.end,
					} )
				);
				if ( answer.status !== 200 || starts.length === 0 ) {
					throw new Error(
						`No slots for employee ${ employee.id }, service ${ serviceId } on ${ date } (HTTP ${ answer.status }): ${ JSON.stringify( answer.body ) }`
					);
				}
				calendars.push( {
					employee: employee.id,
					service: serviceId,
					capacity: service.capacity,
					date,
					starts,
				} );
			}
		}
	}
	return { setup, dates, calendars };
}

/**
 * Kills a service at a moment of the phase and starts it again.
 *
 * @param {Object}        fault   {at: seconds, service, signal, down: seconds, what}.
 * @param {number}        started When the phase started (ms).
 * @param {Array<Object>} windows Receives the fault's window.
 * @return {Promise<void>}
 */
async function inject( fault, started, windows ) {
	await sleep( Math.max( 0, started + fault.at * 1000 - Date.now() ) );
	const from = Date.now();
	await stopService( stack, fault.service, fault.signal );
	await sleep( fault.down * 1000 );
	await startService( stack, fault.service );
	windows.push( {
		service: fault.service,
		what: fault.what,
		from,
		to: Date.now() + GRACE_MS,
	} );
	say(
		`    ${ fault.what }: down for ${ ( ( Date.now() - from ) / 1000 ).toFixed( 1 ) } s`
	);
}

/**
 * Runs one phase: visitors and faults side by side, then the SQL checks.
 *
 * @param {Object} phase {title, tag, visitors, seconds, faults, extraChecks}.
 * @return {Promise<Object>} The phase's figures.
 */
async function runPhase( phase ) {
	say( `==> ${ phase.title }: preparing calendars` );
	const { setup, dates, calendars } = await prepare( phase.tag );
	const recorder = new Recorder();
	const crowd = new Crowd( {
		base: stack.base,
		recorder,
		calendars,
		tag: phase.tag,
	} );
	const windows = [];
	const started = Date.now();
	say(
		`==> ${ phase.title }: ${ phase.visitors } visitors for ${ phase.seconds } s on ${ dates.join( ', ' ) }`
	);
	const visiting = crowd.run( phase.visitors );
	const faults = Promise.all(
		phase.faults.map( ( fault ) => inject( fault, started, windows ) )
	);
	await sleep( phase.seconds * 1000 );
	crowd.stop();
	await faults;
	await visiting;
	say(
		`==> ${ phase.title }: ${ recorder.requests.length } requests; checking the database`
	);
	const findings = await checkDatabase(
		stack,
		crowd.booked,
		setup.employees.map( ( e ) => e.id )
	);
	const counted = tally( recorder.requests, windows );
	const broken = brokenInvariants( findings );
	if ( counted.violations.length > 0 ) {
		broken.push(
			`${ counted.violations.length } requests answered outside the rules, e.g. ${ JSON.stringify( counted.violations.slice( 0, 3 ) ) }`
		);
	}
	const notes = phase.extraChecks
		? phase.extraChecks( recorder.requests, windows, broken )
		: [];
	return {
		...phase,
		started,
		windows,
		tally: counted,
		findings,
		crowd,
		broken,
		notes,
	};
}

/**
 * Phase (b)'s own checks: bookings sent while MariaDB was down were told
 * STORE_UNAVAILABLE, and bookings succeed again once it is back.
 *
 * @param {Array<Object>} requests Records.
 * @param {Array<Object>} windows  Fault windows.
 * @param {string[]}      broken   Receives failures.
 * @return {string[]} Notes for the table.
 */
function databaseOutageChecks( requests, windows, broken ) {
	const books = requests.filter( ( r ) => r.kind === 'book' );
	const notes = [];
	for ( const w of windows ) {
		const down = books.filter(
			( r ) => r.t0 >= w.from && r.t0 <= w.to - GRACE_MS
		);
		const unavailable = down.filter(
			( r ) => r.status === 503 && r.reason === 'STORE_UNAVAILABLE'
		).length;
		const after = books.filter(
			( r ) => r.t0 > w.to && r.status === 201
		).length;
		notes.push(
			`${ w.what }: ${ down.length } booking requests sent while down, ${ unavailable } answered 503 STORE_UNAVAILABLE; ${ after } bookings made after it came back`
		);
		if ( unavailable === 0 ) {
			broken.push(
				`no booking request was answered 503 STORE_UNAVAILABLE during "${ w.what }"`
			);
		}
		if ( after === 0 ) {
			broken.push( `no booking succeeded after "${ w.what }"` );
		}
	}
	return notes;
}

const seconds = Number( options.seconds );
const phases = [];
if ( options.phase === 'a' || options.phase === 'both' ) {
	phases.push( {
		title: '(a) Redis killed twice, php-fpm restarted once',
		tag: `${ runTag }a`,
		visitors: Number( options.visitors ),
		seconds,
		faults: [
			{
				at: seconds * 0.15,
				service: 'redis',
				signal: 'SIGKILL',
				down: 4,
				what: 'Redis killed (SIGKILL)',
			},
			{
				at: seconds * 0.45,
				service: 'php-fpm',
				signal: 'SIGTERM',
				down: 0,
				what: 'php-fpm restarted (SIGTERM)',
			},
			{
				at: seconds * 0.7,
				service: 'redis',
				signal: 'SIGKILL',
				down: 4,
				what: 'Redis killed again (SIGKILL)',
			},
		],
	} );
}
if ( options.phase === 'b' || options.phase === 'both' ) {
	phases.push( {
		title: '(b) MariaDB crashed and restarted, then restarted cleanly',
		tag: `${ runTag }b`,
		visitors: 60,
		seconds: 30,
		faults: [
			{
				at: 6,
				service: 'mysqld',
				signal: 'SIGKILL',
				down: 4,
				what: 'MariaDB killed (SIGKILL)',
			},
			{
				at: 20,
				service: 'mysqld',
				signal: 'SIGTERM',
				down: 0,
				what: 'MariaDB restarted (SIGTERM)',
			},
		],
		extraChecks: databaseOutageChecks,
	} );
}

const results = [];
for ( const phase of phases ) {
	results.push( await runPhase( phase ) );
}
const text = [
	`AppointEase chaos run ${ new Date().toISOString() } (run ${ runTag })`,
	...results.map( table ),
].join( '\n' );
say( text );
const out = path.join( ROOT, 'tests/chaos/results' );
mkdirSync( out, { recursive: true } );
writeFileSync( path.join( out, 'last-run.txt' ), text + '\n' );
const failed = results.some( ( r ) => r.broken.length > 0 );
process.exitCode = failed ? 1 : 0;
