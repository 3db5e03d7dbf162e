/**
 * Prints the calendar bin/bench.sh watches, as "service employee date", and
 * writes it with its free starts to the JSON file named by --out.
 *
 *   node tests/load/discover.mjs --base http://localhost:8888 --token T --out calendar.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findCalendar } from './lib.mjs';

const { values } = parseArgs( {
	options: {
		base: { type: 'string', default: 'http://localhost:8888' },
		token: { type: 'string', default: '' },
		out: { type: 'string' },
	},
} );

try {
	const calendar = await findCalendar( values.base, values.token );
	if ( values.out ) {
		writeFileSync(
			values.out,
			JSON.stringify( calendar, null, '\t' ) + '\n'
		);
	}
	process.stdout.write(
		`${ calendar.service } ${ calendar.employee } ${ calendar.date }\n`
	);
} catch ( error ) {
	process.stderr.write( `${ error.message }\n` );
	process.exit( 1 );
}
