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
 *
 * Customer text never keeps control characters (NUL, escape, backspace...):
 * whatever the entry point, they would travel into emails, exports and
 * screens where they break lines or hide text. Notes keep their line
 * breaks and tabs; the one-line fields keep neither.
 */
final class BookingRequest {

	/**
	 * Customer's name.
	 *
	 * @var string
	 */
	public readonly string $customer_name;

	/**
	 * Customer's email.
	 *
	 * @var string
	 */
	public readonly string $customer_email;

	/**
	 * Customer's phone, may be empty.
	 *
	 * @var string
	 */
	public readonly string $customer_phone;

	/**
	 * Customer's notes, may be empty.
	 *
	 * @var string
	 */
	public readonly string $customer_notes;

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
	 * @param bool               $by_visitor      Whether a visitor asks (the anti-spam rules apply), not an admin or the site's own code.
	 * @param string|null        $form_answers    JSON of the checked answers to the booking form (Form\Answers), or null.
	 * @param bool               $override        Whether an admin books outside the visitors' rules (minimum notice, horizon, working hours); never past another booking.
	 * @throws \InvalidArgumentException When seats is below 1.
	 */
	public function __construct(
		public readonly int $service_id,
		public readonly int $employee_id,
		public readonly \DateTimeImmutable $start,
		public readonly int $seats,
		string $customer_name,
		string $customer_email,
		string $customer_phone = '',
		string $customer_notes = '',
		public readonly ?string $idempotency_key = null,
		public readonly ?string $hold_token = null,
		public readonly bool $by_visitor = false,
		public readonly ?string $form_answers = null,
		public readonly bool $override = false
	) {
		if ( $seats < 1 ) {
			throw new \InvalidArgumentException( 'A booking takes at least one seat.' );
		}
		$this->customer_name  = self::one_line( $customer_name );
		$this->customer_email = self::one_line( $customer_email );
		$this->customer_phone = self::one_line( $customer_phone );
		$this->customer_notes = (string) preg_replace( '/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/', '', $customer_notes );
	}

	/**
	 * Text without any control character, line breaks and tabs included.
	 *
	 * @param string $text What the customer typed.
	 */
	private static function one_line( string $text ): string {
		return (string) preg_replace( '/[\x00-\x1F\x7F]/', '', $text );
	}
}
