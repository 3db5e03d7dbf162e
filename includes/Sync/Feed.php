<?php
/**
 * A calendar feed of bookings.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use AppointEase\Booking\Booking;
use AppointEase\Form\BookingAnswers;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The iCalendar text of one employee's feed, or of everyone's: one event
 * per active (pending or confirmed) booking from 60 days back on. A
 * cancelled booking leaves the feed, so a subscribed app removes its event.
 *
 * The employee's own feed names the customer and their contact details; the
 * all-employees feed does so only when the `feed_customer_details` setting
 * is on, because it is meant for screens more people see.
 */
final class Feed {

	/** Days of past bookings the feed keeps. */
	private const PAST_DAYS = 60;

	/**
	 * Builds it.
	 *
	 * @param EmployeeRepository $employees Employees.
	 * @param ServiceRepository  $services  Services.
	 */
	public function __construct(
		private readonly EmployeeRepository $employees = new EmployeeRepository(),
		private readonly ServiceRepository $services = new ServiceRepository()
	) {
	}

	/**
	 * The feed of an owner (an employee id as a string, or FeedKeys::ALL).
	 *
	 * @param string             $owner Whose feed.
	 * @param \DateTimeImmutable $now   The current instant.
	 * @return array{body: string, last_modified: int}|null Null when the employee is gone.
	 */
	public function render( string $owner, \DateTimeImmutable $now ): ?array {
		$employee = null;
		if ( FeedKeys::ALL !== $owner ) {
			$employee = $this->employees->find( (int) $owner );
			if ( null === $employee ) {
				return null;
			}
		}
		$details  = null !== $employee || Settings::bool( 'feed_customer_details' );
		$since    = $now->modify( '-' . self::PAST_DAYS . ' days' );
		$calendar = ICalendar::calendar();
		$timezone = null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() );
		$name     = null === $employee
			/* translators: %s: site name. */
			? sprintf( __( '%s: all bookings', 'appointease' ), get_bloginfo( 'name' ) )
			/* translators: 1: site name, 2: employee name. */
			: sprintf( __( '%1$s: bookings of %2$s', 'appointease' ), get_bloginfo( 'name' ), $employee->name );
		ICalendar::quietly(
			static function () use ( $calendar, $name, $timezone ): void {
				$calendar->add( 'X-WR-CALNAME', $name );
				// The times are UTC; this names the zone the bookings are made in, for apps that show it.
				$calendar->add( 'X-WR-TIMEZONE', $timezone->getName() );
				$calendar->add( 'REFRESH-INTERVAL', 'PT15M', array( 'VALUE' => 'DURATION' ) );
				$calendar->add( 'X-PUBLISHED-TTL', 'PT15M' );
			}
		);
		$names = array();
		foreach ( $this->bookings( null === $employee ? null : $employee->id, $since ) as $booking ) {
			BookingEvent::add( $calendar, $booking, $this->summary( $booking, $details, $names ), $details ? self::details( $booking ) : '' );
		}
		return array(
			'body'          => ICalendar::text( $calendar ),
			'last_modified' => max( (int) FeedKeys::created( $owner ), $this->last_change( null === $employee ? null : $employee->id, $since ) ),
		);
	}

	/**
	 * An event's title: the service and the customer, or the service and the
	 * employee when customers stay out.
	 *
	 * @param Booking               $booking The booking.
	 * @param bool                  $details Whether customer data may show.
	 * @param array<string, string> $names   Names looked up so far (service and employee by id).
	 */
	private function summary( Booking $booking, bool $details, array &$names ): string {
		$service_key = 's' . $booking->service_id;
		if ( ! isset( $names[ $service_key ] ) ) {
			$names[ $service_key ] = $this->services->find( $booking->service_id )->name ?? '';
		}
		if ( $details ) {
			/* translators: 1: service name, 2: customer name. */
			return sprintf( __( '%1$s: %2$s', 'appointease' ), $names[ $service_key ], $booking->customer_name );
		}
		$employee_key = 'e' . $booking->employee_id;
		if ( ! isset( $names[ $employee_key ] ) ) {
			$names[ $employee_key ] = $this->employees->find( $booking->employee_id )->name ?? '';
		}
		/* translators: 1: service name, 2: employee name. */
		return sprintf( __( '%1$s with %2$s', 'appointease' ), $names[ $service_key ], $names[ $employee_key ] );
	}

	/**
	 * The customer's name, contact details, answers to the booking form
	 * ("Label: answer") and notes, one per line.
	 *
	 * @param Booking $booking The booking.
	 */
	private static function details( Booking $booking ): string {
		$lines = array( $booking->customer_name, $booking->customer_email );
		if ( '' !== $booking->customer_phone ) {
			$lines[] = $booking->customer_phone;
		}
		foreach ( BookingAnswers::of( $booking ) as $answer ) {
			$lines[] = $answer['label'] . ': ' . $answer['text'];
		}
		if ( '' !== $booking->customer_notes ) {
			$lines[] = '';
			$lines[] = $booking->customer_notes;
		}
		return implode( "\n", $lines );
	}

	/**
	 * The active bookings since a moment, earliest first.
	 *
	 * @param int|null           $employee_id One employee, or null for all.
	 * @param \DateTimeImmutable $since       Oldest end.
	 * @return Booking[]
	 */
	private function bookings( ?int $employee_id, \DateTimeImmutable $since ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$since = gmdate( 'Y-m-d H:i:s', $since->getTimestamp() );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		$rows = null === $employee_id
			? $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE status IN ('pending', 'confirmed') AND end_utc > %s ORDER BY start_utc, id", $since ), ARRAY_A )
			: $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE employee_id = %d AND status IN ('pending', 'confirmed') AND end_utc > %s ORDER BY start_utc, id", $employee_id, $since ), ARRAY_A );
		// phpcs:enable
		return array_map( array( Booking::class, 'from_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The last change of any booking the feed shows or showed (a cancelled
	 * one's change counts: it left the feed then), in Unix seconds.
	 *
	 * @param int|null           $employee_id One employee, or null for all.
	 * @param \DateTimeImmutable $since       Oldest end.
	 */
	private function last_change( ?int $employee_id, \DateTimeImmutable $since ): int {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$since = gmdate( 'Y-m-d H:i:s', $since->getTimestamp() );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		$last = null === $employee_id
			? $wpdb->get_var( $wpdb->prepare( "SELECT MAX(updated_at) FROM `$table` WHERE end_utc > %s", $since ) )
			: $wpdb->get_var( $wpdb->prepare( "SELECT MAX(updated_at) FROM `$table` WHERE employee_id = %d AND end_utc > %s", $employee_id, $since ) );
		// phpcs:enable
		return null === $last ? 0 : (int) strtotime( $last . ' UTC' );
	}
}
