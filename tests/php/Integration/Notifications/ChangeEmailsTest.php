<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Notifications;

use AppointEase\Booking\BookingRepository;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\ChangeEmails;
use AppointEase\Notifications\ChangeQueue;
use AppointEase\Notifications\Notifier;
use AppointEase\Privacy\Privacy;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Rest\RestTestCase;
use AppointEase\Tests\Integration\Support\Maildev;
use AppointEase\Tests\Integration\Support\QueuedEmails;

/**
 * Issue 14: moving one booking back and forth sent two emails per move. A
 * burst of cancels and moves of one booking now sends one email per
 * audience, a quiet period after the last change, about the booking as it
 * is then. Bookings change through the real REST routes; emails are taken from
 * the outbox; the job runs as the cron would, at a chosen instant.
 */
final class ChangeEmailsTest extends RestTestCase {

	/**
	 * Emails taken from the outbox so far: to, subject, message.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $captured = array();

	protected function set_up(): void {
		parent::set_up();
		update_option( 'admin_email', 'owner@example.com' );
		update_option( 'blogname', 'Salon' );
	}

	protected function tear_down(): void {
		remove_all_filters( 'appointease_change_email_delay' );
		parent::tear_down();
	}

	/**
	 * The emails sent so far, taken from the outbox without SMTP, on
	 * purpose: these tests are about which emails go out and what they say
	 * (EmailsTest reads real ones from maildev).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function mails(): array {
		$this->captured = array_merge( $this->captured, QueuedEmails::take() );
		return $this->captured;
	}

	public function test_ten_rapid_moves_send_one_email_per_audience_with_the_final_time_once_the_booking_is_quiet(): void {
		$booking = $this->book( '10:00' );
		$this->assertCount( 2, $this->mails(), 'A new booking still emails at once.' );
		$this->forget_mails();

		$started = time();
		foreach ( array( '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00' ) as $time ) {
			$this->move( $booking, $time );
		}

		$this->assertCount( 0, $this->mails(), 'No email during the burst.' );
		$this->assertSame( 1, $this->queued(), 'One waiting notification for the booking, however many changes.' );
		$due = (int) wp_next_scheduled( ChangeEmails::HOOK );
		$this->assertGreaterThanOrEqual( $started + ChangeQueue::QUIET_SECONDS, $due, 'The cron event waits out the quiet period after the last change.' );
		$this->assertLessThanOrEqual( time() + ChangeQueue::QUIET_SECONDS, $due );

		$this->assertSame( 0, $this->job()->run( time() ), 'Before the quiet period is over, the job sends nothing.' );
		$this->assertCount( 0, $this->mails() );

		$this->assertSame( 1, $this->job()->run( $due ) );

		$this->assertCount( 2, $this->mails(), 'One email to the customer and one to the staff.' );
		list( $customer, $staff ) = $this->mails();
		$this->assertSame( array( 'maria@example.com' ), $customer['to'] );
		$this->assertSame( 'New time: Haircut on ' . $this->long_date() . ' at 4:00 pm', $customer['subject'], 'The final time.' );
		$this->assertStringContainsString( 'It was on ' . $this->long_date() . ' 10:00 am (Europe/Berlin); it is now:', $customer['message'], 'Measured against the time the customer was last told.' );
		$this->assertSame( array( 'ana@example.com', 'owner@example.com' ), $staff['to'], 'Staff emails follow the same rule.' );
		$this->assertStringContainsString( 'A booking was moved from ' . $this->long_date() . ' 10:00 am', $staff['message'] );

		$this->assertSame( 0, $this->queued() );
		$this->assertSame( 0, $this->job()->run( $due + 86400 ), 'Sent once, never again.' );
		$this->assertCount( 2, $this->mails() );
	}

	public function test_a_move_and_a_move_back_send_nothing_and_a_later_cancel_sends_the_cancel_only(): void {
		$booking = $this->book( '10:00' );
		$this->forget_mails();

		$this->move( $booking, '11:00' );
		$this->move( $booking, '10:00' );
		$this->job()->run( time() + ChangeQueue::MAX_WAIT );
		$this->assertSame( array(), $this->mails(), 'The booking is as the customer was last told: nothing to say.' );
		$this->assertSame( 0, $this->queued() );

		$this->move( $booking, '14:00' );
		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$this->job()->run( time() + ChangeQueue::MAX_WAIT );
		$this->assertSame(
			array( 'Cancelled: Haircut on ' . $this->long_date() . ' at 2:00 pm', '[Salon] Cancelled: Haircut on ' . $this->long_date() . ' at 2:00 pm' ),
			array_column( $this->mails(), 'subject' ),
			'A move and then a cancel: the cancel, at the time it had last.'
		);
	}

	public function test_an_erasure_sends_a_waiting_cancel_to_the_real_address_before_replacing_it(): void {
		$booking = $this->book( '10:00' );
		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$this->forget_mails();
		Maildev::clear();
		$this->assertSame( 1, $this->queued(), 'The cancel waits out its quiet period.' );

		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$erased  = call_user_func( $erasers[ Privacy::KEY ]['callback'], 'maria@example.com', 1 );
		$this->assertTrue( $erased['items_removed'] );

		// The eraser sends them itself, over SMTP, before it replaces the address.
		$this->assertSame( array(), $this->mails(), 'Nothing is left in the outbox.' );
		$this->assertSame(
			array( 'Cancelled: Haircut on ' . $this->long_date() . ' at 10:00 am' ),
			array_column( Maildev::to( 'maria@example.com' ), 'subject' ),
			'The customer hears of the cancel, at the address it was made with.'
		);
		$this->assertCount( 1, Maildev::to( 'ana@example.com', 1, '[Salon] Cancelled:' ), 'And the staff.' );
		$this->assertSame( 0, $this->queued(), 'Nothing is left to send to the erased address.' );
		$this->job()->run( time() + ChangeQueue::MAX_WAIT );
		$this->assertCount( 0, $this->mails() );
	}

	public function test_a_cron_that_runs_hours_late_or_an_event_that_was_lost_still_sends(): void {
		$booking = $this->book( '10:00' );
		$this->forget_mails();
		Maildev::clear();
		$this->move( $booking, '11:00' );

		// The event was lost (two requests writing the cron option at once can drop one) and the quiet period ended three hours ago.
		wp_clear_scheduled_hook( ChangeEmails::HOOK );
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'change_emails' ) . ' SET due_at = %d, first_at = %d', time() - 3 * HOUR_IN_SECONDS, time() - 3 * HOUR_IN_SECONDS ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test set-up.

		do_action( Housekeeping::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- the plugin's hourly job, as WP-Cron runs it.

		// The hourly job queues the emails and sends the outbox, over SMTP.
		$this->assertSame( array( 'New time: Haircut on ' . $this->long_date() . ' at 11:00 am' ), array_column( Maildev::to( 'maria@example.com' ), 'subject' ) );
		$this->assertSame( 0, $this->queued() );
	}

	public function test_the_due_event_runs_the_job_and_a_change_while_it_waits_pushes_it_back(): void {
		add_filter( 'appointease_change_email_delay', static fn(): int => 0 );
		$booking = $this->book( '10:00' );
		$this->forget_mails();
		$this->move( $booking, '11:00' );
		$this->assertLessThanOrEqual( time(), (int) wp_next_scheduled( ChangeEmails::HOOK ), 'With no quiet period, due at once.' );

		do_action( ChangeEmails::HOOK ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- the plugin's own event, as WP-Cron runs it.
		$this->assertCount( 2, $this->mails() );

		remove_all_filters( 'appointease_change_email_delay' );
		$this->forget_mails();
		$this->move( $booking, '14:00' );
		$first_due = $this->due_at( $booking );
		$this->move( $booking, '15:00' );
		$this->assertGreaterThanOrEqual( $first_due, $this->due_at( $booking ) );
		$this->job()->run( time() + ChangeQueue::QUIET_SECONDS );
		$this->assertSame( 'New time: Haircut on ' . $this->long_date() . ' at 3:00 pm', $this->mails()[0]['subject'] ?? '' );
		$this->assertStringContainsString( 'It was on ' . $this->long_date() . ' 11:00 am', $this->mails()[0]['message'], 'The baseline is what the last email said.' );
	}

	public function test_a_change_while_the_job_sends_is_sent_next_time_against_what_was_just_sent(): void {
		$booking = $this->book( '10:00' );
		$this->forget_mails();
		$this->move( $booking, '11:00' );

		// The customer moves again while the job is sending the 11:00 email.
		$moved_meanwhile = false;
		add_filter(
			'appointease_email',
			function ( array $message ) use ( $booking, &$moved_meanwhile ): array {
				if ( ! $moved_meanwhile ) {
					$moved_meanwhile = true;
					$this->move( $booking, '14:00' );
				}
				return $message;
			}
		);
		$due = time() + ChangeQueue::QUIET_SECONDS;
		$this->job()->run( $due );
		remove_all_filters( 'appointease_email' );
		$this->assertSame( 'New time: Haircut on ' . $this->long_date() . ' at 11:00 am', $this->mails()[0]['subject'] );
		$this->assertSame( 1, $this->queued(), 'The later move still waits.' );

		$this->forget_mails();
		$this->job()->run( $due + ChangeQueue::QUIET_SECONDS );
		$this->assertSame( 'New time: Haircut on ' . $this->long_date() . ' at 2:00 pm', $this->mails()[0]['subject'] ?? '' );
		$this->assertStringContainsString( 'It was on ' . $this->long_date() . ' 11:00 am', $this->mails()[0]['message'] );
	}

	public function test_a_burst_that_never_pauses_still_emails_after_the_longest_wait(): void {
		$booking = $this->book( '10:00' );
		$this->forget_mails();
		$this->move( $booking, '11:00' );
		global $wpdb;
		// The burst began long ago and has not paused since.
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Schema::table( 'change_emails' ) . ' SET first_at = %d', time() - ChangeQueue::MAX_WAIT ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test set-up.
		$this->move( $booking, '14:00' );
		$this->assertLessThanOrEqual( time(), $this->due_at( $booking ) );
	}

	public function test_approval_and_decline_still_email_at_once(): void {
		Settings::update( array( 'approval_required' => true ) );
		$approved = $this->book( '10:00' );
		$declined = $this->book( '11:00' );
		$this->forget_mails();
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $approved['id'] . '/approve' ) );
		$this->assertOk( 200, $this->post( 'bookings/' . $declined['id'] . '/reject' ) );
		$this->assertCount( 4, $this->mails() );
		$this->assertSame( 0, $this->queued() );
	}

	/**
	 * Forgets the emails captured so far.
	 */
	private function forget_mails(): void {
		QueuedEmails::take();
		$this->captured = array();
	}

	/**
	 * Moves a booking as its customer.
	 *
	 * @param array<string, mixed> $booking What book() gave.
	 * @param string               $time    "H:i" on the test's Monday.
	 */
	private function move( array $booking, string $time ): void {
		$user = get_current_user_id();
		$this->log_out();
		$this->assertOk(
			200,
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( $time ),
				)
			)
		);
		wp_set_current_user( $user );
	}

	/**
	 * The job, wired like the cron's.
	 */
	private function job(): ChangeEmails {
		return new ChangeEmails( new ChangeQueue(), new BookingRepository(), Notifier::shared() );
	}

	/**
	 * Waiting notifications.
	 */
	private function queued(): int {
		return self::rows( 'change_emails' );
	}

	/**
	 * When a booking's waiting notification is due.
	 *
	 * @param array<string, mixed> $booking What book() gave.
	 */
	private function due_at( array $booking ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT due_at FROM ' . Schema::table( 'change_emails' ) . ' WHERE booking_id = %d', $booking['id'] ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test read.
	}

	/**
	 * The test's Monday in the site's date format.
	 */
	private function long_date(): string {
		return ( new \DateTimeImmutable( $this->monday ) )->format( 'F j, Y' );
	}
}
