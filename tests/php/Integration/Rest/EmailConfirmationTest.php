<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\UnverifiedExpiry;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\QueuedEmails;

/**
 * "Customers confirm by email" (issue 14, anti-spam): with the setting on, a
 * booking is `unverified` and holds its time until the link in the email is
 * opened; then it is pending or confirmed and the usual emails go out; left
 * unconfirmed, it expires and its time is free. Over the real REST routes,
 * emails taken from the outbox.
 */
final class EmailConfirmationTest extends RestTestCase {

	/**
	 * Emails taken from the outbox so far: to, subject, message.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $captured = array();

	protected function set_up(): void {
		parent::set_up();
		update_option( 'admin_email', 'owner@example.com' );
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

	public function test_with_the_setting_off_a_booking_is_confirmed_at_once_as_before(): void {
		$this->assertFalse( Settings::bool( 'require_email_confirmation' ), 'Off by default.' );
		$this->assertSame( 30, Settings::int( 'confirmation_minutes' ) );

		$booking = $this->book( '10:00' );

		$this->assertSame( 'confirmed', $booking['status'] );
		$this->assertArrayNotHasKey( 'confirm_by', $booking );
		$this->assertCount( 2, $this->mails(), 'The customer and the staff hear of it at once.' );
		$this->assertStringNotContainsString( 'appointease_confirm', (string) $this->mails()[0]['message'] );
	}

	public function test_an_unverified_booking_holds_its_time_and_only_its_customer_gets_the_confirm_link(): void {
		$this->require_confirmation();

		$booking = $this->book( '10:00' );

		$this->assertSame( 'unverified', $booking['status'] );
		$this->assertArrayHasKey( 'confirm_by', $booking );
		$deadline = \DateTimeImmutable::createFromFormat( DATE_ATOM, $booking['confirm_by'] );
		$this->assertInstanceOf( \DateTimeImmutable::class, $deadline );
		$this->assertEqualsWithDelta( time() + 30 * 60, $deadline->getTimestamp(), 60, 'The deadline is the setting\'s minutes away.' );
		$this->assertCount( 1, $this->mails(), 'Only the customer is emailed; the staff hear of it once it is confirmed.' );
		$this->assertSame( array( 'maria@example.com' ), $this->mails()[0]['to'] );
		$this->assertStringContainsString( 'confirm', strtolower( (string) $this->mails()[0]['subject'] ) );
		$this->assertStringContainsString( '30 minutes', (string) $this->mails()[0]['message'] );
		$this->assertStringNotContainsString( 'appointease_token', (string) $this->mails()[0]['message'], 'No manage link before it is confirmed.' );
		$this->assertSame( array(), $this->mails()[0]['attachments'], 'No calendar file before it is confirmed.' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );
		$this->assertSame( $booking['id'], $id );
		$this->assertSame( 0, self::rows( 'bookings', "verify_token_hash = '$token'" ), 'Only the token\'s hash is stored (the token is hex, checked by link_in()).' );
		$this->assertSame( 1, self::rows( 'bookings', "verify_token_hash = '" . hash( 'sha256', $token ) . "'" ) );

		$this->assertError(
			409,
			'SLOT_TAKEN',
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'customer' => array(
							'name'  => 'Other',
							'email' => 'other@example.com',
						),
					)
				)
			),
			'Nobody else can book the time meanwhile.'
		);
		$this->assertSame( 1, self::rows( 'seats' ), 'The database holds its seat like a pending booking\'s.' );
		$this->assertSame( 'booked', $this->state_at( '10:00' ), 'Availability shows it booked.' );
		$poll = $this->assertOk(
			200,
			$this->get(
				'slots/poll',
				array(
					'employee' => (string) $this->employee->id,
					'date'     => $this->monday,
				)
			)
		);
		$this->assertContains( $this->local( '10:00' ), array_column( $poll['booked'], 'start' ), 'The poll shows it booked.' );
		$this->assertError(
			409,
			'STATUS_CONFLICT',
			$this->post(
				'bookings/' . $id . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '11:00' ),
				)
			),
			'An unconfirmed booking cannot be moved.'
		);
	}

	public function test_opening_the_link_confirms_the_booking_sends_the_usual_emails_and_a_second_time_changes_nothing(): void {
		$this->require_confirmation();
		$booking            = $this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );
		$this->forget_mails();

		$confirmed = $this->assertOk( 200, $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ) );

		$this->assertSame( 'confirmed', $confirmed['status'] );
		$this->assertArrayNotHasKey( 'confirm_by', $confirmed );
		$this->assertArrayNotHasKey( 'manage_token', $confirmed );
		$this->assertCount( 2, $this->mails(), 'Now the customer and the staff get the usual emails.' );
		$this->assertSame( array( 'maria@example.com' ), $this->mails()[0]['to'] );
		$this->assertStringContainsString( 'appointease_token', (string) $this->mails()[0]['message'], 'The customer\'s email has the manage link.' );
		$this->assertContains( 'owner@example.com', $this->mails()[1]['to'] );
		$this->assertSame( 1, self::rows( 'seats' ), 'It keeps its seat.' );

		$again = $this->assertOk( 200, $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ) );
		$this->assertSame( 'confirmed', $again['status'], 'Opening the link again is harmless.' );
		$this->assertCount( 2, $this->mails(), 'and sends nothing more.' );
		$this->assertSame( $booking['id'], $again['id'] );
	}

	public function test_where_bookings_need_approval_a_confirmed_email_makes_it_pending(): void {
		$this->require_confirmation( array( 'approval_required' => true ) );
		$this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );

		$body = $this->assertOk( 200, $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ) );

		$this->assertSame( 'pending', $body['status'] );
	}

	public function test_a_wrong_missing_or_misplaced_token_is_refused_with_a_reason(): void {
		$this->require_confirmation();
		$booking            = $this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );

		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $id . '/verify', array( 'token' => str_repeat( 'a', 64 ) ) ), 'A wrong token.' );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $id . '/verify', array( 'token' => $booking['manage_token'] ) ), 'The manage token is not the confirm token.' );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . ( $id + 1000 ) . '/verify', array( 'token' => $token ) ), 'Another booking.' );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings/' . $id . '/verify', array() ), 'No token.' );
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'POST', 'bookings/' . $id . '/verify', null, array( 'token' => $token ) ), 'A token in the URL, which servers log, does not count.' );
		$this->assertSame( 'unverified', $this->status_of( $id ) );
	}

	public function test_a_booking_confirmed_too_late_expires_says_so_and_frees_its_time(): void {
		$this->require_confirmation();
		$this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );
		$this->pass_deadline( $id );

		$this->assertError( 410, 'CONFIRMATION_EXPIRED', $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ) );
		$this->assertSame( 'expired', $this->status_of( $id ) );
		$this->assertSame( 0, self::rows( 'seats' ) );
		$this->assertError( 410, 'CONFIRMATION_EXPIRED', $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ), 'And again.' );
		Settings::update( array( 'require_email_confirmation' => false ) );
		$this->assertSame(
			'confirmed',
			$this->book(
				'10:00',
				array(
					'customer' => array(
						'name'  => 'Next',
						'email' => 'next@example.com',
					),
				)
			)['status'],
			'The time is free again.'
		);
	}

	public function test_the_job_expires_unconfirmed_bookings_and_frees_their_time(): void {
		$this->require_confirmation();
		$this->book( '10:00' );
		$this->book( '11:00' );
		list( $id ) = $this->link_in( $this->mails()[0] );
		$this->pass_deadline( $id );

		$this->assertSame( 1, UnverifiedExpiry::run(), 'Only the one past its deadline.' );

		$this->assertSame( 'expired', $this->status_of( $id ) );
		$this->assertSame( 1, self::rows( 'seats' ), 'The other one keeps its seat.' );
		$this->assertSame( 'available', $this->state_at( '10:00' ) );
		$this->assertSame( 'booked', $this->state_at( '11:00' ) );
		$this->assertSame( 0, UnverifiedExpiry::run(), 'Nothing more is due.' );
	}

	public function test_each_unconfirmed_booking_sets_the_job_for_its_own_deadline_and_no_other_job_runs(): void {
		wp_unschedule_hook( UnverifiedExpiry::HOOK );
		$this->book( '09:00' );
		$this->assertFalse( wp_next_scheduled( UnverifiedExpiry::HOOK ), 'Without email confirmation there is no job.' );

		$this->require_confirmation();
		$made  = time();
		$first = $this->book( '10:00' );
		$other = $this->book( '11:00' );
		foreach ( array( $first, $other ) as $booking ) {
			$at = wp_next_scheduled( UnverifiedExpiry::HOOK, array( $booking['id'] ) );
			$this->assertIsInt( $at, 'Each booking has its own event.' );
			$this->assertEqualsWithDelta( $made + 30 * MINUTE_IN_SECONDS + 1, $at, 5, 'Just after its deadline (30 minutes).' );
		}
	}

	public function test_without_the_job_the_next_visitor_finds_the_time_free(): void {
		$this->require_confirmation();
		$this->book( '10:00' );
		list( $id ) = $this->link_in( $this->mails()[0] );
		$this->pass_deadline( $id );

		$this->assertSame( 'available', $this->state_at( '10:00' ), 'Availability expires what is due before it looks.' );
		$this->assertSame( 'expired', $this->status_of( $id ) );
	}

	public function test_confirming_is_a_write_under_the_write_limit(): void {
		$this->require_confirmation();
		$this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );
		Settings::update( array( 'rate_limit_writes' => 2 ) );
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		$remote                 = $_SERVER['REMOTE_ADDR'] ?? null;
		$_SERVER['REMOTE_ADDR'] = sprintf( '2001:db8:%x:%x::1', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ) );
		if ( time() % 60 > 55 ) {
			sleep( 61 - time() % 60 ); // All three in one counting window.
		}
		try {
			$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $id . '/verify', array( 'token' => 'guess1' ) ) );
			$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $id . '/verify', array( 'token' => 'guess2' ) ) );
			$this->assertError( 429, 'RATE_LIMITED', $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ), 'Guessing tokens is limited like every public write.' );
		} finally {
			add_filter( 'appointease_rate_limit_enabled', '__return_false' );
			$_SERVER['REMOTE_ADDR'] = $remote;
		}
		$this->assertSame( 'unverified', $this->status_of( $id ) );
	}

	public function test_the_customer_may_cancel_an_unconfirmed_booking(): void {
		$this->require_confirmation();
		$booking            = $this->book( '10:00' );
		list( $id, $token ) = $this->link_in( $this->mails()[0] );

		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( 'bookings/' . $id . '/cancel', array( 'token' => $booking['manage_token'] ) ) )['status'] );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $id . '/verify', array( 'token' => $token ) ) );
	}

	public function test_the_admin_list_filters_by_the_new_statuses(): void {
		$this->require_confirmation();
		$this->book( '10:00' );
		$this->book( '11:00' );
		list( $id ) = $this->link_in( $this->mails()[0] );
		$this->pass_deadline( $id );
		UnverifiedExpiry::run();
		$this->log_in_as_admin();

		$this->assertSame( array( 'unverified' ), array_column( $this->assertOk( 200, $this->get( 'bookings', array( 'status' => 'unverified' ) ) ), 'status' ) );
		$this->assertSame( array( $id ), array_column( $this->assertOk( 200, $this->get( 'bookings', array( 'status' => 'expired' ) ) ), 'id' ) );
	}

	/**
	 * Forgets the emails captured so far.
	 */
	private function forget_mails(): void {
		QueuedEmails::take();
		$this->captured = array();
	}

