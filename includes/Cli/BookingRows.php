<?php
/**
 * Bookings as flat rows for the command line and CSV.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Form\BookingAnswers;
use AppointEase\Rest\Input;

defined( 'ABSPATH' ) || exit;

/**
 * Reads bookings through the repository and turns each into one row of
 * scalars: names instead of ids, times in the booking's calendar timezone
 * as ISO 8601 with their offset.
 */
final class BookingRows {

	/** Every column, in order. */
	public const FIELDS = array( 'id', 'status', 'service', 'employee', 'start', 'end', 'seats', 'customer_name', 'customer_email', 'customer_phone', 'customer_notes', 'created_at', 'updated_at' );

	/** Rows read per query when going through every match. */
	private const BATCH = 100;

	/**
	 * Service names by id.
	 *
	 * @var array<int, string>
	 */
	private array $service_names = array();

	/**
	 * Employees by id.
	 *
	 * @var array<int, Employee>
	 */
	private array $staff = array();

	/**
	 * The booking form's columns after FIELDS: key => header (BookingAnswers).
	 *
	 * @var array<string, string>
	 */
	public readonly array $answer_columns;

	/**
	 * Builds it, reading every service and employee once.
	 *
	 * @param BookingRepository  $bookings  Booking rows.
	 * @param ServiceRepository  $services  Services.
	 * @param EmployeeRepository $employees Employees.
	 */
	public function __construct( private readonly BookingRepository $bookings, ServiceRepository $services, EmployeeRepository $employees ) {
		foreach ( $services->all( false ) as $service ) {
			$this->service_names[ $service->id ] = $service->name;
		}
		foreach ( $employees->all( false ) as $employee ) {
			$this->staff[ $employee->id ] = $employee;
		}
		$this->answer_columns = BookingAnswers::headers();
	}

	/**
	 * The header row of a CSV: the columns, then each form field's label and consent.
	 *
	 * @return string[]
	 */
	public function headers(): array {
		return array_merge( self::FIELDS, array_values( $this->answer_columns ) );
	}

	/**
	 * The repository's list filters from command-line options.
	 *
	 * @param array<string, mixed> $options employee, service, status, from, to, search.
	 * @return array{employee?: int, service?: int, status?: string, from?: string, to?: string, search?: string}
	 * @throws \InvalidArgumentException When an option is malformed.
	 */
	public static function filters( array $options ): array {
		$filters = array();
		foreach ( array( 'employee', 'service' ) as $key ) {
			if ( isset( $options[ $key ] ) ) {
				if ( ! ctype_digit( (string) $options[ $key ] ) ) {
					throw new \InvalidArgumentException( esc_html( "--$key takes a numeric id." ) );
				}
				$filters[ $key ] = (int) $options[ $key ];
			}
		}
		if ( isset( $options['status'] ) ) {
			$filters['status'] = (string) $options['status'];
		}
		if ( isset( $options['search'] ) ) {
			$filters['search'] = (string) $options['search'];
		}
		// Local dates of the site, as the REST list takes them: a booking overlapping the range is listed.
		foreach ( array(
			'from' => '+0 days',
			'to'   => '+1 day',
		) as $key => $shift ) {
			if ( isset( $options[ $key ] ) ) {
				if ( ! Input::is_local_date( $options[ $key ] ) ) {
					throw new \InvalidArgumentException( esc_html( "--$key takes a date that exists, like 2026-12-24." ) );
				}
				$filters[ $key ] = gmdate( 'Y-m-d H:i:s', ( new \DateTimeImmutable( $options[ $key ] . ' 00:00:00', wp_timezone() ) )->modify( $shift )->getTimestamp() );
			}
		}
		return $filters;
	}

	/**
	 * Every booking that matches, newest start first, as rows.
	 *
	 * @param array<string, mixed> $filters From filters() or BookingFilters::from().
	 * @return \Generator<int, array<string, string|int>>
	 */
	public function matching( array $filters ): \Generator {
		for ( $page = 1; ; $page++ ) {
			$found = $this->bookings->page( $filters, $page, self::BATCH );
			foreach ( $found['items'] as $booking ) {
				yield $this->row( $booking );
			}
			if ( $page * self::BATCH >= $found['total'] ) {
				return;
			}
		}
	}

	/**
	 * A CSV cell that no spreadsheet runs as a formula: text starting with
	 * = + - @, or with a tab or carriage return (which some spreadsheets skip
	 * before looking for one), gets a leading quote.
	 *
	 * @param string|int $value A row's value.
	 * @return string|int
	 */
	public static function cell( $value ) {
		return is_string( $value ) && '' !== $value && str_contains( "=+-@\t\r", $value[0] ) ? "'" . $value : $value;
	}

	/**
	 * One booking as a row: FIELDS, then the form's answers and consent
	 * (keys `field:<id>` and `consent`).
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, string|int>
	 */
	public function row( Booking $booking ): array {
		$employee = $this->staff[ $booking->employee_id ] ?? null;
		$zone     = null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() );
		$utc      = new \DateTimeZone( 'UTC' );
		return array(
			'id'             => $booking->id,
			'status'         => $booking->status,
			'service'        => $this->service_names[ $booking->service_id ] ?? '#' . $booking->service_id,
			'employee'       => null === $employee ? '#' . $booking->employee_id : $employee->name,
			'start'          => $booking->start->setTimezone( $zone )->format( DATE_ATOM ),
			'end'            => $booking->end->setTimezone( $zone )->format( DATE_ATOM ),
			'seats'          => $booking->seats,
			'customer_name'  => $booking->customer_name,
			'customer_email' => $booking->customer_email,
			'customer_phone' => $booking->customer_phone,
			'customer_notes' => $booking->customer_notes,
			'created_at'     => ( new \DateTimeImmutable( $booking->created_at, $utc ) )->format( DATE_ATOM ),
			'updated_at'     => ( new \DateTimeImmutable( $booking->updated_at, $utc ) )->format( DATE_ATOM ),
		) + BookingAnswers::cells( $booking, $this->answer_columns );
	}
}
