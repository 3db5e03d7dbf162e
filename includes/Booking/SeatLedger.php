<?php
/**
 * Claims and frees the occupancy cells and seats behind a booking.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;
use AppointEase\Schedule\ServiceRules;

defined( 'ABSPATH' ) || exit;

/**
 * The one writer of the `occupancy` and `seats` tables, whose primary keys
 * are what makes a double booking impossible (see docs/architecture.md).
 *
 * A session is one service given by one employee from one start time; it
 * covers [start - buffer before, end + buffer after) in 5-minute cells. The
 * first booking of a session inserts all its cells in one statement, which
 * InnoDB applies whole or not at all; later bookings of the same (group)
 * session find the cells already theirs and only take seats. Seats are
 * numbered 1..capacity, so the (session, seat number) key refuses the seat
 * after the last one.
 *
 * Callers run claim() and release() inside their own transaction, together
 * with the booking row, so that a refused claim leaves nothing behind.
 */
final class SeatLedger {

	/**
	 * Takes the cells of a session (unless it exists already) and `$seats` seats in it.
	 *
	 * @param int                $booking_id     The booking the seats belong to.
	 * @param int                $employee_id    Employee.
	 * @param int                $service_id     Service.
	 * @param \DateTimeImmutable $session_start  Session start, any timezone.
	 * @param \DateTimeImmutable $occupied_start Start minus buffer before.
	 * @param \DateTimeImmutable $occupied_end   End plus buffer after.
	 * @param int                $seats          Seats wanted, at least 1.
	 * @param int                $capacity       The service's capacity.
	 * @throws SlotTakenException When another session covers a cell, or too few seats are left.
	 * @throws DeadlockException  When the database rolled the transaction back; run it again.
	 * @throws \RuntimeException  When the database fails for another reason.
	 */
	public function claim( int $booking_id, int $employee_id, int $service_id, \DateTimeImmutable $session_start, \DateTimeImmutable $occupied_start, \DateTimeImmutable $occupied_end, int $seats, int $capacity ): void {
		$start = self::utc( $session_start );
		$span  = array( self::utc( $occupied_start ), self::utc( $occupied_end ) );
		if ( $this->claim_cells( $employee_id, $service_id, $start, self::cells( $occupied_start, $occupied_end ) ) ) {
			$this->record_session( $employee_id, $service_id, $start, $span, $capacity );
		} else {
			$capacity = $this->joinable_capacity( $employee_id, $service_id, $start, $span, $capacity );
		}
		$this->claim_seats( $booking_id, $employee_id, $service_id, $start, $seats, $capacity );
	}

