<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Booking\SeatLedger;
use AppointEase\Infrastructure\Schema;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Separate PHP processes race to book the same and overlapping times, each
 * skipping every availability check: only the database's keys stand between
 * them. The racers commit, so this class runs outside the per-test
 * transaction and empties the booking tables itself.
 */
final class SeatLedgerRaceTest extends TestCase {

	private const EMPLOYEE = 41;

	protected function set_up(): void {
		parent::set_up();
		$this->empty_tables();
	}

	protected function tear_down(): void {
		$this->empty_tables();
		parent::tear_down();
	}

	public function test_one_to_one_exactly_one_of_eight_racers_wins(): void {
		$results = $this->race( array_fill( 0, 8, array( 7, '2030-01-07T10:00:00Z', '2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z', 1, 1 ) ) );

		$this->assertSame( 1, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 7, $this->count_of( 'taken', $results ), 'Every other racer gets a clear refusal, not an error.' );
		$this->assert_rows( bookings: 1, seats: 1, cells: 6 );
	}

	public function test_overlapping_sessions_of_different_services_let_exactly_one_through(): void {
		$racers = array();
		for ( $i = 0; $i < 4; $i++ ) {
			// Service 7: 10:00-11:00. Service 8: 10:30-11:00 with a 10-minute buffer before. They overlap.
			$racers[] = array( 7, '2030-01-07T10:00:00Z', '2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z', 1, 1 );
			$racers[] = array( 8, '2030-01-07T10:30:00Z', '2030-01-07T10:20:00Z', '2030-01-07T11:00:00Z', 1, 1 );
		}

		$results = $this->race( $racers );

		$this->assertSame( 1, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 7, $this->count_of( 'taken', $results ) );
		global $wpdb;
		$owners = $wpdb->get_var( 'SELECT COUNT(DISTINCT service_id) FROM ' . Schema::table( 'occupancy' ) . ' WHERE employee_id = ' . self::EMPLOYEE );
		$this->assertSame( '1', $owners, 'All cells belong to the one session that won.' );
		$this->assertSame( '1', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ), 'Refused racers leave no booking row.' );
	}

	public function test_a_group_session_sells_exactly_its_capacity(): void {
		$results = $this->race( array_fill( 0, 8, array( 9, '2030-01-07T18:00:00Z', '2030-01-07T18:00:00Z', '2030-01-07T19:15:00Z', 1, 3 ) ) );

		$this->assertSame( 3, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 5, $this->count_of( 'taken', $results ) );
		$this->assert_rows( bookings: 3, seats: 3, cells: 15 );
		global $wpdb;
		$this->assertSame( array( '1', '2', '3' ), $wpdb->get_col( 'SELECT seat_no FROM ' . Schema::table( 'seats' ) . ' ORDER BY seat_no' ) );
	}

	public function test_multi_seat_requests_never_exceed_capacity(): void {
		// Capacity 5; racers want 2 seats each: at most two of them fit (4 seats), never a third.
		$results = $this->race( array_fill( 0, 6, array( 9, '2030-01-08T18:00:00Z', '2030-01-08T18:00:00Z', '2030-01-08T19:00:00Z', 2, 5 ) ) );

		$this->assertSame( 2, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( '4', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) ) );
	}

	/**
	 * A chaos run found a group session whose booking had lost its cells: a
	 * cancel counted the session's remaining seats in the snapshot its
	 * transaction took before a joiner committed, saw none, and removed the
	 * cells the joiner's booking stands on. Here the joiner claims a seat and
	 * holds its transaction open while the cancel starts and waits for it.
	 */
	public function test_a_cancel_that_waits_for_a_joiner_keeps_the_session_cells(): void {
		$session       = array( 9, '2030-01-09T18:00:00Z', '2030-01-09T18:00:00Z', '2030-01-09T19:15:00Z', 1, 3 );
		list( $first ) = $this->race( array( $session ) );
		$this->assertMatchesRegularExpression( '/^won \d+$/', $first );
		$leaving = (int) substr( $first, 4 );

		$start_at = microtime( true ) + 2.0;
		$joiner   = $this->start_racer( array_merge( $session, array( 2000 ) ), $start_at );
		// The joiner has claimed by now and holds its locks for two more seconds.
		usleep( (int) ( ( $start_at + 0.7 - microtime( true ) ) * 1e6 ) );
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		( new SeatLedger() )->release( $leaving );
		$wpdb->query( 'COMMIT' );
		$joined = $this->finish_racer( $joiner );

		$this->assertMatchesRegularExpression( '/^won \d+$/', $joined );
		$this->assertSame( array( substr( $joined, 4 ) ), $wpdb->get_col( 'SELECT booking_id FROM ' . Schema::table( 'seats' ) ), 'Only the joiner holds a seat.' );
		$this->assertSame( '15', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'occupancy' ) ), 'The joiner\'s session keeps its cells.' );
	}

	/**
	 * The service's duration grew after its 18:00 session was first booked
	 * (18:00-19:00). Joiners now ask for 18:00-19:30 while another service's
	 * 19:00 session races for the same half hour: the joiners' extra cells
	 * were never the session's, so they must not join, and no cell may end up
	 * under two sessions.
	 */
	public function test_a_joiner_whose_span_grew_cannot_join_and_no_cell_is_shared(): void {
		list( $first ) = $this->race( array( array( 9, '2030-01-10T18:00:00Z', '2030-01-10T18:00:00Z', '2030-01-10T19:00:00Z', 1, 3 ) ) );
		$this->assertMatchesRegularExpression( '/^won \d+$/', $first );

		$racers = array();
		for ( $i = 0; $i < 3; $i++ ) {
			$racers[] = array( 9, '2030-01-10T18:00:00Z', '2030-01-10T18:00:00Z', '2030-01-10T19:30:00Z', 1, 3 );
			$racers[] = array( 8, '2030-01-10T19:00:00Z', '2030-01-10T19:00:00Z', '2030-01-10T19:30:00Z', 1, 1 );
		}
		$results = $this->race( $racers );

		$this->assertSame( 1, $this->count_of( 'won', $results ), 'Only the other service\'s session: ' . implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( '12', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'occupancy' ) . ' WHERE service_id = 9' ), 'The session keeps its own span.' );
		$this->assertSame( '6', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'occupancy' ) . ' WHERE service_id = 8' ) );
		$this->assertSame( '1', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) . ' WHERE service_id = 9' ), 'Nobody joined with the longer span.' );
	}

	/**
	 * The service's capacity was raised from 2 to 4 after its session was
	 * first booked: racing joiners fill the 2 seats the session was sold with,
	 * never more.
	 */
	public function test_joiners_meet_the_capacity_the_session_was_first_booked_with(): void {
		list( $first ) = $this->race( array( array( 9, '2030-01-11T18:00:00Z', '2030-01-11T18:00:00Z', '2030-01-11T19:00:00Z', 1, 2 ) ) );
		$this->assertMatchesRegularExpression( '/^won \d+$/', $first );

		$results = $this->race( array_fill( 0, 4, array( 9, '2030-01-11T18:00:00Z', '2030-01-11T18:00:00Z', '2030-01-11T19:00:00Z', 1, 4 ) ) );

		$this->assertSame( 1, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 3, $this->count_of( 'taken', $results ) );
		global $wpdb;
		$this->assertSame( array( '1', '2' ), $wpdb->get_col( 'SELECT seat_no FROM ' . Schema::table( 'seats' ) . ' ORDER BY seat_no' ) );
	}

	/**
	 * Starts one process per racer, all released at the same instant; returns their outputs.
	 *
	 * @param array<int, array{0: int, 1: string, 2: string, 3: string, 4: int, 5: int}> $racers Service, session start, occupied start and end, seats, capacity.
	 * @return string[]
	 */
	private function race( array $racers ): array {
		$start_at = Racer::soon();
		$procs    = array();
		foreach ( $racers as $racer ) {
			$procs[] = $this->start_racer( $racer, $start_at );
		}
		return array_map( array( $this, 'finish_racer' ), $procs );
	}

	/**
	 * Starts a racer process that claims at an instant.
	 *
	 * @param array<int, int|string> $racer    Service, session start, occupied start and end, seats, capacity, and optionally a commit delay in ms.
	 * @param float                  $start_at Unix time to claim at.
	 */
	private function start_racer( array $racer, float $start_at ): Racer {
		return Racer::start( 'race-claim.php', $start_at, array_merge( array( (string) self::EMPLOYEE ), array_map( 'strval', $racer ) ) );
	}

	/**
	 * Waits for a racer and gives its output: "won <id>" or "taken".
	 *
	 * @param Racer $racer What start_racer() gave.
	 */
	private function finish_racer( Racer $racer ): string {
		$out = $racer->output();
		$this->assertMatchesRegularExpression( '/^(won \d+|taken)$/', $out, 'A racer failed instead of winning or being refused.' );
		return $out;
	}

	/**
	 * @param string[] $results
	 */
	private function count_of( string $outcome, array $results ): int {
		return count( array_filter( $results, static fn( string $r ): bool => str_starts_with( $r, $outcome ) ) );
	}

	private function assert_rows( int $bookings, int $seats, int $cells ): void {
		global $wpdb;
		$this->assertSame( (string) $bookings, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
		$this->assertSame( (string) $seats, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) ) );
		$this->assertSame( (string) $cells, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'occupancy' ) ) );
	}

	private function empty_tables(): void {
		global $wpdb;
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) );
		}
	}
}
