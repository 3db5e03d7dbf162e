<?php
/**
 * Deletes the plugin's data.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisConnector;

defined( 'ABSPATH' ) || exit;

/**
 * Removes what this plugin stored, and nothing else: its tables, its options
 * and transients (named `appointease_*`), its user meta (`appointease_*`),
 * its cron events (hooks named `appointease_*`), its capabilities and role,
 * and its Redis keys (everything under this site's key prefix).
 *
 * Users who had the employee role lose it and keep their other roles; one
 * who had no other role is left without a role on this site, as WordPress
 * leaves users of any deleted role.
 */
final class Uninstaller {

	/** Options the plugin owns besides those its prefix finds. */
	public const OPTIONS = array(
		Installer::VERSION_OPTION,
		'appointease_settings',
		\AppointEase\Holds\RedisOutage::OPTION,
	);

	/** Capabilities the plugin grants. */
	public const CAPABILITIES = array( Installer::CAPABILITY, Installer::VIEW_OWN_CAPABILITY );

	/** Keys deleted per Redis round trip. */
	private const REDIS_BATCH = 500;

	/**
	 * Runs the removal on every site of a network, or on the single site.
	 */
	public static function run_everywhere(): void {
		if ( ! is_multisite() ) {
			self::run();
			return;
		}
		// Every site: get_sites() stops at 100 unless told otherwise (`number` 0 is no limit).
		$site_ids = get_sites(
			array(
				'fields' => 'ids',
				'number' => 0,
			)
		);
		foreach ( $site_ids as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::run();
			restore_current_blog();
		}
	}

	/**
	 * Runs the removal on the current site.
	 */
	public static function run(): void {
		self::remove_cron_events();
		Schema::drop_all();
		self::remove_options();
		self::remove_user_meta();
		self::remove_roles();
		self::remove_redis_keys();
	}

	/**
	 * Unschedules every event whose hook is one of this plugin's.
	 */
	private static function remove_cron_events(): void {
		$crons = _get_cron_array();
		foreach ( is_array( $crons ) ? $crons : array() as $events ) {
			foreach ( array_keys( (array) $events ) as $hook ) {
				if ( str_starts_with( (string) $hook, 'appointease_' ) ) {
					wp_clear_scheduled_hook( (string) $hook );
				}
			}
		}
	}

	/**
	 * Deletes the plugin's options and transients, through the options API so
	 * that caches forget them too.
	 */
	private static function remove_options(): void {
		global $wpdb;
		$names = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- finding the options by prefix, which no API offers; each is then deleted through the API.
			$wpdb->prepare(
				"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
				$wpdb->esc_like( 'appointease_' ) . '%',
				$wpdb->esc_like( '_transient_appointease_' ) . '%',
				$wpdb->esc_like( '_transient_timeout_appointease_' ) . '%'
			)
		);
		foreach ( array_unique( array_merge( self::OPTIONS, $names ) ) as $name ) {
			// A timeout goes with its transient.
			if ( str_starts_with( $name, '_transient_timeout_' ) ) {
				continue;
			}
			if ( str_starts_with( $name, '_transient_' ) ) {
				delete_transient( substr( $name, strlen( '_transient_' ) ) );
				continue;
			}
			delete_option( $name );
		}
	}

	/**
	 * Deletes user meta under the plugin's prefix (screen preferences and the like).
	 */
	private static function remove_user_meta(): void {
		global $wpdb;
		$keys = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'appointease_' ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- finding the keys by prefix; each is then deleted through the API.
		foreach ( $keys as $key ) {
			delete_metadata( 'user', 0, $key, '', true );
		}
	}

	/**
	 * Takes the plugin's capabilities from every role and removes its role,
	 * from its users too.
	 */
	private static function remove_roles(): void {
		foreach ( get_users(
			array(
				'role'   => Installer::EMPLOYEE_ROLE,
				'fields' => 'all',
			)
		) as $user ) {
			$user->remove_role( Installer::EMPLOYEE_ROLE );
		}
		remove_role( Installer::EMPLOYEE_ROLE );
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( self::CAPABILITIES as $capability ) {
				$role->remove_cap( $capability );
			}
		}
	}

	/**
	 * Deletes this site's keys from Redis: holds, rate-limit counters, poll
	 * snapshots, all of which live under the site's key prefix. An
	 * unreachable Redis is skipped (its keys expire on their own).
	 */
	private static function remove_redis_keys(): void {
		$config = RedisConfig::from_constants();
		// Without a prefix, this plugin's keys cannot be told from anyone else's.
		if ( null === $config || '' === $config->prefix ) {
			return;
		}
		try {
			$redis = RedisConnector::connect( $config );
			$redis->setOption( \Redis::OPT_SCAN, \Redis::SCAN_RETRY );
			$match  = addcslashes( $config->prefix, '*?[]\\' ) . '*';
			$cursor = null;
			do {
				$keys = $redis->scan( $cursor, $match, self::REDIS_BATCH );
				if ( is_array( $keys ) && array() !== $keys ) {
					$redis->del( $keys );
				}
			} while ( 0 !== $cursor && null !== $cursor );
			$redis->close();
		} catch ( \Throwable $unreachable ) {
			error_log( 'AppointEase uninstall: Redis keys were not removed: ' . $unreachable->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the only report an uninstall can give.
		}
	}
}
