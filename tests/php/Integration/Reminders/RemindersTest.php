<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Reminders;

use AppointEase\Notifications\OutboxSender;
use AppointEase\Admin\SiteHealth;
use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Reminders\ReminderCron;
use AppointEase\Reminders\ReminderJob;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * Issue 15: reminder emails go out once per (booking, reminder time,
 * appointment start), never late past the limit, never after the start, and
 * only for confirmed bookings. Bookings are made through the real REST
 * routes; the job runs at instants the test chooses (its `$now`); mail is
 * caught at `pre_wp_mail` when the outbox hands them to wp_mail (after each
 * run of the job; EmailsTest and OutboxTest cover real delivery to maildev).
 */
final class RemindersTest extends RestTestCase {

	/**
	 * Every email wp_mail was asked to send: to, subject, message, and the calendar file's text.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $mails = array();

	protected function set_up(): void {
		parent::set_up();
		update_option( 'admin_email', 'owner@example.com' );
		update_option( 'blogname', 'Salon' );
		add_filter( 'pre_wp_mail', array( $this, 'capture' ), 10, 2 );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_wp_mail', array( $this, 'capture' ), 10 );
		remove_all_actions( 'appointease_reminder_due' );
		remove_all_filters( 'appointease_reminder_email' );
		parent::tear_down();
	}

	/**
	 * Records a message that wp_mail would send, and sends nothing.
	 *
	 * @param null|bool            $result What earlier filters said.
	 * @param array<string, mixed> $atts   to, subject, message, headers, attachments.
	 */
	public function capture( $result, array $atts ): bool {
		unset( $result );
		$atts['to']  = (array) $atts['to'];
		$atts['ics'] = '';
		foreach ( (array) $atts['attachments'] as $path ) {
			if ( str_ends_with( (string) $path, '.ics' ) ) {
				$atts['ics'] = (string) file_get_contents( (string) $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local temp file.
			}
		}
		$this->mails[] = $atts;
		return true;
	}

	public function test_each_reminder_goes_once_at_its_moment_with_the_local_time_the_manage_link_and_the_calendar_file(): void {
		$id = $this->book( '10:00' )['id'];
		$this->forget_mails();

		$this->assertSame( array(), $this->sent_at( '09:59', -1 ), 'A minute before the 24-hour moment, nothing.' );
		$this->assertSame( array( "$id 24h reminder sent" ), $this->sent_at( '10:00', -1 ) );
		$this->assertCount( 1, $this->mails(), 'The customer only: the employee copy is off by default.' );
		$mail = $this->mail( 0 );
		$this->assertSame( array( 'maria@example.com' ), $mail['to'] );
		$this->assertStringStartsWith( 'Reminder: Haircut on ', $mail['subject'] );
		$this->assertStringContainsString( '10:00 am', $mail['subject'], 'The time in the calendar\'s timezone.' );
		$this->assertStringContainsString( '(Europe/Berlin)', $mail['message'] );
		$this->assertMatchesRegularExpression( '/\?appointease_booking=' . $id . '#appointease_token=[0-9a-f]{64}/', $mail['message'], 'The manage link, its token in the fragment.' );
		$this->assertStringContainsString( 'BEGIN:VEVENT', $mail['ics'] );

		$this->assertSame( array(), $this->sent_at( '10:01', -1 ), 'A second run sends nothing.' );
		$this->assertSame( array(), $this->sent_at( '07:59' ) );
		$this->assertSame( array( "$id 2h reminder sent" ), $this->sent_at( '08:00' ) );
		$this->assertSame( array(), $this->sent_at( '09:59' ) );
		$this->assertCount( 2, $this->mails() );
	}

	public function test_pending_unverified_rejected_and_cancelled_bookings_get_no_reminder(): void {
		Settings::update( array( 'approval_required' => true ) );
		$pending  = $this->book( '10:00' )['id'];
		$rejected = $this->book( '11:00' )['id'];
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $rejected . '/reject' ) );
		Settings::update(
			array(
				'approval_required'          => false,
				'require_email_confirmation' => true,
			)
		);
		$unverified = $this->book( '13:00' );
		$this->assertSame( Booking::UNVERIFIED, $unverified['status'] );
		Settings::update( array( 'require_email_confirmation' => false ) );
		$cancelled = $this->book( '14:00' )['id'];
		$this->assertOk( 200, $this->post( 'bookings/' . $cancelled . '/cancel' ) );
		$this->forget_mails();

