<?php
/**
 * Removes everything AppointEase stored when the site owner deletes the plugin.
 *
 * @package AppointEase
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_readable( __DIR__ . '/vendor/autoload.php' ) ) {
	require_once __DIR__ . '/vendor/autoload.php';
} else {
	// A copy without Composer's files (an unpacked source tree, say) must still clean up
	// after itself when deleted: the plugin's classes follow PSR-4 under includes/.
	spl_autoload_register(
		static function ( string $class_name ): void {
			if ( str_starts_with( $class_name, 'AppointEase\\' ) ) {
				$file = __DIR__ . '/includes/' . str_replace( '\\', '/', substr( $class_name, strlen( 'AppointEase\\' ) ) ) . '.php';
				if ( is_readable( $file ) ) {
					require $file;
				}
			}
		}
	);
}

AppointEase\Infrastructure\Uninstaller::run_everywhere();
