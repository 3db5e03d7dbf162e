<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisOutage;
use AppointEase\Tests\Integration\Support\PrivateRedisServer;

/**
 * Redis stops between a visitor's hold and their booking, as it would when a
 * Redis host restarts. Through the REST routes: the booking is still made,
 * the poll and new holds carry on in the database store, and no error or
 * PHP warning reaches the visitor.
 *
 * The routes run against a redis-server of this test's own, so that
 * stopping it disturbs no one else.
 */
final class RedisStopsDuringBookingTest extends RestTestCase {

	use PrivateRedisServer;

	/**
	 * PHP warnings and notices raised meanwhile; there must be none.
	 *
	 * @var string[]
	 */
	private array $php_errors = array();

	protected function set_up(): void {
		parent::set_up();
		$this->start_redis_server();
		( new RedisOutage() )->clear();
		$prefix = 'aetest:' . bin2hex( random_bytes( 4 ) ) . ':';
		HoldStoreFactory::use_shared( new HoldStoreFactory( new RedisConfig( '127.0.0.1', $this->redis_port(), null, 0, $prefix ), new RedisOutage() ) );
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the test fails on any warning or notice.
			function ( int $errno, string $message, string $file, int $line ): bool {
				// What the code hid on purpose (Sync\ICalendar::quietly() hides the iCalendar library's deprecations) reaches no one.
				if ( 0 === ( error_reporting() & $errno ) ) { // phpcs:ignore WordPress.PHP.DevelopmentFunctions.prevent_path_disclosure_error_reporting,WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_error_reporting -- reads the level.
					return true;
				}
				$this->php_errors[] = "$message ($file:$line)";
				return true;
			}
		);
	}

	protected function tear_down(): void {
		restore_error_handler();
		$this->stop_redis_server();
		HoldStoreFactory::use_shared( null );
		( new RedisOutage() )->clear();
		parent::tear_down();
	}

	public function test_the_booking_completes_and_holds_and_the_poll_carry_on_in_the_database(): void {
		$hold = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( '10:00' ) ) );
		$this->assertSame( 'redis', HoldStoreFactory::shared()->status()['store'], 'The hold was taken in Redis.' );

		$this->stop_redis_server();

		$booking = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'hold_token' => $hold['token'] ) ) ) );
		$this->assertSame( 'confirmed', $booking['status'] );
		$this->assertSame( 1, self::rows( 'bookings', 'id = ' . (int) $booking['id'] ), 'The booking is in the database.' );
		$this->assertSame( 'database', HoldStoreFactory::shared()->status()['store'], 'The store failed over.' );

		$next = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( '11:00' ) ) );
		$poll = $this->assertOk(
			200,
			$this->get(
				'slots/poll',
				array(
					'employee' => $this->employee->id,
					'date'     => $this->monday,
				)
			)
		);
		$this->assertSame( array( $booking['start'] ), array_column( $poll['booked'], 'start' ) );
		$this->assertSame( array( $next['id'] ), array_column( $poll['held'], 'id' ), 'The new hold lives in the database store.' );
		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->booking_body( '10:00' ) ), 'The booked time stays booked.' );
		$this->assertSame( array(), $this->php_errors, 'No PHP warning or notice may reach a visitor.' );
	}
}