		$this->assertSame( array(), $this->sent_at( '15:00', -1 ) );
		$this->assertSame( array(), $this->sent_at( '09:00' ) );
		$this->assertCount( 0, $this->mails() );

		$this->assertOk( 200, $this->post( 'bookings/' . $pending . '/approve' ) );
		$this->forget_mails();
		$this->assertSame( array( "$pending 24h reminder sent" ), $this->sent_at( '10:00', -1 ), 'Once approved, it is reminded of.' );
	}

	public function test_a_cancel_between_runs_stops_the_next_reminder(): void {
		$id = $this->book( '10:00' )['id'];
		$this->assertSame( array( "$id 24h reminder sent" ), $this->sent_at( '10:00', -1 ) );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $id . '/cancel' ) );

		$this->assertSame( array(), $this->sent_at( '08:00' ) );
	}

	public function test_a_booking_moved_between_runs_is_reminded_of_its_new_time_only(): void {
		$id = $this->book( '10:00' )['id'];
		$this->assertSame( array( "$id 24h reminder sent" ), $this->sent_at( '10:00', -1 ) );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $id . '/reschedule', array( 'start' => $this->local( '15:00', $this->day( 1 ) ) ) ) );
		$this->forget_mails();

		$this->assertSame( array(), $this->sent_at( '08:00' ), 'No 2-hour reminder for the old time.' );
		$this->assertSame( array(), $this->sent_at( '14:59' ) );
		$this->assertSame( array( "$id 24h reminder sent" ), $this->sent_at( '15:00' ), 'The new time gets its own 24-hour reminder.' );
		$this->assertStringContainsString( '3:00 pm', $this->mail( 0 )['subject'] );
		$this->assertSame( array( "$id 2h reminder sent" ), $this->sent_at( '13:00', 1 ) );
	}

	public function test_a_booking_made_inside_a_reminders_window_skips_the_reminders_already_passed(): void {
		Settings::update( array( 'reminder_times' => '720h, 2h' ) );
		$id = $this->book( '10:00' )['id'];

		$report = $this->job()->run( $this->local_at( '08:00' ) );
		$this->assertSame( array( "$id 2h reminder sent", "$id 720h reminder skipped booked_inside" ), self::lines( $report ) );
		$this->assertCount( 1, $this->reminder_mails() );
	}

	public function test_a_site_asleep_for_a_day_sends_the_latest_reminder_only_and_nothing_close_to_the_start(): void {
		$early = $this->book( '10:00' )['id'];
		$late  = $this->book( '11:00' )['id'];

		// Asleep from before Sunday's 24-hour moments until Monday 09:00.
		$report = $this->job()->run( $this->local_at( '09:50' ) );
		$this->assertSame(
			array(
				"$early 2h reminder skipped too_late",
				"$early 24h reminder skipped too_late",
				"$late 2h reminder sent",
				"$late 24h reminder skipped superseded",
			),
			self::lines( $report ),
			'10:00 starts in 10 minutes, closer than the 15-minute limit; 11:00 gets its 2-hour reminder late.'
		);
		$this->assertCount( 1, $this->reminder_mails() );
		$this->assertSame( array(), $this->sent_at( '09:55' ), 'Nothing is tried twice.' );
	}

	public function test_nothing_is_sent_at_or_after_the_start_and_the_booking_completes_after_its_end(): void {
		$id = $this->book( '10:00' )['id'];

		$this->assertSame( array(), $this->sent_at( '10:00' ) );
		$this->assertSame( array(), $this->sent_at( '10:29' ) );
		$this->assertSame( array( "$id status completed" ), $this->sent_at( '10:30' ) );
		$this->assertSame( Booking::COMPLETED, ( new BookingRepository() )->find( $id )?->status );
		$this->assertSame( 0, self::rows( 'seats', 'booking_id = ' . $id ), 'A completed booking holds no seat.' );
		$this->assertSame( array(), $this->sent_at( '10:31' ) );
		$this->assertCount( 0, $this->reminder_mails() );
	}

	public function test_a_service_overrides_or_turns_off_the_reminder_times(): void {
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'services/' . $this->service->id, array( 'reminders' => '90m' ) ) );
		$this->assertSame( '90m', $this->services->find( $this->service->id )?->reminders );
		$other = $this->make_service( array( 'name' => 'Colour' ) );
		$this->assertSame( 'off', $this->assertOk( 200, $this->post( 'services/' . $other->id, array( 'reminders' => '' ) ) )['reminders'] );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'services/' . $other->id, array( 'reminders' => 'tomorrow' ) ) );
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $other->id ) ) );
		$id  = $this->book( '10:00' )['id'];
		$off = $this->book( '13:00', array( 'service' => $other->id ) )['id'];

		$this->assertSame( array(), $this->sent_at( '13:00', -1 ), 'No 24-hour reminders.' );
		$this->assertSame( array( "$id 90m reminder sent" ), $this->sent_at( '08:30' ) );
		$this->assertSame( array(), $this->sent_at( '10:29' ), 'Nor any for the service whose reminders are off.' );
		unset( $off );
	}

	public function test_the_reminder_times_setting_takes_hours_and_minutes_and_refuses_anything_else(): void {
		$this->log_in_as_admin();
		$this->assertSame( '24h, 2h', $this->assertOk( 200, $this->get( 'settings' ) )['reminder_times'] );
		$this->assertSame( '48h, 90m, 15m', $this->assertOk( 200, $this->post( 'settings', array( 'reminder_times' => '90m,48h , 15M' ) ) )['reminder_times'] );
		$refused = $this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'settings', array( 'reminder_times' => '1 day' ) ) );
		$this->assertStringContainsString( 'such as 24h, 2h or 30m', (string) $refused['message'] );
		$this->assertSame( '', $this->assertOk( 200, $this->post( 'settings', array( 'reminder_times' => '' ) ) )['reminder_times'], 'Empty: no reminders.' );
	}

	public function test_the_employee_copy_the_hook_and_the_filter_that_stops_the_email(): void {
		Settings::update( array( 'email_reminder_employee' => true ) );
		$id    = $this->book( '10:00' )['id'];
		$other = $this->book(
			'11:00',
			array(
				'customer' => array(
					'name'  => 'Sms Only',
					'email' => 'sms@example.com',
				),
			)
		)['id'];
		$heard = array();
		add_action(
			'appointease_reminder_due',
			static function ( $booking, $reminder ) use ( &$heard ): void {
				$heard[] = array( $booking->id, $reminder['offset'], $reminder['late'] );
			},
			10,
			2
		);
		add_filter( 'appointease_reminder_email', static fn( $send, $booking ) => $booking->id === $other ? false : $send, 10, 2 );
		$this->forget_mails();

		$this->job()->run( $this->local_at( '11:00', -1 ) );

		$this->assertSame( array( array( $id, '24h', true ), array( $other, '24h', false ) ), $heard, 'The hook fires for each reminder, the email or not.' );
		$this->assertSame( array( array( 'maria@example.com' ), array( 'ana@example.com' ) ), array_column( $this->mails(), 'to' ), 'One email to the customer and a copy to the employee; none for the filtered booking.' );
		$this->assertStringStartsWith( '[Salon] Reminder: Haircut', $this->mail( 1 )['subject'] );
	}

	public function test_the_follow_up_goes_once_the_set_hours_after_a_completed_appointment_and_never_after_a_no_show(): void {
		$id = $this->book( '10:00' )['id'];
		$this->assertSame( array( "$id status completed" ), $this->sent_at( '10:30' ), 'Off by default: no follow-up.' );
		$this->assertSame( array(), $this->sent_at( '10:30', 1 ) );
		Settings::update(
			array(
				'email_follow_up'       => true,
				'email_follow_up_hours' => 3,
			)
		);
		$missed = $this->book( '11:00' )['id'];
		$this->sent_at( '11:30' );
		$this->assertSame( Booking::COMPLETED, ( new BookingRepository() )->find( $missed )?->status );
		$this->assertOk( 200, $this->no_show_now( $missed ) );
		$this->forget_mails();

		$this->assertSame( array(), $this->sent_at( '13:29' ) );
		$this->assertSame( array( "$id follow_up sent" ), $this->sent_at( '13:30' ) );
		$this->assertSame( array(), $this->sent_at( '14:30' ), 'Once, and none for the no-show.' );
		$this->assertCount( 1, $this->mails() );
		$this->assertSame( array( 'maria@example.com' ), $this->mail( 0 )['to'] );
		$this->assertStringStartsWith( 'Thank you for your visit: Haircut', $this->mail( 0 )['subject'] );
		$this->assertSame( '', $this->mail( 0 )['ics'], 'No calendar file for a past appointment.' );
	}

	public function test_one_cron_event_waits_for_the_next_reminder_and_a_sooner_booking_brings_it_forward(): void {
		wp_clear_scheduled_hook( ReminderCron::HOOK );
		$this->book( '10:00' );
		$this->assertSame( $this->local_at( '10:00', -1 )->getTimestamp(), wp_next_scheduled( ReminderCron::HOOK ), 'Set for the 24-hour moment, not every minute.' );

		$this->book( '09:00' );
		$this->assertSame( $this->local_at( '09:00', -1 )->getTimestamp(), wp_next_scheduled( ReminderCron::HOOK ) );

		ReminderCron::run_now();
		$this->assertSame( $this->local_at( '09:00', -1 )->getTimestamp(), wp_next_scheduled( ReminderCron::HOOK ), 'A run with nothing due keeps the event at the next work.' );
	}

	public function test_site_health_warns_when_a_reminder_waits_more_than_15_minutes_and_says_how_to_fix_it(): void {
		$id = $this->book( '10:00' )['id'];

		$this->assertSame( 'good', SiteHealth::reminders_test( $this->local_at( '10:14', -1 ) )['status'] );
		$late = SiteHealth::reminders_test( $this->local_at( '10:16', -1 ) );
		$this->assertSame( 'critical', $late['status'] );
		$this->assertSame( '1 reminder email is late', $late['label'] );
		$this->assertStringContainsString( 'wp appointease reminders run', $late['description'] );
		$this->assertSame( array( "$id 24h reminder sent" ), $this->sent_at( '10:16', -1 ) );
		$this->assertSame( 'good', SiteHealth::reminders_test( $this->local_at( '10:17', -1 ) )['status'] );
	}

	/**
	 * Marks a no-show as an admin, once the booking's times are moved into
	 * the past (the route judges them against the real clock).
	 *
	 * @param int $id The booking.
	 */
	private function no_show_now( int $id ): \WP_REST_Response {
		self::move_to_the_past( $id );
		$this->log_in_as_admin();
		return $this->post( 'bookings/' . $id . '/no-show' );
	}

	/**
	 * Puts a booking's times two hours back from the real now.
	 *
	 * @param int $id The booking.
	 */
	public static function move_to_the_past( int $id ): void {
		global $wpdb;
		$table = \AppointEase\Infrastructure\Schema::table( 'bookings' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET start_utc = %s, end_utc = %s WHERE id = %d", gmdate( 'Y-m-d H:i:s', time() - 7200 ), gmdate( 'Y-m-d H:i:s', time() - 5400 ), $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- test fixture.
	}

	/**
	 * The job, wired to the real repositories.
	 */
	private function job(): ReminderJob {
		return ReminderJob::create_default();
	}

	/**
	 * Runs the job at a local time and gives its report as lines.
	 *
	 * @param string $time "H:i".
	 * @param int    $days Days from MONDAY.
	 * @return string[]
	 */
	private function sent_at( string $time, int $days = 0 ): array {
		return self::lines( $this->job()->run( $this->local_at( $time, $days ) ) );
	}

	/**
	 * A local time as an instant.
	 *
	 * @param string $time "H:i".
	 * @param int    $days Days from MONDAY.
	 */
	private function local_at( string $time, int $days = 0 ): \DateTimeImmutable {
		return new \DateTimeImmutable( $this->local( $time, $this->day( $days ) ) );
	}

	/**
	 * A run's report as "<booking> <what> <outcome>[ <reason>]" lines.
	 *
	 * @param array<int, array{booking: int, what: string, outcome: string, reason: string}> $report The report.
	 * @return string[]
	 */
	private static function lines( array $report ): array {
		return array_map( static fn( array $line ): string => trim( $line['booking'] . ' ' . $line['what'] . ' ' . $line['outcome'] . ' ' . $line['reason'] ), $report );
	}

	/**
	 * Forgets the emails caught so far.
	 */
	private function forget_mails(): void {
		OutboxSender::run_now();
		$this->mails = array();
	}

	/**
	 * The emails caught so far. The job queues its emails; the outbox hands
	 * them to wp_mail, where capture() reads them.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function mails(): array {
		OutboxSender::run_now();
		return $this->mails;
	}

	/**
	 * One email caught, by its place.
	 *
	 * @param int $i From 0.
	 * @return array<string, mixed>
	 */
	private function mail( int $i ): array {
		$this->assertArrayHasKey( $i, $this->mails() );
		return $this->mails()[ $i ];
	}

	/**
	 * The reminder emails caught so far.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function reminder_mails(): array {
		return array_values( array_filter( $this->mails(), static fn( array $mail ): bool => str_starts_with( (string) $mail['subject'], 'Reminder:' ) ) );
	}
}