	/**
	 * Turns email confirmation on.
	 *
	 * @param array<string, mixed> $more Other settings.
	 */
	private function require_confirmation( array $more = array() ): void {
		Settings::update( array( 'require_email_confirmation' => true ) + $more );
	}

	/**
	 * The booking id and token of the confirm link in an email.
	 *
	 * @param array<string, mixed> $mail A captured email.
	 * @return array{0: int, 1: string}
	 */
	private function link_in( array $mail ): array {
		$this->assertMatchesRegularExpression( '/#appointease_confirm=(\d+)\.([0-9a-f]{64})\b/', (string) $mail['message'], 'The email has the confirm link, its token in the fragment.' );
		preg_match( '/(https?:\S+)#appointease_confirm=(\d+)\.([0-9a-f]{64})\b/', (string) $mail['message'], $match );
		$this->assertStringNotContainsString( '?', $match[1] ?? '?', 'Nothing secret in the part of the link servers see.' );
		return array( (int) ( $match[2] ?? 0 ), (string) ( $match[3] ?? '' ) );
	}

	/**
	 * Moves a booking's confirmation deadline into the past.
	 *
	 * @param int $id Booking id.
	 */
	private function pass_deadline( int $id ): void {
		global $wpdb;
		$wpdb->update( Schema::table( 'bookings' ), array( 'verify_expires_utc' => gmdate( 'Y-m-d H:i:s', time() - 1 ) ), array( 'id' => $id ) );
	}

	/**
	 * A booking's status in the database.
	 *
	 * @param int $id Booking id.
	 */
	private function status_of( int $id ): string {
		global $wpdb;
		return (string) $wpdb->get_var( $wpdb->prepare( 'SELECT status FROM ' . Schema::table( 'bookings' ) . ' WHERE id = %d', $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * The state availability shows for a time on MONDAY.
	 *
	 * @param string $time "H:i".
	 */
	private function state_at( string $time ): string {
		$body = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $this->employee->id,
					'from'     => $this->monday,
					'to'       => $this->monday,
				)
			)
		);
		foreach ( $body['days'][0]['slots'] as $slot ) {
			if ( $this->local( $time ) === $slot['start'] ) {
				return $slot['state'];
			}
		}
		return 'absent';
	}
}
