<?php
/**
 * The `wp appointease` namespace's help text.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use WP_CLI\Dispatcher\CommandNamespace;

defined( 'ABSPATH' ) || exit;

/**
 * Runs the AppointEase booking business from the command line.
 *
 * Bookings, employees, services, the hold store, and demo data.
 *
 * ## EXAMPLES
 *
 *     # Bookings waiting for approval.
 *     $ wp appointease bookings list --status=pending
 *
 *     # Is Redis keeping the holds?
 *     $ wp appointease store status
 */
final class AppointEaseNamespace extends CommandNamespace {
}
