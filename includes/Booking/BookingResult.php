<?php
/**
 * What booking a slot gives back.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * The booking with its manage token, which exists only here and in the
 * customer's hands (the table keeps its hash).
 */
final class BookingResult {

	/**
	 * Builds the result.
	 *
	 * @param Booking $booking      The booking.
	 * @param string  $manage_token The secret for the customer's manage link.
	 * @param bool    $created      False when an earlier request with the same idempotency key made it.
	 */
	public function __construct(
		public readonly Booking $booking,
		public readonly string $manage_token,
		public readonly bool $created
	) {
	}
}
