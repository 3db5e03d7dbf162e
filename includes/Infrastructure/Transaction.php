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
 * START TRANSACTION would silently commit the caller's work.
 */
final class Transaction {

	/**
	 * How often the work runs before a deadlock is given up on.
	 */
	public const ATTEMPTS = 5;

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
		// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- fixed statements without values.
		for ( $attempt = 1; ; $attempt++ ) {
			$nested = '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' );
			$wpdb->query( $nested ? 'SAVEPOINT appointease_work' : 'START TRANSACTION' );
			try {
				$result = $work();
				$wpdb->query( $nested ? 'RELEASE SAVEPOINT appointease_work' : 'COMMIT' );
				return $result;
			} catch ( DeadlockException $deadlock ) {
				$wpdb->query( $nested ? 'ROLLBACK TO SAVEPOINT appointease_work' : 'ROLLBACK' );
				if ( $attempt >= self::ATTEMPTS ) {
					throw $deadlock;
				}
				usleep( random_int( 1000, 20000 ) * $attempt );
			} catch ( \Throwable $error ) {
				$wpdb->query( $nested ? 'ROLLBACK TO SAVEPOINT appointease_work' : 'ROLLBACK' );
				throw $error;
			}
		}
		// phpcs:enable
	}
}
