/**
 * Requests to the chaos site, each one recorded with its timing, status,
 * reason code and where its answer came from (the plugin's JSON, nginx's
 * own error page, or no answer at all).
 */

export const NAMESPACE = '/wp-json/appointease/v1';

/**
 * Every request of a run, in the order they finished.
 */
export class Recorder {
	constructor() {
		/** @type {Array<Object>} */
		this.requests = [];
		this.started = Date.now();
	}

	/**
	 * Sends one request and records it.
	 *
	 * @param {string} base              Site URL.
	 * @param {string} kind              A label for the table: poll, hold, heartbeat, release, book, cancel, availability.
	 * @param {string} route             Route below the namespace, with its query.
	 * @param {Object} [options]         Options.
	 * @param {string} [options.method]  HTTP method.
	 * @param {Object} [options.body]    JSON body.
	 * @param {Object} [options.headers] Extra headers.
	 * @param {number} [options.timeout] Milliseconds before giving up.
	 * @return {Promise<Object>} The record: {kind, method, status, reason, source, body, headers, t0, t1, error}.
	 */
	async send( base, kind, route, options = {} ) {
		const {
			method = 'GET',
			body,
			headers = {},
			timeout = 20_000,
		} = options;
		const record = {
			kind,
			method,
			route,
			status: 0,
			reason: null,
			source: 'none',
			body: null,
			headers: null,
			t0: Date.now(),
			t1: 0,
			error: null,
		};
		const init = {
			method,
			headers: { Accept: 'application/json', ...headers },
			signal: AbortSignal.timeout( timeout ),
		};
		if ( body !== undefined ) {
			init.headers[ 'Content-Type' ] = 'application/json';
			init.body = JSON.stringify( body );
		}
		try {
			const response = await fetch(
				`${ base }${ NAMESPACE }/${ route }`,
				init
			);
			const text = await response.text();
			record.status = response.status;
			record.headers = response.headers;
			record.body = parseJson( text );
			record.source = sourceOf( response, record.body );
			record.reason = record.body?.data?.reason ?? null;
		} catch ( error ) {
			// No answer: a refused or reset connection, or our own timeout.
			record.error = error.cause?.code || error.name || String( error );
		}
		record.t1 = Date.now();
		this.requests.push( record );
		return record;
	}
}

/**
 * JSON, or null for anything else (an HTML error page, an empty body).
 *
 * @param {string} text The body.
 * @return {*} Parsed JSON or null.
 */
function parseJson( text ) {
	if ( ! text ) {
		return null;
	}
	try {
		return JSON.parse( text );
	} catch {
		return null;
	}
}

/**
 * Who produced an answer: `plugin` when it is JSON from WordPress (the
 * plugin's envelope or a success body), `nginx` for nginx's own error pages
 * (php-fpm unreachable), `other` otherwise.
 *
 * @param {Response} response The answer.
 * @param {*}        body     The parsed body.
 * @return {string} The source.
 */
function sourceOf( response, body ) {
	if ( response.status === 304 ) {
		return 'plugin';
	}
	const type = response.headers.get( 'content-type' ) || '';
	if ( type.includes( 'json' ) && body !== null ) {
		return 'plugin';
	}
	if (
		[ 502, 504 ].includes( response.status ) &&
		type.includes( 'text/html' )
	) {
		return 'nginx';
	}
	return 'other';
}
