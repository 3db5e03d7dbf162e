<?php
/**
 * Removes everything AppointEase stored when the site owner deletes the plugin.
 *
 * @package AppointEase
 */

declare(strict_types=1);

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/vendor/autoload.php';

AppointEase\Infrastructure\Uninstaller::run_everywhere();
