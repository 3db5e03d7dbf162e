<?php
/**
 * Versions of calendars, one per employee and local date.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Every change to a calendar bumps its version inside the transaction that
 * makes the change, so the version a reader sees always matches the rows.
 * Pollers compare versions (ETag) instead of rows.
 */
final class Calendars {

	/**
	 * Bumps a calendar's version; call inside the changing transaction.
	 *
	 * @param int    $employee_id Employee row id.
	 * @param string $date        Local date, Y-m-d, in the employee's timezone.
	 * @return array{0: int, 1: int} The previous and the new version.
	 * @throws DeadlockException When InnoDB chose this transaction as a deadlock victim.
	 * @throws \RuntimeException When the database refuses the change.
	 */
	public function bump( int $employee_id, string $date ): array {
		global $wpdb;
		$table = Schema::table( 'calendars' );
		// The upsert locks the row until commit, so the read below is this transaction's own value.
		$done = $wpdb->query( $wpdb->prepare( "INSERT INTO `$table` (employee_id, calendar_date, version) VALUES (%d, %s, 1) ON DUPLICATE KEY UPDATE version = version + 1", $employee_id, $date ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		if ( false === $done ) {
			DatabaseFailure::raise( 'Bumping a calendar', $wpdb->last_error );
		}
		$version = $this->version( $employee_id, $date );
		return array( $version - 1, $version );
	}

	/**
	 * A calendar's current version; 0 when it never changed.
	 *
	 * @param int    $employee_id Employee row id.
	 * @param string $date        Local date, Y-m-d.
	 */
	public function version( int $employee_id, string $date ): int {
		global $wpdb;
		$table = Schema::table( 'calendars' );
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT version FROM `$table` WHERE employee_id = %d AND calendar_date = %s", $employee_id, $date ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
	}
}
