/**
 * Turns whatever a failed REST call rejected with into what the screens
 * show: the server's human message, its machine reason and the fields at
 * fault.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError } from '../../shared/api';

export interface Failure {
	/** The server's message (translated there), or ours when there is none. */
	message: string;
	/** `data.reason` of the error envelope, e.g. SLOT_TAKEN; '' when absent. */
	reason: string;
	/** `data.params`: field => what is wrong with it. */
	params: Record< string, string >;
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function paramsOf( data: Record< string, unknown > ): Record< string, string > {
	const params: Record< string, string > = {};
	if ( ! isRecord( data.params ) ) {
		return params;
	}
	for ( const [ field, problem ] of Object.entries( data.params ) ) {
		params[ field ] =
			typeof problem === 'string' ? problem : JSON.stringify( problem );
	}
	return params;
}

/**
 * Reads a REST error body (`{code, message, data: {status, reason, params}}`).
 *
 * @param body The parsed body.
 */
export function failureFromBody( body: unknown ): Failure {
	if ( ! isRecord( body ) ) {
		return {
			message: __(
				'The server gave an answer that could not be read.',
				'appointease'
			),
			reason: '',
			params: {},
		};
	}
	const data = isRecord( body.data ) ? body.data : {};
	const message =
		typeof body.message === 'string' && body.message !== ''
			? body.message
			: __( 'The request failed.', 'appointease' );
	return {
		message,
		reason: typeof data.reason === 'string' ? data.reason : '',
		params: paramsOf( data ),
	};
}

/**
 * The failure behind a rejected REST call: an ApiError from the shared
 * client, or what `apiFetch` itself rejects with (with `parse: false`, the
 * Response, whose body is read here).
 *
 * @param error What the call rejected with.
 */
export async function toFailure( error: unknown ): Promise< Failure > {
	// What the shared client throws: the envelope already read.
	if ( error instanceof ApiError ) {
		return failureFromBody( {
			message: error.message,
			data: { reason: error.reason ?? '', params: error.params },
		} );
	}
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		try {
			return failureFromBody( await error.json() );
		} catch {
			return {
				message: sprintf(
					/* translators: %d: HTTP status code. */
					__( 'The server answered with status %d.', 'appointease' ),
					error.status
				),
				reason: '',
				params: {},
			};
		}
	}
	if ( error instanceof Error ) {
		return { message: error.message, reason: '', params: {} };
	}
	return failureFromBody( error );
}

/**
 * One line for a notice: what was tried, why it failed, and the reason code.
 *
 * @param action  What was tried, e.g. "The booking could not be cancelled."
 * @param failure The failure.
 */
export function failureText( action: string, failure: Failure ): string {
	// Fields whose problem the message already says add nothing.
	const fields = Object.entries( failure.params )
		.filter( ( [ , problem ] ) => ! failure.message.includes( problem ) )
		.map( ( [ field, problem ] ) => `${ field }: ${ problem }` );
	const details = [ failure.message, ...fields ].join( ' ' );
	return failure.reason
		? sprintf(
				/* translators: 1: what failed, 2: why, 3: a reason code such as SLOT_TAKEN. */
				__( '%1$s %2$s (%3$s)', 'appointease' ),
				action,
				details,
				failure.reason
			)
		: sprintf(
				/* translators: 1: what failed, 2: why. */
				__( '%1$s %2$s', 'appointease' ),
				action,
				details
			);
}
