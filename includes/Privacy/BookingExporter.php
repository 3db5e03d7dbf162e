<?php
/**
 * Exports a customer's bookings for a personal-data request.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Privacy;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Form\BookingAnswers;
use AppointEase\Notifications\Placeholders;

defined( 'ABSPATH' ) || exit;

/**
 * The exporter behind Tools → Export Personal Data: every booking made with
 * the email address, a page at a time.
 */
final class BookingExporter {

	/** Bookings per page of the export. */
	public const PER_PAGE = 50;

	/**
	 * Builds it.
	 *
	 * @param BookingRepository  $bookings  Booking rows.
	 * @param ServiceRepository  $services  Services, for names.
	 * @param EmployeeRepository $employees Employees, for names and timezones.
	 */
	public function __construct(
		private readonly BookingRepository $bookings,
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees
	) {
	}

	/**
	 * One page of the export; the callback WordPress calls.
	 *
	 * @param string $email The requester's email address.
	 * @param int    $page  1-based page.
	 * @return array{data: array<int, array<string, mixed>>, done: bool}
	 */
	public function export( $email, $page = 1 ): array {
		$found = $this->bookings->by_customer_email( (string) $email, max( 1, (int) $page ), self::PER_PAGE );
		return array(
			'data' => array_map( array( $this, 'item' ), $found ),
			'done' => count( $found ) < self::PER_PAGE,
		);
	}

	/**
	 * One booking as an export item.
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, mixed>
	 */
	private function item( Booking $booking ): array {
		$service  = $this->services->find( $booking->service_id );
		$employee = $this->employees->find( $booking->employee_id );
		$zone     = null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() );
		$format   = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		$fields   = array(
			__( 'Booking number', 'appointease' ) => (string) $booking->id,
			__( 'Service', 'appointease' )        => null === $service ? '' : $service->name,
			__( 'With', 'appointease' )           => null === $employee ? '' : $employee->name,
			__( 'Start', 'appointease' )          => wp_date( $format, $booking->start->getTimestamp(), $zone ) . ' (' . $zone->getName() . ')',
			__( 'End', 'appointease' )            => wp_date( $format, $booking->end->getTimestamp(), $zone ) . ' (' . $zone->getName() . ')',
			__( 'Seats', 'appointease' )          => (string) $booking->seats,
			__( 'Status', 'appointease' )         => Placeholders::status( $booking->status ),
			__( 'Name', 'appointease' )           => $booking->customer_name,
			__( 'Email', 'appointease' )          => $booking->customer_email,
			__( 'Phone', 'appointease' )          => $booking->customer_phone,
			__( 'Notes', 'appointease' )          => $booking->customer_notes,
			__( 'Booked on', 'appointease' )      => get_date_from_gmt( $booking->created_at, $format ),
		);
		foreach ( BookingAnswers::of( $booking ) as $answer ) {
			// Keyed by label; a field whose label repeats another's gets its id too.
			$fields[ isset( $fields[ $answer['label'] ] ) ? $answer['label'] . ' (' . $answer['id'] . ')' : $answer['label'] ] = $answer['text'];
		}
		$consent = BookingAnswers::consent( $booking );
		if ( null !== $consent ) {
			/* translators: 1: when consent was given (UTC), 2: the text the customer agreed to. */
			$fields[ __( 'Consent', 'appointease' ) ] = sprintf( __( 'Given %1$s (UTC) to: "%2$s"', 'appointease' ), get_date_from_gmt( str_replace( array( 'T', 'Z' ), array( ' ', '' ), $consent['at'] ), $format ), $consent['text'] );
		}
		$data = array();
		foreach ( $fields as $name => $value ) {
			if ( '' !== $value ) {
				$data[] = array(
					'name'  => $name,
					'value' => $value,
				);
			}
		}
		return array(
			'group_id'          => 'appointease-bookings',
			'group_label'       => __( 'Appointments', 'appointease' ),
			'group_description' => __( 'Appointments booked with this email address.', 'appointease' ),
			'item_id'           => 'appointease-booking-' . $booking->id,
			'data'              => $data,
		);
	}
}
