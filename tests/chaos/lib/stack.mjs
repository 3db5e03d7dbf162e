/**
 * The throwaway chaos stack: where it lives, how to kill and start its
 * services, and SQL against its database. Nothing here touches the shared
 * demo stack: every pid file, socket and port comes from APPOINTEASE_RUNTIME
 * and the APPOINTEASE_*_PORT variables, and the defaults of the demo stack
 * are refused outright.
 */
import { execFile } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify( execFile );

export const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../../..'
);

/**
 * The stack named by the environment, checked to be a second one.
 *
 * @return {{runtime: string, base: string, sitePort: string, dbPort: string, redisPort: string, env: Object}} The stack.
 */
export function chaosStack() {
	const runtime = process.env.APPOINTEASE_RUNTIME || '';
	const sitePort = process.env.APPOINTEASE_SITE_PORT || '';
	const dbPort = process.env.APPOINTEASE_DB_PORT || '';
	const redisPort = process.env.APPOINTEASE_REDIS_PORT || '';
	const demo = path.join( ROOT, '.runtime' );
	if (
		! runtime ||
		path.resolve( runtime ) === demo ||
		[ sitePort, dbPort, redisPort ].some(
			( port ) => ! port || [ '8888', '3307', '6380' ].includes( port )
		)
	) {
		throw new Error(
			'The chaos run needs its own stack: set APPOINTEASE_RUNTIME (not .runtime) and APPOINTEASE_SITE_PORT, APPOINTEASE_DB_PORT, APPOINTEASE_REDIS_PORT away from 8888/3307/6380. bin/chaos.sh does this.'
		);
	}
	return {
		runtime,
		base: `http://127.0.0.1:${ sitePort }`,
		sitePort,
		dbPort,
		redisPort,
		env: {
			...process.env,
			APPOINTEASE_RUNTIME: runtime,
			APPOINTEASE_SITE_PORT: sitePort,
			APPOINTEASE_DB_PORT: dbPort,
			APPOINTEASE_REDIS_PORT: redisPort,
		},
	};
}

/**
 * The pid in one of the stack's pid files, or null.
 *
 * @param {Object} stack The stack.
 * @param {string} name  redis, php-fpm or mysqld.
 * @return {number|null} The pid.
 */
function pidOf( stack, name ) {
	const file = path.join( stack.runtime, 'run', `${ name }.pid` );
	if ( ! existsSync( file ) ) {
		return null;
	}
	const pid = Number.parseInt( readFileSync( file, 'utf8' ).trim(), 10 );
	return Number.isInteger( pid ) && pid > 1 ? pid : null;
}

/**
 * Whether a process is alive.
 *
 * @param {number} pid The pid.
 * @return {boolean} Alive.
 */
function alive( pid ) {
	try {
		process.kill( pid, 0 );
		return true;
	} catch {
		return false;
	}
}

export const sleep = ( ms ) =>
	new Promise( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * Sends a signal to one of the stack's services (by its own pid file) and
 * waits until the process is gone.
 *
 * @param {Object} stack  The stack.
 * @param {string} name   redis, php-fpm or mysqld.
 * @param {string} signal SIGKILL, SIGTERM, ...
 * @return {Promise<number>} The pid that was stopped.
 */
export async function stopService( stack, name, signal ) {
	const pid = pidOf( stack, name );
	if ( ! pid || ! alive( pid ) ) {
		throw new Error( `${ name } of the chaos stack is not running` );
	}
	process.kill( pid, signal );
	for ( let i = 0; i < 300 && alive( pid ); i++ ) {
		await sleep( 50 );
	}
	if ( alive( pid ) ) {
		process.kill( pid, 'SIGKILL' );
		await sleep( 200 );
	}
	return pid;
}

const STARTERS = {
	redis: 'start_redis',
	'php-fpm': 'start_php_fpm',
	mysqld: 'start_mariadb',
};

/**
 * Starts one service with the project's own start function from
 * bin/lib/services.sh, which waits until it answers.
 *
 * @param {Object} stack The stack.
 * @param {string} name  redis, php-fpm or mysqld.
 * @return {Promise<void>}
 */
export async function startService( stack, name ) {
	const script = `source "${ ROOT }/bin/lib/common.sh"; source "${ ROOT }/bin/lib/services.sh"; ${ STARTERS[ name ] }`;
	await run( 'bash', [ '-c', script ], {
		env: stack.env,
		timeout: 90_000,
	} );
}

/**
 * Runs SQL against the chaos database as root over its socket and returns
 * the rows as arrays of strings (NULL as null).
 *
 * @param {Object} stack      The stack.
 * @param {string} statements One or more statements; the last one's rows are returned.
 * @return {Promise<Array<Array<string|null>>>} Rows.
 */
export async function sql( stack, statements ) {
	const { stdout } = await run(
		'mariadb',
		[
			'--protocol=socket',
			`--socket=${ path.join( stack.runtime, 'run', 'mysqld.sock' ) }`,
			'-uroot',
			'--batch',
			'--skip-column-names',
			'appointease',
			'-e',
			statements,
		],
		{ maxBuffer: 64 * 1024 * 1024 }
	);
	return stdout
		.split( '\n' )
		.filter( ( line ) => line !== '' )
		.map( ( line ) =>
			line
				.split( '\t' )
				.map( ( cell ) => ( cell === 'NULL' ? null : cell ) )
		);
}

/**
 * Runs tests/chaos/setup.php on the chaos site: fresh calendars for this run.
 *
 * @param {Object} stack The stack.
 * @param {string} tag   The run's tag.
 * @param {string} date  The local date fought over.
 * @return {Promise<Object>} What setup.php printed.
 */
export async function createCalendars( stack, tag, date ) {
	const { stdout } = await run(
		'php',
		[
			path.join( ROOT, 'tests/chaos/setup.php' ),
			path.join( stack.runtime, 'wordpress' ),
			`http://localhost:${ stack.sitePort }`,
			tag,
			date,
		],
		{ env: stack.env }
	);
	return JSON.parse( stdout.trim().split( '\n' ).pop() );
}
