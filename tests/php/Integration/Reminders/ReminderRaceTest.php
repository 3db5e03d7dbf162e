<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Reminders;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Booking\BookingService;
use AppointEase\Infrastructure\Schema;
use AppointEase\Reminders\ReminderCron;
use AppointEase\Tests\Integration\Support\Fixtures;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Two cron runs that overlap, or cron on several web nodes, start the
 * reminder job at the same instant: separate PHP processes each find the
 * due reminders, and each reminder must go out once. The runners need
 * committed rows, so this class runs outside the per-test transaction and
 * removes what it made itself.
 */
final class ReminderRaceTest extends TestCase {

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
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions', 'calendars', 'change_emails', 'reminders' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test clean-up of the plugin's own tables.
		}
		list( $service, $employee ) = $this->made;
		$wpdb->delete( Schema::table( 'services' ), array( 'id' => $service ) );
		$wpdb->delete( Schema::table( 'employees' ), array( 'id' => $employee ) );
		$wpdb->delete( Schema::table( 'employee_services' ), array( 'employee_id' => $employee ) );
		$wpdb->delete( Schema::table( 'working_hours' ), array( 'employee_id' => $employee ) );
		ReminderCron::unschedule();
		wp_cache_flush();
		parent::tear_down();
	}

	public function test_four_runners_at_once_send_each_reminder_once(): void {
		$service    = $this->fixtures->service();
		$employee   = $this->fixtures->employee( array( $service->id ) );
		$this->made = array( $service->id, $employee->id );
		$bookings   = BookingService::create_default();
		foreach ( array( '10:00', '11:00', '13:00' ) as $i => $time ) {
			$bookings->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' ' . $time, array( 'email' => "customer$i@example.com" ) ), Fixtures::now() );
		}
		// The bookings' own emails wait in the outbox too; the runners are to send only reminders.
		$GLOBALS['wpdb']->query( 'DELETE FROM ' . Schema::table( 'outbox' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test set-up.

		$start_at = microtime( true ) + 2.0; // Time for every process to load WordPress first.
		$job_now  = Fixtures::at( '2030-01-06 13:00' )->format( DATE_ATOM );
		$runners  = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$runners[] = $this->start_runner( $start_at, $job_now );
		}
		$results = array_map( array( $this, 'finish_runner' ), $runners );

		$sent = array_merge( ...array_column( $results, 'sent' ) );
		sort( $sent );
		$this->assertCount( 3, $sent, 'One reminder per booking, from whichever runner claimed it: ' . wp_json_encode( $results ) );
		$this->assertStringStartsWith( 'customer0@example.com | Reminder: Haircut on January 7, 2030 at 10:00 am', $sent[0] );
		$this->assertStringStartsWith( 'customer2@example.com | Reminder: Haircut on January 7, 2030 at 1:00 pm', $sent[2] );
		$lines = array_merge( ...array_column( $results, 'report' ) );
		$this->assertCount( 3, $lines, 'Each reminder is in one runner\'s report.' );
		$this->assertSame( '3', (string) $GLOBALS['wpdb']->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'reminders' ) . " WHERE state = 'sent'" ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test read.
	}

	/**
	 * Starts a runner process that runs the job at an instant.
	 *
	 * @param float  $start_at Unix time to start the job at.
	 * @param string $job_now  The instant the job takes as now, ISO 8601.
	 */
	private function start_runner( float $start_at, string $job_now ): Racer {
		return Racer::start( 'race-reminders.php', $start_at, array( $job_now ) );
	}

	/**
	 * Waits for a runner and gives what it reported.
	 *
	 * @param Racer $runner What start_runner() gave.
	 * @return array{report: array<int, mixed>, sent: string[]}
	 */
	private function finish_runner( Racer $runner ): array {
		$out    = $runner->output();
		$result = json_decode( $out, true );
		$this->assertIsArray( $result, "A runner failed: $out" );
		return array(
			'report' => (array) ( $result['report'] ?? array() ),
			'sent'   => array_map( 'strval', (array) ( $result['sent'] ?? array() ) ),
		);
	}
}
