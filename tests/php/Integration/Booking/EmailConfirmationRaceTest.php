<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Booking\SeatLedger;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\TestCase;

/**
 * A customer's email confirmation racing the expiry of the same booking at
 * its deadline, in separate PHP processes against the real database (each
 * its own connection, so the data is committed first and removed after).
 * Exactly one side wins: the booking ends confirmed with its seat, every
 * confirmer having been told so, or expired with its seat freed, every
 * confirmer having been told it expired; and its calendar moved on once.
 */
final class EmailConfirmationRaceTest extends TestCase {

	private const EMPLOYEE = 43;

	private const SERVICE = 9;

	protected function set_up(): void {
		parent::set_up();
		$this->empty_tables();
	}

	protected function tear_down(): void {
		$this->empty_tables();
		parent::tear_down();
	}

	public function test_a_confirmation_racing_the_expiry_at_the_deadline_wins_or_loses_whole(): void {
		$outcomes = array();
		for ( $round = 0; $round < 3; $round++ ) {
			$start_at = microtime( true ) + 2.5; // Time for every process to load WordPress first.
			// The deadline falls right among the racers: some see it passed, some not yet.
			$deadline           = (int) ceil( $start_at );
			$start_at           = $deadline - 0.004;
			list( $id, $token ) = $this->unverified_booking( $round, $deadline );

			$racers = array();
			foreach ( array( 'verify', 'expire', 'verify', 'expire', 'verify', 'expire' ) as $role ) {
				$racers[] = $this->start_racer( $role, $id, $token, $start_at );
			}
			$results = array_map( array( $this, 'finish_racer' ), $racers );
			$status  = $this->column( 'SELECT status FROM ' . Schema::table( 'bookings' ) . " WHERE id = $id" );
			$seats   = (int) $this->column( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) . " WHERE booking_id = $id" );
			$version = (int) $this->column( 'SELECT COALESCE(SUM(version), 0) FROM ' . Schema::table( 'calendars' ) . ' WHERE employee_id = ' . self::EMPLOYEE );
			$said    = implode( ', ', $results );

			$this->assertContains( $status, array( 'confirmed', 'expired' ), $said );
			$this->assertSame( $round + 1, $version, "Exactly one change of the booking per round: $said" );
			$confirmers = array_values( array_filter( $results, static fn( string $r ): bool => ! str_starts_with( $r, 'expired' ) ) );
			$expirers   = array_values( array_filter( $results, static fn( string $r ): bool => str_starts_with( $r, 'expired' ) ) );
			if ( 'confirmed' === $status ) {
				$this->assertSame( 1, $seats, "A confirmed booking keeps its seat: $said" );
				$this->assertSame( array_fill( 0, 3, 'verified confirmed' ), $confirmers, $said );
				$this->assertSame( array_fill( 0, 3, 'expired 0' ), $expirers, "No expiry touched it: $said" );
			} else {
				$this->assertSame( 0, $seats, "An expired booking frees its seat: $said" );
				$this->assertSame( array_fill( 0, 3, 'refused CONFIRMATION_EXPIRED' ), $confirmers, "Every confirmer hears it expired: $said" );
				$this->assertLessThanOrEqual( 1, array_sum( array_map( static fn( string $r ): int => (int) substr( $r, 8 ), $expirers ) ), $said );
			}
			$outcomes[] = $status;
		}//end for
		$this->addToAssertionCount( count( $outcomes ) );
	}

	/**
	 * Commits an unverified booking with its seat, due at a deadline.
	 *
	 * @param int $round    Which round (its hour on the day).
	 * @param int $deadline Unix time.
	 * @return array{0: int, 1: string} Its id and confirm token.
	 */
	private function unverified_booking( int $round, int $deadline ): array {
		global $wpdb;
		$token = bin2hex( random_bytes( 32 ) );
		$start = new \DateTimeImmutable( sprintf( '2030-01-07T%02d:00:00Z', 9 + $round ) );
		$end   = $start->modify( '+30 minutes' );
		$now   = gmdate( 'Y-m-d H:i:s' );
		$wpdb->insert(
			Schema::table( 'bookings' ),
			array(
				'employee_id'        => self::EMPLOYEE,
				'service_id'         => self::SERVICE,
				'start_utc'          => $start->format( 'Y-m-d H:i:s' ),
				'end_utc'            => $end->format( 'Y-m-d H:i:s' ),
				'seats'              => 1,
				'status'             => 'unverified',
				'customer_name'      => 'Racer',
				'customer_email'     => 'racer@example.com',
				'customer_notes'     => '',
				'manage_token_hash'  => hash( 'sha256', random_bytes( 16 ) ),
				'verify_token_hash'  => hash( 'sha256', $token ),
				'verify_expires_utc' => gmdate( 'Y-m-d H:i:s', $deadline ),
				'created_at'         => $now,
				'updated_at'         => $now,
			)
		);
		$id = (int) $wpdb->insert_id;
		( new SeatLedger() )->claim( $id, self::EMPLOYEE, self::SERVICE, $start, $start, $end, 1, 1 );
		// The racers have connections of their own: they see only what is committed.
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
		return array( $id, $token );
	}

	/**
	 * Starts a racer process.
	 */
	private function start_racer( string $role, int $id, string $token, float $start_at ): Racer {
		return Racer::start( 'race-verify.php', $start_at, array( $role, (string) $id, $token ) );
	}

	/**
	 * Waits for a racer and gives its output.
	 *
	 * @param Racer $racer What start_racer() gave.
	 */
	private function finish_racer( Racer $racer ): string {
		$out = $racer->output();
		$this->assertMatchesRegularExpression( '/^(verified confirmed|refused CONFIRMATION_EXPIRED|expired \d+)$/', $out, 'A racer failed instead of winning or being refused.' );
		return $out;
	}

	/**
	 * One value, read with a locking read so it is the committed one.
	 *
	 * @param string $sql A query of one value.
	 */
	private function column( string $sql ): string {
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$value = (string) $wpdb->get_var( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- built from constants and integers.
		$wpdb->query( 'START TRANSACTION' );
		return $value;
	}

	private function empty_tables(): void {
		global $wpdb;
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions', 'calendars' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) . ' WHERE employee_id = ' . self::EMPLOYEE ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- a constant.
		}
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
	}
}
