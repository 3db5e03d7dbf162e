<?php
/**
 * Where the Redis for holds is, read from wp-config.php.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Host, port, credentials, database and key prefix of the Redis server.
 *
 * The plugin's own constants (APPOINTEASE_REDIS_HOST, _PORT, _PASSWORD, _DB,
 * _PREFIX) win. A site without them that runs the Redis Object Cache plugin
 * has WP_REDIS_HOST and friends defined already; holds then use that server
 * too, so the owner configures nothing twice.
 */
final class RedisConfig {

	/**
	 * Builds the settings.
	 *
	 * @param string               $host     Host name, IP, `tls://host` or a unix socket path.
	 * @param int                  $port     TCP port.
	 * @param string|string[]|null $password Password, [user, password] for an ACL user, or null.
	 * @param int                  $database Database index.
	 * @param string               $prefix   Prepended to every key, so that several sites can share one server.
	 */
	public function __construct(
		public readonly string $host,
		public readonly int $port = 6379,
		public readonly string|array|null $password = null,
		public readonly int $database = 0,
		public readonly string $prefix = 'appointease:'
	) {
	}

	/**
	 * The settings from wp-config.php's constants, or null when no Redis is configured.
	 *
	 * @param (callable(string): mixed)|null $constant    Reads a constant by name, null when undefined; defaults to PHP's constants.
	 * @param string|null                    $site_prefix Part of the default key prefix that tells sites apart; defaults to database name and table prefix.
	 */
	public static function from_constants( ?callable $constant = null, ?string $site_prefix = null ): ?self {
		global $wpdb;
		$constant = $constant ?? static fn( string $name ): mixed => defined( $name ) ? constant( $name ) : null;
		// Employee ids are per database and, in a multisite network, per table prefix: two sites
		// sharing one Redis (common on shared hosts, or a staging copy) must not see each other's holds.
		$site_prefix    = $site_prefix ?? ( defined( 'DB_NAME' ) ? DB_NAME . ':' : '' ) . $wpdb->prefix;
		$default_prefix = 'appointease:' . $site_prefix . ':';

		if ( self::is_set( $constant( 'APPOINTEASE_REDIS_HOST' ) ) ) {
			$prefix = $constant( 'APPOINTEASE_REDIS_PREFIX' );
			return new self(
				(string) $constant( 'APPOINTEASE_REDIS_HOST' ),
				self::int_or( $constant( 'APPOINTEASE_REDIS_PORT' ), 6379 ),
				self::password( $constant( 'APPOINTEASE_REDIS_PASSWORD' ) ),
				self::int_or( $constant( 'APPOINTEASE_REDIS_DB' ), 0 ),
				is_string( $prefix ) ? $prefix : $default_prefix
			);
		}
		if ( self::is_set( $constant( 'WP_REDIS_HOST' ) ) ) {
			$prefix = $constant( 'WP_REDIS_PREFIX' );
			return new self(
				(string) $constant( 'WP_REDIS_HOST' ),
				self::int_or( $constant( 'WP_REDIS_PORT' ), 6379 ),
				self::password( $constant( 'WP_REDIS_PASSWORD' ) ),
				self::int_or( $constant( 'WP_REDIS_DATABASE' ), 0 ),
				( is_string( $prefix ) && '' !== $prefix ? $prefix . ':' : '' ) . $default_prefix
			);
		}
		return null;
	}

	/**
	 * Where the server is, for messages: host and port, never the password.
	 */
	public function endpoint(): string {
		return str_starts_with( $this->host, '/' ) ? $this->host : $this->host . ':' . $this->port;
	}

	/**
	 * Whether a constant holds a usable host.
	 *
	 * @param mixed $value The constant's value.
	 */
	private static function is_set( mixed $value ): bool {
		return is_string( $value ) && '' !== trim( $value );
	}

	/**
	 * A numeric constant as an int, or the default.
	 *
	 * @param mixed $value   The constant's value.
	 * @param int   $default Used when the value is missing or not numeric.
	 */
	private static function int_or( mixed $value, int $default ): int {
		return is_numeric( $value ) ? (int) $value : $default;
	}

	/**
	 * A password constant: a string, [user, password], or nothing.
	 *
	 * @param mixed $value The constant's value.
	 * @return string|string[]|null
	 */
	private static function password( mixed $value ): string|array|null {
		if ( is_string( $value ) && '' !== $value ) {
			return $value;
		}
		if ( is_array( $value ) && array() !== $value ) {
			return array_map( 'strval', array_values( $value ) );
		}
		return null;
	}
}
