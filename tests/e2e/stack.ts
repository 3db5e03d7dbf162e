/**
 * The local stack the end-to-end tests run against: $RUNTIME/stack.json, which
 * bin/lib/site.sh writes, found through APPOINTEASE_RUNTIME (default .runtime).
 * The demo, the WordPress 6.8 run and any helper's own stack are told apart by
 * that one variable.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Stack {
	runtime: string;
	site_url: string;
	wp_dir: string;
	wp_version: string;
	db_port: string;
	redis_port: string;
	smtp_port: string;
	/** maildev's web UI and REST API, e.g. http://127.0.0.1:1080. */
	maildev_url: string;
	log_dir: string;
}

export const RUNTIME =
	process.env.APPOINTEASE_RUNTIME ||
	path.join( __dirname, '..', '..', '.runtime' );

/**
 * Reads the stack file; fails with what to run when there is none.
 */
export function readStack(): Stack {
	const file = path.join( RUNTIME, 'stack.json' );
	if ( ! fs.existsSync( file ) ) {
		throw new Error(
			`No local stack at ${ file }. Run \`npm run demo\` (or bin/test.sh e2e) first.`
		);
	}
	return {
		runtime: RUNTIME,
		...JSON.parse( fs.readFileSync( file, 'utf8' ) ),
	};
}
