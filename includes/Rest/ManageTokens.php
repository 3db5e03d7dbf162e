<?php
/**
 * Where a booking's manage token travels in a request.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * A manage token opens a customer's booking, so it must never be part of a
 * URL: web servers, proxies, CDNs and firewalls log URLs, and browsers keep
 * them in history. It travels in the `X-AppointEase-Token` header (any
 * method) or, for the POST routes, as `token` in the body. A `token` in the
 * query string is refused with `400 TOKEN_IN_URL` whatever its value, before
 * anything is looked up, so an old client or a hand-made link learns to stop
 * and learns nothing else.
 */
final class ManageTokens {

	/** The request header that carries the token. */
	public const HEADER = 'X-AppointEase-Token';

	/** The query and body parameter. */
	public const PARAM = 'token';

	/**
	 * The refusal of a token in the query string, or null when there is none.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function refuse_in_url( \WP_REST_Request $request ): ?\WP_Error {
		if ( ! array_key_exists( self::PARAM, $request->get_query_params() ) ) {
			return null;
		}
		return Errors::make(
			'TOKEN_IN_URL',
			/* translators: %s: a request header's name. */
			sprintf( __( 'The booking\'s token must not be part of the address, where servers log it. Send it in the %s header (or, for cancel and reschedule, in the request body) instead.', 'appointease' ), self::HEADER ),
			array( 'params' => array( self::PARAM => 'in_url' ) )
		);
	}

	/**
	 * Refuses a query token on the routes a manage token opens before
	 * anything else answers, core's parameter checks included (an overlong
	 * `?token=` on cancel would otherwise get a VALIDATION_ERROR that does
	 * not say where the token belongs). The routes' permission checks refuse
	 * it too, so the rule holds without this filter.
	 *
	 * Hooked to `rest_request_before_callbacks`, before the other checks.
	 *
	 * @param mixed                $response Null, or an error found earlier.
	 * @param array<string, mixed> $handler  The matched handler.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public static function refuse_early( $response, $handler, $request ) {
		$check = $handler['permission_callback'] ?? null;
		if ( ! $request instanceof \WP_REST_Request || ! is_array( $check ) || ! ( $check[0] ?? null ) instanceof BookingsController || ! in_array( $check[1] ?? '', array( 'can_read', 'can_manage_or_holds_token' ), true ) ) {
			return $response;
		}
		return self::refuse_in_url( $request ) ?? $response;
	}

	/**
	 * The token the request carries in its header or body, or '' for none.
	 * The query string is never read.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function from( \WP_REST_Request $request ): string {
		$header = $request->get_header( self::HEADER );
		if ( is_string( $header ) && '' !== $header ) {
			return $header;
		}
		$json = $request->get_json_params();
		$body = is_array( $json ) && array_key_exists( self::PARAM, $json ) ? $json : $request->get_body_params();
		return isset( $body[ self::PARAM ] ) && is_string( $body[ self::PARAM ] ) ? $body[ self::PARAM ] : '';
	}
}
