<?php
/**
 * When the reminder job runs: a WP-Cron event at its next due moment, and hourly.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Reminders;

use AppointEase\Booking\Booking;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\CronEvent;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * One WP-Cron single event, set for the moment the job next has work (the
 * next reminder's moment, a booking's end, a follow-up's moment), so a site
 * with nothing due runs nothing. Each run sets the event for the next
 * moment; a booking made, confirmed or moved brings the event forward when
 * its own first reminder comes sooner. The hourly housekeeping runs the job
 * too, in case an event was lost (two requests writing the cron option at
 * once can drop one). A system cron that calls `wp appointease reminders run`
 * every minute does the same work; the claims keep it from sending twice.
 */
final class ReminderCron {

	/** The cron hook. */
	public const HOOK = 'appointease_send_reminders';

	/**
	 * Adds the hooks.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run_now' ) );
		add_action( Housekeeping::HOOK, array( self::class, 'run_now' ) );
		add_action( 'appointease_booking_created', array( self::class, 'schedule_for' ) );
		add_action( 'appointease_booking_confirmed', array( self::class, 'schedule_for' ) );
		add_action( 'appointease_booking_rescheduled', array( self::class, 'schedule_for' ) );
		// New reminder times may make something due sooner than the event is set for.
		add_action( 'update_option_' . Settings::OPTION, array( self::class, 'schedule_soon' ) );
		add_action( 'add_option_' . Settings::OPTION, array( self::class, 'schedule_soon' ) );
	}

	/**
	 * The job at the real time, then the event for its next work.
	 *
	 * @return array<int, array{booking: int, what: string, outcome: string, reason: string}> The run's report.
	 */
	public static function run_now(): array {
		$now    = new \DateTimeImmutable( 'now' );
		$job    = ReminderJob::create_default();
		$report = array();
		try {
			$report = $job->run( $now );
			$next   = $job->next_due( $now );
			if ( null !== $next ) {
				self::schedule( max( $next, $now->getTimestamp() + 1 ) );
			}
		} catch ( \RuntimeException $failure ) {
			// The database failed under the job; the hourly run tries again.
			error_log( 'AppointEase: the reminder job failed: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of it.
		}
		return $report;
	}

	/**
	 * Brings the event forward to a booking's first reminder still ahead
	 * (or its end, when it is to be completed).
	 *
	 * @param Booking $booking The booking now.
	 */
	public static function schedule_for( $booking ): void {
		if ( ! $booking instanceof Booking || Booking::CONFIRMED !== $booking->status ) {
			return;
		}
		$now     = time();
		$service = ( new ServiceRepository() )->find( $booking->service_id );
		try {
			$offsets = ReminderTimes::parse( $service->reminders ?? Settings::text( 'reminder_times' ) );
		} catch ( \InvalidArgumentException $invalid ) {
			$offsets = array();
		}
		$next = $booking->end->getTimestamp();
		foreach ( $offsets as $offset ) {
			$moment = $booking->start->getTimestamp() - $offset * 60;
			if ( $moment > $now ) {
				$next = min( $next, $moment );
			}
		}
		self::schedule( max( $next, $now ) );
	}

	/**
	 * Runs the job on the next cron check; hooked to changes of the settings.
	 */
	public static function schedule_soon(): void {
		self::schedule( time() );
	}

	/**
	 * Makes sure the job runs by $due: an event set later moves forward, an
	 * earlier one stays (it sets the next itself).
	 *
	 * @param int $due Unix seconds.
	 */
	public static function schedule( int $due ): void {
		CronEvent::run_by( self::HOOK, $due );
	}

	/**
	 * Removes the event; on deactivation and uninstall.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
