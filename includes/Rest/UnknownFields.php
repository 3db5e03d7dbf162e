<?php
/**
 * Refuses body fields a route does not take.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * Core ignores body fields a route does not declare. For writes that hides
 * mistakes and probes alike (a caller setting `status` or `id`), so on this
 * plugin's routes such a field is a 400 with the fields named.
 */
final class UnknownFields {

	/**
	 * Parameters core itself reads on any route.
	 */
	private const CORE = array( '_wpnonce', '_method', '_envelope', '_fields', '_embed', '_locale', 'rest_route' );

	/**
	 * Hooked to `rest_request_before_callbacks`.
	 *
	 * @param mixed                $response Null, or an error found earlier.
	 * @param array<string, mixed> $handler  The matched handler, with its args.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public static function reject( $response, $handler, $request ) {
		// Decided on the matched handler, so that every form of the route meets the check.
		if ( is_wp_error( $response ) || ! Controller::handles( $handler ) ) {
			return $response;
		}
		// Core reads a body or query `id` before the one in the path: refuse such a shadow outright.
		$json     = $request->get_json_params();
		$body     = array_merge( array_keys( is_array( $json ) ? $json : array() ), array_keys( $request->get_body_params() ) );
		$shadowed = array_intersect( array_keys( $request->get_url_params() ), array_merge( $body, array_keys( $request->get_query_params() ) ) );
		if ( array() !== $shadowed ) {
			return self::refuse( array_values( $shadowed ) );
		}
		if ( 'GET' === $request->get_method() ) {
			return $response;
		}
		$allowed = array_merge( array_keys( $handler['args'] ?? array() ), self::CORE );
		$unknown = array_values( array_unique( array_diff( $body, $allowed ) ) );
		return array() === $unknown ? $response : self::refuse( $unknown );
	}

	/**
	 * Refuses a JSON body that is not an object (`"text"`, `12`, `[1, 2]`).
	 * Core would keep such a value as the request's JSON parameters, and its
	 * own parameter checks then loop over a string with a PHP warning.
	 *
	 * Hooked to `rest_pre_dispatch`, which runs before core reads the parameters.
	 *
	 * @param mixed            $result  Null, or an answer found earlier.
	 * @param \WP_REST_Server  $server  The server.
	 * @param \WP_REST_Request $request The request.
	 * @return mixed
	 */
	public static function reject_non_object_body( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof \WP_REST_Request || ! Errors::is_ours( $request ) ) {
			return $result;
		}
		$json = $request->get_json_params();
		if ( null === $json || ( is_array( $json ) && ( array() === $json || ! array_is_list( $json ) ) ) ) {
			return $result;
		}
		// An answer rather than the error itself: core hands what this filter returns straight back to rest_do_request()'s caller.
		return rest_convert_error_to_response( Errors::make( 'VALIDATION_ERROR', __( 'The request body must be a JSON object.', 'appointease' ), array( 'params' => array( 'body' => 'not_an_object' ) ) ) );
	}

	/**
	 * The 400 that names the fields.
	 *
	 * @param array<int, int|string> $unknown Field names.
	 */
	private static function refuse( array $unknown ): \WP_Error {
		return Errors::make(
			'VALIDATION_ERROR',
			/* translators: %s: comma-separated field names. */
			sprintf( __( 'These fields cannot be set here: %s.', 'appointease' ), implode( ', ', array_map( 'strval', $unknown ) ) ),
			array( 'params' => array_fill_keys( $unknown, 'not_allowed' ) )
		);
	}
}
