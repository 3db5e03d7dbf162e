<?php
/**
 * Frees the times of bookings nobody confirmed by email in time.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Rest\AvailabilityController;
use AppointEase\Rest\BookingsController;
use AppointEase\Rest\CapacityController;
use AppointEase\Rest\HoldsController;

defined( 'ABSPATH' ) || exit;

/**
 * An unverified booking (see the `require_email_confirmation` setting) holds
 * its seats until its deadline; then it expires and its time is free. Two
 * things make that happen soon after the deadline:
 *
 * - a WP-Cron single event set for each unverified booking's deadline (a
 *   site that never asks customers to confirm runs no job for it), and the
 *   hourly housekeeping as a fallback;
 * - lazily, before the public routes that look for or take free times
 *   (availability, capacity, holds, bookings): one read of the
 *   (status, deadline) index, and a transaction only for what is due. The
 *   1-second poll never does this: it stays free of SQL of its own, and the
 *   calendar version bumped by an expiry tells it what changed.
 *
 * Each expiry locks the booking's row and reads its status under the lock,
 * so a confirmation racing it wins or loses whole (BookingService).
 */
final class UnverifiedExpiry {

	public const HOOK = 'appointease_expire_unverified';

	/**
	 * Adds the hooks.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run' ) );
		add_action( 'appointease_booking_unverified', array( self::class, 'schedule_for' ) );
		add_filter( 'rest_request_before_callbacks', array( self::class, 'before_request' ), 30, 3 );
	}

	/**
	 * Sets the job for the moment an unverified booking's deadline passes.
	 * The booking's id makes the event its own: WordPress drops a second
	 * event of one hook with the same arguments within ten minutes.
	 *
	 * @param Booking $booking The unverified booking.
	 */
	public static function schedule_for( $booking ): void {
		if ( ! $booking instanceof Booking || null === $booking->verify_by ) {
			return;
		}
		$deadline = ( new \DateTimeImmutable( $booking->verify_by, new \DateTimeZone( 'UTC' ) ) )->getTimestamp();
		wp_schedule_single_event( $deadline + 1, self::HOOK, array( $booking->id ) );
	}

	/**
	 * Removes every event of the job; called on deactivation and uninstall.
	 */
	public static function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * The job: expires what is due.
	 *
	 * @return int How many bookings expired.
	 */
	public static function run(): int {
		try {
			return BookingService::create_default()->expire_unverified( new \DateTimeImmutable( 'now' ) );
		} catch ( \RuntimeException $failure ) {
			// The database failed under the job; the next run, or the next visitor, tries again.
			error_log( 'AppointEase: expiring unconfirmed bookings failed: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of it.
			return 0;
		}
	}

	/**
	 * Before the routes that look for or take free times: expires what is
	 * due, so that a time whose deadline passed is free for this visitor even
	 * when WP-Cron has not run. Hooked to `rest_request_before_callbacks`.
	 *
	 * @param mixed                $response Null, or an error found earlier.
	 * @param array<string, mixed> $handler  The matched handler.
	 * @param \WP_REST_Request     $request  The request.
	 * @return mixed
	 */
	public static function before_request( $response, $handler, $request ) {
		unset( $request );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$callback   = is_array( $handler ) ? ( $handler['callback'] ?? null ) : null;
		$controller = is_array( $callback ) ? ( $callback[0] ?? null ) : null;
		if ( $controller instanceof AvailabilityController || $controller instanceof CapacityController || $controller instanceof HoldsController || $controller instanceof BookingsController ) {
			self::run();
		}
		return $response;
	}
}