	/**
	 * Records the span and capacity of a session its first booking just laid
	 * out. (A row left from a session that no longer has cells is replaced.)
	 *
	 * @param int                         $employee_id Employee.
	 * @param int                         $service_id  Service.
	 * @param string                      $start       Session start, UTC 'Y-m-d H:i:s'.
	 * @param array{0: string, 1: string} $span       Occupied start and end, UTC.
	 * @param int                         $capacity    The service's capacity now.
	 */
	private function record_session( int $employee_id, int $service_id, string $start, array $span, int $capacity ): void {
		global $wpdb;
		$table = Schema::table( 'sessions' );
		$sql   = $wpdb->prepare( "INSERT INTO `$table` (employee_id, service_id, session_start_utc, occupied_start_utc, occupied_end_utc, capacity) VALUES (%d, %d, %s, %s, %s, %d) ON DUPLICATE KEY UPDATE occupied_start_utc = VALUES(occupied_start_utc), occupied_end_utc = VALUES(occupied_end_utc), capacity = VALUES(capacity)", $employee_id, $service_id, $start, $span[0], $span[1], $capacity ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( false === $this->query( $sql ) ) {
			self::throw_failure( 'Recording the session failed', $wpdb->last_error );
		}
	}

	/**
	 * The seats a joiner of an existing session may number up to: the
	 * session's recorded capacity, or the service's current one if that is
	 * smaller. A joiner whose span differs from the session's (the service's
	 * duration or buffers changed since it was first booked) cannot join: its
	 * extra cells were never claimed and may be another session's.
	 *
	 * @param int                         $employee_id Employee.
	 * @param int                         $service_id  Service.
	 * @param string                      $start       Session start, UTC 'Y-m-d H:i:s'.
	 * @param array{0: string, 1: string} $span       The joiner's occupied start and end, UTC.
	 * @param int                         $capacity    The service's capacity now.
	 * @throws SlotTakenException When the session was booked with another span.
	 */
	private function joinable_capacity( int $employee_id, int $service_id, string $start, array $span, int $capacity ): int {
		global $wpdb;
		$table = Schema::table( 'sessions' );
		// A shared lock, like the cells' (see claim_cells()).
		$read    = static fn() => $wpdb->get_row( $wpdb->prepare( "SELECT occupied_start_utc, occupied_end_utc, capacity FROM `$table` WHERE employee_id = %d AND service_id = %d AND session_start_utc = %s LOCK IN SHARE MODE", $employee_id, $service_id, $start ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$session = $read();
		if ( ! is_array( $session ) ) {
			// A session first booked before sessions were recorded: its first joiner records it.
			$this->query( $wpdb->prepare( "INSERT IGNORE INTO `$table` (employee_id, service_id, session_start_utc, occupied_start_utc, occupied_end_utc, capacity) VALUES (%d, %d, %s, %s, %s, %d)", $employee_id, $service_id, $start, $span[0], $span[1], $capacity ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$session = $read();
		}
		if ( '' !== $wpdb->last_error || ! is_array( $session ) ) {
			self::throw_failure( 'Reading the session failed', $wpdb->last_error );
		}
		if ( array( $session['occupied_start_utc'], $session['occupied_end_utc'] ) !== $span ) {
			throw new SlotTakenException( 'The session was booked with other times.' );
		}
		return min( (int) $session['capacity'], $capacity );
	}

	/**
	 * Frees a booking's seats, and the session's cells when no seat is left.
	 *
	 * @param int $booking_id The booking.
	 */
	public function release( int $booking_id ): void {
		global $wpdb;
		$seats = Schema::table( 'seats' );
		// Locking reads throughout: a plain SELECT would read the transaction's snapshot, taken
		// before a joiner of this session committed, and miss the joiner's seats.
		$session = $wpdb->get_row( $wpdb->prepare( "SELECT employee_id, service_id, session_start_utc FROM `$seats` WHERE booking_id = %d LIMIT 1 FOR UPDATE", $booking_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		if ( ! is_array( $session ) ) {
			return;
		}
		$cells = Schema::table( 'occupancy' );
		// Lock the session's cells first: a concurrent claim of the same session waits here instead of finding cells about to vanish.
		$wpdb->query( $wpdb->prepare( "SELECT cell_utc FROM `$cells` WHERE employee_id = %d AND service_id = %d AND session_start_utc = %s FOR UPDATE", $session['employee_id'], $session['service_id'], $session['session_start_utc'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$seats` WHERE booking_id = %d", $booking_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$left = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$seats` WHERE employee_id = %d AND service_id = %d AND session_start_utc = %s LOCK IN SHARE MODE", $session['employee_id'], $session['service_id'], $session['session_start_utc'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		if ( 0 === $left ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM `$cells` WHERE employee_id = %d AND service_id = %d AND session_start_utc = %s", $session['employee_id'], $session['service_id'], $session['session_start_utc'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
			$sessions = Schema::table( 'sessions' );
			$wpdb->query( $wpdb->prepare( "DELETE FROM `$sessions` WHERE employee_id = %d AND service_id = %d AND session_start_utc = %s", $session['employee_id'], $session['service_id'], $session['session_start_utc'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		}
	}

	/**
	 * Inserts every cell of the session in one statement, or confirms they are already the session's.
	 *
	 * @param int      $employee_id Employee.
	 * @param int      $service_id  Service.
	 * @param string   $start       Session start, UTC 'Y-m-d H:i:s'.
	 * @param string[] $cells       Cell starts, UTC 'Y-m-d H:i:s'.
	 * @return bool True when this call laid the session out, false when it joins one that exists.
	 * @throws SlotTakenException When another session covers one of the cells; database failures come from throw_failure().
	 */
	private function claim_cells( int $employee_id, int $service_id, string $start, array $cells ): bool {
		global $wpdb;
		$table  = Schema::table( 'occupancy' );
		$values = array();
		foreach ( $cells as $cell ) {
			$values[] = $wpdb->prepare( '(%d, %s, %d, %s)', $employee_id, $cell, $service_id, $start );
		}
		$sql = "INSERT INTO `$table` (employee_id, cell_utc, service_id, session_start_utc) VALUES " . implode( ', ', $values );
		if ( false !== $this->query( $sql ) ) {
			return true;
		}
		if ( ! self::is_duplicate_key( $wpdb->last_error ) ) {
			self::throw_failure( 'Claiming occupancy failed', $wpdb->last_error );
		}
		// The statement changed nothing. The cells were all inserted together by their session,
		// so if the first one is this session's, all of them are (a group session being joined).
		// A shared lock, like the one the failed insert took, so that joiners do not deadlock
		// each other; it still keeps release() from removing the cells under us.
		$owner = $wpdb->get_row( $wpdb->prepare( "SELECT service_id, session_start_utc FROM `$table` WHERE employee_id = %d AND cell_utc = %s LOCK IN SHARE MODE", $employee_id, $cells[0] ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		if ( '' !== $wpdb->last_error ) {
			self::throw_failure( 'Reading the session failed', $wpdb->last_error );
		}
		if ( ! is_array( $owner ) || (int) $owner['service_id'] !== $service_id || $owner['session_start_utc'] !== $start ) {
			throw new SlotTakenException( 'Another session covers this time.' );
		}
		return false;
	}

	/**
	 * Takes `$seats` seat numbers of the session, one insert each.
	 *
	 * Each number is tried with a plain INSERT: a number another booking holds
	 * (or is inserting right now) fails on the primary key and the next one is
	 * tried. This never reads with FOR UPDATE, whose gap locks would deadlock
	 * two bookings joining the same group session at once.
	 *
	 * @param int    $booking_id  Booking.
	 * @param int    $employee_id Employee.
	 * @param int    $service_id  Service.
	 * @param string $start       Session start, UTC 'Y-m-d H:i:s'.
	 * @param int    $seats       Seats wanted.
	 * @param int    $capacity    Seats the session has.
	 * @throws SlotTakenException When fewer seats are free than wanted; database failures come from throw_failure().
	 */
	private function claim_seats( int $booking_id, int $employee_id, int $service_id, string $start, int $seats, int $capacity ): void {
		global $wpdb;
		if ( $seats < 1 || $seats > $capacity ) {
			throw new SlotTakenException( 'Not enough seats are left at this time.' );
		}
		$table = Schema::table( 'seats' );
		// Everyone tries the numbers in the same, ascending order, which keeps lock cycles rare.
		$order  = range( 1, $capacity );
		$needed = $seats;
		foreach ( $order as $seat_no ) {
			$sql = $wpdb->prepare( "INSERT INTO `$table` (employee_id, service_id, session_start_utc, seat_no, booking_id) VALUES (%d, %d, %s, %d, %d)", $employee_id, $service_id, $start, $seat_no, $booking_id ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( false !== $this->query( $sql ) ) {
				--$needed;
				if ( 0 === $needed ) {
					return;
				}
			} elseif ( ! self::is_duplicate_key( $wpdb->last_error ) ) {
				self::throw_failure( 'Claiming seats failed', $wpdb->last_error );
			}
		}
		throw new SlotTakenException( 'Not enough seats are left at this time.' );
	}

	/**
	 * Runs a write whose failure is an expected outcome, without printing the database error.
	 *
	 * @param string $sql Fully prepared SQL.
	 * @return int|bool
	 */
	private function query( string $sql ) {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		$result     = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- every value was prepared above.
		$wpdb->suppress_errors( $suppressed );
		return $result;
	}

	/**
	 * The 5-minute cells covering [start, end), as UTC 'Y-m-d H:i:s'.
	 *
	 * @param \DateTimeImmutable $start Occupied start.
	 * @param \DateTimeImmutable $end   Occupied end.
	 * @return string[]
	 * @throws \InvalidArgumentException When the interval is empty or not on the 5-minute grid.
	 */
	public static function cells( \DateTimeImmutable $start, \DateTimeImmutable $end ): array {
		$from = $start->getTimestamp();
		$to   = $end->getTimestamp();
		$step = ServiceRules::CELL_MINUTES * 60;
		if ( $to <= $from || 0 !== $from % $step || 0 !== $to % $step ) {
			throw new \InvalidArgumentException( 'An occupied interval must be non-empty and on the 5-minute grid.' );
		}
		$cells = array();
		for ( $t = $from; $t < $to; $t += $step ) {
			$cells[] = gmdate( 'Y-m-d H:i:s', $t );
		}
		return $cells;
	}

	/**
	 * A time as UTC 'Y-m-d H:i:s', the format of the DATETIME columns.
	 *
	 * @param \DateTimeImmutable $time Any timezone.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}

	/**
	 * Throws the exception that fits a database failure.
	 *
	 * @param string $what  What was being done.
	 * @param string $error The error text from wpdb.
	 * @throws DeadlockException When InnoDB rolled the transaction back to break a deadlock.
	 * @throws \RuntimeException When anything else failed.
	 */
	private static function throw_failure( string $what, string $error ): never {
		DatabaseFailure::raise( $what, $error );
	}

	/**
	 * Whether a MySQL error message is a duplicate-key error (1062).
	 *
	 * @param string $error The error text from wpdb.
	 */
	private static function is_duplicate_key( string $error ): bool {
		return str_contains( $error, 'Duplicate entry' );
	}
}
