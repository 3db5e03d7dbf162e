<?php
/**
 * The timing and size rules of one service, as the slot engine needs them.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Duration, buffers and capacity of a service; pure PHP, no WordPress.
 *
 * Minutes are multiples of 5 because the database covers every session with
 * 5-minute occupancy cells (docs/architecture.md, "Schema"): a 7-minute
 * buffer could not be stored without rounding, and rounding would let two
 * sessions touch where the engine said they do not.
 */
final class ServiceRules {

	/**
	 * Length of the cells the database stores occupancy in, in minutes.
	 */
	public const CELL_MINUTES = 5;

	/**
	 * Builds the rules.
	 *
	 * @param int $duration      Length of one session in minutes, >= 5.
	 * @param int $buffer_before Free minutes the employee needs before a session, >= 0.
	 * @param int $buffer_after  Free minutes the employee needs after a session, >= 0.
	 * @param int $capacity      Seats per session, >= 1 (1 = one-to-one).
	 * @throws \InvalidArgumentException When a value is out of range or not a multiple of 5 minutes.
	 */
	public function __construct(
		public readonly int $duration,
		public readonly int $buffer_before = 0,
		public readonly int $buffer_after = 0,
		public readonly int $capacity = 1
	) {
		if ( $duration < self::CELL_MINUTES ) {
			throw new \InvalidArgumentException( sprintf( 'A service lasts at least %d minutes; got %d.', self::CELL_MINUTES, $duration ) );
		}
		if ( $buffer_before < 0 || $buffer_after < 0 ) {
			throw new \InvalidArgumentException( sprintf( 'Buffers cannot be negative; got %d before and %d after.', $buffer_before, $buffer_after ) );
		}
		foreach ( array( $duration, $buffer_before, $buffer_after ) as $minutes ) {
			if ( 0 !== $minutes % self::CELL_MINUTES ) {
				throw new \InvalidArgumentException( sprintf( 'Durations and buffers are multiples of %d minutes; got %d.', self::CELL_MINUTES, $minutes ) );
			}
		}
		if ( $capacity < 1 ) {
			throw new \InvalidArgumentException( sprintf( 'A service has at least one seat; got %d.', $capacity ) );
		}
	}
}
