<?php
/**
 * A single WP-Cron event that must run no later than some instant.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * The outbox, the change emails and the reminders each keep one single event
 * that runs their job; each run sets the next. Asking for the job by an
 * instant moves a later event forward and keeps an earlier one, so a burst
 * of requests leaves one event, at the earliest instant asked for.
 */
final class CronEvent {

	/**
	 * Makes sure the hook runs by $due.
	 *
	 * @param string $hook The event's hook.
	 * @param int    $due  Unix seconds.
	 */
	public static function run_by( string $hook, int $due ): void {
		$next = wp_next_scheduled( $hook );
		if ( false !== $next && $next <= $due ) {
			return;
		}
		if ( false !== $next ) {
			wp_unschedule_event( $next, $hook );
		}
		wp_schedule_single_event( $due, $hook );
	}
}
