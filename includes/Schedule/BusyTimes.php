<?php
/**
 * Times an employee is busy elsewhere.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Half-open UTC intervals [start, end) read from the employee's outside
 * calendars; pure PHP, no WordPress. The slot engine offers no slot that
 * touches one, as it offers none on a day off.
 */
final class BusyTimes {

	/**
	 * The intervals as [start, end] Unix seconds.
	 *
	 * @var array<int, array{0: int, 1: int}>
	 */
	private array $intervals = array();

	/**
	 * Builds the list; empty intervals are left out.
	 *
	 * @param array<int, array{0: int, 1: int}> $intervals List of [start, end] Unix seconds, end exclusive.
	 */
	public function __construct( array $intervals = array() ) {
		foreach ( $intervals as $interval ) {
			if ( $interval[1] > $interval[0] ) {
				$this->intervals[] = array( $interval[0], $interval[1] );
			}
		}
	}

	/**
	 * Whether any interval overlaps [from, to).
	 *
	 * @param int $from Unix seconds.
	 * @param int $to   Unix seconds, exclusive.
	 */
	public function overlaps( int $from, int $to ): bool {
		foreach ( $this->intervals as $interval ) {
			if ( $interval[0] < $to && $from < $interval[1] ) {
				return true;
			}
		}
		return false;
	}
}
