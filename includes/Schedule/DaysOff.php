<?php
/**
 * An employee's days off and holidays.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Inclusive ranges of local dates on which the employee takes no bookings;
 * pure PHP, no WordPress.
 */
final class DaysOff {

	/**
	 * The ranges as [first, last] dates, "Y-m-d".
	 *
	 * @var array<int, array{0: string, 1: string}>
	 */
	private array $ranges = array();

	/**
	 * Builds the list; a single day is the range [date, date].
	 *
	 * @param array<int, array{0: string, 1: string}> $ranges List of [first, last] dates, "Y-m-d", both included.
	 * @throws \InvalidArgumentException When a date is invalid or a range ends before it starts.
	 */
	public function __construct( array $ranges = array() ) {
		foreach ( $ranges as $range ) {
			if ( LocalDate::days_between( $range[0], $range[1] ) < 0 ) {
				throw new \InvalidArgumentException( sprintf( 'Days off from %s cannot end earlier, on %s.', $range[0], $range[1] ) );
			}
			$this->ranges[] = array( $range[0], $range[1] );
		}
	}

	/**
	 * Whether the employee is off on a date.
	 *
	 * @param string $date The local date, "Y-m-d".
	 * @return bool
	 * @throws \InvalidArgumentException When the date is invalid.
	 */
	public function contains( string $date ): bool {
		LocalDate::parse( $date );
		foreach ( $this->ranges as $range ) {
			// Valid "Y-m-d" strings sort like the dates they name.
			if ( $range[0] <= $date && $date <= $range[1] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The ranges as given.
	 *
	 * @return array<int, array{0: string, 1: string}>
	 */
	public function ranges(): array {
		return $this->ranges;
	}
}
