<?php
/**
 * `wp appointease holds`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\StoreUnavailableException;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Looks after visitors' holds.
 */
final class HoldsCommand {

	/**
	 * Deletes the records of holds that ran out.
	 *
	 * An expired hold stops counting at once anyway; its record is kept a
	 * little longer so that its holder hears "expired" rather than "not
	 * found". The hourly job does the same; this runs it now.
	 *
	 * ## OPTIONS
	 *
	 * This command takes no options.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease holds purge
	 *     Success: Purged 17 records of holds that ran out (store: redis).
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function purge( array $args, array $assoc_args ): void {
		$factory = HoldStoreFactory::shared();
		try {
			$purged = $factory->store()->purge_expired( time() );
		} catch ( StoreUnavailableException $unavailable ) {
			WP_CLI::error( 'The hold store did not answer: ' . $unavailable->getMessage() );
			return;
		}
		WP_CLI::success( sprintf( 'Purged %d records of holds that ran out (store: %s).', $purged, $factory->status()['store'] ) );
	}
}
