<?php
/**
 * `wp appointease store`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\StoreUnavailableException;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Shows where visitors' holds are kept.
 */
final class StoreCommand {

	/**
	 * Shows the hold store in use and how it is doing.
	 *
	 * The store (Redis or the database), whether Redis is configured and
	 * answering, how many holds are live, and the schema version.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease store status
	 *     +----------------+----------+
	 *     | Field          | Value    |
	 *     +----------------+----------+
	 *     | store          | redis    |
	 *     | redis          | reachable|
	 *     ...
	 *
	 *     # For monitoring.
	 *     $ wp appointease store status --format=json
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function status( array $args, array $assoc_args ): void {
		$factory              = HoldStoreFactory::shared();
		$status               = $factory->status();
		$item                 = array(
			'store'          => $status['store'],
			'redis'          => $status['configured'] ? ( $status['reachable'] ? 'reachable' : 'unreachable' ) : 'not configured',
			'latency_ms'     => null === $status['latency_ms'] ? '' : (string) $status['latency_ms'],
			'error'          => (string) $status['error'],
			'live_holds'     => self::live_holds(),
			'schema_version' => sprintf( '%d (expected %d)', (int) get_option( Installer::VERSION_OPTION, 0 ), Schema::VERSION ),
		);
		$assoc_args['fields'] = array_keys( $item );
		( new Formatter( $assoc_args, null, 'store' ) )->display_item( $item );
	}

	/**
	 * Holds live now, over every active employee and the booking horizon,
	 * or a note when the store cannot tell.
	 *
	 * @return int|string
	 */
	private static function live_holds() {
		$now   = time();
		$until = $now + ( Settings::int( 'horizon_days' ) + 1 ) * 24 * HOUR_IN_SECONDS;
		$count = 0;
		try {
			$store = HoldStoreFactory::shared()->store();
			foreach ( ( new EmployeeRepository() )->all( true ) as $employee ) {
				$count += count( $store->live( $employee->id, $now, $until, $now ) );
			}
		} catch ( StoreUnavailableException $unavailable ) {
			return 'unknown: ' . $unavailable->getMessage();
		}
		return $count;
	}
}
