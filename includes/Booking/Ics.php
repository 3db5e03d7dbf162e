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
use AppointEase\Sync\BookingEvent;
use AppointEase\Sync\ICalendar;

defined( 'ABSPATH' ) || exit;

/**
 * Renders one booking as a calendar file that calendar apps import: the
 * download on the visitor's "done" step and manage page, and the attachment
 * of the booking emails. The event comes from Sync\BookingEvent, the same
 * writer as the calendar feeds', so there is one iCalendar writer.
 */
final class Ics {

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
		$summary = sprintf(
			/* translators: 1: service name, 2: employee name. */
			__( '%1$s with %2$s', 'appointease' ),
			$service->name,
			$employee->name
		);
		// Times are written in UTC (every app reads those right); the zone the
		// business gave the time in is named too, for apps and people reading it.
		$zone  = $employee->timezone( wp_timezone() );
		$local = sprintf(
			/* translators: 1: date, 2: start time, 3: end time, 4: timezone name such as Europe/Berlin. */
			__( '%1$s, %2$s–%3$s (%4$s)', 'appointease' ),
			wp_date( (string) get_option( 'date_format' ), $booking->start->getTimestamp(), $zone ),
			wp_date( (string) get_option( 'time_format' ), $booking->start->getTimestamp(), $zone ),
			wp_date( (string) get_option( 'time_format' ), $booking->end->getTimestamp(), $zone ),
			$zone->getName()
		);
		$calendar = ICalendar::calendar();
		ICalendar::quietly(
			static function () use ( $calendar, $zone ): void {
				$calendar->add( 'METHOD', 'PUBLISH' );
				$calendar->add( 'X-WR-TIMEZONE', $zone->getName() );
			}
		);
		$event = BookingEvent::add( $calendar, $booking, $summary, $local . "\n" . __( 'To cancel or reschedule, use the link in your booking confirmation email.', 'appointease' ) );
		ICalendar::quietly(
			static function () use ( $event ): void {
				$organizer = $event->add( 'ORGANIZER', 'mailto:' . get_option( 'admin_email' ), array( 'CN' => get_bloginfo( 'name' ) ) );
				// A CAL-ADDRESS has one value; the library's null delimiter makes PHP 8.1+ warn when it serializes it.
				if ( $organizer instanceof \Sabre\VObject\Property ) {
					$organizer->delimiter = '';
				}
				// A file imported once (METHOD:PUBLISH) stamps the moment it was made.
				$event->remove( 'DTSTAMP' );
				$event->add( 'DTSTAMP', new \DateTimeImmutable( 'now', new \DateTimeZone( 'UTC' ) ) );
			}
		);
		return ICalendar::text( $calendar );
	}

	/**
	 * The file name a download or an attachment should carry.
	 *
	 * @param Booking $booking The booking.
	 */
	public static function file_name( Booking $booking ): string {
		return 'appointment-' . $booking->id . '.ics';
	}
}
