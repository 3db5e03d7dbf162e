/**
 * A stand-in for the REST API in the admin screens' tests: apiFetch is
 * mocked, and each test says what each "METHOD path" answers. A request
 * nobody answers rejects, so a screen that calls something unexpected fails.
 */

/**
 * External dependencies
 */
import { configure } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

// The first render of @wordpress/components can take over a second on a
// busy machine; findBy* queries wait up to 5 s instead of 1 s. Notices also
// speak their text into @wordpress/a11y's hidden live regions: text queries
// look at what is shown.
configure( {
	asyncUtilTimeout: 5000,
	defaultIgnore: 'script, style, .a11y-speak-region',
} );
jest.setTimeout( 20000 );

export interface Call {
	method: string;
	path: string;
	query: URLSearchParams;
	data: unknown;
}

type Handler = ( call: Call ) => unknown;

export const calls: Call[] = [];

/**
 * Answers each "METHOD /path" (without the query) with its handler's result;
 * a handler that throws makes the request reject with what it threw.
 *
 * @param routes "GET /appointease/v1/services" => handler.
 */
export function mockApi( routes: Record< string, Handler > ): void {
	calls.length = 0;
	jest.mocked( apiFetch ).mockImplementation( ( async ( options: {
		path?: string;
		method?: string;
		data?: unknown;
	} ) => {
		const [ path = '', search = '' ] = ( options.path ?? '' ).split( '?' );
		const call: Call = {
			method: options.method ?? 'GET',
			path,
			query: new URLSearchParams( search ),
			data: options.data,
		};
		calls.push( call );
		const handler = routes[ `${ call.method } ${ path }` ];
		if ( ! handler ) {
			throw {
				code: 'no_mock',
				message: `No answer for ${ call.method } ${ path }`,
			};
		}
		return handler( call );
	} ) as unknown as typeof apiFetch );
}

/**
 * The calls made to one "METHOD /path".
 *
 * @param key "POST /appointease/v1/services".
 */
export function callsTo( key: string ): Call[] {
	return calls.filter(
		( call ) => `${ call.method } ${ call.path }` === key
	);
}

/**
 * What apiFetch rejects with for a REST error envelope.
 *
 * @param message The human message.
 * @param reason  The reason code.
 * @param status  The HTTP status.
 * @param params  Fields at fault.
 */
export function restError(
	message: string,
	reason: string,
	status: number,
	params?: Record< string, string >
) {
	return {
		code: 'appointease_error',
		message,
		data: { status, reason, ...( params ? { params } : {} ) },
	};
}

/**
 * An answer for `parse: false` requests: a list body with paging headers.
 *
 * @param items      The list.
 * @param total      X-WP-Total.
 * @param totalPages X-WP-TotalPages.
 */
export function listResponse< T >(
	items: T[],
	total = items.length,
	totalPages = 1
) {
	const headers: Record< string, string > = {
		'x-wp-total': String( total ),
		'x-wp-totalpages': String( totalPages ),
	};
	return {
		json: async () => items,
		headers: {
			get: ( name: string ) => headers[ name.toLowerCase() ] ?? null,
		},
	};
}
