<?php
/**
 * Turns a failed write into the exception its cause calls for.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

use AppointEase\Booking\DeadlockException;

defined( 'ABSPATH' ) || exit;

/**
 * One place that reads `$wpdb->last_error`: a deadlock victim may run its
 * transaction again (see Transaction), anything else is a real failure.
 */
final class DatabaseFailure {

	/**
	 * Throws for a failed statement.
	 *
	 * @param string $what  What was being done, for the message.
	 * @param string $error The database's message.
	 * @throws DeadlockException When InnoDB chose this transaction as a deadlock victim.
	 * @throws \RuntimeException Otherwise.
	 */
	public static function raise( string $what, string $error ): never {
		if ( str_contains( $error, 'Deadlock found' ) ) {
			throw new DeadlockException( esc_html( $what . ': ' . $error ) );
		}
		throw new \RuntimeException( esc_html( $what . ' failed: ' . $error ) );
	}
}
