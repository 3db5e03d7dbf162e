<?php
/**
 * Calendar dates written as "Y-m-d", without a time or a timezone.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Validation and arithmetic on "Y-m-d" strings; pure PHP, no WordPress.
 *
 * Dates are handled as midnight UTC so that adding a day is always 24 hours:
 * a calendar date has no timezone, and DST must not shift it.
 */
final class LocalDate {

	/**
	 * Midnight UTC of a date, for calendar arithmetic only.
	 *
	 * @param string $date The date, "Y-m-d".
	 * @return \DateTimeImmutable
	 * @throws \InvalidArgumentException When the text is not a real date.
	 */
	public static function parse( string $date ): \DateTimeImmutable {
		$parsed = preg_match( '/^\d{4}-\d{2}-\d{2}$/', $date )
			? \DateTimeImmutable::createFromFormat( '!Y-m-d', $date, new \DateTimeZone( 'UTC' ) )
			: false;
		// The round trip refuses dates PHP would roll over, such as 2026-02-30.
		if ( false === $parsed || $parsed->format( 'Y-m-d' ) !== $date ) {
			throw new \InvalidArgumentException( sprintf( '"%s" is not a date (YYYY-MM-DD).', $date ) );
		}
		return $parsed;
	}

	/**
	 * Every date from $from to $to, both included, in order.
	 *
	 * @param string $from First date, "Y-m-d".
	 * @param string $to   Last date, "Y-m-d".
	 * @return string[]
	 * @throws \InvalidArgumentException When a date is invalid.
	 */
	public static function between( string $from, string $to ): array {
		$dates = array();
		$last  = self::parse( $to );
		for ( $day = self::parse( $from ); $day <= $last; $day = $day->add( new \DateInterval( 'P1D' ) ) ) {
			$dates[] = $day->format( 'Y-m-d' );
		}
		return $dates;
	}

	/**
	 * Number of days from $from to $to (0 for the same date, negative when $to is earlier).
	 *
	 * @param string $from First date, "Y-m-d".
	 * @param string $to   Last date, "Y-m-d".
	 * @return int
	 * @throws \InvalidArgumentException When a date is invalid.
	 */
	public static function days_between( string $from, string $to ): int {
		return intdiv( self::parse( $to )->getTimestamp() - self::parse( $from )->getTimestamp(), 86400 );
	}

	/**
	 * ISO weekday of a date, 1 (Monday) to 7 (Sunday), as WeeklyHours keys them.
	 *
	 * @param string $date The date, "Y-m-d".
	 * @return int
	 * @throws \InvalidArgumentException When the date is invalid.
	 */
	public static function weekday( string $date ): int {
		return (int) self::parse( $date )->format( 'N' );
	}
}
