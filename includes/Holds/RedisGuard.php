<?php
/**
 * Turns every way a Redis call can fail into one exception.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Runs phpredis calls so that no failure reaches a visitor as PHP output.
 *
 * The phpredis extension throws RedisException for most failures, but a connection that
 * breaks while writing can also raise a PHP notice or warning from the stream
 * layer ("send of 42 bytes failed with errno=32 Broken pipe"), which would be
 * printed into the page or the REST answer. Both become
 * StoreUnavailableException, which FailoverHoldStore answers by switching to
 * the database.
 */
final class RedisGuard {

	/**
	 * Runs one or more phpredis calls.
	 *
	 * @template T
	 * @param callable(): T $calls The calls.
	 * @return T
	 * @throws StoreUnavailableException When Redis fails or PHP reports a warning or notice meanwhile.
	 */
	public static function run( callable $calls ) {
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- turns phpredis's stream warnings into an exception for the duration of one call, then restores the previous handler.
		set_error_handler(
			static function ( int $errno, string $message ): bool {
				throw new StoreUnavailableException( esc_html( 'Redis: ' . $message ) );
			}
		);
		try {
			return $calls();
		} catch ( \RedisException $e ) {
			throw new StoreUnavailableException( esc_html( 'Redis: ' . $e->getMessage() ), 0, $e );
		} finally {
			restore_error_handler();
		}
	}
}
