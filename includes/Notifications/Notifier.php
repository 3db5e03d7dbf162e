<?php
/**
 * Emails customers and staff about booking changes.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\Ics;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Listens to the booking hooks (which fire after the commit) and sends, for
 * each event, one email to the customer and one to the staff: the booking's
 * employee (also the previous one after a move to a colleague) and the site's
 * admin address, as the settings say. Both carry the booking's calendar file,
 * which holds no manage link (see Ics).
 *
 * A booking made without approval fires `created` and `confirmed` in one
 * request; its customer and staff get the `created` email only, which states
 * the status. `confirmed` emails are for pending bookings an admin approves.
 *
 * New bookings, approvals and declines email at once. Cancels and moves do
 * not: they queue (ChangeQueue), and once the booking has stayed unchanged
 * for the quiet period, one email per audience describes the booking as it
 * is then against what the last emails said (send_change()). Moving a
 * booking back and forth ten times sends one email, with the final time.
 *
 * With email confirmation on, a new booking is `unverified`: its customer
 * gets the `verify` email with the confirm link, and nobody else hears of it.
 * Once the customer confirms, everyone gets the `created` email, as if the
 * booking had been made then. One that expires unconfirmed sends nothing.
 *
 * The reminder job (Reminders\ReminderJob) sends `reminder` emails (to the
 * customer, and a copy to the employee when that setting is on; never to the
 * admin) and `follow_up` emails (the customer only) through remind() and
 * follow_up().
 */
final class Notifier {

	/**
	 * Ids of bookings made confirmed whose `confirmed` hook is yet to come.
	 *
	 * @var array<int, true>
	 */
	private array $created_confirmed = array();

	/**
	 * Whether the customer's emails are left out for now (an admin booked
	 * on the phone and unticked "Notify the customer"); staff are emailed.
	 *
	 * @var bool
	 */
	private static bool $customer_muted = false;

	/**
	 * Runs some work without emailing the customer about what it does. The
	 * booking hooks fire during the work, so this decides their recipients.
	 *
	 * @template T
	 * @param callable(): T $work The work.
	 * @return T
	 */
	public static function without_customer_emails( callable $work ) {
		$was                  = self::$customer_muted;
		self::$customer_muted = true;
		try {
			return $work();
		} finally {
			self::$customer_muted = $was;
		}
	}

