<?php
/**
 * A range of wall-clock time within one day.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * Start and end as minutes after midnight, end exclusive; pure PHP, no WordPress.
 */
final class TimeRange {

	/**
	 * Builds a range; use from_strings() for "HH:MM" input.
	 *
	 * @param int $start Minutes after midnight, 0..1439.
	 * @param int $end   Minutes after midnight, start+1..1440.
	 * @throws \InvalidArgumentException When the range is empty or outside the day.
	 */
	public function __construct( public readonly int $start, public readonly int $end ) {
		if ( $start < 0 || $end > 1440 || $end <= $start ) {
			throw new \InvalidArgumentException( sprintf( 'A time range must lie within one day and end after it starts; got %d-%d minutes.', $start, $end ) );
		}
	}

	/**
	 * Parses "09:00" and "12:30" (seconds allowed, as MySQL TIME columns give them; "24:00" ends the day).
	 *
	 * @param string $start Start, HH:MM or HH:MM:SS.
	 * @param string $end   End, HH:MM or HH:MM:SS.
	 */
	public static function from_strings( string $start, string $end ): self {
		return new self( self::parse( $start ), self::parse( $end ) );
	}

	/**
	 * Whether the two ranges share at least one minute.
	 *
	 * @param TimeRange $other The other range.
	 */
	public function overlaps( TimeRange $other ): bool {
		return $this->start < $other->end && $other->start < $this->end;
	}

	/**
	 * Length in minutes.
	 */
	public function minutes(): int {
		return $this->end - $this->start;
	}

	/**
	 * "HH:MM" of the start.
	 */
	public function start_string(): string {
		return sprintf( '%02d:%02d', intdiv( $this->start, 60 ), $this->start % 60 );
	}

	/**
	 * "HH:MM" of the end ("24:00" for the end of the day).
	 */
	public function end_string(): string {
		return sprintf( '%02d:%02d', intdiv( $this->end, 60 ), $this->end % 60 );
	}

	/**
	 * Minutes after midnight of "HH:MM" or "HH:MM:SS".
	 *
	 * @param string $time The time.
	 * @throws \InvalidArgumentException When the text is not a time of day.
	 */
	private static function parse( string $time ): int {
		if ( ! preg_match( '/^([01]\d|2[0-4]):([0-5]\d)(?::00)?$/', $time, $m ) ) {
			throw new \InvalidArgumentException( sprintf( '"%s" is not a time of day (HH:MM).', $time ) );
		}
		$minutes = (int) $m[1] * 60 + (int) $m[2];
		if ( $minutes > 1440 ) {
			throw new \InvalidArgumentException( sprintf( '"%s" is past the end of the day.', $time ) );
		}
		return $minutes;
	}
}
