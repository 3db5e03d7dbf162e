/**
 * Helpers shared by the load scripts under tests/load (plain Node 20, no dependencies).
 */

export const NAMESPACE = '/wp-json/appointease/v1';

/**
 * Headers every benchmark request carries: the run's token, which lets the
 * temporary mu-plugin switch rate limits off for these requests only.
 *
 * @param {string} token The run's token (BENCH_TOKEN).
 * @return {Record<string, string>} Headers.
 */
export function benchHeaders( token ) {
	return token ? { 'X-AppointEase-Bench': token } : {};
}

/**
 * GET or send JSON, and give back status, headers and the parsed body (or null).
 *
 * @param {string} url                 Absolute URL.
 * @param {Object} [options]           Options.
 * @param {string} [options.method]    HTTP method.
 * @param {Object} [options.headers]   Extra headers.
 * @param {*}      [options.body]      JSON body.
 * @param {number} [options.timeoutMs] Gives up after this long.
 * @return {Promise<{status: number, headers: Headers, body: *}>} The answer.
 */
export async function request( url, options = {} ) {
	const { method = 'GET', headers = {}, body, timeoutMs = 5000 } = options;
	const init = {
		method,
		headers: { Accept: 'application/json', ...headers },
		signal: AbortSignal.timeout( timeoutMs ),
	};
	if ( body !== undefined ) {
		init.headers[ 'Content-Type' ] = 'application/json';
		init.body = JSON.stringify( body );
	}
	const response = await fetch( url, init );
	const text = await response.text();
	let parsed = null;
	try {
		parsed = text ? JSON.parse( text ) : null;
	} catch {
		parsed = null;
	}
	return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * A date N days from today, YYYY-MM-DD (UTC; the day boundary does not matter here).
 *
 * @param {number} days Offset.
 * @return {string} The date.
 */
export function dayFromToday( days ) {
	return new Date( Date.now() + days * 86400000 )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * Picks the calendar the benchmark watches: a one-to-one service, an employee
 * who gives it, and the day in the next two weeks with the most free starts.
 *
 * @param {string} base  Site URL.
 * @param {string} token The run's token.
 * @return {Promise<{service: number, employee: number, date: string, starts: string[]}>} The calendar.
 */
export async function findCalendar( base, token ) {
	const headers = benchHeaders( token );
	const services = await request( `${ base }${ NAMESPACE }/services`, {
		headers,
	} );
	if ( services.status !== 200 || ! Array.isArray( services.body ) ) {
		throw new Error( `GET services answered ${ services.status }` );
	}
	const candidates = services.body
		.filter( ( s ) => s.active !== false && s.capacity === 1 )
		.sort( ( a, b ) => a.duration - b.duration );
	for ( const service of candidates ) {
		const employees = await request(
			`${ base }${ NAMESPACE }/employees?service=${ service.id }`,
			{ headers }
		);
		for ( const employee of employees.body ?? [] ) {
			const from = dayFromToday( 1 );
			const to = dayFromToday( 14 );
			const availability = await request(
				`${ base }${ NAMESPACE }/availability?service=${ service.id }&employee=${ employee.id }&from=${ from }&to=${ to }`,
				{ headers, timeoutMs: 15000 }
			);
			let best = null;
			for ( const day of availability.body?.days ?? [] ) {
				const starts = day.slots
					.filter( ( slot ) => slot.state === 'available' )
					.map( ( slot ) => slot.start );
				if ( ! best || starts.length > best.starts.length ) {
					best = { date: day.date, starts };
				}
			}
			if ( best && best.starts.length > 0 ) {
				return {
					service: service.id,
					employee: employee.id,
					date: best.date,
					starts: best.starts,
				};
			}
		}
	}
	throw new Error(
		'No one-to-one service has a free start in the next two weeks; run `npm run demo` to seed the demo data.'
	);
}

/**
 * The value at quantile q (0..1) of sorted numbers, nearest rank.
 *
 * @param {number[]} sorted Ascending.
 * @param {number}   q      Quantile.
 * @return {number|null} The value, or null when there are none.
 */
export function quantile( sorted, q ) {
	if ( sorted.length === 0 ) {
		return null;
	}
	const rank = Math.max( 1, Math.ceil( q * sorted.length ) );
	return sorted[ Math.min( sorted.length, rank ) - 1 ];
}
