<?php
/**
 * `wp appointease reminders`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Notifications\OutboxSender;
use AppointEase\Notifications\Outbox;
use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Reminders\ReminderCron;
use AppointEase\Reminders\ReminderJob;
use AppointEase\Reminders\ReminderLog;
use AppointEase\Reminders\ReminderTimes;
use AppointEase\Settings\Settings;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Sends reminder emails, completes past appointments and lists what is scheduled and sent.
 */
final class RemindersCommand {

	/**
	 * Runs the reminder job: sends the reminders (and follow-ups) that are
	 * due, marks appointments whose end has passed as completed, and prints
	 * what it sent and skipped.
	 *
	 * Safe to call from a system cron every minute, on one or many servers:
	 * each reminder is claimed in the database, so it goes out once.
	 *
	 * ## OPTIONS
	 *
	 * [--now=<time>]
	 * : Act as if it were this time (ISO 8601 with offset, e.g. 2030-01-06T10:00:00+01:00), for tests and support. Default: the real time.
	 *
	 * ## EXAMPLES
	 *
	 *     # From the system crontab, every minute:
	 *     * * * * * wp --path=/var/www/html appointease reminders run --quiet
	 *
	 *     $ wp appointease reminders run --now=2030-01-06T10:00:00+01:00
	 *     Sent: booking 12, 24h reminder
	 *     Skipped: booking 14, 24h reminder (booked_inside)
	 *     Success: Sent 1, skipped 1, completed 0.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function run( array $args, array $assoc_args ): void {
		if ( isset( $assoc_args['now'] ) ) {
			$now    = self::instant( (string) $assoc_args['now'] );
			$report = ReminderJob::create_default()->run( $now );
		} else {
			// The real time: the same as the WP-Cron event, which it also sets for the next work.
			$report = ReminderCron::run_now();
		}
		$counts = array(
			'sent'      => 0,
			'skipped'   => 0,
			'completed' => 0,
		);
		foreach ( $report as $line ) {
			++$counts[ $line['outcome'] ];
			$reason = '' === $line['reason'] ? '' : ' (' . $line['reason'] . ')';
			$what   = 'status' === $line['what'] ? 'marked completed' : $line['what'];
			WP_CLI::log( sprintf( '%s: booking %d, %s%s', ucfirst( $line['outcome'] ), $line['booking'], $what, $reason ) );
		}
		// What the run queued goes out now, not at the next WP-Cron run (which a site
		// running this from its crontab may have turned off).
		$delivered = ( new OutboxSender( new Outbox() ) )->run( time() );
		WP_CLI::log( sprintf( 'Emails handed to the mail server: %d.', $delivered ) );
		WP_CLI::success( sprintf( 'Sent %d, skipped %d, completed %d.', $counts['sent'], $counts['skipped'], $counts['completed'] ) );
	}

	/**
	 * Lists reminders: those scheduled for confirmed bookings ahead, and
	 * those sent or skipped.
	 *
	 * ## OPTIONS
	 *
	 * [--booking=<id>]
	 * : Only this booking's.
	 *
	 * [--format=<format>]
	 * : table, csv, json or yaml.
	 * ---
	 * default: table
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease reminders list --booking=12
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list( array $args, array $assoc_args ): void {
		$booking_id = isset( $assoc_args['booking'] ) ? (int) $assoc_args['booking'] : null;
		$bookings   = new BookingRepository();
		$now        = new \DateTimeImmutable( 'now' );
		$rows       = array();
		if ( null !== $booking_id ) {
			$booking = $bookings->find( $booking_id );
			if ( null === $booking ) {
				WP_CLI::error( sprintf( 'There is no booking %d.', $booking_id ) );
				return;
			}
			$ahead = Booking::CONFIRMED === $booking->status ? array( $booking ) : array();
		} else {
			$ahead = $bookings->starting_between( Booking::CONFIRMED, $now, $now->modify( '+' . ( ReminderTimes::MAX_MINUTES + 60 * 24 * 365 ) . ' minutes' ), 200 );
		}
		$services = new ServiceRepository();
		$log      = new ReminderLog();
		foreach ( $ahead as $booking ) {
			$taken   = $log->taken( $booking->id, ReminderJob::REMINDER, $booking->start );
			$service = $services->find( $booking->service_id );
			try {
				$offsets = ReminderTimes::parse( $service->reminders ?? Settings::text( 'reminder_times' ) );
			} catch ( \InvalidArgumentException $invalid ) {
				$offsets = array();
			}
			foreach ( $offsets as $offset ) {
				$due = $booking->start->modify( '-' . $offset . ' minutes' );
				if ( $due > $now && ! in_array( $offset, $taken, true ) ) {
					$rows[] = self::row( $booking->id, ReminderJob::REMINDER, ReminderTimes::one( $offset ), $due, $booking->start, 'scheduled', '' );
				}
			}
		}
		$utc = new \DateTimeZone( 'UTC' );
		foreach ( $log->rows( $booking_id, 500 ) as $row ) {
			$offset = (int) $row['offset_minutes'];
			$rows[] = self::row( (int) $row['booking_id'], (string) $row['kind'], ReminderJob::REMINDER === $row['kind'] ? ReminderTimes::one( $offset ) : '+' . ReminderTimes::one( $offset ), new \DateTimeImmutable( (string) $row['due_utc'], $utc ), new \DateTimeImmutable( (string) $row['start_utc'], $utc ), (string) $row['state'], (string) $row['reason'] );
		}
		WP_CLI\Utils\format_items( (string) ( $assoc_args['format'] ?? 'table' ), $rows, array( 'booking', 'kind', 'offset', 'due', 'start', 'state', 'reason' ) );
	}

	/**
	 * One row of the list.
	 *
	 * @param int                $booking The booking.
	 * @param string             $kind    reminder or follow_up.
	 * @param string             $offset  "24h" before the start, "+24h" after the end.
	 * @param \DateTimeImmutable $due     Its moment.
	 * @param \DateTimeImmutable $start   The appointment's start it is for.
	 * @param string             $state   scheduled, claimed, sent or skipped.
	 * @param string             $reason  Why skipped.
	 * @return array<string, string|int>
	 */
	private static function row( int $booking, string $kind, string $offset, \DateTimeImmutable $due, \DateTimeImmutable $start, string $state, string $reason ): array {
		$zone = wp_timezone();
		return array(
			'booking' => $booking,
			'kind'    => $kind,
			'offset'  => $offset,
			'due'     => $due->setTimezone( $zone )->format( DATE_ATOM ),
			'start'   => $start->setTimezone( $zone )->format( DATE_ATOM ),
			'state'   => $state,
			'reason'  => $reason,
		);
	}

	/**
	 * The instant a --now option names.
	 *
	 * @param string $text ISO 8601.
	 * @throws \Exception When the text is no time (after WP_CLI::error() has ended the command).
	 */
	private static function instant( string $text ): \DateTimeImmutable {
		if ( 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/', $text ) ) {
			WP_CLI::error( '--now must be an ISO 8601 time with its offset, such as 2030-01-06T10:00:00+01:00.' );
		}
		try {
			return new \DateTimeImmutable( $text );
		} catch ( \Exception $invalid ) {
			WP_CLI::error( '--now is not a valid time: ' . $invalid->getMessage() );
			throw $invalid;
		}
	}
}
