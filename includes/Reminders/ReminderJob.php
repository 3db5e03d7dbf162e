<?php
/**
 * The reminder job: reminders before appointments, completion after them, follow-ups.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Reminders;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Notifications\EmailTemplates;
use AppointEase\Notifications\Notifier;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * One run at an instant (`$now`: the real time from cron, any time from
 * `wp appointease reminders run --now=…`):
 *
 * 1. confirmed bookings whose end has passed become `completed`;
 * 2. each confirmed booking's reminders that are due get decided: the
 *    latest due one is sent, and the rest skipped with a reason
 *    (ReminderJob::decide());
 * 3. with the follow-up email on, completed appointments whose end lies
 *    the set hours back get it.
 *
 * Every reminder and follow-up is claimed in the reminders table before
 * anything is sent (ReminderLog), so overlapping runs and several web nodes
 * send each at most once; the booking is read again after the claim, so a
 * cancel or a move that came in between is not reminded of.
 */
final class ReminderJob {

	/** Reminders before the start. */
	public const REMINDER = 'reminder';

	/** The email after a completed appointment. */
	public const FOLLOW_UP = 'follow_up';

	/**
	 * Seconds after its moment that a reminder still counts as on time: a
	 * cron run a few minutes late sends even a reminder set closer to the
	 * start than the late limit.
	 */
	public const ON_TIME_SECONDS = 300;

	/** Bookings one run looks at per step; the next run takes the rest. */
	private const BATCH = 200;

	/** Days after its moment that a follow-up is still sent (a site that slept a week sends none). */
	private const FOLLOW_UP_DAYS = 2;

	/**
	 * Builds it.
	 *
	 * @param BookingService    $service  Status changes (completion).
	 * @param BookingRepository $bookings Booking rows.
	 * @param ServiceRepository $services Services, for their own reminder times.
	 * @param ReminderLog       $log      The claims.
	 * @param Notifier          $notifier Sends.
	 */
	public function __construct(
		private readonly BookingService $service,
		private readonly BookingRepository $bookings,
		private readonly ServiceRepository $services,
		private readonly ReminderLog $log,
		private readonly Notifier $notifier
	) {
	}

	/**
	 * The job wired to the real repositories.
	 */
	public static function create_default(): self {
		return new self( BookingService::create_default(), new BookingRepository(), new ServiceRepository(), new ReminderLog(), Notifier::shared() );
	}

	/**
	 * Does what is due at $now.
	 *
	 * @param \DateTimeImmutable $now The instant to act at.
	 * @return array<int, array{booking: int, what: string, outcome: string, reason: string}> One line per booking and thing done or skipped.
	 */
	public function run( \DateTimeImmutable $now ): array {
		return array_merge( $this->complete_ended( $now ), $this->send_reminders( $now ), $this->send_follow_ups( $now ) );
	}

	/**
	 * Confirmed bookings whose end has passed become completed. A booking an
	 * admin changed meanwhile (cancelled, marked a no-show) is left alone.
	 *
	 * @param \DateTimeImmutable $now The instant.
	 * @return array<int, array{booking: int, what: string, outcome: string, reason: string}>
	 */
	private function complete_ended( \DateTimeImmutable $now ): array {
		$report = array();
		foreach ( $this->bookings->ending_between( Booking::CONFIRMED, null, $now, self::BATCH ) as $booking ) {
			try {
				$this->service->complete( $booking->id );
				$report[] = self::line( $booking->id, 'status', 'completed', '' );
			} catch ( Refusal $changed ) {
				// Another runner or an admin got there first.
				unset( $changed );
			}
		}
		return $report;
	}

