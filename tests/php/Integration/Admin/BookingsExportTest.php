<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Admin;

use AppointEase\Admin\BookingsExport;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * The bookings list's CSV download: admins only, with the nonce; the list's
 * filters; cells no spreadsheet runs as formulas; rows written in batches
 * as they are read, so memory stays flat however many bookings match.
 */
final class BookingsExportTest extends RestTestCase {

	protected function tear_down(): void {
		remove_all_filters( 'wp_die_handler' );
		unset( $_GET['_wpnonce'], $_REQUEST['_wpnonce'], $_GET['status'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- undoes what a test set.
		parent::tear_down();
	}

	/**
	 * The CSV of some filters, parsed.
	 *
	 * @param array<string, mixed> $query The download's query.
	 * @return array<int, array<int, string|null>>
	 */
	private function csv( array $query ): array {
		$filters = BookingsExport::filters( $query );
		$this->assertIsArray( $filters );
		$out = fopen( 'php://memory', 'w+' );
		$this->assertIsResource( $out );
		BookingsExport::write( $out, $filters );
		rewind( $out );
		$rows = array();
		for ( $row = fgetcsv( $out ); false !== $row; $row = fgetcsv( $out ) ) {
			$rows[] = $row;
		}
		fclose( $out );
		return $rows;
	}

	/**
	 * Books a time on MONDAY for a customer.
	 *
	 * @param string               $time     "H:i".
	 * @param array<string, mixed> $customer The customer.
	 * @return array<mixed>
	 */
	private function book_for( string $time, array $customer ): array {
		return $this->book( $time, array( 'customer' => $customer + array( 'email' => 'someone@example.com' ) ) );
	}

	public function test_the_csv_holds_the_filtered_rows_with_formulas_defused(): void {
		$formula = $this->book_for(
			'10:00',
			array(
				'name'  => '=HYPERLINK("http://evil.example","click")',
				'phone' => '+49 30 1234',
				'notes' => '@SUM(A1)',
			)
		);
		$plain   = $this->book_for( '11:00', array( 'name' => 'Maria Keller' ) );
		$minus   = $this->book_for( '13:00', array( 'name' => '-2+3' ) );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $minus['id'] . '/cancel' ) );

		$all = $this->csv( array() );
		$this->assertSame( array( 'id', 'status', 'service', 'employee', 'start', 'end', 'seats', 'customer_name', 'customer_email', 'customer_phone', 'customer_notes', 'created_at', 'updated_at', 'Consent' ), $all[0], 'The columns, then the booking form\'s (here only the consent column).' );
		$this->assertCount( 4, $all );
		$byid = array_column( array_slice( $all, 1 ), null, 0 );
		$this->assertSame( "'=HYPERLINK(\"http://evil.example\",\"click\")", $byid[ (string) $formula['id'] ][7] );
		$this->assertSame( "'+49 30 1234", $byid[ (string) $formula['id'] ][9] );
		$this->assertSame( "'@SUM(A1)", $byid[ (string) $formula['id'] ][10] );
		$this->assertSame( "'-2+3", $byid[ (string) $minus['id'] ][7] );
		$this->assertSame( 'Maria Keller', $byid[ (string) $plain['id'] ][7], 'Plain text stays as it is.' );

		$open = $this->csv(
			array(
				'hide_closed' => 'true',
				'order'       => 'asc',
				'from'        => $this->monday,
			)
		);
		$this->assertSame( array( (string) $formula['id'], (string) $plain['id'] ), array_column( array_slice( $open, 1 ), 0 ), 'Closed ones hidden, soonest first, as the list shows them.' );
		$this->assertSame( array( (string) $minus['id'] ), array_column( array_slice( $this->csv( array( 'status' => 'cancelled' ) ), 1 ), 0 ) );
		$this->assertSame( array( (string) $plain['id'] ), array_column( array_slice( $this->csv( array( 'search' => 'Keller' ) ), 1 ), 0 ) );
		$this->assertCount( 1, $this->csv( array( 'from' => $this->day( 1 ) ) ), 'Only the header after the day.' );

		$this->assertInstanceOf( \WP_Error::class, BookingsExport::filters( array( 'status' => 'lost' ) ) );
		$this->assertInstanceOf( \WP_Error::class, BookingsExport::filters( array( 'from' => '2030-02-30' ) ) );
		$this->assertInstanceOf( \WP_Error::class, BookingsExport::filters( array( 'employee' => 'x' ) ) );
	}

