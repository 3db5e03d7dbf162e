<?php
/**
 * `wp appointease bookings`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, shows, cancels and exports bookings.
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
			$rows = array_map( static fn( array $row ): array => array_map( array( self::class, 'cell' ), $row ), $rows );
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
			fputcsv( $out, array_map( array( self::class, 'cell' ), $row ) );
			++$count;
		}
		if ( null !== $file ) {
			fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- closes what it opened above.
			WP_CLI::success( sprintf( 'Wrote %d bookings to %s.', $count, $file ) );
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
	private static function cell( $value ) {
		return is_string( $value ) && '' !== $value && str_contains( "=+-@\t\r", $value[0] ) ? "'" . $value : $value;
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
