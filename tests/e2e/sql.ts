/**
 * SQL against the database of the stack the tests run against, as root over
 * its socket (as the chaos run does): for specs that check figures against
 * the database or put rows where the API cannot (in the past).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readStack } from './stack';

/**
 * Runs a query and gives back its rows, tab-separated columns, no header.
 *
 * @param query SQL; only the spec's own values, never a visitor's.
 */
export function sql( query: string ): string[][] {
	const output = execFileSync(
		'mariadb',
		[
			'--protocol=socket',
			`--socket=${ path.join( readStack().runtime, 'run', 'mysqld.sock' ) }`,
			'-uroot',
			'--batch',
			'--skip-column-names',
			'appointease',
			'-e',
			query,
		],
		{ encoding: 'utf8', stdio: 'pipe' }
	);
	return output
		.split( '\n' )
		.filter( ( line ) => line !== '' )
		.map( ( line ) => line.split( '\t' ) );
}

/**
 * The first column of the first row.
 *
 * @param query SQL.
 */
export function sqlValue( query: string ): string {
	return sql( query )[ 0 ]?.[ 0 ] ?? '';
}
