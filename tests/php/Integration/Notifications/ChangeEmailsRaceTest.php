<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Notifications;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Booking\BookingService;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\ChangeEmails;
use AppointEase\Notifications\ChangeQueue;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\Support\QueuedEmails;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Cron runners on several web nodes (or a cron that overlaps the last one)
 * start the change-email job at the same instant: each separate PHP process
 * must find the due booking, but only one may send its emails. The runners
 * need committed rows, so this class runs outside the per-test transaction
 * and removes what it made itself.
 */
final class ChangeEmailsRaceTest extends TestCase {

	private Fixtures $fixtures;

	/**
	 * Service and employee rows this test made.
	 *
	 * @var array{0: int, 1: int}
	 */
	private array $made = array( 0, 0 );

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		add_filter( 'pre_wp_mail', '__return_true' );
		add_filter( 'appointease_rate_limit_enabled', '__return_false' );
	}

	protected function tear_down(): void {
		global $wpdb;
		remove_filter( 'pre_wp_mail', '__return_true' );
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions', 'calendars', 'change_emails', 'outbox' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test clean-up of the plugin's own tables.
		}
		list( $service, $employee ) = $this->made;
		$wpdb->delete( Schema::table( 'services' ), array( 'id' => $service ) );
		$wpdb->delete( Schema::table( 'employees' ), array( 'id' => $employee ) );
		$wpdb->delete( Schema::table( 'employee_services' ), array( 'employee_id' => $employee ) );
		$wpdb->delete( Schema::table( 'working_hours' ), array( 'employee_id' => $employee ) );
		wp_clear_scheduled_hook( ChangeEmails::HOOK );
		wp_clear_scheduled_hook( OutboxSender::HOOK );
		wp_cache_flush();
		parent::tear_down();
	}

	public function test_four_runners_at_once_send_the_change_emails_once(): void {
		$service    = $this->fixtures->service();
		$employee   = $this->fixtures->employee( array( $service->id ) );
		$this->made = array( $service->id, $employee->id );
		$bookings   = BookingService::create_default();
		$booking    = $bookings->book( Fixtures::request( $service, $employee, '2030-01-07 10:00', array( 'email' => 'maria@example.com' ) ), Fixtures::now() )->booking;
		$bookings->reschedule( $booking->id, Fixtures::at( '2030-01-07 11:00' ), null, Fixtures::now(), false );
		$bookings->reschedule( $booking->id, Fixtures::at( '2030-01-07 14:00' ), null, Fixtures::now(), false );
		QueuedEmails::take(); // The new booking's own emails, which are not what the runners race for.

		$start_at = microtime( true ) + 2.0; // Time for every process to load WordPress first.
		$job_now  = time() + ChangeQueue::QUIET_SECONDS + 5;
		$runners  = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$runners[] = $this->start_runner( $start_at, $job_now );
		}
		$results = array_map( array( $this, 'finish_runner' ), $runners );

		$sent = array_merge( ...array_column( $results, 'sent' ) );
		$this->assertSame( 1, array_sum( array_column( $results, 'handled' ) ), 'One runner took the booking: ' . wp_json_encode( $results ) );
		$to_customer = array_values( (array) preg_grep( '/^maria@example\.com \| /', $sent ) );
		$this->assertCount( 1, $to_customer, 'One email to the customer: ' . implode( '; ', $sent ) );
		$this->assertStringStartsWith( 'maria@example.com | New time: Haircut on January 7, 2030 at 2:00 pm', $to_customer[0] );
		$this->assertCount( 2, $sent, 'And one to the staff.' );
		$this->assertSame( '0', (string) $GLOBALS['wpdb']->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'change_emails' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test read.
	}

	/**
	 * Starts a runner process that runs the job at an instant.
	 *
	 * @param float $start_at Unix time to start the job at.
	 * @param int   $job_now  The instant the job takes as now.
	 */
	private function start_runner( float $start_at, int $job_now ): Racer {
		return Racer::start( 'race-change-emails.php', $start_at, array( (string) $job_now ) );
	}

	/**
	 * Waits for a runner and gives what it reported.
	 *
	 * @param Racer $runner What start_runner() gave.
	 * @return array{handled: int, sent: string[]}
	 */
	private function finish_runner( Racer $runner ): array {
		$out    = $runner->output();
		$result = json_decode( $out, true );
		$this->assertIsArray( $result, "A runner failed: $out" );
		return array(
			'handled' => (int) ( $result['handled'] ?? 0 ),
			'sent'    => array_map( 'strval', (array) ( $result['sent'] ?? array() ) ),
		);
	}
}
