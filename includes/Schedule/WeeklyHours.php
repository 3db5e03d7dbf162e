<?php
/**
 * An employee's working hours for each day of the week.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Ranges per ISO weekday (1 = Monday .. 7 = Sunday), sorted and never
 * overlapping; several ranges on a day leave breaks between them.
 */
final class WeeklyHours {

	/**
	 * Ranges by weekday.
	 *
	 * @var array<int, TimeRange[]>
	 */
	private array $days = array();

	/**
	 * Builds the week from ranges given as "HH:MM" pairs.
	 *
	 * @param array<int, array<int, array{0: string, 1: string}>> $ranges ISO weekday => list of [start, end].
	 * @throws \InvalidArgumentException When a weekday is unknown or two ranges overlap.
	 */
	public static function from_array( array $ranges ): self {
		$week = new self();
		foreach ( $ranges as $weekday => $day_ranges ) {
			foreach ( $day_ranges as $range ) {
				$week = $week->with( (int) $weekday, TimeRange::from_strings( $range[0], $range[1] ) );
			}
		}
		return $week;
	}

	/**
	 * A copy with one more range on a weekday.
	 *
	 * @param int       $weekday ISO weekday, 1..7.
	 * @param TimeRange $range   The range to add.
	 * @throws \InvalidArgumentException When the weekday is unknown or the range overlaps another.
	 */
	public function with( int $weekday, TimeRange $range ): self {
		if ( $weekday < 1 || $weekday > 7 ) {
			throw new \InvalidArgumentException( sprintf( 'A weekday is 1 (Monday) to 7 (Sunday); got %d.', $weekday ) );
		}
		foreach ( $this->days[ $weekday ] ?? array() as $existing ) {
			if ( $existing->overlaps( $range ) ) {
				throw new \InvalidArgumentException(
					sprintf( 'On weekday %d, %s-%s overlaps %s-%s.', $weekday, $range->start_string(), $range->end_string(), $existing->start_string(), $existing->end_string() )
				);
			}
		}
		$copy                   = clone $this;
		$copy->days[ $weekday ] = array_merge( $this->days[ $weekday ] ?? array(), array( $range ) );
		usort( $copy->days[ $weekday ], static fn( TimeRange $a, TimeRange $b ): int => $a->start <=> $b->start );
		return $copy;
	}

	/**
	 * The ranges of one weekday, earliest first.
	 *
	 * @param int $weekday ISO weekday, 1..7.
	 * @return TimeRange[]
	 */
	public function ranges( int $weekday ): array {
		return $this->days[ $weekday ] ?? array();
	}

	/**
	 * Weekdays with at least one range, ascending.
	 *
	 * @return int[]
	 */
	public function working_days(): array {
		$days = array_keys( array_filter( $this->days ) );
		sort( $days );
		return $days;
	}
}
