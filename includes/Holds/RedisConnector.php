<?php
/**
 * Opens a connection to Redis that gives up quickly.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Connects, authenticates, selects the database and checks the server answers.
 *
 * The timeouts are short on purpose: a Redis that does not answer within
 * 100 ms is treated as absent and the database store serves instead, so a
 * dead Redis costs a visitor at most that, and only once every few seconds
 * (see RedisOutage).
 */
final class RedisConnector {

	/**
	 * Seconds to wait for the TCP connection.
	 */
	public const CONNECT_TIMEOUT = 0.1;

	/**
	 * Seconds to wait for any answer once connected.
	 */
	public const READ_TIMEOUT = 0.2;

	/**
	 * A connection that answered PING.
	 *
	 * @param RedisConfig $config Where Redis is.
	 * @throws StoreUnavailableException When the extension is missing, or Redis does not connect, authenticate or answer in time.
	 */
	public static function connect( RedisConfig $config ): \Redis {
		if ( ! class_exists( \Redis::class ) ) {
			throw new StoreUnavailableException( 'The PHP extension redis (phpredis) is not installed.' );
		}
		return RedisGuard::run(
			static function () use ( $config ): \Redis {
				$redis = new \Redis();
				if ( ! $redis->connect( $config->host, $config->port, self::CONNECT_TIMEOUT, null, 0, self::READ_TIMEOUT ) ) {
					throw new StoreUnavailableException( esc_html( 'Redis at ' . $config->endpoint() . ' refused the connection.' ) );
				}
				if ( null !== $config->password && ! $redis->auth( $config->password ) ) {
					throw new StoreUnavailableException( esc_html( 'Redis at ' . $config->endpoint() . ' refused the password.' ) );
				}
				if ( 0 !== $config->database && ! $redis->select( $config->database ) ) {
					throw new StoreUnavailableException( esc_html( 'Redis at ' . $config->endpoint() . ' refused database ' . $config->database . '.' ) );
				}
				if ( false === $redis->ping() ) {
					throw new StoreUnavailableException( esc_html( 'Redis at ' . $config->endpoint() . ' did not answer PING.' ) );
				}
				return $redis;
			}
		);
	}
}
