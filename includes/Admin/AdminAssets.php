<?php
/**
 * The admin app's script and style, on the AppointEase pages only.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

defined( 'ABSPATH' ) || exit;

/**
 * Enqueues build/admin/index.js (build/admin/dashboard.js on the dashboard)
 * with the dependencies its generated .asset.php lists (the `wp-*` scripts, among them `wp-api-fetch`,
 * whose nonce middleware authenticates the REST calls), its translations,
 * and its stylesheet on top of the components' styles.
 */
final class AdminAssets {

	public const HANDLE = 'appointease-admin';

	/** The built entry points, relative to the plugin folder, without `.js`. */
	private const APP       = 'build/admin/index';
	private const DASHBOARD = 'build/admin/dashboard';

	/**
	 * Whether `npm run build` has made the admin files.
	 */
	public static function is_built(): bool {
		return is_readable( APPOINTEASE_DIR . self::APP . '.asset.php' ) && is_readable( APPOINTEASE_DIR . self::DASHBOARD . '.asset.php' );
	}

	/**
	 * Enqueues the app on the AppointEase pages; hooked to `admin_enqueue_scripts`.
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public static function enqueue( $hook_suffix ): void {
		if ( null === AdminScreens::screen_of( (string) $hook_suffix ) || ! self::is_built() ) {
			return;
		}
		// The dashboard brings Chart.js: its own entry point, so no other page loads it.
		$entry = 'dashboard' === AdminScreens::screen_of( (string) $hook_suffix ) ? self::DASHBOARD : self::APP;
		$asset = self::asset( $entry );
		$deps  = isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array();
		$ver   = isset( $asset['version'] ) && is_string( $asset['version'] ) ? $asset['version'] : APPOINTEASE_VERSION;

		wp_enqueue_script( self::HANDLE, APPOINTEASE_URL . $entry . '.js', $deps, $ver, true );
		wp_set_script_translations( self::HANDLE, 'appointease', APPOINTEASE_DIR . 'languages' );
		if ( is_readable( APPOINTEASE_DIR . $entry . '.css' ) ) {
			wp_enqueue_style( self::HANDLE, APPOINTEASE_URL . $entry . '.css', array( 'wp-components' ), $ver );
			// The build writes index-rtl.css (dashboard-rtl.css) beside it.
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * What the build wrote into an entry's .asset.php: the script's dependencies and version.
	 *
	 * @param string $entry self::APP or self::DASHBOARD.
	 * @return array<mixed>
	 */
	private static function asset( string $entry ): array {
		// The file exists only after `npm run build`; is_built() checked that.
		$asset = require APPOINTEASE_DIR . $entry . '.asset.php';
		return is_array( $asset ) ? $asset : array();
	}
}
