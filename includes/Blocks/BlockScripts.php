<?php
/**
 * Registers the booking block's scripts only when WordPress sets up its scripts.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * A block whose block.json names its scripts as `file:` paths makes WordPress
 * register them while the block type is registered, on `init`, and registering
 * one script builds WP_Scripts: several hundred default scripts and a query for
 * the `can_compress_scripts` option, which is not autoloaded. Pages that print
 * scripts build WP_Scripts anyway, but REST requests, feeds and the like do not,
 * and there that cost would be the plugin's alone (measured by `npm run bench`
 * on the REST index: +1 query and most of the plugin's extra instructions).
 *
 * So the block is registered with script handles instead of paths, and the
 * scripts themselves are added to WP_Scripts by `wp_default_scripts`, which
 * runs when WordPress (or anyone) first needs WP_Scripts. The handles, URLs,
 * dependencies, versions, the view script's `defer` and the translations are
 * the same as core would give them.
 */
final class BlockScripts {

	/**
	 * The block's script fields.
	 */
	private const FIELDS = array( 'editorScript', 'viewScript' );

	/**
	 * Scripts waiting for WP_Scripts: handle => [built file, metadata field, block version].
	 *
	 * @var array<string, array{0: string, 1: string, 2: string|false}>
	 */
	private static array $pending = array();

	/**
	 * Call right before the block type is registered.
	 */
	public static function before_block_registration(): void {
		add_filter( 'block_type_metadata', array( self::class, 'handles_for_files' ) );
	}

	/**
	 * Call right after the block type is registered.
	 */
	public static function after_block_registration(): void {
		remove_filter( 'block_type_metadata', array( self::class, 'handles_for_files' ) );
		add_action( 'wp_default_scripts', array( self::class, 'register' ) );
		// WP_Scripts may exist already (built before `init` by other code): add them now.
		if ( isset( $GLOBALS['wp_scripts'] ) && $GLOBALS['wp_scripts'] instanceof \WP_Scripts ) {
			self::register( $GLOBALS['wp_scripts'] );
		}
	}

	/**
	 * `block_type_metadata` filter: the booking block's `file:` script fields
	 * become their handles, and the files are kept for register().
	 *
	 * @param array<string, mixed> $metadata Block metadata.
	 * @return array<string, mixed>
	 */
	public static function handles_for_files( array $metadata ): array {
		if ( BookingBlock::NAME !== ( $metadata['name'] ?? null ) || empty( $metadata['file'] ) ) {
			return $metadata;
		}
		foreach ( self::FIELDS as $field ) {
			$value = $metadata[ $field ] ?? null;
			if ( ! is_string( $value ) || ! str_starts_with( $value, 'file:' ) ) {
				continue;
			}
			// The handle core would give it: appointease-booking-editor-script, …-view-script.
			$handle                   = generate_block_asset_handle( BookingBlock::NAME, $field );
			$file                     = dirname( (string) $metadata['file'] ) . '/' . remove_block_asset_path_prefix( $value );
			self::$pending[ $handle ] = array( $file, $field, $metadata['version'] ?? false );
			$metadata[ $field ]       = $handle;
		}
		return $metadata;
	}

	/**
	 * `wp_default_scripts` action: adds the block's scripts to WP_Scripts. It
	 * runs inside WP_Scripts' constructor, before wp_scripts() can return the
	 * object, so it works on the object it is given, never on wp_scripts().
	 *
	 * @param \WP_Scripts $scripts The scripts being set up.
	 */
	public static function register( \WP_Scripts $scripts ): void {
		foreach ( self::$pending as $handle => list( $file, $field, $version ) ) {
			if ( isset( $scripts->registered[ $handle ] ) ) {
				continue;
			}
			$asset_file = substr_replace( $file, '.asset.php', - strlen( '.js' ) );
			$asset      = is_readable( $asset_file ) ? require $asset_file : array();
			$scripts->add(
				$handle,
				get_block_asset_url( wp_normalize_path( (string) realpath( $file ) ) ),
				$asset['dependencies'] ?? array(),
				$asset['version'] ?? $version
			);
			if ( 'viewScript' === $field ) {
				$scripts->add_data( $handle, 'strategy', 'defer' );
			}
			$scripts->set_translations( $handle, 'appointease', APPOINTEASE_DIR . 'languages' );
		}
	}
}
