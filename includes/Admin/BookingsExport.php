<?php
/**
 * The bookings list's "Export CSV" download.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Cli\BookingRows;
use AppointEase\Infrastructure\Installer;
use AppointEase\Rest\BookingFilters;
use AppointEase\Rest\BookingsController;

defined( 'ABSPATH' ) || exit;

/**
 * Sends the bookings that match the list's filters as CSV, through
 * `admin-post.php` (a logged-in admin's cookie and a nonce; REST answers
 * would have to be JSON and whole). Rows are read in batches and written
 * as they come, so a year of bookings needs the memory of one batch.
 */
final class BookingsExport {

	/** The admin-post action and the nonce's action. */
	public const ACTION = 'appointease_export_bookings';

	/** The list filters the download takes, as the list route does. */
	private const FILTERS = array( 'employee', 'service', 'status', 'search', 'from', 'to', 'order', 'hide_closed' );

	/** Rows written between two flushes to the client. */
	private const FLUSH_EVERY = 100;

	/**
	 * Hooks the download in.
	 */
	public static function register(): void {
		add_action( 'admin_post_' . self::ACTION, array( self::class, 'download' ) );
	}

	/**
	 * The download's address, nonce included, without filters (the screen adds them).
	 */
	public static function url(): string {
		return add_query_arg(
			array(
				'action'   => self::ACTION,
				'_wpnonce' => wp_create_nonce( self::ACTION ),
			),
			admin_url( 'admin-post.php' )
		);
	}

	/**
	 * Answers the download: 403 without the capability or a valid nonce, 400
	 * for a bad filter, else the CSV. Hooked to `admin_post_appointease_export_bookings`.
	 */
	public static function download(): void {
		if ( ! current_user_can( Installer::CAPABILITY ) ) {
			wp_die( esc_html__( 'You are not allowed to export bookings.', 'appointease' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( self::ACTION );
		$filters = self::filters( wp_unslash( $_GET ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each value is validated against the list route's schema in filters().
		if ( $filters instanceof \WP_Error ) {
			wp_die( esc_html( $filters->get_error_message() ), '', array( 'response' => 400 ) );
		}
		nocache_headers();
		header( 'Content-Type: text/csv; charset=utf-8' );
		header( 'Content-Disposition: attachment; filename="bookings-' . wp_date( 'Y-m-d' ) . '.csv"' );
		header( 'X-Content-Type-Options: nosniff' );
		header( 'Cache-Control: private, no-store' );
		// Nothing buffered: each batch goes to the client as it is written.
		while ( ob_get_level() > 0 ) {
			ob_end_clean();
		}
		$out = fopen( 'php://output', 'w' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fopen -- the response body, written row by row.
		if ( false !== $out ) {
			// A byte order mark, so that spreadsheets read the names as UTF-8.
			fwrite( $out, "\xEF\xBB\xBF" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- see above.
			self::write( $out, $filters, static fn() => flush() );
			fclose( $out ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- closes what it opened.
		}
		exit;
	}

	/**
	 * The repository filters from the query, each value checked against the
	 * list route's own schema.
	 *
	 * @param array<string, mixed> $query The query parameters.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function filters( array $query ) {
		$args   = ( new BookingsController( \AppointEase\Booking\BookingService::create_default(), new BookingRepository(), new EmployeeRepository() ) )->get_collection_params();
		$params = array();
		foreach ( self::FILTERS as $key ) {
			if ( ! isset( $query[ $key ] ) || '' === $query[ $key ] ) {
				continue;
			}
			$value = rest_sanitize_value_from_schema( $query[ $key ], $args[ $key ], $key );
			$valid = is_wp_error( $value ) ? $value : rest_validate_value_from_schema( $value, $args[ $key ], $key );
			if ( true === $valid && isset( $args[ $key ]['validate_callback'] ) ) {
				$valid = call_user_func( $args[ $key ]['validate_callback'], $value, new \WP_REST_Request(), $key );
			}
			if ( is_wp_error( $valid ) || false === $valid ) {
				/* translators: %s: a filter's name, like "from". */
				return new \WP_Error( 'appointease_invalid_filter', sprintf( __( 'The filter "%s" has a value the bookings list does not take.', 'appointease' ), $key ) );
			}
			$params[ $key ] = $value;
		}
		return BookingFilters::from( $params );
	}

	/**
	 * Writes the header row and every matching booking, a batch at a time.
	 *
	 * @param resource             $out     Where to.
	 * @param array<string, mixed> $filters From filters().
	 * @param callable|null        $flushed Called after each batch has been written.
	 * @return int Rows written, the header left out.
	 */
	public static function write( $out, array $filters, ?callable $flushed = null ): int {
		$rows = new BookingRows( new BookingRepository(), new ServiceRepository(), new EmployeeRepository() );
		// The columns, then one per booking-form field and consent (BookingRows::headers()); each row has them in that order.
		fputcsv( $out, $rows->headers() );
		$count = 0;
		foreach ( $rows->matching( $filters ) as $row ) {
			fputcsv( $out, array_map( array( BookingRows::class, 'cell' ), $row ) );
			++$count;
			if ( 0 === $count % self::FLUSH_EVERY && null !== $flushed ) {
				$flushed();
			}
		}
		return $count;
	}
}
