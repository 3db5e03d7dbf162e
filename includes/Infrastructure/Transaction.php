<?php
/**
 * Runs work in one database transaction, again after a deadlock.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

use AppointEase\Booking\DeadlockException;

defined( 'ABSPATH' ) || exit;

/**
 * InnoDB may pick a booking transaction as a deadlock victim when racers
 * collide on the same keys; it has then rolled everything back, so the
 * whole unit of work runs again. When a caller already holds a transaction
 * (a test, or a site's own code), a savepoint stands in for it, as a nested
 * START TRANSACTION would silently commit the caller's work. A deadlock there
 * has rolled back the caller's transaction too, so it goes to the caller
 * instead of being retried.
 *
 * While a transaction is open, wpdb must not reconnect. On "server has gone
 * away" wpdb connects again and runs the failed statement once more on the new
 * connection, outside any transaction, where it commits at once: the seats of
 * a booking whose row was lost with the old connection (the chaos run found
 * this when MariaDB restarted). With its reconnect attempts set to none, wpdb
 * hands the failure to dead_db() instead, which answers through the site's
 * db-error.php (503) or core's error page, and the server rolls the lost
 * transaction back whole.
 */
final class Transaction {

	/**
	 * How often the work runs before a deadlock is given up on.
	 */
	public const ATTEMPTS = 5;

	/**
	 * How many run() calls are under way in this request, for savepoint names.
	 *
	 * @var int
	 */
	private static int $depth = 0;

	/**
	 * Runs $work inside a transaction and commits; rolls back on any exception.
	 *
	 * @template T
	 * @param callable(): T $work The unit of work; it may run up to ATTEMPTS times.
	 * @return T What $work returned.
	 * @throws DeadlockException When every attempt was a deadlock victim.
	 * @throws \RuntimeException When COMMIT failed, so that whether the work took effect is unknown.
	 * @throws \Throwable What $work threw, after the rollback.
	 */
	public static function run( callable $work ) {
		global $wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- fixed statements; the savepoint name is built from an integer.
		for ( $attempt = 1; ; $attempt++ ) {
			// Before the transaction, a lost connection may still be replaced: nothing is open yet.
			$nested = '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
			// One name per nesting depth: a savepoint of the same name would replace the outer one.
			$savepoint = 'appointease_work_' . self::$depth;
			$retries   = self::forbid_reconnect();
			$wpdb->query( $nested ? "SAVEPOINT $savepoint" : 'START TRANSACTION' );
			++self::$depth;
			try {
				$result = $work();
				if ( false === $wpdb->query( $nested ? "RELEASE SAVEPOINT $savepoint" : 'COMMIT' ) ) {
					// The connection died during COMMIT: the work may or may not have been committed.
					throw new \RuntimeException( esc_html( 'Committing failed: ' . $wpdb->last_error ) );
				}
				return $result;
			} catch ( DeadlockException $deadlock ) {
				if ( $nested ) {
					// InnoDB rolled back the caller's whole transaction, savepoint included:
					// running the work again would commit it on its own. Only the caller can start over.
					throw $deadlock;
				}
				$wpdb->query( 'ROLLBACK' );
				if ( $attempt >= self::ATTEMPTS ) {
					throw $deadlock;
				}
				usleep( random_int( 1000, 20000 ) * $attempt );
			} catch ( \Throwable $error ) {
				$wpdb->query( $nested ? "ROLLBACK TO SAVEPOINT $savepoint" : 'ROLLBACK' );
				throw $error;
			} finally {
				--self::$depth;
				self::allow_reconnect( $retries );
			}//end try
		}//end for
		// phpcs:enable
	}

	/**
	 * Switches wpdb's reconnect-and-replay off (see the class comment).
	 *
	 * @return int The reconnect attempts wpdb had, for allow_reconnect().
	 */
	public static function forbid_reconnect(): int {
		global $wpdb;
		// A protected property, which wpdb's __get() and __set() expose.
		$retries                 = (int) $wpdb->reconnect_retries;
		$wpdb->reconnect_retries = 0;
		return $retries;
	}

	/**
	 * Gives wpdb its reconnect attempts back.
	 *
	 * @param int $retries What forbid_reconnect() returned.
	 */
	public static function allow_reconnect( int $retries ): void {
		global $wpdb;
		$wpdb->reconnect_retries = $retries;
	}
}
