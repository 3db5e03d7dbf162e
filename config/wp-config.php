<?php
/**
 * wp-config.php of the local AppointEase site, written by bin/lib/site.sh.
 * The PHPUnit integration suite defines APPOINTEASE_TESTS to use its own database;
 * APPOINTEASE_TEST_DB=@DB_TEST_NAME@_<suffix> in the environment gives a run a
 * database of its own, so that two runs can go side by side.
 *
 * @package AppointEase
 */

define( 'DB_NAME', defined( 'APPOINTEASE_TESTS' ) ? appointease_test_database( '@DB_TEST_NAME@' ) : '@DB_NAME@' );
/**
 * The test database: the default, or the one APPOINTEASE_TEST_DB names when it is the default plus a suffix.
 * tests/php/Integration/Support/reset-database.php applies the same rule.
 *
 * @param string $default_name The test database of the local site.
 */
function appointease_test_database( string $default_name ): string {
	$name = (string) getenv( 'APPOINTEASE_TEST_DB' );
	return 1 === preg_match( '/^' . preg_quote( $default_name, '/' ) . '_[a-z0-9]{1,16}$/', $name ) ? $name : $default_name;
}

define( 'DB_USER', '@DB_USER@' );
define( 'DB_PASSWORD', '@DB_PASSWORD@' );
define( 'DB_HOST', '127.0.0.1:@DB_PORT@' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

require __DIR__ . '/../etc/salts.php';

$table_prefix = 'wp_'; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited

define( 'WP_HOME', '@SITE_URL@' );
define( 'WP_SITEURL', '@SITE_URL@' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// WP-CLI 2.4 predates PHP 8.2 and floods the terminal with deprecation notices under WP_DEBUG.
define( 'WP_DEBUG', ! defined( 'WP_CLI' ) );
define( 'WP_DEBUG_LOG', '@RUNTIME@/logs/php-error.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'FS_METHOD', 'direct' );
define( 'DISALLOW_FILE_EDIT', true );

// This machine reaches no outside host: fail outgoing requests at once instead of waiting.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );

define( 'APPOINTEASE_REDIS_HOST', '127.0.0.1' );
define( 'APPOINTEASE_REDIS_PORT', @REDIS_PORT@ );
// The stack's maildev, which the local-site mu-plugin sends every email to.
define( 'APPOINTEASE_LOCAL_SMTP_PORT', @SMTP_PORT@ );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
