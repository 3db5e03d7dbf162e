<?php
/**
 * The change emails that wait out their quiet period, one row per booking.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Booking\Booking;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * A cancel or a move does not email at once: it notes the booking here, due
 * a quiet period later, and each further change of the same booking pushes
 * that moment back. The row keeps the booking as its emails last described
 * it (the baseline), so that the one email sent at the end can say what the
 * whole burst changed.
 *
 * The rows live in the database, so every web node and cron runner sees the
 * same ones, and a row stays until it has been sent: a cron that runs late
 * sends late, never not at all. A runner takes a row by writing its claim
 * into it with one UPDATE that only one runner can win; a runner that dies
 * holding one lets go when its lease runs out.
 */
final class ChangeQueue {

	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- every query is on the plugin's own table, named by Schema; rows that other nodes write must not come from a cache.

	/** Seconds a booking must stay unchanged before its change emails go out (filter: appointease_change_email_delay). */
	public const QUIET_SECONDS = 120;

	/** Seconds a burst that never pauses may put its emails off at most. */
	public const MAX_WAIT = 900;

	/** Seconds a runner owns the row it claimed; one that died lets go then. */
	public const LEASE = 300;

	/**
	 * The quiet period in force.
	 */
	public static function quiet_seconds(): int {
		/**
		 * Filters how long a booking must stay unchanged before the emails
		 * about its changes go out (cancels and moves; a new booking's emails
		 * and approvals go at once). 0 sends with the next cron run.
		 *
		 * @param int $seconds Default 120.
		 */
		return max( 0, (int) apply_filters( 'appointease_change_email_delay', self::QUIET_SECONDS ) );
	}

