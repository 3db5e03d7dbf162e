<?php
/**
 * Site Health: which hold store serves, and the plugin's state.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Adds a test to Tools → Site Health (is Redis serving the holds, or the
 * database store, and why) and an "AppointEase" section to its Info tab.
 */
final class SiteHealth {

	/**
	 * Hooks both in.
	 */
	public static function register(): void {
		add_filter( 'site_status_tests', array( self::class, 'add_tests' ) );
		add_filter( 'debug_information', array( self::class, 'add_debug_information' ) );
	}

	/**
	 * Adds the hold store test; hooked to `site_status_tests`.
	 *
	 * @param array<string, mixed> $tests Core's tests.
	 * @return array<string, mixed>
	 */
	public static function add_tests( $tests ) {
		$tests['direct']['appointease_hold_store'] = array(
			'label' => __( 'AppointEase hold store', 'appointease' ),
			'test'  => array( self::class, 'hold_store_test' ),
		);
		return $tests;
	}

	/**
	 * The hold store test.
	 *
	 * @return array<string, mixed>
	 */
	public static function hold_store_test(): array {
		$status = HoldStoreFactory::shared()->status();
		$result = array(
			'label'       => __( 'Redis keeps the visitors\' holds', 'appointease' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Performance', 'appointease' ),
				'color' => 'blue',
			),
			'description' => '<p>' . esc_html(
				/* translators: %s: milliseconds. */
				sprintf( __( 'Redis answered in %s ms. Holds and live availability are served from memory.', 'appointease' ), number_format_i18n( (float) $status['latency_ms'], 2 ) )
			) . '</p>',
			'test'        => 'appointease_hold_store',
		);
		if ( ! $status['configured'] ) {
			$result['label']       = __( 'The database keeps the visitors\' holds', 'appointease' );
			$result['description'] = '<p>' . esc_html__( 'No Redis is configured, so AppointEase keeps holds in the database. That is correct and safe; on a busy site, Redis makes the 1-second availability checks cheaper. Define APPOINTEASE_REDIS_HOST in wp-config.php to use it.', 'appointease' ) . '</p>';
		} elseif ( 'redis' !== $status['store'] ) {
			$result['label']       = __( 'Redis is configured but does not answer; the database keeps the holds', 'appointease' );
			$result['status']      = 'critical';
			$result['badge']       = array(
				'label' => __( 'Performance', 'appointease' ),
				'color' => 'red',
			);
			$result['description'] = '<p>' . esc_html__( 'AppointEase switched to its database store, so bookings keep working, but every visitor\'s availability check now costs database queries.', 'appointease' ) . '</p><p>' . esc_html( (string) $status['error'] ) . '</p>';
		}
		return $result;
	}

	/**
	 * Adds the AppointEase section to the Info tab; hooked to `debug_information`.
	 *
	 * @param array<string, mixed> $info Core's sections.
	 * @return array<string, mixed>
	 */
	public static function add_debug_information( $info ) {
		$status = HoldStoreFactory::shared()->status();
		$next   = wp_next_scheduled( Housekeeping::HOOK );

		$info['appointease'] = array(
			'label'  => __( 'AppointEase', 'appointease' ),
			'fields' => array(
				'schema'     => array(
					'label' => __( 'Database schema version', 'appointease' ),
					/* translators: 1: stored version, 2: version this code expects. */
					'value' => sprintf( __( '%1$d (expected %2$d)', 'appointease' ), (int) get_option( Installer::VERSION_OPTION, 0 ), Schema::VERSION ),
				),
				'hold_store' => array(
					'label' => __( 'Hold store in use', 'appointease' ),
					'value' => $status['store'],
				),
				'redis'      => array(
					'label' => __( 'Redis', 'appointease' ),
					'value' => $status['configured']
						/* translators: 1: "reachable" or "unreachable", 2: latency in ms or an error. */
						? sprintf( __( 'configured, %1$s (%2$s)', 'appointease' ), $status['reachable'] ? __( 'reachable', 'appointease' ) : __( 'unreachable', 'appointease' ), $status['reachable'] ? $status['latency_ms'] . ' ms' : (string) $status['error'] )
						: __( 'not configured', 'appointease' ),
				),
				'purge'      => array(
					'label' => __( 'Next purge of old holds', 'appointease' ),
					'value' => false === $next ? __( 'not scheduled', 'appointease' ) : gmdate( 'Y-m-d H:i:s', $next ) . ' UTC',
				),
			),
		);
		return $info;
	}
}
