<?php
/**
 * What a caller asks a hold store for.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

use AppointEase\Schedule\ServiceRules;

defined( 'ABSPATH' ) || exit;

/**
 * A request to hold seats in one session (employee, service, start).
 *
 * The caller has already checked the bookings: no booking of another session
 * overlaps the occupied range, and `booked_seats` seats of this very session
 * are taken by bookings. The store adds the part only it can check
 * atomically: the other live holds.
 */
final class HoldClaim {

	/**
	 * Session start, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $start;

	/**
	 * Session end (exclusive), UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $end;

	/**
	 * Start of the busy time, buffer before included, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $occupied_start;

	/**
	 * End (exclusive) of the busy time, buffer after included, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $occupied_end;

	/**
	 * Builds and checks the claim; times in any timezone are stored as UTC.
	 *
	 * @param int                $employee_id    Employee, >= 1.
	 * @param int                $service_id     Service, >= 1.
	 * @param \DateTimeImmutable $start          Session start.
	 * @param \DateTimeImmutable $end            Session end, after the start.
	 * @param \DateTimeImmutable $occupied_start Start minus buffer before, on the 5-minute grid.
	 * @param \DateTimeImmutable $occupied_end   End plus buffer after, on the 5-minute grid.
	 * @param int                $seats          Seats wanted, 1..capacity.
	 * @param int                $capacity       Seats the session has, >= 1.
	 * @param int                $booked_seats   Seats of this session taken by bookings, >= 0.
	 * @throws \InvalidArgumentException When a value is out of range.
	 */
	public function __construct(
		public readonly int $employee_id,
		public readonly int $service_id,
		\DateTimeImmutable $start,
		\DateTimeImmutable $end,
		\DateTimeImmutable $occupied_start,
		\DateTimeImmutable $occupied_end,
		public readonly int $seats,
		public readonly int $capacity,
		public readonly int $booked_seats = 0
	) {
		if ( $employee_id < 1 || $service_id < 1 ) {
			throw new \InvalidArgumentException( 'A hold needs an employee and a service.' );
		}
		if ( $end <= $start ) {
			throw new \InvalidArgumentException( 'A session must end after it starts.' );
		}
		if ( $occupied_start > $start || $occupied_end < $end ) {
			throw new \InvalidArgumentException( 'The occupied range must contain the session.' );
		}
		$cell = ServiceRules::CELL_MINUTES * 60;
		// Holds compete with bookings, which the database stores in 5-minute cells; off-grid ranges could not be compared alike.
		if ( 0 !== $occupied_start->getTimestamp() % $cell || 0 !== $occupied_end->getTimestamp() % $cell ) {
			throw new \InvalidArgumentException( 'The occupied range must lie on the 5-minute grid.' );
		}
		if ( $capacity < 1 ) {
			throw new \InvalidArgumentException( sprintf( 'A session has at least one seat; got %d.', $capacity ) );
		}
		if ( $seats < 1 || $seats > $capacity ) {
			throw new \InvalidArgumentException( sprintf( 'A hold takes 1 to %d seats; got %d.', $capacity, $seats ) );
		}
		if ( $booked_seats < 0 ) {
			throw new \InvalidArgumentException( 'Booked seats cannot be negative.' );
		}
		$utc                  = new \DateTimeZone( 'UTC' );
		$this->start          = $start->setTimezone( $utc );
		$this->end            = $end->setTimezone( $utc );
		$this->occupied_start = $occupied_start->setTimezone( $utc );
		$this->occupied_end   = $occupied_end->setTimezone( $utc );
	}

	/**
	 * Why the claim cannot be granted next to these live holds, or null when it can.
	 *
	 * The rule every store applies (RedisHoldStore in Lua, to the same effect):
	 * a hold of another session whose busy time overlaps is a conflict; holds of
	 * the same session add up with the booked seats against the capacity.
	 *
	 * @param Hold[] $live Live holds of the claim's employee, the one being moved left out.
	 */
	public function refusal( array $live ): ?string {
		$held = 0;
		foreach ( $live as $hold ) {
			if ( $this->is_same_session( $hold ) ) {
				$held += $hold->seats;
			} elseif ( $hold->occupied_start < $this->occupied_end && $this->occupied_start < $hold->occupied_end ) {
				return 'Someone else is choosing an overlapping time.';
			}
		}
		if ( $held + $this->booked_seats + $this->seats > $this->capacity ) {
			return 'Too few seats are left at this time.';
		}
		return null;
	}

	/**
	 * Whether a hold is for the same session (service and start) as this claim.
	 *
	 * @param Hold $hold A hold of the same employee.
	 */
	private function is_same_session( Hold $hold ): bool {
		return $hold->service_id === $this->service_id && $hold->start->getTimestamp() === $this->start->getTimestamp();
	}
}
