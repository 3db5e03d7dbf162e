<?php
/**
 * One start time of a service, with what is left of it.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * A slot the engine computed: local start and end, seats left and state;
 * pure PHP, no WordPress.
 */
final class Slot {

	/**
	 * Open for booking: seats are left.
	 */
	public const AVAILABLE = 'available';

	/**
	 * Taken by bookings (or by another session that has bookings).
	 */
	public const BOOKED = 'booked';

	/**
	 * Taken only by visitors' holds, which may still be released.
	 */
	public const HELD = 'held';

	/**
	 * Starts too soon (before now plus the minimum notice).
	 */
	public const PAST = 'past';

	/**
	 * Every state, in the order the REST schema lists them.
	 */
	public const STATES = array( self::AVAILABLE, self::BOOKED, self::HELD, self::PAST );

	/**
	 * Builds the slot.
	 *
	 * @param \DateTimeImmutable $start         Start, in the calendar's timezone.
	 * @param \DateTimeImmutable $end           End (exclusive), in the calendar's timezone.
	 * @param int                $buffer_before Minutes kept free before, >= 0.
	 * @param int                $buffer_after  Minutes kept free after, >= 0.
	 * @param int                $seats_left    Seats a visitor can still book, >= 0.
	 * @param string             $state         One of self::STATES.
	 * @throws \InvalidArgumentException When a value is out of range.
	 */
	public function __construct(
		public readonly \DateTimeImmutable $start,
		public readonly \DateTimeImmutable $end,
		private readonly int $buffer_before,
		private readonly int $buffer_after,
		public readonly int $seats_left,
		public readonly string $state
	) {
		if ( $end <= $start ) {
			throw new \InvalidArgumentException( 'A slot must end after it starts.' );
		}
		if ( $buffer_before < 0 || $buffer_after < 0 || $seats_left < 0 ) {
			throw new \InvalidArgumentException( 'Buffers and seats left of a slot cannot be negative.' );
		}
		if ( ! in_array( $state, self::STATES, true ) ) {
			throw new \InvalidArgumentException( sprintf( '"%s" is not a slot state.', $state ) );
		}
	}

	/**
	 * The same times with other seats and state.
	 *
	 * @param int    $seats_left Seats left, >= 0.
	 * @param string $state      One of self::STATES.
	 * @return self
	 */
	public function with_state( int $seats_left, string $state ): self {
		return new self( $this->start, $this->end, $this->buffer_before, $this->buffer_after, $seats_left, $state );
	}

	/**
	 * Whether a visitor can book it.
	 *
	 * @return bool
	 */
	public function is_available(): bool {
		return self::AVAILABLE === $this->state;
	}

	/**
	 * Start of the time the employee would be busy, buffer included, UTC;
	 * the database covers [occupied_start, occupied_end) with 5-minute cells.
	 *
	 * @return \DateTimeImmutable
	 */
	public function occupied_start(): \DateTimeImmutable {
		return $this->start->setTimezone( new \DateTimeZone( 'UTC' ) )->sub( new \DateInterval( 'PT' . $this->buffer_before . 'M' ) );
	}

	/**
	 * End (exclusive) of the time the employee would be busy, buffer included, UTC.
	 *
	 * @return \DateTimeImmutable
	 */
	public function occupied_end(): \DateTimeImmutable {
		return $this->end->setTimezone( new \DateTimeZone( 'UTC' ) )->add( new \DateInterval( 'PT' . $this->buffer_after . 'M' ) );
	}

	/**
	 * The slot as the availability route sends it (DESIGN.md, "Shapes the routes share").
	 *
	 * @return array{start: string, end: string, seats_left: int, state: string}
	 */
	public function to_array(): array {
		return array(
			'start'      => $this->start->format( DATE_ATOM ),
			'end'        => $this->end->format( DATE_ATOM ),
			'seats_left' => $this->seats_left,
			'state'      => $this->state,
		);
	}
}
