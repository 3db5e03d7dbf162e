<?php
/**
 * Activation and upgrades: schema and capabilities.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * Brings a site to the current schema version and grants the admin capability.
 */
final class Installer {

	/** Option holding the schema version this site has. Not autoloaded. */
	public const VERSION_OPTION = 'appointease_schema_version';

	/** Capability needed for every admin route and screen. */
	public const CAPABILITY = 'appointease_manage';

	/**
	 * Activation hook.
	 */
	public static function activate(): void {
		self::install();
	}

	/**
	 * Runs the install when the stored schema version differs from the code's.
	 * Cheap on every request: one option read, normally from the object cache.
	 */
	public static function maybe_upgrade(): void {
		if ( Schema::VERSION !== (int) get_option( self::VERSION_OPTION, 0 ) ) {
			self::install();
		}
	}

	/**
	 * Creates or updates the tables and grants the capability. Safe to run again.
	 */
	public static function install(): void {
		Schema::create_or_update();
		$administrator = get_role( 'administrator' );
		if ( $administrator instanceof \WP_Role ) {
			$administrator->add_cap( self::CAPABILITY );
		}
		// Present from the start, so that reading it on each request finds it among the autoloaded options.
		add_option( \AppointEase\Holds\RedisOutage::OPTION, 0, '', true );
		\AppointEase\Holds\Housekeeping::schedule();
		// Autoloaded: every request compares it, so it should come with the options WordPress loads anyway.
		update_option( self::VERSION_OPTION, Schema::VERSION, true );
	}

	/**
	 * Whether the stored schema version is the one this code expects.
	 */
	public static function is_current(): bool {
		return Schema::VERSION === (int) get_option( self::VERSION_OPTION, 0 );
	}
}