	/**
	 * Notes a change of a booking: a new row due a quiet period from now,
	 * with the booking before this change as its baseline, or, when one is
	 * waiting already, that row pushed back (its baseline stays).
	 *
	 * @param Booking $before The booking before this change.
	 * @param int     $now    The current instant, Unix seconds.
	 * @return int When the row is due now.
	 * @throws \RuntimeException When the row could not be written.
	 */
	public function note( Booking $before, int $now ): int {
		global $wpdb;
		$table   = Schema::table( 'change_emails' );
		$quiet   = self::quiet_seconds();
		$written = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO `$table` (booking_id, first_at, due_at, changes, was_employee_id, was_start_utc, was_end_utc, was_status)
				VALUES (%d, %d, %d, 1, %d, %s, %s, %s)
				ON DUPLICATE KEY UPDATE due_at = LEAST( VALUES(due_at), first_at + %d ), changes = changes + 1",
				$before->id,
				$now,
				$now + $quiet,
				$before->employee_id,
				self::utc( $before->start ),
				self::utc( $before->end ),
				$before->status,
				max( self::MAX_WAIT, $quiet )
			)
		);
		if ( false === $written ) {
			throw new \RuntimeException( esc_html( 'The change was not queued: ' . $wpdb->last_error ) );
		}
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT due_at FROM `$table` WHERE booking_id = %d", $before->id ) );
	}

	/**
	 * Makes a booking's waiting row due now.
	 *
	 * @param int $booking_id The booking.
	 * @param int $now        The current instant, Unix seconds.
	 */
	public function hurry( int $booking_id, int $now ): void {
		global $wpdb;
		$table = Schema::table( 'change_emails' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET due_at = LEAST( due_at, %d ) WHERE booking_id = %d", $now, $booking_id ) );
	}

	/**
	 * Bookings whose row is due and not held by a live claim, oldest first.
	 *
	 * @param int $now   The current instant.
	 * @param int $limit How many at most.
	 * @return int[]
	 */
	public function due( int $now, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'change_emails' );
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT booking_id FROM `$table` WHERE due_at <= %d AND claimed_until <= %d ORDER BY due_at LIMIT %d", $now, $now, $limit ) );
		return array_map( 'intval', $ids );
	}

	/**
	 * Takes a due row for this runner. One UPDATE decides: of two runners
	 * racing for the row, the database lets one change it, and the other
	 * finds nothing to change.
	 *
	 * @param int $booking_id The booking.
	 * @param int $now        The current instant.
	 * @return array{booking_id: int, changes: int, claim: string, employee_id: int, start_utc: string, end_utc: string, status: string}|null
	 *         The row, or null when it is not due, gone, or another runner's.
	 */
	public function claim( int $booking_id, int $now ): ?array {
		global $wpdb;
		$table = Schema::table( 'change_emails' );
		$claim = bin2hex( random_bytes( 16 ) );
		$won   = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET claim = %s, claimed_until = %d WHERE booking_id = %d AND due_at <= %d AND claimed_until <= %d", $claim, $now + self::LEASE, $booking_id, $now, $now ) );
		if ( 1 !== $won ) {
			return null;
		}
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE booking_id = %d AND claim = %s", $booking_id, $claim ), ARRAY_A );
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'booking_id'  => (int) $row['booking_id'],
			'changes'     => (int) $row['changes'],
			'claim'       => $claim,
			'employee_id' => (int) $row['was_employee_id'],
			'start_utc'   => (string) $row['was_start_utc'],
			'end_utc'     => (string) $row['was_end_utc'],
			'status'      => (string) $row['was_status'],
		);
	}

	/**
	 * The booking as its emails last described it: the booking now, with the
	 * employee, times and status of a claimed row's baseline.
	 *
	 * @param array{employee_id: int, start_utc: string, end_utc: string, status: string} $row     What claim() gave.
	 * @param Booking                                                                     $current The booking now.
	 */
	public static function baseline( array $row, Booking $current ): Booking {
		$utc = new \DateTimeZone( 'UTC' );
		return new Booking(
			$current->id,
			$row['employee_id'],
			$current->service_id,
			new \DateTimeImmutable( $row['start_utc'], $utc ),
			new \DateTimeImmutable( $row['end_utc'], $utc ),
			$current->seats,
			$row['status'],
			$current->customer_name,
			$current->customer_email,
			$current->customer_phone,
			$current->customer_notes,
			$current->created_at,
			$current->updated_at
		);
	}

	/**
	 * Ends a claimed row once its emails went out (or were not needed). When
	 * the booking changed again meanwhile, the row stays for that change,
	 * with what was just described as its new baseline.
	 *
	 * @param array{booking_id: int, changes: int, claim: string} $row       What claim() gave.
	 * @param Booking|null                                        $described The booking the emails described, or null when it is gone.
	 * @param int                                                 $now       The current instant.
	 */
	public function finish( array $row, ?Booking $described, int $now ): void {
		global $wpdb;
		$table   = Schema::table( 'change_emails' );
		$deleted = $wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE booking_id = %d AND claim = %s AND changes = %d", $row['booking_id'], $row['claim'], $row['changes'] ) );
		if ( 1 === $deleted ) {
			return;
		}
		if ( null === $described ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE booking_id = %d AND claim = %s", $row['booking_id'], $row['claim'] ) );
			return;
		}
		$wpdb->query(
			$wpdb->prepare(
				"UPDATE `$table` SET claim = '', claimed_until = 0, first_at = %d, changes = 1, was_employee_id = %d, was_start_utc = %s, was_end_utc = %s, was_status = %s WHERE booking_id = %d AND claim = %s",
				$now,
				$described->employee_id,
				self::utc( $described->start ),
				self::utc( $described->end ),
				$described->status,
				$row['booking_id'],
				$row['claim']
			)
		);
	}

	/**
	 * When the next row falls due (or its claim runs out), or null when none waits.
	 */
	public function next_due(): ?int {
		global $wpdb;
		$table = Schema::table( 'change_emails' );
		$next  = $wpdb->get_var( "SELECT MIN( GREATEST( due_at, claimed_until ) ) FROM `$table`" );
		return null === $next ? null : (int) $next;
	}

	/**
	 * An instant as a UTC column value.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}

	// phpcs:enable
}