	/**
	 * Decides and sends the due reminders.
	 *
	 * @param \DateTimeImmutable $now The instant.
	 * @return array<int, array{booking: int, what: string, outcome: string, reason: string}>
	 */
	private function send_reminders( \DateTimeImmutable $now ): array {
		$report = array();
		foreach ( $this->due( $now ) as $decision ) {
			$booking = $decision['booking'];
			$what    = ReminderTimes::one( $decision['offset'] ) . ' ' . self::REMINDER;
			if ( null !== $decision['skip'] ) {
				if ( $this->log->claim( $booking->id, self::REMINDER, $decision['offset'], $booking->start, $decision['due'], ReminderLog::SKIPPED, $decision['skip'], $now ) ) {
					$report[] = self::line( $booking->id, $what, 'skipped', $decision['skip'] );
				}
				continue;
			}
			if ( ! $this->log->claim( $booking->id, self::REMINDER, $decision['offset'], $booking->start, $decision['due'], ReminderLog::CLAIMED, '', $now ) ) {
				continue;
			}
			$outcome  = $this->send_claimed( $booking, $decision, $now );
			$report[] = self::line( $booking->id, $what, '' === $outcome ? 'sent' : 'skipped', $outcome );
		}
		return $report;
	}

	/**
	 * Sends a reminder this runner claimed, unless the booking changed since it was read.
	 *
	 * @param Booking                                                 $booking  The booking as read.
	 * @param array{offset: int, due: \DateTimeImmutable, late: bool} $decision What decide() said.
	 * @param \DateTimeImmutable                                      $now      The instant.
	 * @return string '' when sent, else why not.
	 */
	private function send_claimed( Booking $booking, array $decision, \DateTimeImmutable $now ): string {
		$fresh = $this->bookings->find( $booking->id );
		if ( null === $fresh || Booking::CONFIRMED !== $fresh->status || $fresh->start->getTimestamp() !== $booking->start->getTimestamp() || $fresh->start <= $now ) {
			$this->log->finish( $booking->id, self::REMINDER, $decision['offset'], $booking->start, ReminderLog::SKIPPED, 'changed' );
			return 'changed';
		}
		$reminder = array(
			'kind'           => self::REMINDER,
			'offset'         => ReminderTimes::one( $decision['offset'] ),
			'offset_minutes' => $decision['offset'],
			'due'            => $decision['due']->format( DATE_ATOM ),
			'start'          => $fresh->start->format( DATE_ATOM ),
			'late'           => $decision['late'],
		);

		/**
		 * A booking's reminder is due: fires once per reminder, from the one
		 * runner that claimed it, before the email goes out. An SMS or chat
		 * plugin sends its own message here.
		 *
		 * @param Booking $booking  The confirmed booking.
		 * @param array   $reminder kind ("reminder"), offset ("24h"), offset_minutes, due and
		 *                          start (ISO 8601, UTC), late (whether it goes out late).
		 */
		do_action( 'appointease_reminder_due', $fresh, $reminder );

		/**
		 * Filters whether a reminder goes out by email. Return false for a
		 * booking whose reminder another channel sends instead.
		 *
		 * @param bool    $send     Default true.
		 * @param Booking $booking  The booking.
		 * @param array   $reminder As for appointease_reminder_due.
		 */
		$email = (bool) apply_filters( 'appointease_reminder_email', true, $fresh, $reminder );
		if ( $email ) {
			$this->notifier->remind( $fresh );
		}
		$this->log->finish( $booking->id, self::REMINDER, $decision['offset'], $booking->start, ReminderLog::SENT, $email ? '' : 'email_filtered' );
		return '';
	}

