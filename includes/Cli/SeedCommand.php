<?php
/**
 * `wp appointease seed`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Demo\DemoData;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Seeds demo employees, services and working hours.
 */
final class SeedCommand {

	/**
	 * Adds a demo business.
	 *
	 * Three employees whose hours cover every day of the week, four services
	 * (one of them a group class), a few bookings in the coming days and eight
	 * weeks of past ones (mostly completed, some cancelled, a few no-shows).
	 *
	 * Does nothing when the site already has employees, so it is safe to run again.
	 * The demo customers are made up, so their bookings send no emails.
	 *
	 * ## OPTIONS
	 *
	 * This command takes no options.
	 *
	 * ## EXAMPLES
	 *
	 *     # Seed a fresh site.
	 *     $ wp appointease seed
	 *     Success: Seeded 3 employees and 4 services.
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Named arguments (none).
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		if ( DemoData::is_seeded() ) {
			WP_CLI::success( 'The site already has employees; nothing seeded.' );
			return;
		}
		add_filter( 'appointease_email', '__return_false' );
		try {
			$counts = DemoData::seed();
		} finally {
			remove_filter( 'appointease_email', '__return_false' );
		}
		WP_CLI::success( sprintf( 'Seeded %d employees, %d services and %d bookings.', $counts['employees'], $counts['services'], $counts['bookings'] ) );
	}
}
