<?php
/**
 * The cron job that sends the change emails whose quiet period is over.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Booking\BookingRepository;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\CronEvent;

defined( 'ABSPATH' ) || exit;

/**
 * Runs as a WP-Cron single event, set for the moment the next queued change
 * falls due, and from the hourly housekeeping job too: two requests that
 * write the cron option at once can lose an event, and then the email goes
 * out within the hour instead of never. Each run sends every due row it can
 * claim and sets the event for the next one.
 */
final class ChangeEmails {

	/** The cron hook. */
	public const HOOK = 'appointease_send_change_emails';

	/** Rows one run handles at most; the next run, set for at once, takes the rest. */
	private const BATCH = 100;

	/**
	 * Builds it.
	 *
	 * @param ChangeQueue       $queue    The waiting changes.
	 * @param BookingRepository $bookings Booking rows, for each booking as it is now.
	 * @param Notifier          $notifier Sends.
	 */
	public function __construct(
		private readonly ChangeQueue $queue,
		private readonly BookingRepository $bookings,
		private readonly Notifier $notifier
	) {
	}

	/**
	 * Hooks the job to its cron event and to the hourly one.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run_now' ) );
		add_action( Housekeeping::HOOK, array( self::class, 'run_now' ) );
	}

	/**
	 * The job, wired to the real repositories.
	 */
	public static function run_now(): void {
		( new self( new ChangeQueue(), new BookingRepository(), Notifier::shared() ) )->run( time() );
	}

	/**
	 * Sends the emails of every due change this runner claims: one email per
	 * booking and audience, about the booking as it is now, measured against
	 * what its last emails said.
	 *
	 * @param int $now The current instant, Unix seconds.
	 * @return int How many bookings this run handled.
	 */
	public function run( int $now ): int {
		$handled = 0;
		foreach ( $this->queue->due( $now, self::BATCH ) as $booking_id ) {
			if ( $this->send_claimed( $booking_id, $now ) ) {
				++$handled;
			}
		}
		$next = $this->queue->next_due();
		if ( null !== $next ) {
			self::schedule( max( $next, $now ) );
		}
		return $handled;
	}

	/**
	 * Sends one booking's waiting change emails now, wired to the real
	 * repositories: a privacy erasure is about to replace the address they go
	 * to, and the staff must still hear of a cancel.
	 *
	 * @param int $booking_id The booking.
	 */
	public static function send_waiting_now( int $booking_id ): void {
		$now  = time();
		$self = new self( new ChangeQueue(), new BookingRepository(), Notifier::shared() );
		$self->queue->hurry( $booking_id, $now );
		$self->send_claimed( $booking_id, $now );
	}

	/**
	 * Claims a booking's due row and sends its emails.
	 *
	 * @param int $booking_id The booking.
	 * @param int $now        The current instant, Unix seconds.
	 * @return bool Whether this runner had the row (false: not due, gone, or another runner's).
	 */
	private function send_claimed( int $booking_id, int $now ): bool {
		$row = $this->queue->claim( $booking_id, $now );
		if ( null === $row ) {
			return false;
		}
		$current = $this->bookings->find( $booking_id );
		if ( null !== $current ) {
			$this->notifier->send_change( $current, ChangeQueue::baseline( $row, $current ) );
		}
		$this->queue->finish( $row, $current, $now );
		return true;
	}

	/**
	 * Makes sure the job runs by $due: an event set later moves forward, an
	 * earlier one stays (it sets the next when it finds this row not due yet).
	 *
	 * @param int $due Unix seconds.
	 */
	public static function schedule( int $due ): void {
		CronEvent::run_by( self::HOOK, $due );
	}

	/**
	 * Removes the event; on deactivation. Waiting rows stay, and the hourly
	 * job sends them once the plugin is active again.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