	/**
	 * What each confirmed booking's due, not yet handled reminders come to
	 * at $now, without changing anything (Site Health asks this too). Of a
	 * booking's due reminders only the latest is sent; the rules, in order:
	 *
	 * - none before its moment, none once the appointment has started;
	 * - one whose moment passed before the booking took its time and status
	 *   (booked, approved or moved inside the window) is skipped: `booked_inside`;
	 * - one with a later reminder due or handled is skipped: `superseded`
	 *   (a site asleep for a day sends the 2-hour reminder, not both);
	 * - one more than ON_TIME_SECONDS late is sent only while the start is at
	 *   least `reminder_late_minutes` away, else skipped: `too_late`.
	 *
	 * @param \DateTimeImmutable $now The instant.
	 * @return array<int, array{booking: Booking, offset: int, due: \DateTimeImmutable, late: bool, skip: string|null}>
	 */
	public function due( \DateTimeImmutable $now ): array {
		$lists = $this->offset_lists();
		$max   = 0;
		foreach ( $lists as $offsets ) {
			$max = max( $max, $offsets[0] ?? 0 );
		}
		if ( 0 === $max ) {
			return array();
		}
		$decisions = array();
		foreach ( $this->bookings->starting_between( Booking::CONFIRMED, $now, $now->modify( '+' . $max . ' minutes' ), self::BATCH ) as $booking ) {
			$offsets = $lists[ $booking->service_id ] ?? $lists[0];
			array_push( $decisions, ...$this->decide( $booking, $offsets, $now ) );
		}
		return $decisions;
	}

	/**
	 * The decisions for one booking (see due()).
	 *
	 * @param Booking            $booking The confirmed booking, starting after $now.
	 * @param int[]              $offsets Its reminder times, minutes, largest first.
	 * @param \DateTimeImmutable $now     The instant.
	 * @return array<int, array{booking: Booking, offset: int, due: \DateTimeImmutable, late: bool, skip: string|null}>
	 */
	private function decide( Booking $booking, array $offsets, \DateTimeImmutable $now ): array {
		$start = $booking->start->getTimestamp();
		$due   = array_values( array_filter( $offsets, static fn( int $offset ): bool => $start - $offset * 60 <= $now->getTimestamp() ) );
		if ( array() === $due ) {
			return array();
		}
		$taken    = $this->log->taken( $booking->id, self::REMINDER, $booking->start );
		$settled  = array() === $taken ? null : min( $taken );
		$since    = strtotime( $booking->updated_at . ' UTC' );
		$limit    = Settings::int( 'reminder_late_minutes' ) * 60;
		$chosen   = false;
		$decided  = array();
		$smallest = $due;
		sort( $smallest );
		foreach ( $smallest as $offset ) {
			if ( in_array( $offset, $taken, true ) ) {
				continue;
			}
			$moment = $start - $offset * 60;
			$late   = $now->getTimestamp() - $moment > self::ON_TIME_SECONDS;
			$skip   = null;
			if ( false !== $since && $since > $moment ) {
				$skip = 'booked_inside';
			} elseif ( $chosen || ( null !== $settled && $offset > $settled ) ) {
				$skip = 'superseded';
			} elseif ( $late && $start - $now->getTimestamp() < $limit ) {
				$skip = 'too_late';
			} else {
				$chosen = true;
			}
			$decided[] = array(
				'booking' => $booking,
				'offset'  => $offset,
				'due'     => ( new \DateTimeImmutable( '@' . $moment ) ),
				'late'    => $late,
				'skip'    => $skip,
			);
		}//end foreach
		return $decided;
	}

	/**
	 * Reminder times in force: index 0 the site's, then each service with its own.
	 *
	 * @return array<int, int[]> Minutes, largest first.
	 */
	private function offset_lists(): array {
		$lists = array( 0 => self::parse( Settings::text( 'reminder_times' ) ) );
		foreach ( $this->services->reminder_overrides() as $service_id => $text ) {
			$lists[ $service_id ] = self::parse( $text );
		}
		return $lists;
	}

	/**
	 * A stored list, or none when it cannot be read (it was validated when stored).
	 *
	 * @param string $text The stored text.
	 * @return int[]
	 */
	private static function parse( string $text ): array {
		try {
			return ReminderTimes::parse( $text );
		} catch ( \InvalidArgumentException $invalid ) {
			unset( $invalid );
			return array();
		}
	}

