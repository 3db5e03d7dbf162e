<?php
/**
 * The transaction every booking change runs in (Infrastructure\Transaction),
 * when the caller already holds one, as a test or a site's own code does.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Calendars;
use AppointEase\Booking\DeadlockException;
use AppointEase\Infrastructure\Schema;
use AppointEase\Infrastructure\Transaction;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class BookingServiceTransactionTest extends TestCase {

	/** An employee id no fixture uses. */
	private const EMPLOYEE = 909090;

	public function test_work_inside_the_callers_transaction_commits_into_it_and_leaves_it_open(): void {
		global $wpdb;

		$result = Transaction::run( fn(): array => ( new Calendars() )->bump( self::EMPLOYEE, '2030-01-01' ) );

		$this->assertSame( array( 0, 1 ), $result );
		$this->assertSame( '1', (string) $wpdb->get_var( 'SELECT @@in_transaction' ) );
		$this->assertSame( 1, Fixtures::rows( 'calendars', 'employee_id = ' . self::EMPLOYEE ) );
	}

	public function test_a_failure_rolls_back_the_work_only(): void {
		$calendars = new Calendars();
		$calendars->bump( self::EMPLOYEE, '2030-01-01' );

		$thrown = self::thrown(
			function () use ( $calendars ): void {
				$calendars->bump( self::EMPLOYEE, '2030-01-01' );
				$calendars->bump( self::EMPLOYEE, '2030-01-02' );
				throw new \DomainException( 'Refused.' );
			}
		);

		$this->assertInstanceOf( \DomainException::class, $thrown );
		$this->assertSame( 1, $calendars->version( self::EMPLOYEE, '2030-01-01' ), 'The caller\'s own change stays.' );
		$this->assertSame( 0, $calendars->version( self::EMPLOYEE, '2030-01-02' ) );
	}

	public function test_a_failure_in_an_outer_unit_of_work_also_undoes_a_finished_inner_one(): void {
		$calendars = new Calendars();

		$thrown = self::thrown(
			function () use ( $calendars ): void {
				$calendars->bump( self::EMPLOYEE, '2030-01-01' );
				Transaction::run( fn(): array => $calendars->bump( self::EMPLOYEE, '2030-01-02' ) );
				throw new \DomainException( 'Refused after the inner work finished.' );
			}
		);

		$this->assertInstanceOf( \DomainException::class, $thrown );
		$this->assertSame( 0, $calendars->version( self::EMPLOYEE, '2030-01-01' ) );
		$this->assertSame( 0, $calendars->version( self::EMPLOYEE, '2030-01-02' ) );
	}

	public function test_a_failing_inner_unit_of_work_leaves_the_outer_one_intact(): void {
		$calendars = new Calendars();

		$outer = Transaction::run(
			function () use ( $calendars ): ?\Throwable {
				$calendars->bump( self::EMPLOYEE, '2030-01-01' );
				return self::thrown(
					function () use ( $calendars ): void {
						$calendars->bump( self::EMPLOYEE, '2030-01-02' );
						throw new \DomainException( 'Inner refusal.' );
					}
				);
			}
		);

		$this->assertSame( 'Inner refusal.', $outer?->getMessage() );
		$this->assertSame( 1, $calendars->version( self::EMPLOYEE, '2030-01-01' ) );
		$this->assertSame( 0, $calendars->version( self::EMPLOYEE, '2030-01-02' ) );
	}

	/**
	 * A deadlock rolls back the whole transaction, the caller's part included,
	 * so running the work again on its own would commit it outside the
	 * caller's transaction. Only the caller can start over.
	 */
	public function test_a_deadlock_inside_the_callers_transaction_is_handed_to_the_caller_not_retried(): void {
		global $wpdb;
		$calendars = new Calendars();
		$other     = $this->second_connection();
		$table     = Schema::table( 'calendars' );
		$attempts  = 0;
		try {
			// The other transaction is made heavier, so that InnoDB picks this one as the victim.
			$other->begin_transaction();
			for ( $i = 1; $i <= 50; $i++ ) {
				$other->query( sprintf( "INSERT INTO `%s` (employee_id, calendar_date, version) VALUES (%d, '2031-01-01' + INTERVAL %d DAY, 1)", $table, self::EMPLOYEE + 1, $i ) );
			}
			// This transaction holds X, the other holds Y and waits for X.
			$calendars->bump( self::EMPLOYEE, '2030-01-01' );
			$other->query( sprintf( "INSERT INTO `%s` (employee_id, calendar_date, version) VALUES (%d, '2030-01-02', 1)", $table, self::EMPLOYEE ) );
			$other->query( sprintf( "INSERT INTO `%s` (employee_id, calendar_date, version) VALUES (%d, '2030-01-01', 1)", $table, self::EMPLOYEE ), MYSQLI_ASYNC );
			usleep( 200000 );

			$thrown = null;
			try {
				Transaction::run(
					function () use ( $calendars, $other, &$attempts ): void {
						++$attempts;
						if ( $attempts > 1 ) {
							// A retry: let the other transaction finish, so that Y is free.
							$other->reap_async_query();
							$other->rollback();
						}
						$calendars->bump( self::EMPLOYEE, '2030-01-02' ); // Waits for Y: a cycle.
					}
				);
			} catch ( DeadlockException $deadlock ) {
				$thrown = $deadlock;
			}

			$this->assertSame( 1, $attempts, 'The work ran again after the caller\'s transaction was gone.' );
			$this->assertInstanceOf( DeadlockException::class, $thrown );
		} finally {
			if ( 1 === $attempts ) {
				$other->reap_async_query();
				$other->rollback();
			}
			$other->close();
			// Whatever a retry may have committed outside the test's transaction.
			$wpdb->query( 'ROLLBACK' );
			$wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE employee_id IN (%d, %d)", self::EMPLOYEE, self::EMPLOYEE + 1 ) );
			$wpdb->query( 'START TRANSACTION' );
		}//end try
	}

	/**
	 * What Transaction::run() threw while running $work, or null.
	 *
	 * @param callable(): void $work The unit of work.
	 */
	private static function thrown( callable $work ): ?\Throwable {
		try {
			Transaction::run( $work );
		} catch ( \Throwable $thrown ) {
			return $thrown;
		}
		return null;
	}

	private function second_connection(): \mysqli {
		list( $host, $port ) = array_pad( explode( ':', (string) constant( 'DB_HOST' ) ), 2, '3306' );
		$mysqli              = new \mysqli( $host, (string) constant( 'DB_USER' ), (string) constant( 'DB_PASSWORD' ), (string) constant( 'DB_NAME' ), (int) $port );
		$mysqli->query( 'SET SESSION innodb_lock_wait_timeout = 10' );
		return $mysqli;
	}
}
