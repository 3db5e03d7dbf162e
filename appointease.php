<?php
/**
 * Plugin Name:       AppointEase
 * Plugin URI:        https://github.com/appointease/appointease
 * Description:       Appointment booking that never double-books: live 1-second availability, visible holds while visitors choose, and bookings the database itself refuses to double.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.1
 * Author:            AppointEase
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       appointease
 * Domain Path:       /languages
 *
 * @package AppointEase
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

define( 'APPOINTEASE_VERSION', '0.1.0' );
define( 'APPOINTEASE_FILE', __FILE__ );
define( 'APPOINTEASE_DIR', plugin_dir_path( __FILE__ ) );
define( 'APPOINTEASE_URL', plugin_dir_url( __FILE__ ) );
define( 'APPOINTEASE_MIN_PHP', '8.1' );

/**
 * Shows an admin notice instead of failing with a fatal error.
 *
 * The message is made when the notice shows, not now: this file runs before
 * `init`, and translating then makes WordPress 6.7+ warn that translations
 * were loaded too early (`_load_textdomain_just_in_time`).
 *
 * @param callable(): string $message Makes the translated, plain-text message.
 */
function appointease_admin_notice( callable $message ): void {
	add_action(
		'admin_notices',
		static function () use ( $message ): void {
			printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html( $message() ) );
		}
	);
}

if ( version_compare( PHP_VERSION, APPOINTEASE_MIN_PHP, '<' ) ) {
	appointease_admin_notice(
		static function (): string {
			return sprintf(
				/* translators: 1: required PHP version, 2: running PHP version. */
				__( 'AppointEase needs PHP %1$s or newer; this site runs PHP %2$s. The plugin is inactive until PHP is upgraded.', 'appointease' ),
				APPOINTEASE_MIN_PHP,
				PHP_VERSION
			);
		}
	);
	return;
}

if ( ! is_readable( APPOINTEASE_DIR . 'vendor/autoload.php' ) ) {
	appointease_admin_notice(
		static function (): string {
			return __( 'AppointEase is missing its vendor/autoload.php file. Install the plugin from its release zip, or run "composer install" in the plugin folder.', 'appointease' );
		}
	);
	return;
}

require_once APPOINTEASE_DIR . 'vendor/autoload.php';

register_activation_hook( __FILE__, array( \AppointEase\Infrastructure\Installer::class, 'activate' ) );
// A deactivated plugin leaves no job behind; activating it again schedules it anew.
register_deactivation_hook( __FILE__, array( \AppointEase\Infrastructure\Installer::class, 'deactivate' ) );

\AppointEase\Plugin::boot();
