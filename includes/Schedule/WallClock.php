<?php
/**
 * Turns a local wall-clock time into an absolute instant, DST included.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Maps (local date, minutes after midnight, timezone) to a Unix timestamp;
 * pure PHP, no WordPress.
 *
 * PHP's own parsing moves a time in a spring-forward gap later by the size of
 * the gap (02:30 becomes 03:30) and picks whichever occurrence its version
 * prefers for a repeated time. Working hours need one fixed rule instead:
 *
 * - a time that does not exist (in the gap) means the first real instant
 *   after the gap, i.e. the moment the clocks jumped;
 * - a time that exists twice (in the repeated hour) means its first
 *   occurrence, the moment the clock on the wall first shows it.
 */
final class WallClock {

	/**
	 * Seconds in a day; transitions are assumed to be more than a day apart.
	 */
	private const DAY = 86400;

	/**
	 * The instant a local time names, under the rules in the class comment.
	 *
	 * @param string        $date     Local date, "Y-m-d".
	 * @param int           $minutes  Minutes after midnight, 0..1440 (1440 is the next midnight).
	 * @param \DateTimeZone $timezone The timezone the wall clock shows.
	 * @return int Unix timestamp.
	 * @throws \InvalidArgumentException When the date is invalid.
	 */
	public static function instant( string $date, int $minutes, \DateTimeZone $timezone ): int {
		// The wall time read as if it were UTC; the real instant is that minus the offset in force.
		$wall = LocalDate::parse( $date )->getTimestamp() + $minutes * 60;

		// A day either side lies beyond any transition that can affect this wall time.
		$offset_before = self::offset_at( $wall - self::DAY, $timezone );
		$offset_after  = self::offset_at( $wall + self::DAY, $timezone );

		// The larger offset gives the earlier instant, so trying it first finds the first occurrence.
		$offsets = array_unique( array( max( $offset_before, $offset_after ), min( $offset_before, $offset_after ) ) );
		foreach ( $offsets as $offset ) {
			if ( self::offset_at( $wall - $offset, $timezone ) === $offset ) {
				return $wall - $offset;
			}
		}

		// No instant shows this wall time: it lies in a gap, which ends when the offset changes.
		return self::offset_change( min( $wall - $offset_before, $wall - $offset_after ), max( $wall - $offset_before, $wall - $offset_after ), $timezone );
	}

	/**
	 * An instant as a date-time in a timezone.
	 *
	 * @param int           $timestamp Unix timestamp.
	 * @param \DateTimeZone $timezone  The timezone to show it in.
	 * @return \DateTimeImmutable
	 */
	public static function at( int $timestamp, \DateTimeZone $timezone ): \DateTimeImmutable {
		return ( new \DateTimeImmutable( '@' . $timestamp ) )->setTimezone( $timezone );
	}

	/**
	 * UTC offset in seconds in force at an instant.
	 *
	 * @param int           $timestamp Unix timestamp.
	 * @param \DateTimeZone $timezone  The timezone.
	 * @return int
	 */
	private static function offset_at( int $timestamp, \DateTimeZone $timezone ): int {
		return $timezone->getOffset( new \DateTimeImmutable( '@' . $timestamp ) );
	}

	/**
	 * The first instant after $low whose offset differs from the one at $low.
	 *
	 * A binary search over seconds rather than DateTimeZone::getTransitions(),
	 * whose answers for dates beyond the compiled tables vary between PHP builds.
	 *
	 * @param int           $low      An instant before the change.
	 * @param int           $high     An instant at or after the change.
	 * @param \DateTimeZone $timezone The timezone.
	 * @return int Unix timestamp.
	 */
	private static function offset_change( int $low, int $high, \DateTimeZone $timezone ): int {
		$offset = self::offset_at( $low, $timezone );
		while ( $high - $low > 1 ) {
			$middle = intdiv( $low + $high, 2 );
			if ( self::offset_at( $middle, $timezone ) === $offset ) {
				$low = $middle;
			} else {
				$high = $middle;
			}
		}
		return $high;
	}
}