	/**
	 * Sends the follow-up emails that are due, with the setting on.
	 *
	 * @param \DateTimeImmutable $now The instant.
	 * @return array<int, array{booking: int, what: string, outcome: string, reason: string}>
	 */
	private function send_follow_ups( \DateTimeImmutable $now ): array {
		if ( ! Settings::bool( EmailTemplates::FOLLOW_UP ) ) {
			return array();
		}
		$hours  = Settings::int( EmailTemplates::FOLLOW_UP_HOURS );
		$last   = $now->modify( '-' . $hours . ' hours' );
		$report = array();
		foreach ( $this->bookings->ending_between( Booking::COMPLETED, $last->modify( '-' . self::FOLLOW_UP_DAYS . ' days' ), $last, self::BATCH ) as $booking ) {
			$due = $booking->end->modify( '+' . $hours . ' hours' );
			if ( ! $this->log->claim( $booking->id, self::FOLLOW_UP, $hours * 60, $booking->start, $due, ReminderLog::CLAIMED, '', $now ) ) {
				continue;
			}
			$fresh = $this->bookings->find( $booking->id );
			if ( null === $fresh || Booking::COMPLETED !== $fresh->status ) {
				$this->log->finish( $booking->id, self::FOLLOW_UP, $hours * 60, $booking->start, ReminderLog::SKIPPED, 'changed' );
				$report[] = self::line( $booking->id, self::FOLLOW_UP, 'skipped', 'changed' );
				continue;
			}
			$this->notifier->follow_up( $fresh );
			$this->log->finish( $booking->id, self::FOLLOW_UP, $hours * 60, $booking->start, ReminderLog::SENT, '' );
			$report[] = self::line( $booking->id, self::FOLLOW_UP, 'sent', '' );
		}
		return $report;
	}

	/**
	 * When the job next has work after $now (a reminder's moment, an end to
	 * complete, a follow-up's moment), or null when nothing is ahead. It may
	 * be early (a time only some services use): that run finds nothing and
	 * sets the next.
	 *
	 * @param \DateTimeImmutable $now The instant.
	 */
	public function next_due( \DateTimeImmutable $now ): ?int {
		if ( array() !== $this->bookings->ending_between( Booking::CONFIRMED, null, $now, 1 ) ) {
			// Ended bookings left for the next batch (a site upgraded with a long past): at once.
			return $now->getTimestamp();
		}
		$times   = array();
		$offsets = array_unique( array_merge( ...array_values( $this->offset_lists() ) ) );
		foreach ( $offsets as $offset ) {
			$start = $this->bookings->earliest_after( array( Booking::CONFIRMED ), 'start_utc', $now->modify( '+' . $offset . ' minutes' ) );
			if ( null !== $start ) {
				$times[] = $start->getTimestamp() - $offset * 60;
			}
		}
		$end = $this->bookings->earliest_after( array( Booking::CONFIRMED ), 'end_utc', $now );
		if ( null !== $end ) {
			$times[] = $end->getTimestamp();
		}
		if ( Settings::bool( EmailTemplates::FOLLOW_UP ) ) {
			$hours = Settings::int( EmailTemplates::FOLLOW_UP_HOURS );
			$end   = $this->bookings->earliest_after( array( Booking::CONFIRMED, Booking::COMPLETED ), 'end_utc', $now->modify( '-' . $hours . ' hours' ) );
			if ( null !== $end ) {
				$times[] = $end->getTimestamp() + $hours * 3600;
			}
		}
		return array() === $times ? null : min( $times );
	}

	/**
	 * One line of a run's report.
	 *
	 * @param int    $booking The booking.
	 * @param string $what    What: "24h reminder", "follow_up", "status".
	 * @param string $outcome sent, skipped or completed.
	 * @param string $reason  Why skipped; ''.
	 * @return array{booking: int, what: string, outcome: string, reason: string}
	 */
	private static function line( int $booking, string $what, string $outcome, string $reason ): array {
		return array(
			'booking' => $booking,
			'what'    => $what,
			'outcome' => $outcome,
			'reason'  => $reason,
		);
	}
}
