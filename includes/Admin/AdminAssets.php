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
 * Enqueues build/admin/index.js with the dependencies its generated
 * index.asset.php lists (the `wp-*` scripts, among them `wp-api-fetch`,
 * whose nonce middleware authenticates the REST calls), its translations,
 * and its stylesheet on top of the components' styles.
 */
final class AdminAssets {

	public const HANDLE = 'appointease-admin';

	/** The built files, relative to the plugin folder. */
	private const SCRIPT = 'build/admin/index.js';
	private const STYLE  = 'build/admin/index.css';
	private const ASSET  = 'build/admin/index.asset.php';

	/**
	 * Whether `npm run build` has made the admin files.
	 */
	public static function is_built(): bool {
		return is_readable( APPOINTEASE_DIR . self::ASSET );
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
		$asset = self::asset();
		$deps  = isset( $asset['dependencies'] ) && is_array( $asset['dependencies'] ) ? $asset['dependencies'] : array();
		$ver   = isset( $asset['version'] ) && is_string( $asset['version'] ) ? $asset['version'] : APPOINTEASE_VERSION;

		wp_enqueue_script( self::HANDLE, APPOINTEASE_URL . self::SCRIPT, $deps, $ver, true );
		wp_set_script_translations( self::HANDLE, 'appointease', APPOINTEASE_DIR . 'languages' );
		if ( is_readable( APPOINTEASE_DIR . self::STYLE ) ) {
			wp_enqueue_style( self::HANDLE, APPOINTEASE_URL . self::STYLE, array( 'wp-components' ), $ver );
			// The build writes index-rtl.css beside it.
			wp_style_add_data( self::HANDLE, 'rtl', 'replace' );
		}
	}

	/**
	 * What the build wrote into index.asset.php: the script's dependencies and version.
	 *
	 * @return array<mixed>
	 */
	private static function asset(): array {
		/* @phpstan-ignore require.fileNotFound (the file exists only after `npm run build`; is_built() checked that) */
		$asset = require APPOINTEASE_DIR . self::ASSET;
		return is_array( $asset ) ? $asset : array();
	}
}
