<?php
/**
 * The error envelope every route answers with.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Refusal;

defined( 'ABSPATH' ) || exit;

/**
 * One shape for every refusal: a WP_Error whose code is `appointease_*`,
 * whose message is for people, and whose data carries the HTTP status and a
 * machine `reason` that clients map to what the visitor should do next.
 */
final class Errors {

	/**
	 * Every reason and its HTTP status.
	 */
	public const STATUS = array(
		'VALIDATION_ERROR'       => 400,
		'SPAM_SUSPECTED'         => 400,
		'TOKEN_IN_URL'           => 400,
		'URL_NOT_ALLOWED'        => 400,
		'FORBIDDEN'              => 403,
		'CAPTCHA_FAILED'         => 403,
		'NOT_FOUND'              => 404,
		'SLOT_NOT_FOUND'         => 404,
		'HOLD_NOT_FOUND'         => 404,
		'SLOT_UNAVAILABLE'       => 409,
		'SLOT_TAKEN'             => 409,
		'EMPLOYEE_BUSY'          => 409,
		'SLOT_HELD'              => 409,
		'SLOT_CHANGED'           => 409,
		'STATUS_CONFLICT'        => 409,
		'IN_USE'                 => 409,
		'IDEMPOTENCY_KEY_REUSED' => 409,
		'TOO_MANY_BOOKINGS'      => 409,
		'LIMIT_REACHED'          => 409,
		'HOLD_EXPIRED'           => 410,
		'TOKEN_EXPIRED'          => 410,
		'CONFIRMATION_EXPIRED'   => 410,
		'SLOT_IN_PAST'           => 422,
		'TOO_FAST'               => 422,
		'TOO_EARLY'              => 422,
		'TOO_LATE_TO_CHANGE'     => 422,
		'RATE_LIMITED'           => 429,
		'STORE_UNAVAILABLE'      => 503,
	);

	/**
	 * An error with a reason.
	 *
	 * @param string               $reason  A key of self::STATUS.
	 * @param string               $message For people; translated.
	 * @param array<string, mixed> $data    More data for the client, e.g. the field at fault.
	 */
	public static function make( string $reason, string $message, array $data = array() ): \WP_Error {
		return new \WP_Error(
			'appointease_' . strtolower( $reason ),
			$message,
			array(
				'status' => self::STATUS[ $reason ] ?? 400,
				'reason' => $reason,
			) + $data
		);
	}

	/**
	 * The error for a refusal of the booking rules.
	 *
	 * @param Refusal $refusal What the rules said.
	 */
	public static function from_refusal( Refusal $refusal ): \WP_Error {
		return self::make( $refusal->reason, $refusal->getMessage() );
	}

	/**
	 * Gives core's own errors on this plugin's routes (bad parameters,
	 * failed permission checks) a reason too, so clients need one mapping.
	 *
	 * Hooked to `rest_request_after_callbacks`.
	 *
	 * @param mixed                $response What the route produced.
	 * @param array<string, mixed> $handler  The matched handler.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public static function add_reason( $response, $handler, $request ) {
		if ( ! $response instanceof \WP_Error || ! self::is_ours( $request ) ) {
			return $response;
		}
		$data = $response->get_error_data();
		if ( is_array( $data ) && ! isset( $data['reason'] ) ) {
			$data['reason'] = self::reason_for( (int) ( $data['status'] ?? 500 ) );
			// A new error rather than add_data(), which would keep the old data beside the new.
			return new \WP_Error( $response->get_error_code(), $response->get_error_message(), $data );
		}
		return $response;
	}

	/**
	 * Gives a reason to the errors that core answers on this plugin's routes
	 * before or instead of calling a route (add_reason() never sees them): a
	 * path or method no route takes (`rest_no_route`), and a cookie request
	 * with a bad nonce (`rest_cookie_invalid_nonce`).
	 *
	 * Hooked to `rest_post_dispatch`, which every HTTP request passes through.
	 *
	 * @param mixed            $response The answer.
	 * @param \WP_REST_Server  $server   The server.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public static function add_reason_to_answer( $response, $server, $request ) {
		if ( ! $response instanceof \WP_HTTP_Response || $response->get_status() < 400 || ! $request instanceof \WP_REST_Request || ! self::is_ours( $request ) ) {
			return $response;
		}
		$body = $response->get_data();
		if ( is_array( $body ) && isset( $body['code'] ) && ! isset( $body['data']['reason'] ) ) {
			$data           = isset( $body['data'] ) && is_array( $body['data'] ) ? $body['data'] : array();
			$data['status'] = $data['status'] ?? $response->get_status();
			$data['reason'] = self::reason_for( $response->get_status() );
			$body['data']   = $data;
			$response->set_data( $body );
		}
		return $response;
	}

	/**
	 * The reason of an error that came without one, from its status.
	 *
	 * @param int $status HTTP status.
	 */
	private static function reason_for( int $status ): string {
		return match ( true ) {
			401 === $status, 403 === $status => 'FORBIDDEN',
			404 === $status => 'NOT_FOUND',
			$status >= 400 && $status < 500 => 'VALIDATION_ERROR',
			default => 'STORE_UNAVAILABLE',
		};
	}

	/**
	 * Whether a request is for this plugin's namespace, in any letter case:
	 * WordPress matches routes without regard to case, so `/AppointEase/v1/Holds`
	 * reaches the plugin's handler and must get the plugin's checks too.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function is_ours( \WP_REST_Request $request ): bool {
		return 0 === strncasecmp( $request->get_route(), '/' . Controller::NAMESPACE . '/', strlen( '/' . Controller::NAMESPACE . '/' ) );
	}
}
