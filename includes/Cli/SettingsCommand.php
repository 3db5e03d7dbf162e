<?php
/**
 * `wp appointease settings`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Settings\Settings;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and changes the booking settings, validated exactly as the REST
 * settings route validates them (one schema, Settings::schema()).
 */
final class SettingsCommand {

	/**
	 * Prints one setting.
	 *
	 * ## OPTIONS
	 *
	 * <key>
	 * : The setting, such as slot_step or consent_required (`wp appointease settings list` shows them all).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease settings get slot_step
	 *     15
	 *
	 * @param string[]             $args       The key.
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function get( array $args, array $assoc_args ): void {
		$all = Settings::all();
		$key = (string) $args[0];
		if ( ! array_key_exists( $key, $all ) ) {
			WP_CLI::error( sprintf( '"%s" is not a setting.', $key ) );
		}
		WP_CLI::line( self::text( $all[ $key ] ) );
	}

	/**
	 * Changes one setting.
	 *
	 * ## OPTIONS
	 *
	 * <key>
	 * : The setting.
	 *
	 * <value>
	 * : Its new value: a number, true or false, or text.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease settings set consent_required true
	 *     Success: consent_required is now true.
	 *
	 * @param string[]             $args       The key and the value.
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function set( array $args, array $assoc_args ): void {
		list( $key, $value ) = array( (string) $args[0], (string) $args[1] );
		try {
			$all = Settings::update( array( $key => $value ) );
		} catch ( \InvalidArgumentException $invalid ) {
			WP_CLI::error( html_entity_decode( $invalid->getMessage(), ENT_QUOTES ) );
			return;
		}
		WP_CLI::success( sprintf( '%s is now %s.', $key, self::text( $all[ $key ] ) ) );
	}

	/**
	 * Lists every setting with its value.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease settings list --format=json
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$rows = array();
		foreach ( Settings::all() as $key => $value ) {
			$rows[] = array(
				'key'   => $key,
				'value' => self::text( $value ),
			);
		}
		WP_CLI\Utils\format_items( (string) ( $assoc_args['format'] ?? 'table' ), $rows, array( 'key', 'value' ) );
	}

	/**
	 * A value as the command line shows it.
	 *
	 * @param mixed $value A setting's value.
	 */
	private static function text( $value ): string {
		if ( is_bool( $value ) ) {
			return $value ? 'true' : 'false';
		}
		return is_scalar( $value ) ? (string) $value : (string) wp_json_encode( $value );
	}
}
