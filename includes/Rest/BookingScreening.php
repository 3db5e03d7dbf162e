<?php
/**
 * The checks a visitor's booking request meets before the booking rules see it.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\SpamGuard;

defined( 'ABSPATH' ) || exit;

/**
 * The honeypot and the CAPTCHA hook, on POST bookings from visitors (admins
 * skip them, see BookingsController):
 *
 * - `website` is a field of the booking form that people never see: the
 *   block hides it from eyes, screen readers and the Tab key. Scripts that
 *   fill every field fill it; a booking that carries it filled is refused.
 * - the filter `appointease_verify_booking_request` lets a site check a
 *   CAPTCHA (or anything else about the request): the block sends the
 *   widget's answer as `captcha_token`. A WP_Error refuses the booking with
 *   its code and message; see Integrations\Turnstile for one adapter.
 */
final class BookingScreening {

	/** The honeypot's field in the request and the form. */
	public const HONEYPOT = 'website';

	/**
	 * The refusal for a request that fails a check, or null when it passes.
	 *
	 * @param \WP_REST_Request $request POST bookings.
	 */
	public static function check( \WP_REST_Request $request ): ?\WP_Error {
		if ( ! SpamGuard::enabled() ) {
			return null;
		}
		$trap = $request[ self::HONEYPOT ];
		if ( is_string( $trap ) && '' !== trim( $trap ) ) {
			return Errors::make( 'SPAM_SUSPECTED', __( 'Nothing was booked: the form was sent with a field filled in that people never see, which is what automated programs do. If you filled in the form yourself, a browser extension may have done it: please reload the page, fill in the form by hand and try again, or contact us to book.', 'appointease' ) );
		}

		/**
		 * Checks a visitor's booking request before it is booked, e.g. a CAPTCHA
		 * answer sent as `captcha_token`. Not run for admins' bookings.
		 *
		 * @param true|\WP_Error    $verdict True to let the booking go on; a WP_Error refuses it
		 *                                   with its code and message (status 403 and reason
		 *                                   CAPTCHA_FAILED unless its data gives others).
		 * @param \WP_REST_Request $request The booking request.
		 */
		$verdict = apply_filters( 'appointease_verify_booking_request', true, $request );
		return $verdict instanceof \WP_Error ? self::refusal( $verdict ) : null;
	}

	/**
	 * A filter's WP_Error as a refusal of this API: a 4xx (or 503, for a
	 * check that could not be made) with a reason.
	 *
	 * @param \WP_Error $error What the filter returned.
	 */
	private static function refusal( \WP_Error $error ): \WP_Error {
		$data   = $error->get_error_data();
		$data   = is_array( $data ) ? $data : array();
		$status = isset( $data['status'] ) && is_numeric( $data['status'] ) ? (int) $data['status'] : 0;
		if ( ( $status < 400 || $status > 499 ) && 503 !== $status ) {
			$status = 403;
		}
		$reason  = isset( $data['reason'] ) && is_string( $data['reason'] ) && '' !== $data['reason'] ? $data['reason'] : 'CAPTCHA_FAILED';
		$message = $error->get_error_message();
		return new \WP_Error(
			$error->get_error_code(),
			'' !== $message ? $message : __( 'Nothing was booked: we could not confirm that a person sent this form. Please try again.', 'appointease' ),
			array(
				'status' => $status,
				'reason' => $reason,
			) + $data
		);
	}
}
