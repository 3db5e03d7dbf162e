<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Notifications;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Tests\Integration\Support\Maildev;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Cron runners on several web nodes (or a cron run that overlaps the last
 * one, or a request's send after its response) send the outbox at the same
 * instant: each email must go out once. Separate PHP processes send real
 * emails to maildev; they need committed rows, so this class runs outside
 * the per-test transaction and removes what it made itself.
 */
final class OutboxRaceTest extends TestCase {

	protected function tear_down(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'outbox' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test clean-up of the plugin's own table.
		wp_clear_scheduled_hook( OutboxSender::HOOK );
		parent::tear_down();
	}

	public function test_three_runners_at_once_send_each_email_once(): void {
		$address = 'race.' . wp_generate_password( 8, false ) . '@example.com';
		$outbox  = new Outbox();
		for ( $i = 1; $i <= 9; $i++ ) {
			$outbox->add(
				array(
					'to'      => array( $address ),
					'subject' => "Race $i",
					'text'    => "Email $i",
					'html'    => "<p>Email $i</p>",
					'headers' => array(),
					'files'   => array(),
					'context' => array( 'event' => 'test' ),
				),
				time()
			);
		}

		$start_at = microtime( true ) + 2.0; // Time for every process to load WordPress first.
		$runners  = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$runners[] = $this->start_runner( $start_at );
		}
		$sent = array_map( array( $this, 'finish_runner' ), $runners );

		$this->assertSame( 9, array_sum( $sent ), 'Nine emails sent in all: ' . wp_json_encode( $sent ) );
		$this->assertGreaterThan( 1, count( array_filter( $sent ) ), 'The runners overlapped: more than one of them sent.' );
		$subjects = array_column( Maildev::to( $address, 9 ), 'subject' );
		sort( $subjects );
		$this->assertSame( array_map( static fn( int $i ): string => "Race $i", range( 1, 9 ) ), $subjects, 'maildev got each email once.' );
		$this->assertSame( '0', (string) $GLOBALS['wpdb']->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'outbox' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test read.
	}

	/**
	 * Starts a runner process.
	 *
	 * @param float $start_at Unix time to start sending at.
	 */
	private function start_runner( float $start_at ): Racer {
		return Racer::start( 'race-outbox.php', $start_at, array() );
	}

	/**
	 * Waits for a runner and gives how many emails it sent.
	 *
	 * @param Racer $runner What start_runner() gave.
	 */
	private function finish_runner( Racer $runner ): int {
		$out    = $runner->output();
		$result = json_decode( $out, true );
		$this->assertIsArray( $result, "A runner failed: $out" );
		return (int) ( $result['sent'] ?? 0 );
	}
}
