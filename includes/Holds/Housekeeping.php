<?php
/**
 * Hourly removal of hold records nobody can ask about any more; the jobs' schedules.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

use AppointEase\Booking\UnverifiedExpiry;
use AppointEase\Reminders\ReminderCron;
use AppointEase\Sync\CalendarSync;

defined( 'ABSPATH' ) || exit;

/**
 * Expired holds stop counting the moment they expire, with or without this
 * job; it only keeps the database store's table from growing. (Redis keys
 * expire on their own.)
 */
final class Housekeeping {

	public const HOOK = 'appointease_purge_holds';

	/**
	 * Schedules the job if it is not; called on install and upgrade.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'hourly', self::HOOK );
		}
	}

	/**
	 * Removes the job; called on uninstall.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		UnverifiedExpiry::unschedule();
		ReminderCron::unschedule();
		CalendarSync::unschedule();
	}

	/**
	 * The job: purges records past their grace period, and expires
	 * unconfirmed bookings in case their own event did not run.
	 */
	public static function run(): void {
		UnverifiedExpiry::run();
		try {
			HoldStoreFactory::shared()->store()->purge_expired( time() );
		} catch ( StoreUnavailableException $unavailable ) {
			// Next hour, then.
			unset( $unavailable );
		}
	}
}
