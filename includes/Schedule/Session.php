<?php
/**
 * A session an employee already has: booked seats, held seats or both.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * One service at one start instant for one employee, with the seats taken in
 * it; pure PHP, no WordPress.
 *
 * The buffers are the ones the session was booked with, not the service's
 * current ones, so that editing a service does not make old bookings overlap.
 */
final class Session {

	/**
	 * Start instant, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $start;

	/**
	 * End instant (exclusive), UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $end;

	/**
	 * Builds the session; times in any timezone are stored as UTC.
	 *
	 * @param int                $service_id    The service given in the session.
	 * @param \DateTimeImmutable $start         Start instant.
	 * @param \DateTimeImmutable $end           End instant, after the start.
	 * @param int                $buffer_before Minutes kept free before, >= 0.
	 * @param int                $buffer_after  Minutes kept free after, >= 0.
	 * @param int                $booked        Seats in pending or confirmed bookings, >= 0.
	 * @param int                $held          Seats in visitors' live holds, >= 0.
	 * @throws \InvalidArgumentException When the session ends before it starts or a count is negative.
	 */
	public function __construct(
		public readonly int $service_id,
		\DateTimeImmutable $start,
		\DateTimeImmutable $end,
		public readonly int $buffer_before,
		public readonly int $buffer_after,
		public readonly int $booked,
		public readonly int $held
	) {
		if ( $end <= $start ) {
			throw new \InvalidArgumentException( sprintf( 'A session must end after it starts; got %s to %s.', $start->format( DATE_ATOM ), $end->format( DATE_ATOM ) ) );
		}
		if ( $buffer_before < 0 || $buffer_after < 0 || $booked < 0 || $held < 0 ) {
			throw new \InvalidArgumentException( 'Buffers and seat counts of a session cannot be negative.' );
		}
		$utc         = new \DateTimeZone( 'UTC' );
		$this->start = $start->setTimezone( $utc );
		$this->end   = $end->setTimezone( $utc );
	}

	/**
	 * Start of the time the employee is busy with this session, buffer included, UTC.
	 *
	 * @return \DateTimeImmutable
	 */
	public function occupied_start(): \DateTimeImmutable {
		return $this->start->sub( new \DateInterval( 'PT' . $this->buffer_before . 'M' ) );
	}

	/**
	 * End (exclusive) of the time the employee is busy with this session, buffer included, UTC.
	 *
	 * @return \DateTimeImmutable
	 */
	public function occupied_end(): \DateTimeImmutable {
		return $this->end->add( new \DateInterval( 'PT' . $this->buffer_after . 'M' ) );
	}

	/**
	 * Whether this is the session of a service starting at an instant,
	 * which a visitor may join while it has seats left.
	 *
	 * @param int                $service_id The service.
	 * @param \DateTimeImmutable $start      The start instant, any timezone.
	 * @return bool
	 */
	public function is( int $service_id, \DateTimeImmutable $start ): bool {
		return $this->service_id === $service_id && $this->start->getTimestamp() === $start->getTimestamp();
	}

	/**
	 * Seats taken by bookings and holds together.
	 *
	 * @return int
	 */
	public function seats_taken(): int {
		return $this->booked + $this->held;
	}
}
