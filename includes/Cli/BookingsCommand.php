<?php
/**
 * `wp appointease bookings`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Notifications\Notifier;
use AppointEase\Rest\Input;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, shows, creates, cancels and exports bookings.
 *
 * Cancelling goes through the booking service, as in wp-admin: the seats
 * are freed at once, visitors' pages see it within a second, and the
 * customer and staff are emailed.
 */
final class BookingsCommand {

	/**
	 * Lists bookings, newest start first.
	 *
	 * ## OPTIONS
	 *
	 * [--employee=<id>]
	 * : Only this employee's bookings.
	 *
	 * [--service=<id>]
	 * : Only bookings of this service.
	 *
	 * [--status=<status>]
	 * : Only bookings in this status.
	 * ---
	 * options:
	 *   - unverified
	 *   - pending
	 *   - confirmed
	 *   - cancelled
	 *   - rejected
	 *   - completed
	 *   - expired
	 * ---
	 *
	 * [--from=<date>]
	 * : Only bookings ending on or after this date (YYYY-MM-DD, site timezone).
	 *
	 * [--to=<date>]
	 * : Only bookings starting on or before this date.
	 *
	 * [--search=<text>]
	 * : Part of the customer's name, email or phone.
	 *
	 * [--fields=<fields>]
	 * : Columns: id, status, service, employee, start, end, seats, customer_name, customer_email, customer_phone, customer_notes, created_at, updated_at.
	 * ---
	 * default: id,start,service,employee,status,seats,customer_name
	 * ---
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     # This week's confirmed bookings.
	 *     $ wp appointease bookings list --status=confirmed --from=2026-11-23 --to=2026-11-29
	 *
	 *     # How many bookings are waiting for approval.
	 *     $ wp appointease bookings list --status=pending --format=count
	 *     3
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$rows = iterator_to_array( self::rows()->matching( self::filters( $assoc_args ) ), false );
		// CSV goes into spreadsheets just like `export`'s does, so its cells are defused the same way.
		if ( 'csv' === ( $assoc_args['format'] ?? '' ) ) {
			$rows = array_map( static fn( array $row ): array => array_map( array( BookingRows::class, 'cell' ), $row ), $rows );
		}
		( new Formatter( $assoc_args, null, 'booking' ) )->display_items( $rows );
	}

	/**
	 * Shows one booking with every field.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The booking's id.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease bookings show 12
	 *
	 *     $ wp appointease bookings show 12 --format=json
	 *
	 * @param string[]             $args       The id.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function show( array $args, array $assoc_args ): void {
		$booking = ( new BookingRepository() )->find( self::id( $args[0] ?? '' ) );
		if ( null === $booking ) {
			WP_CLI::error( sprintf( 'There is no booking %s.', $args[0] ?? '' ) );
			return;
		}
		$rows                 = self::rows();
		$assoc_args['fields'] = array_merge( BookingRows::FIELDS, array_keys( $rows->answer_columns ) );
		( new Formatter( $assoc_args, null, 'booking' ) )->display_item( $rows->row( $booking ) );
	}

	/**
	 * Books a time for a customer, as an admin does in wp-admin (a booking
	 * taken on the phone).
	 *
	 * Without --override the visitors' rules apply: the time must be one a
	 * visitor is offered. With it, the minimum notice, the booking horizon and
	 * the working hours are set aside; a time that another booking or a
	 * visitor's hold takes is refused all the same.
	 *
	 * ## OPTIONS
	 *
	 * --service=<id>
	 * : The service.
	 *
	 * --employee=<id>
	 * : The employee.
	 *
	 * --start=<time>
	 * : The start, ISO 8601 with its offset, like 2026-12-24T09:00:00+01:00.
	 *
	 * --name=<name>
	 * : The customer's name.
	 *
	 * --email=<email>
	 * : The customer's email address.
	 *
	 * [--phone=<phone>]
	 * : The customer's phone number.
	 *
	 * [--seats=<n>]
	 * : Seats to book.
	 * ---
	 * default: 1
	 * ---
	 *
	 * [--override]
	 * : Book outside the minimum notice, the booking horizon and the working hours.
	 *
	 * [--notify=<yes|no>]
	 * : Email the customer (the staff are emailed either way).
	 * ---
	 * default: yes
	 * options:
	 *   - yes
	 *   - no
	 * ---
	 *
	 * [--porcelain]
	 * : Print only the new booking's id.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease bookings create --service=1 --employee=2 --start=2026-12-24T09:00:00+01:00 --name="Ada Lovelace" --email=ada@example.com
	 *     Success: Booked 15 (confirmed), Thursday 24 December 2026 09:00.
	 *
	 *     # Before opening hours, without emailing the customer.
	 *     $ wp appointease bookings create --service=1 --employee=2 --start=2026-12-24T07:30:00+01:00 --name="Ada" --email=ada@example.com --override --notify=no --porcelain
	 *     16
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function create( array $args, array $assoc_args ): void {
		$start = Input::instant( (string) ( $assoc_args['start'] ?? '' ) );
		if ( null === $start ) {
			WP_CLI::error( '--start takes a time in ISO 8601 with its offset, like 2026-12-24T09:00:00+01:00.' );
			return;
		}
		$email = (string) ( $assoc_args['email'] ?? '' );
		if ( false === is_email( $email ) ) {
			WP_CLI::error( "\"$email\" is not an email address." );
		}
		$phone = (string) ( $assoc_args['phone'] ?? '' );
		if ( 1 !== preg_match( '/^[0-9+() .\-]{0,50}$/', $phone ) ) {
			WP_CLI::error( '--phone takes digits, spaces and + ( ) . - only.' );
		}
		$request = new BookingRequest(
			self::id( (string) ( $assoc_args['service'] ?? '' ) ),
			self::id( (string) ( $assoc_args['employee'] ?? '' ) ),
			$start,
			max( 1, (int) ( $assoc_args['seats'] ?? 1 ) ),
			sanitize_text_field( (string) ( $assoc_args['name'] ?? '' ) ),
			sanitize_email( $email ),
			$phone,
			'',
			null,
			null,
			false,
			override: (bool) \WP_CLI\Utils\get_flag_value( $assoc_args, 'override', false )
		);
		$book    = static fn() => BookingService::create_default()->book( $request, new \DateTimeImmutable( 'now' ) );
		try {
			$result = 'no' === ( $assoc_args['notify'] ?? 'yes' ) ? Notifier::without_customer_emails( $book ) : $book();
		} catch ( Refusal $refusal ) {
			WP_CLI::error( sprintf( '%s (%s)', $refusal->getMessage(), $refusal->reason ) );
			return;
		}
		$booking = $result->booking;
		if ( \WP_CLI\Utils\get_flag_value( $assoc_args, 'porcelain', false ) ) {
			WP_CLI::line( (string) $booking->id );
			return;
		}
		$row = self::rows()->row( $booking );
		WP_CLI::success( sprintf( 'Booked %d (%s), %s.', $booking->id, $booking->status, $row['start'] ) );
	}

	/**
	 * Cancels bookings and frees their seats.
	 *
	 * The customer and the staff are emailed, as when an admin cancels in wp-admin.
	 *
	 * ## OPTIONS
	 *
	 * <id>...
	 * : One or more booking ids.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease bookings cancel 12 13
	 *     Success: Cancelled booking 12.
	 *     Success: Cancelled booking 13.
	 *
	 * @param string[]             $args       The ids.
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function cancel( array $args, array $assoc_args ): void {
		$service = BookingService::create_default();
		$failed  = 0;
		foreach ( $args as $arg ) {
			try {
				$service->cancel( self::id( $arg ), new \DateTimeImmutable( 'now' ), true );
				WP_CLI::success( sprintf( 'Cancelled booking %d.', $arg ) );
			} catch ( Refusal $refusal ) {
				WP_CLI::warning( sprintf( 'Booking %s: %s', $arg, $refusal->getMessage() ) );
				++$failed;
			}
		}
		if ( $failed > 0 ) {
			WP_CLI::error( sprintf( '%d of %d bookings were not cancelled.', $failed, count( $args ) ) );
		}
	}

	/**
	 * Writes bookings as CSV.
	 *
	 * A header row, then one row per booking with every column, newest start
	 * first; after the booking's own columns, one per booking-form field
	 * (headed by its label) and one for consent. Times are ISO 8601 with the offset of the booking's calendar.
	 * Text that a spreadsheet would run as a formula (starting with = + - @,
	 * a tab or a carriage return) is prefixed with a quote.
	 *
	 * ## OPTIONS
	 *
	 * [--file=<path>]
	 * : Write to this file instead of standard output.
	 *
	 * [--employee=<id>]
	 * : Only this employee's bookings.
	 *
	 * [--service=<id>]
	 * : Only bookings of this service.
	 *
	 * [--status=<status>]
	 * : Only bookings in this status.
	 * ---
	 * options:
	 *   - unverified
	 *   - pending
	 *   - confirmed
	 *   - cancelled
	 *   - rejected
	 *   - completed
	 *   - expired
	 * ---
	 *
	 * [--from=<date>]
	 * : Only bookings ending on or after this date (YYYY-MM-DD, site timezone).
	 *
	 * [--to=<date>]
	 * : Only bookings starting on or before this date.
	 *
	 * [--search=<text>]
	 * : Part of the customer's name, email or phone.
	 *
	 * ## EXAMPLES
	 *
	 *     # November's bookings into a file.
	 *     $ wp appointease bookings export --from=2026-11-01 --to=2026-11-30 --file=november.csv
	 *     Success: Wrote 42 bookings to november.csv.
	 *
	 *     # Everything, piped elsewhere.
	 *     $ wp appointease bookings export > bookings.csv
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function export( array $args, array $assoc_args ): void {
		$filters = self::filters( $assoc_args );
		$file    = isset( $assoc_args['file'] ) ? (string) $assoc_args['file'] : null;
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fopen -- a stream the command writes row by row, to a path its user chose.
		$out = null === $file ? STDOUT : fopen( $file, 'w' );
		if ( false === $out ) {
			WP_CLI::error( "Cannot write to $file." );
			return;
		}
		$count = 0;
		$rows  = self::rows();
		fputcsv( $out, $rows->headers() );
		foreach ( $rows->matching( $filters ) as $row ) {
			fputcsv( $out, array_map( array( BookingRows::class, 'cell' ), $row ) );
			++$count;
		}
		if ( null !== $file ) {
			fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- closes what it opened above.
			WP_CLI::success( sprintf( 'Wrote %d bookings to %s.', $count, $file ) );
		}
	}

	/**
	 * The list filters, or an error naming the bad option.
	 *
	 * @param array<string, mixed> $options Named arguments.
	 * @return array{employee?: int, service?: int, status?: string, from?: string, to?: string, search?: string}
	 */
	private static function filters( array $options ): array {
		try {
			return BookingRows::filters( $options );
		} catch ( \InvalidArgumentException $invalid ) {
			WP_CLI::error( $invalid->getMessage() );
			return array();
		}
	}

	/**
	 * A positive id from the command line.
	 *
	 * @param string $id What was given.
	 */
	private static function id( string $id ): int {
		if ( ! ctype_digit( $id ) || 0 === (int) $id ) {
			WP_CLI::error( "\"$id\" is not a booking id." );
		}
		return (int) $id;
	}

	/**
	 * The row builder, over the real repositories.
	 */
	private static function rows(): BookingRows {
		return new BookingRows( new BookingRepository(), new ServiceRepository(), new EmployeeRepository() );
	}
}
