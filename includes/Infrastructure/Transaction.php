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
	 * @throws \Throwable What $work threw, after the rollback.
	 */
	public static function run( callable $work ) {
		global $wpdb;
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- fixed statements; the savepoint name is built from an integer.
		for ( $attempt = 1; ; $attempt++ ) {
			$nested = '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
			// One name per nesting depth: a savepoint of the same name would replace the outer one.
			$savepoint = 'appointease_work_' . self::$depth;
			$wpdb->query( $nested ? "SAVEPOINT $savepoint" : 'START TRANSACTION' );
			++self::$depth;
			try {
				$result = $work();
				$wpdb->query( $nested ? "RELEASE SAVEPOINT $savepoint" : 'COMMIT' );
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
			}//end try
		}//end for
		// phpcs:enable
	}
}
