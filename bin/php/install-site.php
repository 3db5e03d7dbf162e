<?php
/**
 * Installs WordPress into the configured database (once) and activates the plugin.
 * Run by bin/lib/site.sh and by the integration test bootstrap; WP-CLI's core
 * commands are not in the registries reachable here, so this uses core's own API.
 *
 * Usage: php bin/php/install-site.php <wp-dir> <site-url> <admin-user> <admin-password> <admin-email> [--tests]
 *
 * @package AppointEase
 */

declare(strict_types=1);

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

list( , $wp_dir, $site_url, $admin_user, $admin_password, $admin_email ) = array_pad( $argv, 6, '' );
if ( in_array( '--tests', $argv, true ) ) {
	define( 'APPOINTEASE_TESTS', true );
}

$parts                  = (array) parse_url( $site_url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['HTTP_HOST']   = ( $parts['host'] ?? 'localhost' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
$_SERVER['SERVER_NAME'] = $parts['host'] ?? 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = (string) ( $parts['port'] ?? 80 );

define( 'WP_INSTALLING', true );
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install( 'AppointEase Demo', $admin_user, $admin_email, true, '', $admin_password );
	$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
	update_option( 'timezone_string', 'Europe/Berlin' );
	update_option( 'blogdescription', 'Book an appointment' );
	echo "installed\n";
}

$plugin_file = 'appointease/appointease.php';
if ( ! is_plugin_active( $plugin_file ) ) {
	$result = activate_plugin( $plugin_file );
	if ( is_wp_error( $result ) ) {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a CLI script writing to stderr.
		fwrite( STDERR, 'Activating the plugin failed: ' . $result->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "activated\n";
}
if ( 'twentytwentyfive' !== get_stylesheet() && wp_get_theme( 'twentytwentyfive' )->exists() ) {
	switch_theme( 'twentytwentyfive' );
}
// Rebuilt on the next request, with the plugin's rules included.
delete_option( 'rewrite_rules' );
