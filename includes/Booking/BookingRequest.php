<?php
/**
 * What a customer asks to book.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * A booking request whose fields have the right types and lengths (the REST
 * schema saw to that); whether the time can be booked is the service's call.
 */
final class BookingRequest {

	/**
	 * Builds the request.
	 *
	 * @param int                $service_id      Service row id.
	 * @param int                $employee_id     Employee row id.
	 * @param \DateTimeImmutable $start           The asked-for start.
	 * @param int                $seats           Seats wanted, >= 1.
	 * @param string             $customer_name   Customer's name.
	 * @param string             $customer_email  Customer's email.
	 * @param string             $customer_phone  Customer's phone, may be empty.
	 * @param string             $customer_notes  Customer's notes, may be empty.
	 * @param string|null        $idempotency_key The client's key for this submit, if it sent one.
	 * @param string|null        $hold_token      The token of the visitor's hold on this time, if they took one.
	 * @throws \InvalidArgumentException When seats is below 1.
	 */
	public function __construct(
		public readonly int $service_id,
		public readonly int $employee_id,
		public readonly \DateTimeImmutable $start,
		public readonly int $seats,
		public readonly string $customer_name,
		public readonly string $customer_email,
		public readonly string $customer_phone = '',
		public readonly string $customer_notes = '',
		public readonly ?string $idempotency_key = null,
		public readonly ?string $hold_token = null
	) {
		if ( $seats < 1 ) {
			throw new \InvalidArgumentException( 'A booking takes at least one seat.' );
		}
	}
}
