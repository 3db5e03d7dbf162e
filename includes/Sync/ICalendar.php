<?php
/**
 * The plugin's one door to the iCalendar library (sabre/vobject).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use Sabre\VObject\Component\VCalendar;
use Sabre\VObject\Reader;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes iCalendar text with sabre/vobject, for the booking file,
 * the feeds and the outside calendars alike, so there is one writer and one
 * reader.
 *
 * The library's 4.2 line (the newest on our Composer mirror) predates PHP
 * 8.1's return types: declaring its classes and some of its calls raise
 * E_DEPRECATED notices. They say nothing about our data, and under WP_DEBUG
 * they would flood the log on every feed fetch, so every use of the library
 * goes through quietly(), which hides that one level while it runs.
 */
final class ICalendar {

	/** What our own events' UIDs start with; an outside calendar's events with such a UID are ours (no loops). */
	private const UID_PREFIX = 'booking-';

	/**
	 * Runs $work with E_DEPRECATED hidden (see the class comment).
	 *
	 * @template T
	 * @param callable(): T $work The library calls.
	 * @return T
	 */
	public static function quietly( callable $work ) {
		$level = error_reporting(); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.prevent_path_disclosure_error_reporting,WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_error_reporting -- only reads the level.
		error_reporting( $level & ~E_DEPRECATED & ~E_USER_DEPRECATED ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.prevent_path_disclosure_error_reporting,WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_error_reporting -- see the class comment.
		try {
			return $work();
		} finally {
			error_reporting( $level ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.prevent_path_disclosure_error_reporting,WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_error_reporting -- puts the level back.
		}
	}

	/**
	 * A new, empty calendar carrying our product id.
	 */
	public static function calendar(): VCalendar {
		return self::quietly(
			static function (): VCalendar {
				return new VCalendar( array( 'PRODID' => '-//AppointEase//Booking//EN' ) );
			}
		);
	}

	/**
	 * A calendar as iCalendar text (CRLF lines, folded at 75 octets, escaped by the library).
	 *
	 * @param VCalendar $calendar The calendar.
	 */
	public static function text( VCalendar $calendar ): string {
		return self::quietly( static fn(): string => $calendar->serialize() );
	}

	/**
	 * Parses iCalendar text.
	 *
	 * @param string $text What a server sent.
	 * @throws \InvalidArgumentException When it is not an iCalendar VCALENDAR.
	 */
	public static function parse( string $text ): VCalendar {
		return self::quietly(
			static function () use ( $text ): VCalendar {
				try {
					$calendar = Reader::read( $text );
				} catch ( \Throwable $error ) {
					throw new \InvalidArgumentException( 'Not an iCalendar file: ' . $error->getMessage() );
				}
				if ( ! $calendar instanceof VCalendar ) {
					throw new \InvalidArgumentException( 'Not an iCalendar file: it holds no VCALENDAR.' );
				}
				return $calendar;
			}
		);
	}

	/**
	 * The UID of a booking's event, the same in every file and feed, so a
	 * calendar app updates the event instead of adding another one.
	 *
	 * @param int $booking_id The booking.
	 */
	public static function uid( int $booking_id ): string {
		$host = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return self::UID_PREFIX . $booking_id . '@' . ( '' === $host ? 'localhost' : $host );
	}

	/**
	 * Whether a UID is one of this site's booking UIDs.
	 *
	 * @param string $uid A UID from an outside calendar.
	 */
	public static function is_own_uid( string $uid ): bool {
		$host = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return 1 === preg_match( '/^' . preg_quote( self::UID_PREFIX, '/' ) . '\d+@' . preg_quote( '' === $host ? 'localhost' : $host, '/' ) . '$/i', trim( $uid ) );
	}
}