	/**
	 * The notifier the hooks use, once built.
	 *
	 * @var self|null
	 */
	private static ?self $shared = null;

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository  $services  Services, for names.
	 * @param EmployeeRepository $employees Employees, for names, emails and timezones.
	 * @param ManageLink         $links     The customers' manage links.
	 * @param Mailer             $mailer    Sends.
	 * @param ChangeQueue        $changes   Cancels and moves waiting out their quiet period.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly ManageLink $links,
		private readonly Mailer $mailer,
		private readonly ChangeQueue $changes
	) {
	}

	/**
	 * Hooks the notifier to the booking hooks. It is built when one of them
	 * first fires: most requests, the early slot poll among them, fire none.
	 */
	public static function register(): void {
		add_action( 'appointease_booking_created', static fn( $booking ) => self::shared()->on_created( $booking ) );
		add_action( 'appointease_booking_unverified', static fn( $booking, $token ) => self::shared()->on_unverified( $booking, $token ), 10, 2 );
		add_action( 'appointease_booking_verified', static fn( $booking ) => self::shared()->on_created( $booking ) );
		add_action( 'appointease_booking_confirmed', static fn( $booking ) => self::shared()->on_confirmed( $booking ) );
		add_action( 'appointease_booking_rejected', static fn( $booking ) => self::shared()->on_rejected( $booking ) );
		add_action( 'appointease_booking_cancelled', static fn( $booking, $before = null ) => self::shared()->on_cancelled( $booking, $before ), 10, 2 );
		add_action( 'appointease_booking_rescheduled', static fn( $after, $before ) => self::shared()->on_rescheduled( $after, $before ), 10, 2 );
	}

	/**
	 * The one notifier of the request, wired to the real repositories; one,
	 * because on_confirmed() needs what on_created() noted.
	 */
	public static function shared(): self {
		self::$shared ??= new self( new ServiceRepository(), new EmployeeRepository(), new ManageLink( new BookingRepository() ), new Mailer(), new ChangeQueue() );
		return self::$shared;
	}

	/**
	 * A booking was made.
	 *
	 * @param Booking $booking The new booking.
	 */
	public function on_created( $booking ): void {
		if ( $booking instanceof Booking && Booking::UNVERIFIED !== $booking->status ) {
			if ( Booking::CONFIRMED === $booking->status ) {
				$this->created_confirmed[ $booking->id ] = true;
			}
			$this->notify( 'created', $booking );
		}
	}

	/**
	 * A booking waits for its customer to confirm it by email: only the
	 * customer gets an email, the one with the confirm link.
	 *
	 * @param Booking $booking The unverified booking.
	 * @param string  $token   The confirm token.
	 */
	public function on_unverified( $booking, $token ): void {
		if ( $booking instanceof Booking && is_string( $token ) ) {
			$this->notify( 'verify', $booking, null, ConfirmLink::url( $booking->id, $token ) );
		}
	}

	/**
	 * A booking was confirmed: approved, or made without approval (then the
	 * created email has said so already).
	 *
	 * @param Booking $booking The booking.
	 */
	public function on_confirmed( $booking ): void {
		if ( ! $booking instanceof Booking ) {
			return;
		}
		if ( isset( $this->created_confirmed[ $booking->id ] ) ) {
			unset( $this->created_confirmed[ $booking->id ] );
			return;
		}
		$this->notify( 'confirmed', $booking );
	}

	/**
	 * A pending booking was declined.
	 *
	 * @param Booking $booking The booking.
	 */
	public function on_rejected( $booking ): void {
		if ( $booking instanceof Booking ) {
			$this->notify( 'rejected', $booking );
		}
	}

	/**
	 * Sends the customer their booking's email again (an admin's "Resend
	 * confirmation"): the confirmed email once it is confirmed, the
	 * received one while it waits for approval. The staff get no copy.
	 *
	 * @param Booking $booking A pending or confirmed booking.
	 */
	public function resend( Booking $booking ): void {
		$this->notify( Booking::CONFIRMED === $booking->status ? 'confirmed' : 'created', $booking, null, '', true );
	}

	/**
	 * Sends a booking's reminder: to the customer, with its manage link and
	 * calendar file, and a copy to the employee when the setting says so.
	 *
	 * @param Booking $booking The confirmed booking.
	 */
	public function remind( Booking $booking ): void {
		$this->notify( 'reminder', $booking );
	}

	/**
	 * Sends a completed appointment's follow-up email to its customer.
	 *
	 * @param Booking $booking The completed booking.
	 */
	public function follow_up( Booking $booking ): void {
		$this->notify( 'follow_up', $booking );
	}

	/**
	 * A booking was cancelled: its emails wait out the quiet period.
	 *
	 * @param Booking      $booking The booking.
	 * @param Booking|null $before  The booking before (null from a caller that fires the hook with one argument).
	 */
	public function on_cancelled( $booking, $before = null ): void {
		if ( $booking instanceof Booking ) {
			$this->defer( $booking, $before instanceof Booking ? $before : null );
		}
	}

	/**
	 * A booking moved to another time or employee: its emails wait out the
	 * quiet period.
	 *
	 * @param Booking $after  The booking now.
	 * @param Booking $before The booking before.
	 */
	public function on_rescheduled( $after, $before ): void {
		if ( $after instanceof Booking && $before instanceof Booking ) {
			$this->defer( $after, $before );
		}
	}

	/**
	 * Sends what a burst of changes amounts to, once it is over: a cancelled
	 * booking's `cancelled` emails, an active one's `rescheduled` emails (the
	 * old time and employee being the baseline's), and nothing when the
	 * booking is as the last emails described it (moved and moved back), or
	 * was declined meanwhile (the decline emailed at once).
	 *
	 * @param Booking $current  The booking now.
	 * @param Booking $baseline The booking as its last emails described it.
	 */
	public function send_change( Booking $current, Booking $baseline ): void {
		if ( Booking::CANCELLED === $current->status ) {
			if ( Booking::CANCELLED !== $baseline->status ) {
				$this->notify( 'cancelled', $current, $baseline );
			}
			return;
		}
		if ( $current->is_active() && ! $current->same_time_and_status( $baseline ) ) {
			$this->notify( 'rescheduled', $current, $baseline );
		}
	}

	/**
	 * Queues a change; when the queue cannot be written, sends at once rather
	 * than never.
	 *
	 * @param Booking      $booking The booking now.
	 * @param Booking|null $before  The booking before the change, if known.
	 */
	private function defer( Booking $booking, ?Booking $before ): void {
		// Without the row before, the booking now stands in, with the status a cancel leaves behind being an active one.
		$before ??= new Booking( $booking->id, $booking->employee_id, $booking->service_id, $booking->start, $booking->end, $booking->seats, Booking::CONFIRMED, $booking->customer_name, $booking->customer_email, $booking->customer_phone, $booking->customer_notes, $booking->created_at, $booking->updated_at );
		try {
			ChangeEmails::schedule( $this->changes->note( $before, time() ) );
			return;
		} catch ( \Throwable $failure ) {
			error_log( sprintf( 'AppointEase: the change of booking %d was not queued, so its emails go now: %s', $booking->id, $failure->getMessage() ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of it.
		}
		$this->send_change( $booking, $before );
	}

	/**
	 * Sends the customer's and the staff's emails of one event. Nothing here
	 * may throw: the booking has been committed already.
	 *
	 * @param string       $event   One of EmailTemplates::EVENTS.
	 * @param Booking      $booking The booking now.
	 * @param Booking|null $before  The booking before a move (or a cancel), as its last emails described it.
	 * @param string       $confirm The confirm link of a `verify` email.
	 * @param bool         $customer_only Send the customer's email only (a resend).
	 */
	private function notify( string $event, Booking $booking, ?Booking $before = null, string $confirm = '', bool $customer_only = false ): void {
		try {
			$service  = $this->services->find( $booking->service_id );
			$employee = $this->employees->find( $booking->employee_id );
			if ( null === $service || null === $employee ) {
				return;
			}
			$was_with = null !== $before && $before->employee_id !== $booking->employee_id ? $this->employees->find( $before->employee_id ) : null;
			// An unconfirmed booking's emails carry no manage link: confirming comes first.
			$manage  = Booking::UNVERIFIED === $booking->status ? '' : $this->links->url( $booking );
			$values  = Placeholders::values( $event, $booking, $service, $employee, $manage, $before, $was_with, $confirm );
			$context = array(
				'event'    => $event,
				'booking'  => $booking,
				'previous' => $before,
			);

			$recipients = array(
				'customer' => self::$customer_muted ? array() : array( $booking->customer_email ),
				'staff'    => $customer_only ? array() : $this->staff( $event, $employee, $was_with ),
			);
			foreach ( $recipients as $audience => $to ) {
				$to       = array_values( array_unique( array_filter( array_map( 'strtolower', $to ), static fn( string $address ): bool => false !== is_email( $address ) ) ) );
				$template = EmailTemplates::template( $event, $audience );
				if ( array() === $to || '' === trim( $template['body'] ) ) {
					continue;
				}
				// No calendar file before the booking is confirmed, nor after the appointment.
				$calendar = Booking::UNVERIFIED === $booking->status || 'follow_up' === $event ? null : array(
					'name'    => Ics::file_name( $booking ),
					'content' => Ics::for_booking( $booking, $service, $employee ),
				);
				$this->mailer->send( $this->message( $to, $template, $values, $audience, $booking ), array( 'audience' => $audience ) + $context, $calendar );
			}
		} catch ( \Throwable $failure ) {
			error_log( sprintf( 'AppointEase: the %s emails about booking %d were not sent: %s', $event, $booking->id, $failure->getMessage() ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of a lost email.
		}//end try
	}

	/**
	 * The staff addresses: the employee (and the previous one after a move to
	 * a colleague) and the admin, as the settings say.
	 *
	 * Reminders go to the employee alone, and only with their own setting on.
	 *
	 * @param string        $event    One of EmailTemplates::EVENTS.
	 * @param Employee      $employee The booking's employee.
	 * @param Employee|null $was_with The employee before a move, if it changed.
	 * @return string[]
	 */
	private function staff( string $event, Employee $employee, ?Employee $was_with ): array {
		if ( 'reminder' === $event ) {
			return Settings::bool( EmailTemplates::REMINDER_EMPLOYEE ) ? array( $employee->email ) : array();
		}
		$to = array();
		if ( Settings::bool( EmailTemplates::NOTIFY_EMPLOYEE ) ) {
			$to[] = $employee->email;
			if ( null !== $was_with ) {
				$to[] = $was_with->email;
			}
		}
		if ( Settings::bool( EmailTemplates::NOTIFY_ADMIN ) ) {
			$to[] = (string) get_option( 'admin_email' );
		}
		return $to;
	}

	/**
	 * The message array wp_mail takes.
	 *
	 * @param string[]                             $to       Recipients.
	 * @param array{subject: string, body: string} $template The template.
	 * @param array<string, string>                $values   Placeholder values.
	 * @param string                               $audience customer or staff.
	 * @param Booking                              $booking  The booking.
	 * @return array{to: string[], subject: string, message: string, html: string, headers: string[], attachments: string[]}
	 */
	private function message( array $to, array $template, array $values, string $audience, Booking $booking ): array {
		$headers = array();
		// Answers go to a person: the customer writes to the site's admin, the staff to the customer.
		$reply_to = 'customer' === $audience ? (string) get_option( 'admin_email' ) : $booking->customer_email;
		if ( is_email( $reply_to ) ) {
			$headers[] = 'Reply-To: ' . $reply_to;
		}
		return array(
			'to'          => $to,
			'subject'     => trim( (string) preg_replace( '/\s+/u', ' ', Placeholders::fill( $template['subject'], $values ) ) ),
			'message'     => Placeholders::fill( str_replace( "\r\n", "\n", $template['body'] ), $values ),
			'html'        => EmailHtml::fill( $template['body'], $values ),
			'headers'     => $headers,
			'attachments' => array(),
		);
	}
}
