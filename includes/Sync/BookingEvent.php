<?php
/**
 * A booking as an iCalendar VEVENT.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use AppointEase\Booking\Booking;
use Sabre\VObject\Component\VCalendar;
use Sabre\VObject\Component\VEvent;

defined( 'ABSPATH' ) || exit;

/**
 * The one way a booking becomes an event, for the booking file and the
 * feeds alike. Times are written in UTC, so every app shows the right local
 * time without a VTIMEZONE block. The UID is the same everywhere
 * (ICalendar::uid()); SEQUENCE grows with every change of the row and
 * LAST-MODIFIED (and DTSTAMP, its equal in a calendar without METHOD) is the
 * row's last change, so an app replaces a moved event instead of adding one.
 */
final class BookingEvent {

	/**
	 * Adds a booking's event to a calendar.
	 *
	 * @param VCalendar $calendar    The calendar.
	 * @param Booking   $booking     The booking.
	 * @param string    $summary     The title.
	 * @param string    $description The text under it; '' for none.
	 */
	public static function add( VCalendar $calendar, Booking $booking, string $summary, string $description ): VEvent {
		return ICalendar::quietly(
			static function () use ( $calendar, $booking, $summary, $description ): VEvent {
				$utc      = new \DateTimeZone( 'UTC' );
				$modified = self::utc_of( $booking->updated_at ) ?? new \DateTimeImmutable( 'now', $utc );
				$fields   = array(
					'UID'           => ICalendar::uid( $booking->id ),
					'DTSTAMP'       => $modified,
					'DTSTART'       => $booking->start->setTimezone( $utc ),
					'DTEND'         => $booking->end->setTimezone( $utc ),
					'SEQUENCE'      => self::sequence( $booking ),
					'LAST-MODIFIED' => $modified,
					'STATUS'        => self::status( $booking->status ),
					'SUMMARY'       => $summary,
				);
				$created  = self::utc_of( $booking->created_at );
				if ( null !== $created ) {
					$fields['CREATED'] = $created;
				}
				if ( '' !== $description ) {
					$fields['DESCRIPTION'] = $description;
				}
				$event = $calendar->add( 'VEVENT', $fields );
				assert( $event instanceof VEvent );
				return $event;
			}
		);
	}

	/**
	 * Grows with every change of the row (seconds since it was created), so
	 * the latest version wins in a calendar app.
	 *
	 * @param Booking $booking The booking.
	 */
	public static function sequence( Booking $booking ): int {
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
	 * A stored UTC "Y-m-d H:i:s" as an instant, or null when it is not one.
	 *
	 * @param string $stored The column value.
	 */
	private static function utc_of( string $stored ): ?\DateTimeImmutable {
		$time = \DateTimeImmutable::createFromFormat( 'Y-m-d H:i:s', $stored, new \DateTimeZone( 'UTC' ) );
		return false === $time ? null : $time;
	}
}
