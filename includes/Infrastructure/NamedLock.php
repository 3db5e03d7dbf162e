<?php
/**
 * A database lock on a name, held across one unit of work.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * MariaDB's GET_LOCK(): one connection at a time holds a name, whatever rows
 * (or none yet) the work will touch. Row locks cannot serialise "count, then
 * insert" for rows that do not exist yet without gap locks that end in
 * deadlocks; a named lock taken before the transaction can.
 *
 * Lock names are server-wide, so each name is made from the database, the
 * table prefix and the caller's name: two sites on one server never share one.
 * The server frees the lock when the connection ends, so a crash leaves none behind.
 */
final class NamedLock {

	/**
	 * Takes the lock, waiting up to $timeout seconds.
	 *
	 * @param string $name    What to lock, e.g. "email|ann@example.com".
	 * @param int    $timeout Seconds to wait for another holder.
	 * @return string|null The lock's full name, for release(); null when it could not be had in time.
	 */
	public static function acquire( string $name, int $timeout ): ?string {
		global $wpdb;
		$full = 'appointease_' . substr( hash( 'sha256', $wpdb->dbname . '|' . $wpdb->prefix . '|' . $name ), 0, 40 );
		$got  = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $full, $timeout ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, not data.
		return '1' === (string) $got ? $full : null;
	}

	/**
	 * Lets the lock go.
	 *
	 * @param string $full What acquire() gave.
	 */
	public static function release( string $full ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'DO RELEASE_LOCK(%s)', $full ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, not data.
	}
}
