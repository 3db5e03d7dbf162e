<?php
/**
 * Deletes the plugin's data.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * Removes this plugin's tables, options and capability, and nothing else.
 */
final class Uninstaller {

	/** Options the plugin owns. */
	public const OPTIONS = array(
		Installer::VERSION_OPTION,
		'appointease_settings',
		\AppointEase\Holds\RedisOutage::OPTION,
	);

	/**
	 * Runs the removal on the current site.
	 */
	public static function run(): void {
		\AppointEase\Holds\Housekeeping::unschedule();
		Schema::drop_all();
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		foreach ( wp_roles()->role_objects as $role ) {
			$role->remove_cap( Installer::CAPABILITY );
		}
	}
}