	public function test_only_an_admin_with_the_nonce_downloads(): void {
		add_filter(
			'wp_die_handler',
			static fn() => static function ( $message, $title, $args ): void {
				throw new \RuntimeException( 'died ' . (int) ( is_array( $args ) ? ( $args['response'] ?? 0 ) : 0 ) );
			}
		);
		$attempts = array(
			'anonymous'           => fn() => $this->log_out(),
			'subscriber'          => fn() => $this->log_in_as( 'subscriber' ),
			'admin without nonce' => fn() => $this->log_in_as_admin(),
		);
		foreach ( $attempts as $who => $become ) {
			$become();
			try {
				BookingsExport::download();
				$this->fail( "$who downloaded." );
			} catch ( \RuntimeException $died ) {
				$this->assertSame( 'died 403', $died->getMessage(), $who );
			}
		}
		$_GET['_wpnonce']     = wp_create_nonce( BookingsExport::ACTION );
		$_REQUEST['_wpnonce'] = $_GET['_wpnonce']; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test sets the nonce the download checks.
		$_GET['status']       = 'lost';
		try {
			BookingsExport::download();
			$this->fail( 'A bad filter was taken.' );
		} catch ( \RuntimeException $died ) {
			$this->assertSame( 'died 400', $died->getMessage() );
		}
		$this->assertStringContainsString( 'action=' . BookingsExport::ACTION, BookingsExport::url() );
		$this->assertStringContainsString( '_wpnonce=', BookingsExport::url() );
	}

	public function test_many_bookings_stream_in_flat_memory(): void {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$notes = str_repeat( 'A long note about the appointment. ', 15 );
		$start = strtotime( $this->local( '09:00' ) );
		$count = 6000;
		for ( $batch = 0; $batch < $count; $batch += 500 ) {
			$values = array();
			for ( $i = $batch; $i < $batch + 500; $i++ ) {
				$at       = gmdate( 'Y-m-d H:i:s', $start + $i * 1800 );
				$values[] = $wpdb->prepare( '(%d, %d, %s, %s, 1, %s, %s, %s, %s, %s, %s)', $this->employee->id, $this->service->id, $at, gmdate( 'Y-m-d H:i:s', $start + $i * 1800 + 1800 ), 'confirmed', "Customer $i", "c$i@example.com", '', $notes, hash( 'sha256', "export-test-$i" ) );
			}
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- test rows, each value prepared above.
			$wpdb->query( "INSERT INTO `$table` (employee_id, service_id, start_utc, end_utc, seats, status, customer_name, customer_email, customer_phone, customer_notes, manage_token_hash) VALUES " . implode( ', ', $values ) );
		}

		$bytes   = 0;
		$batches = 0;
		$filters = BookingsExport::filters( array() );
		$this->assertIsArray( $filters );
		// What the client would receive, counted and dropped, in 8 KB chunks.
		ob_start(
			static function ( string $chunk ) use ( &$bytes ): string {
				$bytes += strlen( $chunk );
				return '';
			},
			8192
		);
		$out = fopen( 'php://output', 'w' );
		$this->assertIsResource( $out );
		gc_collect_cycles();
		memory_reset_peak_usage();
		$base    = memory_get_usage();
		$written = BookingsExport::write(
			$out,
			$filters,
			static function () use ( &$batches ): void {
				++$batches;
			}
		);
		$peak    = memory_get_peak_usage() - $base;
		fclose( $out );
		ob_end_clean();

		$this->assertSame( $count, $written );
		$this->assertGreaterThan( 3 * 1024 * 1024, $bytes, 'Several megabytes of CSV went out.' );
		$this->assertSame( intdiv( $count, 100 ), $batches, 'Flushed after every 100 rows.' );
		$this->assertLessThan( 1024 * 1024, $peak, sprintf( 'Memory grew by %d bytes for %d bytes of CSV: rows are held, not streamed.', $peak, $bytes ) );
	}
}
