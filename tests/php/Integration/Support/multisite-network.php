<?php
/**
 * One step of MultisiteUninstallTest on a throwaway WordPress network, each in
 * a process of its own: whether WordPress runs as a network is fixed when it
 * loads. The database is the one APPOINTEASE_TEST_DB names, which the test
 * sets to a database of its own; the site is installed (single) before this.
 *
 * Steps:
 *   convert            turns the single site into a network, as `wp core multisite-convert` does
 *   populate <sites> <worker> <workers>
 *                      adds this worker's share of the sites 2..<sites>, each with the plugin
 *                      installed by its installer and a setting stored
 *   finish             stores a setting on the main site too and deactivates the plugin
 *                      (WordPress deletes only inactive plugins)
 *   uninstall          deletes the plugin the way WordPress does: uninstall_plugin() runs uninstall.php
 *
 * Prints "ok <details>" on success.
 *
 * Usage: php multisite-network.php <wp-dir> <step> [<sites> <worker> <workers>]
 *
 * @package AppointEase
 */

declare(strict_types=1);

list( , $wp_dir, $step ) = $argv;
$sites                   = (int) ( $argv[3] ?? 0 );
$worker                  = (int) ( $argv[4] ?? 0 );
$workers                 = max( 1, (int) ( $argv[5] ?? 1 ) );

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
// The network's domain. WordPress finds a network's sites by host and path, and a host with a port is no domain it makes.
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['SERVER_NAME'] = 'localhost';

if ( 'convert' !== $step ) {
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', false );
	define( 'DOMAIN_CURRENT_SITE', 'localhost' );
	define( 'PATH_CURRENT_SITE', '/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );
}
require $wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$appointease_plugin = 'appointease/appointease.php';
switch ( $step ) {
	case 'convert':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		require_once ABSPATH . 'wp-admin/includes/network.php';
		global $wpdb;
		// A single site's $wpdb knows no network tables yet.
		foreach ( $wpdb->tables( 'ms_global' ) as $appointease_table => $appointease_prefixed ) {
			$wpdb->$appointease_table = $appointease_prefixed;
		}
		install_network();
		$appointease_result = populate_network( 1, 'localhost', 'admin@example.com', 'Uninstall test network', '/', false );
		if ( is_wp_error( $appointease_result ) ) {
			echo 'error ' . $appointease_result->get_error_message() . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
			exit( 1 );
		}
		echo "ok converted\n";
		break;

	case 'populate':
		if ( ! is_plugin_active( $appointease_plugin ) || ! class_exists( \AppointEase\Infrastructure\Installer::class ) ) {
			echo "error the plugin is not active on the main site\n";
			exit( 1 );
		}
		$appointease_started = microtime( true );
		// Core would give each new site every blog table (posts, comments, terms...), some ten
		// tables each, which takes a minute for a hundred sites here. The uninstall reads and writes
		// a site's options only (its plugin tables come from the plugin's installer below), so a
		// site gets its options table, with the main site's roles, and nothing more.
		remove_action( 'wp_initialize_site', 'wp_initialize_site', 10 );
		add_action(
			'wp_initialize_site',
			static function ( WP_Site $site ): void {
				global $wpdb;
				$options = $wpdb->get_blog_prefix( (int) $site->id ) . 'options';
				// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table names from $wpdb.
				$wpdb->query( "CREATE TABLE `$options` LIKE `{$wpdb->base_prefix}options`" );
				$wpdb->query(
					$wpdb->prepare(
						"INSERT INTO `$options` (option_name, option_value, autoload) SELECT IF( option_name = %s, %s, option_name ), option_value, autoload FROM `{$wpdb->base_prefix}options` WHERE option_name IN ( %s, 'siteurl', 'home', 'blogname', 'blog_charset', 'timezone_string' )",
						$wpdb->base_prefix . 'user_roles',
						$wpdb->get_blog_prefix( (int) $site->id ) . 'user_roles',
						$wpdb->base_prefix . 'user_roles'
					)
				);
				// phpcs:enable
				update_blog_option( (int) $site->id, 'blogname', 'Site ' . $site->id );
			}
		);
		// Workers side by side: the time goes to MariaDB making files, not to PHP.
		for ( $appointease_i = 2 + $worker; $appointease_i <= $sites; $appointease_i += $workers ) {
			// A real site: its wp_blogs row and its tables, made by core.
			$appointease_site = wp_insert_site(
				array(
					'domain'  => 'localhost',
					'path'    => '/site-' . $appointease_i . '/',
					'title'   => 'Site ' . $appointease_i,
					'user_id' => 1,
				)
			);
			if ( is_wp_error( $appointease_site ) ) {
				echo 'error ' . $appointease_site->get_error_message() . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
				exit( 1 );
			}
			switch_to_blog( $appointease_site );
			\AppointEase\Infrastructure\Installer::install();
			\AppointEase\Settings\Settings::update( array( 'slot_step' => 30 ) );
			restore_current_blog();
		}
		printf( "ok in %.1f s\n", microtime( true ) - $appointease_started ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
		break;

	case 'finish':
		\AppointEase\Settings\Settings::update( array( 'slot_step' => 30 ) );
		deactivate_plugins( $appointease_plugin );
		printf( "ok %d sites\n", count( get_sites( array( 'number' => 0 ) ) ) );
		break;

	case 'uninstall':
		if ( ! is_multisite() || is_plugin_active( $appointease_plugin ) ) {
			echo "error not a network, or the plugin is still active\n";
			exit( 1 );
		}
		$appointease_started = microtime( true );
		uninstall_plugin( $appointease_plugin );
		printf( "ok uninstalled in %.1f s\n", microtime( true ) - $appointease_started ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
		break;

	default:
		echo "error unknown step\n";
		exit( 1 );
}
