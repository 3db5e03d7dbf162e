<?php
/**
 * Wires the plugin's parts to WordPress hooks.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase;

use AppointEase\Admin\SiteHealth;
use AppointEase\Blocks\BookingBlock;
use AppointEase\Blocks\ManagePage;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Installer;
use AppointEase\Poll\EarlyPoll;
use AppointEase\Poll\PollSnapshots;
use AppointEase\Rest\Routes;

defined( 'ABSPATH' ) || exit;

/**
 * The one place where hooks are added; every part stays unaware of the others.
 */
final class Plugin {

	/**
	 * Adds the hooks. Called once from the main plugin file.
	 */
	public static function boot(): void {
		// Upgrades run early so that every later hook sees the current schema.
		add_action( 'plugins_loaded', array( Installer::class, 'maybe_upgrade' ), 5 );
		add_action( 'init', array( self::class, 'load_textdomain' ) );
		add_action( 'init', array( BookingBlock::class, 'register' ) );
		add_action( 'rest_api_init', array( Routes::class, 'register' ) );
		add_action( Housekeeping::HOOK, array( Housekeeping::class, 'run' ) );
		add_action( 'appointease_slot_changed', array( PollSnapshots::class, 'on_slot_changed' ) );
		SiteHealth::register();
		Access\EmployeeAccess::register();
		Notifications\Notifier::register();
		Privacy\Privacy::register();
		Admin\AdminScreens::register();
		// Only a site whose wp-config.php defines the keys loads the adapter (which checks them).
		if ( defined( 'APPOINTEASE_TURNSTILE_SECRET_KEY' ) ) {
			Integrations\Turnstile::register();
		}

		// The poll ends the request here when it can, with every hook above in place.
		if ( Installer::is_current() ) {
			EarlyPoll::maybe_answer();
		}

		// Page hooks only: after the early poll, which never needs them (nor loads their class).
		ManagePage::register();
		// After the early poll, which never expires bookings nor sends emails: it does not even add these hooks.
		Booking\UnverifiedExpiry::register();
		Notifications\ChangeEmails::register();
		Reminders\ReminderCron::register();
		Notifications\OutboxSender::register();
		Sync\CalendarSync::register();

		if ( class_exists( \WP_CLI::class ) ) {
			Cli\Commands::register();
		}
	}

	/**
	 * Loads translations shipped in the plugin's languages folder.
	 */
	public static function load_textdomain(): void {
		load_plugin_textdomain( 'appointease', false, dirname( plugin_basename( APPOINTEASE_FILE ) ) . '/languages' );
	}
}
