<?php
/**
 * Integration test bootstrap: a fresh WordPress install in its own database
 * (appointease_tests) on the local MariaDB, the plugin activated through its
 * real activation hook, then WordPress loaded in this process.
 *
 * Needs the local stack from `npm run demo` (bin/test.sh starts it).
 *
 * @package AppointEase
 */

declare(strict_types=1);

require_once __DIR__ . '/Support/stack.php';

$root    = dirname( __DIR__, 3 );
$stack   = appointease_tests_stack();
$wp_dir  = $stack['wp_dir'];
$php_bin = PHP_BINARY;

if ( ! is_file( $wp_dir . '/wp-config.php' ) ) {
	fwrite( STDERR, "No local WordPress in $wp_dir. Run `npm run demo` first.\n" );
	exit( 1 );
}

/** The WordPress folder under test, for tests that start PHP processes of their own. */
define( 'APPOINTEASE_TESTS_WP_DIR', $wp_dir );
/** The site's address, as the stack serves it. */
define( 'APPOINTEASE_TESTS_SITE_URL', $stack['site_url'] );

define( 'APPOINTEASE_TESTS', true );

// Start from empty tables, then install in a separate process, as WP_INSTALLING must not leak into the tests.
require __DIR__ . '/Support/reset-database.php';
appointease_tests_reset_database( $wp_dir );
$cmd = sprintf(
	'%s %s %s %s admin password admin@example.com --tests 2>&1',
	escapeshellarg( $php_bin ),
	escapeshellarg( $root . '/bin/php/install-site.php' ),
	escapeshellarg( $wp_dir ),
	escapeshellarg( $stack['site_url'] )
);
exec( $cmd, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
if ( 0 !== $status ) {
	fwrite( STDERR, "Installing the test site failed:\n" . implode( "\n", $output ) . "\n" );
	exit( 1 );
}

appointease_tests_fake_request( $stack );

// PHPUnit includes this file inside a function: variables that WordPress's
// files set at their top level must be declared global first, as core's own
// test bootstrap does.
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories, $wp_version, $wp_db_version, $table_prefix;
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_plugin_active( 'appointease/appointease.php' ) ) {
	fwrite( STDERR, "The plugin is not active on the test site.\n" );
	exit( 1 );
}

// The database starts empty, so row ids start again at 1: holds, poll snapshots and
// rate counters that an earlier run left in Redis under this database's prefix must go too.
$appointease_redis = \AppointEase\Holds\HoldStoreFactory::shared()->redis();
if ( null !== $appointease_redis ) {
	$appointease_cursor = null;
	do {
		$appointease_keys = $appointease_redis->scan( $appointease_cursor, \AppointEase\Holds\HoldStoreFactory::shared()->prefix() . '*', 1000 );
		if ( is_array( $appointease_keys ) && array() !== $appointease_keys ) {
			$appointease_redis->del( $appointease_keys );
		}
	} while ( $appointease_cursor > 0 );
}
unset( $appointease_redis, $appointease_cursor, $appointease_keys );
