<?php
/**
 * Remembers for a few seconds that Redis did not answer.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * A "down until" mark, so that not every request waits for a dead Redis.
 *
 * Kept in a static (for long-running processes such as WP-CLI) and in a
 * small option that is not autoloaded (shared by every web node and PHP
 * process). It is not a transient on purpose: with the Redis Object Cache
 * plugin, transients live in the very Redis that is down.
 */
final class RedisOutage {

	/**
	 * The option holding the unix time until which Redis counts as down.
	 */
	public const OPTION = 'appointease_redis_down_until';

	/**
	 * How long a failure is remembered, in seconds.
	 */
	public const SECONDS = 5;

	/**
	 * The mark as this process last saw or set it (unix time).
	 *
	 * @var int
	 */
	private static int $down_until = 0;

	/**
	 * Whether Redis failed less than SECONDS ago.
	 *
	 * @param int $now Unix time.
	 */
	public function is_down( int $now ): bool {
		if ( self::$down_until > $now ) {
			return true;
		}
		$until = (int) get_option( self::OPTION, 0 );
		if ( $until > $now ) {
			self::$down_until = $until;
			return true;
		}
		return false;
	}

	/**
	 * Until when Redis counts as down (unix time; in the past when it does not).
	 */
	public function until(): int {
		return self::$down_until;
	}

	/**
	 * Records a failure now.
	 *
	 * @param int $now Unix time.
	 */
	public function mark_down( int $now ): void {
		self::$down_until = $now + self::SECONDS;
		// Autoloaded and never deleted (see clear()): reading it then costs no query per request.
		update_option( self::OPTION, self::$down_until, true );
	}

	/**
	 * Forgets any failure.
	 */
	public function clear(): void {
		self::$down_until = 0;
		update_option( self::OPTION, 0, true );
	}
}
