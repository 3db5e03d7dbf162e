<?php
/**
 * A booking as stored.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * One row of the bookings table, typed. Times are UTC.
 */
final class Booking {

	public const UNVERIFIED = 'unverified';
	public const PENDING    = 'pending';
	public const CONFIRMED  = 'confirmed';
	public const CANCELLED  = 'cancelled';
	public const REJECTED   = 'rejected';
	public const COMPLETED  = 'completed';
	public const EXPIRED    = 'expired';
	public const NO_SHOW    = 'no_show';

	/**
	 * Every status.
	 */
	public const STATUSES = array( self::UNVERIFIED, self::PENDING, self::CONFIRMED, self::CANCELLED, self::REJECTED, self::COMPLETED, self::NO_SHOW, self::EXPIRED );

	/**
	 * Statuses whose seats count against capacity. An unverified booking
	 * (waiting for its customer to open the link in the email) holds its
	 * time exactly like a pending one until it is confirmed or expires.
	 */
	public const ACTIVE = array( self::UNVERIFIED, self::PENDING, self::CONFIRMED );

	/**
	 * Statuses a customer may move: a booking nobody has confirmed yet
	 * cannot be moved, only confirmed (or cancelled).
	 */
	public const MOVABLE = array( self::PENDING, self::CONFIRMED );

	/**
	 * Statuses a booking may be marked a no-show from: a confirmed one whose
	 * start has passed, or one the reminder job already marked completed.
	 * Neither counts against capacity afterwards (its time is in the past).
	 */
	public const NO_SHOW_FROM = array( self::CONFIRMED, self::COMPLETED );

	/**
	 * Builds the booking.
	 *
	 * @param int                $id             Row id.
	 * @param int                $employee_id    Who gives it.
	 * @param int                $service_id     What is given.
	 * @param \DateTimeImmutable $start          Start, UTC.
	 * @param \DateTimeImmutable $end            End, UTC.
	 * @param int                $seats          Seats taken.
	 * @param string             $status         One of self::STATUSES.
	 * @param string             $customer_name  Customer's name.
	 * @param string             $customer_email Customer's email.
	 * @param string             $customer_phone Customer's phone; may be empty.
	 * @param string             $customer_notes Customer's notes; may be empty.
	 * @param string             $created_at     UTC, Y-m-d H:i:s.
	 * @param string             $updated_at     UTC, Y-m-d H:i:s.
	 * @param string|null        $verify_by      UTC, Y-m-d H:i:s: when an unverified booking expires; null for others.
	 * @param string             $form_answers   JSON of the booking form's answers and consent (Form\Answers); '' when none.
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $employee_id,
		public readonly int $service_id,
		public readonly \DateTimeImmutable $start,
		public readonly \DateTimeImmutable $end,
		public readonly int $seats,
		public readonly string $status,
		public readonly string $customer_name,
		public readonly string $customer_email,
		public readonly string $customer_phone,
		public readonly string $customer_notes,
		public readonly string $created_at,
		public readonly string $updated_at,
		public readonly ?string $verify_by = null,
		public readonly string $form_answers = ''
	) {
	}

	/**
	 * Builds it from a database row.
	 *
	 * @param array<string, mixed> $row A row of the bookings table.
	 */
	public static function from_row( array $row ): self {
		$utc = new \DateTimeZone( 'UTC' );
		return new self(
			(int) $row['id'],
			(int) $row['employee_id'],
			(int) $row['service_id'],
			new \DateTimeImmutable( (string) $row['start_utc'], $utc ),
			new \DateTimeImmutable( (string) $row['end_utc'], $utc ),
			(int) $row['seats'],
			(string) $row['status'],
			(string) $row['customer_name'],
			(string) $row['customer_email'],
			(string) $row['customer_phone'],
			(string) $row['customer_notes'],
			(string) $row['created_at'],
			(string) $row['updated_at'],
			isset( $row['verify_expires_utc'] ) ? (string) $row['verify_expires_utc'] : null,
			(string) ( $row['form_answers'] ?? '' )
		);
	}

	/**
	 * Whether the other copy has the same employee, times, seats and status:
	 * whether a decision made on it still applies to this one.
	 *
	 * @param Booking $other The same booking, read at another moment.
	 */
	public function same_time_and_status( Booking $other ): bool {
		return $this->id === $other->id
			&& $this->employee_id === $other->employee_id
			&& $this->start->getTimestamp() === $other->start->getTimestamp()
			&& $this->end->getTimestamp() === $other->end->getTimestamp()
			&& $this->seats === $other->seats
			&& $this->status === $other->status;
	}

	/**
	 * Whether its seats count against capacity.
	 */
	public function is_active(): bool {
		return in_array( $this->status, self::ACTIVE, true );
	}

	/**
	 * Whether a customer may move it.
	 */
	public function is_movable(): bool {
		return in_array( $this->status, self::MOVABLE, true );
	}

	/**
	 * The booking as the REST API shows it to its customer and to admins.
	 *
	 * @param \DateTimeZone $timezone The calendar's timezone, for start and end.
	 * @return array<string, mixed>
	 */
	public function to_array( \DateTimeZone $timezone ): array {
		$utc   = new \DateTimeZone( 'UTC' );
		$array = array(
			'id'         => $this->id,
			'employee'   => $this->employee_id,
			'service'    => $this->service_id,
			'start'      => $this->start->setTimezone( $timezone )->format( DATE_ATOM ),
			'end'        => $this->end->setTimezone( $timezone )->format( DATE_ATOM ),
			'seats'      => $this->seats,
			'status'     => $this->status,
			'customer'   => array(
				'name'  => $this->customer_name,
				'email' => $this->customer_email,
				'phone' => $this->customer_phone,
				'notes' => $this->customer_notes,
			),
			'created_at' => ( new \DateTimeImmutable( $this->created_at, $utc ) )->format( DATE_ATOM ),
			'updated_at' => ( new \DateTimeImmutable( $this->updated_at, $utc ) )->format( DATE_ATOM ),
		);
		if ( self::UNVERIFIED === $this->status && null !== $this->verify_by ) {
			// Until when the customer may confirm it by the link in the email.
			$array['confirm_by'] = ( new \DateTimeImmutable( $this->verify_by, $utc ) )->setTimezone( $timezone )->format( DATE_ATOM );
		}
		return $array;
	}
}
