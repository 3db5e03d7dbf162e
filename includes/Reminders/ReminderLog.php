<?php
/**
 * The reminders table: what the reminder job took, sent and skipped.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Reminders;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * One row per (booking, kind, offset, appointment start). The row's primary
 * key is the claim: a runner inserts the row before it sends, and of two
 * runners (overlapping cron runs, several web nodes) the database lets one
 * insert succeed and refuses the other with a duplicate key. So a reminder
 * goes out at most once, whatever runs at the same moment, and a booking
 * moved to a new start gets new keys, hence its own reminders. A runner that
 * dies between the claim and the email leaves a `claimed` row: that reminder
 * is lost rather than risked twice.
 */
final class ReminderLog {

	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- the plugin's own table, named by Schema; rows that other runners write must not come from a cache.

	/** Taken by a runner, which is sending it now. */
	public const CLAIMED = 'claimed';

	/** Sent (the hook fired; the email too, unless a filter stopped it). */
	public const SENT = 'sent';

	/** Not sent, for the row's reason; never tried again. */
	public const SKIPPED = 'skipped';

	/**
	 * Inserts a row, which claims it. False when another runner has it already.
	 *
	 * @param int                $booking_id The booking.
	 * @param string             $kind       ReminderJob::REMINDER or ReminderJob::FOLLOW_UP.
	 * @param int                $offset     Minutes before the start (reminders) or after the end (follow-ups).
	 * @param \DateTimeImmutable $start      The appointment's start the row is for.
	 * @param \DateTimeImmutable $due        When it was due.
	 * @param string             $state      self::CLAIMED, or self::SKIPPED with a reason.
	 * @param string             $reason     Why it is skipped; '' otherwise.
	 * @param \DateTimeImmutable $now        The job's now.
	 * @throws \RuntimeException When the database fails otherwise than by a duplicate key.
	 */
	public function claim( int $booking_id, string $kind, int $offset, \DateTimeImmutable $start, \DateTimeImmutable $due, string $state, string $reason, \DateTimeImmutable $now ): bool {
		global $wpdb;
		$table      = Schema::table( 'reminders' );
		$suppressed = $wpdb->suppress_errors( true );
		$done       = $wpdb->query( $wpdb->prepare( "INSERT INTO `$table` (booking_id, kind, offset_minutes, start_utc, due_utc, state, reason, handled_utc) VALUES (%d, %s, %d, %s, %s, %s, %s, %s)", $booking_id, $kind, $offset, self::utc( $start ), self::utc( $due ), $state, $reason, self::utc( $now ) ) );
		$wpdb->suppress_errors( $suppressed );
		if ( 1 === $done ) {
			return true;
		}
		if ( str_contains( $wpdb->last_error, 'Duplicate entry' ) ) {
			return false;
		}
		DatabaseFailure::raise( 'Claiming the reminder', $wpdb->last_error );
	}

	/**
	 * Records how a claimed row ended.
	 *
	 * @param int                $booking_id The booking.
	 * @param string             $kind       The kind.
	 * @param int                $offset     The offset.
	 * @param \DateTimeImmutable $start      The start the row is for.
	 * @param string             $state      self::SENT or self::SKIPPED.
	 * @param string             $reason     Why; may be ''.
	 */
	public function finish( int $booking_id, string $kind, int $offset, \DateTimeImmutable $start, string $state, string $reason ): void {
		global $wpdb;
		$table = Schema::table( 'reminders' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET state = %s, reason = %s WHERE booking_id = %d AND kind = %s AND offset_minutes = %d AND start_utc = %s", $state, $reason, $booking_id, $kind, $offset, self::utc( $start ) ) );
	}

	/**
	 * The offsets of a booking's rows for one start: handled, whatever the outcome.
	 *
	 * @param int                $booking_id The booking.
	 * @param string             $kind       The kind.
	 * @param \DateTimeImmutable $start      The start.
	 * @return int[]
	 */
	public function taken( int $booking_id, string $kind, \DateTimeImmutable $start ): array {
		global $wpdb;
		$table = Schema::table( 'reminders' );
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT offset_minutes FROM `$table` WHERE booking_id = %d AND kind = %s AND start_utc = %s", $booking_id, $kind, self::utc( $start ) ) ) );
	}

	/**
	 * Rows, newest due first: one booking's, or every booking's.
	 *
	 * @param int|null $booking_id A booking, or null for all.
	 * @param int      $limit      At most this many.
	 * @return array<int, array<string, string>>
	 */
	public function rows( ?int $booking_id, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'reminders' );
		$where = null === $booking_id ? '1 = 1' : $wpdb->prepare( 'booking_id = %d', $booking_id );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE $where ORDER BY due_utc DESC LIMIT %d", $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- $where was prepared above.
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * An instant as a UTC column value.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 */
	public static function utc( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}

	// phpcs:enable
}
