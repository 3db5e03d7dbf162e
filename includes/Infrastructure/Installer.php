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
 * Brings a site to the current schema version, grants the admin capability
 * and adds the employee role.
 */
final class Installer {

	/** Option holding the schema version this site has. Not autoloaded. */
	public const VERSION_OPTION = 'appointease_schema_version';

	/** Capability needed for every admin route and screen. */
	public const CAPABILITY = 'appointease_manage';

	/**
	 * Capability to read the bookings of the employee one's user is linked
	 * to. Linked users have it without asking (Access\EmployeeAccess); the
	 * role below carries it for staff accounts made for nothing else.
	 */
	public const VIEW_OWN_CAPABILITY = 'appointease_view_own_bookings';

	/** A role for employees' own logins: reading, and their own bookings. */
	public const EMPLOYEE_ROLE = 'appointease_employee';

	/**
	 * Activation hook.
	 */
	public static function activate(): void {
		self::install();
	}

	/**
	 * Deactivation hook: the plugin's cron events go (activation sets the
	 * hourly one again, and that one sends change emails still waiting).
	 */
	public static function deactivate(): void {
		\AppointEase\Holds\Housekeeping::unschedule();
		\AppointEase\Notifications\ChangeEmails::unschedule();
		\AppointEase\Notifications\OutboxSender::unschedule();
	}

	/**
	 * Runs the install when the stored schema version differs from the code's,
	 * or the employee role is missing (a site that ran an older release).
	 * Cheap on every request: one option read, normally from the object cache,
	 * and a look at the roles WordPress has loaded anyway.
	 */
	public static function maybe_upgrade(): void {
		if ( Schema::VERSION !== (int) get_option( self::VERSION_OPTION, 0 ) || null === get_role( self::EMPLOYEE_ROLE ) ) {
			self::install();
		}
	}

	/**
	 * Creates or updates the tables, grants the capability and adds the
	 * employee role. Safe to run again.
	 */
	public static function install(): void {
		Schema::create_or_update();
		$administrator = get_role( 'administrator' );
		if ( $administrator instanceof \WP_Role ) {
			$administrator->add_cap( self::CAPABILITY );
		}
		self::add_employee_role();
		// Present from the start, so that reading them on each request (the poll's too) finds them among the autoloaded options.
		add_option( \AppointEase\Holds\RedisOutage::OPTION, 0, '', true );
		add_option( \AppointEase\Settings\Settings::OPTION, array(), '', true );
		\AppointEase\Holds\Housekeeping::schedule();
		self::count_older_bookings_against_limits();
		// Autoloaded: every request compares it, so it should come with the options WordPress loads anyway.
		update_option( self::VERSION_OPTION, Schema::VERSION, true );
	}

	/**
	 * Gives bookings made before schema 10 (which took no limit claims when
	 * their service had no limit yet) their claims under today's limits.
	 */
	private static function count_older_bookings_against_limits(): void {
		$ledger = new \AppointEase\Booking\LimitLedger();
		foreach ( ( new \AppointEase\Catalog\ServiceRepository() )->all( false ) as $service ) {
			$ledger->claim_existing( $service, new \DateTimeImmutable( 'now' ) );
		}
	}

	/**
	 * Adds the employee role, or gives an existing one back its capabilities.
	 * The name is stored untranslated, like core's own roles.
	 */
	private static function add_employee_role(): void {
		$capabilities = array(
			'read'                    => true,
			self::VIEW_OWN_CAPABILITY => true,
		);
		$role         = get_role( self::EMPLOYEE_ROLE );
		if ( null === $role ) {
			add_role( self::EMPLOYEE_ROLE, 'AppointEase employee', $capabilities );
			return;
		}
		foreach ( array_keys( $capabilities ) as $capability ) {
			$role->add_cap( $capability );
		}
	}

	/**
	 * Whether the stored schema version is the one this code expects.
	 */
	public static function is_current(): bool {
		return Schema::VERSION === (int) get_option( self::VERSION_OPTION, 0 );
	}
}
