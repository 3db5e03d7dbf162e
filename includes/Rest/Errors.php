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
		'FORBIDDEN'              => 403,
		'NOT_FOUND'              => 404,
		'SLOT_NOT_FOUND'         => 404,
		'HOLD_NOT_FOUND'         => 404,
		'SLOT_UNAVAILABLE'       => 409,
		'SLOT_TAKEN'             => 409,
		'SLOT_HELD'              => 409,
		'SLOT_CHANGED'           => 409,
		'STATUS_CONFLICT'        => 409,
		'IN_USE'                 => 409,
		'IDEMPOTENCY_KEY_REUSED' => 409,
		'HOLD_EXPIRED'           => 410,
		'SLOT_IN_PAST'           => 422,
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
			$status         = (int) ( $data['status'] ?? 500 );
			$data['reason'] = match ( true ) {
				401 === $status, 403 === $status => 'FORBIDDEN',
				404 === $status => 'NOT_FOUND',
				$status >= 400 && $status < 500 => 'VALIDATION_ERROR',
				default => 'STORE_UNAVAILABLE',
			};
			// A new error rather than add_data(), which would keep the old data beside the new.
			return new \WP_Error( $response->get_error_code(), $response->get_error_message(), $data );
		}
		return $response;
	}

	/**
	 * Whether a request is for this plugin's namespace.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public static function is_ours( \WP_REST_Request $request ): bool {
		return str_starts_with( $request->get_route(), '/' . Controller::NAMESPACE . '/' );
	}
}
