<?php
/**
 * A booking as an iCalendar (RFC 5545) file.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;

defined( 'ABSPATH' ) || exit;

/**
 * Renders one booking as a calendar file that calendar apps import: the
 * download on the visitor's "done" step and manage page, and the attachment
 * of the booking emails. Times are written in UTC, so no timezone block is
 * needed and every app shows the right local time.
 */
final class Ics {

	/** The longest content line in octets, before folding (RFC 5545 3.1). */
	private const LINE_OCTETS = 75;

	/**
	 * The calendar file of a booking.
	 *
	 * A rescheduled or cancelled booking keeps its UID and gets a higher
	 * SEQUENCE, so importing the newer file updates the event instead of
	 * adding a second one.
	 *
	 * The event carries no manage link: calendars are shared with family and
	 * colleagues, synced to other services and forwarded, and the link gives
	 * full control of the booking. The description points to the email.
	 *
	 * @param Booking  $booking  The booking.
	 * @param Service  $service  Its service.
	 * @param Employee $employee Its employee.
	 */
	public static function for_booking( Booking $booking, Service $service, Employee $employee ): string {
		$host    = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		$summary = sprintf(
			/* translators: 1: service name, 2: employee name. */
			__( '%1$s with %2$s', 'appointease' ),
			$service->name,
			$employee->name
		);
		$lines   = array(
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//AppointEase//Booking//EN',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'BEGIN:VEVENT',
			'UID:booking-' . $booking->id . '@' . ( '' === $host ? 'localhost' : $host ),
			'DTSTAMP:' . self::utc( new \DateTimeImmutable( 'now' ) ),
			'DTSTART:' . self::utc( $booking->start ),
			'DTEND:' . self::utc( $booking->end ),
			'SEQUENCE:' . self::sequence( $booking ),
			'STATUS:' . self::status( $booking->status ),
			'SUMMARY:' . self::text( $summary ),
			'ORGANIZER;CN=' . self::parameter( get_bloginfo( 'name' ) ) . ':mailto:' . self::text( (string) get_option( 'admin_email' ) ),
		);
		$lines[] = 'DESCRIPTION:' . self::text( __( 'To cancel or reschedule, use the link in your booking confirmation email.', 'appointease' ) );
		$lines[] = 'END:VEVENT';
		$lines[] = 'END:VCALENDAR';

		return implode( "\r\n", array_map( array( self::class, 'fold' ), $lines ) ) . "\r\n";
	}

	/**
	 * The file name a download or an attachment should carry.
	 *
	 * @param Booking $booking The booking.
	 */
	public static function file_name( Booking $booking ): string {
		return 'appointment-' . $booking->id . '.ics';
	}

	/**
	 * A UTC date-time in iCalendar's basic format.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return $time->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Ymd\THis\Z' );
	}

	/**
	 * Grows with every change of the row (seconds since it was created), so
	 * the latest file wins in the visitor's calendar.
	 *
	 * @param Booking $booking The booking.
	 */
	private static function sequence( Booking $booking ): int {
		$created = strtotime( $booking->created_at . ' UTC' );
		$updated = strtotime( $booking->updated_at . ' UTC' );
		return false === $created || false === $updated ? 0 : max( 0, $updated - $created );
	}

	/**
	 * The iCalendar status of a booking status.
	 *
	 * @param string $status A Booking status.
	 */
	private static function status( string $status ): string {
		if ( Booking::PENDING === $status || Booking::UNVERIFIED === $status ) {
			return 'TENTATIVE';
		}
		return in_array( $status, array( Booking::CANCELLED, Booking::REJECTED, Booking::EXPIRED ), true ) ? 'CANCELLED' : 'CONFIRMED';
	}

	/**
	 * Escapes a TEXT value (RFC 5545 3.3.11).
	 *
	 * @param string $value Plain text.
	 */
	private static function text( string $value ): string {
		$value = str_replace( array( "\r\n", "\r" ), "\n", $value );
		return str_replace( array( '\\', ';', ',', "\n" ), array( '\\\\', '\\;', '\\,', '\\n' ), $value );
	}

	/**
	 * A parameter value: quoted, as names may hold ":" or ";", and without
	 * the double quotes and control characters a quoted value cannot carry.
	 *
	 * @param string $value Plain text.
	 */
	private static function parameter( string $value ): string {
		return '"' . (string) preg_replace( '/["\x00-\x1F\x7F]/', '', $value ) . '"';
	}

	/**
	 * Folds a content line into pieces of at most 75 octets, never inside a
	 * UTF-8 character.
	 *
	 * @param string $line One unfolded line.
	 */
	private static function fold( string $line ): string {
		$pieces = array();
		$limit  = self::LINE_OCTETS;
		$length = strlen( $line );
		while ( $length > $limit ) {
			$cut = $limit;
			// Step back over UTF-8 continuation bytes (10xxxxxx).
			while ( $cut > 0 && ( ord( $line[ $cut ] ) & 0xC0 ) === 0x80 ) {
				--$cut;
			}
			$pieces[] = substr( $line, 0, $cut );
			$line     = substr( $line, $cut );
			$length  -= $cut;
			// Continuation lines start with a space, which counts.
			$limit = self::LINE_OCTETS - 1;
		}
		$pieces[] = $line;
		return implode( "\r\n ", $pieces );
	}
}
