<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Fuzz;

use AppointEase\Booking\BookingService;
use AppointEase\Booking\Calendars;
use AppointEase\Infrastructure\Schema;
use AppointEase\Infrastructure\Transaction;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The database connection dies in the middle of a transaction, as it does
 * when MariaDB restarts under a booking (the chaos run does that for real;
 * here the connection kills itself with `KILL CONNECTION_ID()`, at a chosen
 * statement). wpdb's habit is to connect again and run the failed statement
 * once more on the new connection, outside any transaction, where it
 * commits at once. Inside a transaction it must not: the request fails
 * (wpdb hands over to dead_db(), the site's db-error.php or core's error
 * page; here a wp_die handler that throws stands in), and nothing of the
 * lost transaction is left in the database.
 *
 * These tests write for real: a killed connection takes the test's own
 * transaction with it. Their rows use ids no other test uses, and
 * tear_down() deletes them.
 */
final class ConnectionLossTest extends TestCase {

	/** An employee id no fixture uses. */
	private const EMPLOYEE = 919191;

	private Fixtures $fixtures;

	/**
	 * A service id and an employee id committed by a test, deleted in tear_down().
	 *
	 * @var int[]
	 */
	private array $committed = array();

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		add_filter( 'wp_die_handler', array( self::class, 'die_handler' ) );
	}

	protected function tear_down(): void {
		global $wpdb;
		remove_filter( 'wp_die_handler', array( self::class, 'die_handler' ) );
		remove_all_filters( 'query' );
		$wpdb->hide_errors();
		$wpdb->suppress_errors( false );
		$wpdb->check_connection( false );
		foreach ( array( 'calendars', 'occupancy', 'seats' ) as $table ) {
			$wpdb->query( $wpdb->prepare( 'DELETE FROM `' . Schema::table( $table ) . '` WHERE employee_id = %d', self::EMPLOYEE ) );
		}
		$wpdb->query( 'DELETE FROM `' . Schema::table( 'bookings' ) . "` WHERE customer_email = 'lost@example.com'" );
		if ( array() !== $this->committed ) {
			list( $service, $employee ) = $this->committed;
			foreach ( array( 'calendars', 'occupancy', 'seats' ) as $table ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM `' . Schema::table( $table ) . '` WHERE employee_id = %d', $employee ) );
			}
			$this->fixtures->employees->delete( $employee );
			$this->fixtures->services->delete( $service );
		}
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	/** How the exception that stands in for wp_die() starts. */
	private const DIED = 'wp_die: ';

	/**
	 * Turns wp_die() into an exception, as a request's end would be.
	 */
	public static function die_handler(): callable {
		return static function ( $message ): void {
			throw new \RuntimeException( self::DIED . ( is_string( $message ) ? wp_strip_all_tags( $message ) : '' ) );
		};
	}

	public function test_a_statement_after_the_connection_died_is_not_run_again_outside_the_transaction(): void {
		global $wpdb;
		$calendars = new Calendars();
		// Out of the test's own transaction, so that the work runs in a transaction of its own, as in a request.
		$wpdb->query( 'COMMIT' );

		$thrown = $this->thrown(
			function () use ( $calendars ): void {
				Transaction::run(
					function () use ( $calendars ): void {
						$calendars->bump( self::EMPLOYEE, '2031-01-01' );
						self::kill_connection();
						// The connection is gone: this must fail, not run on a new connection.
						$calendars->bump( self::EMPLOYEE, '2031-01-02' );
					}
				);
			}
		);

		$this->assert_died( $thrown );
		$this->assertTrue( $wpdb->check_connection( false ), 'The database itself is up.' );
		$this->assertSame( 0, Fixtures::rows( 'calendars', 'employee_id = ' . self::EMPLOYEE ), 'Neither change of the lost transaction is stored.' );
	}

	public function test_a_booking_whose_connection_dies_midway_leaves_no_row_behind(): void {
		global $wpdb;
		// Committed, so that the service and employee outlive the killed connection.
		$this->fixtures->use_site_timezone();
		$service  = $this->fixtures->service( array( 'name' => 'Lost connection' ) );
		$employee = $this->fixtures->employee( array( $service->id ), array( 'name' => 'Connection Lost' ) );
		$wpdb->query( 'COMMIT' );
		$this->committed = array( $service->id, $employee->id );

		// The connection dies just before the seat ledger claims the time, after the booking row went in.
		add_filter(
			'query',
			static function ( string $query ): string {
				if ( str_starts_with( $query, 'INSERT INTO `' . Schema::table( 'occupancy' ) . '`' ) ) {
					remove_all_filters( 'query' );
					self::kill_connection();
				}
				return $query;
			}
		);
		$thrown = $this->thrown( fn() => BookingService::create_default()->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'lost@example.com' ) ), Fixtures::now() ) );

		$this->assert_died( $thrown );
		$this->assertTrue( $wpdb->check_connection( false ) );
		$this->assertSame( 0, Fixtures::rows( 'bookings', "customer_email = 'lost@example.com'" ), 'No booking row.' );
		$this->assertSame( 0, Fixtures::rows( 'occupancy', 'employee_id = ' . $employee->id ), 'No occupancy cell.' );
		$this->assertSame( 0, Fixtures::rows( 'seats', 'employee_id = ' . $employee->id ), 'No seat.' );
		$this->assertSame( 0, Fixtures::rows( 'calendars', 'employee_id = ' . $employee->id ), 'No calendar bump.' );
	}

	/**
	 * Asserts that the request ended in wp_die(), as dead_db() ends it.
	 *
	 * @param \Throwable|null $thrown What the work threw.
	 */
	private function assert_died( ?\Throwable $thrown ): void {
		$this->assertNotNull( $thrown, 'The work went on as if nothing happened.' );
		$this->assertStringStartsWith( self::DIED, $thrown->getMessage(), 'The request ends instead of carrying on: ' . $thrown->getMessage() );
	}

	/**
	 * Kills this process's own database connection, the way a server restart ends it.
	 */
	private static function kill_connection(): void {
		global $wpdb;
		$wpdb->suppress_errors( true );
		// With errors shown, wpdb's bail() calls wp_die(), which the handler above turns into an exception.
		$wpdb->show_errors( true );
		$wpdb->query( 'KILL CONNECTION_ID()' );
	}

	/**
	 * What $work threw, or null.
	 *
	 * @param callable(): mixed $work The work.
	 */
	private function thrown( callable $work ): ?\Throwable {
		try {
			$work();
		} catch ( \Throwable $thrown ) {
			return $thrown;
		} finally {
			global $wpdb;
			$wpdb->hide_errors();
			$wpdb->suppress_errors( false );
		}
		return null;
	}
}
