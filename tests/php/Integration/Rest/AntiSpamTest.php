<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Settings\Settings;

/**
 * The anti-spam checks of POST bookings, over REST, with the plugin's
 * defaults unless a test says otherwise: the honeypot, the minimum fill time
 * (measured from the visitor's own hold), the cap on coming bookings per
 * email address, and the CAPTCHA filter. Admins book past all of them.
 */
final class AntiSpamTest extends RestTestCase {

	protected function set_up(): void {
		parent::set_up();
		// TestCase switches the checks off for the rest of the suite.
		remove_filter( 'appointease_spam_checks_enabled', '__return_false' );
	}

	public function test_the_defaults_are_on(): void {
		$this->assertSame( 3, Settings::int( 'min_fill_seconds' ) );
		$this->assertSame( 3, Settings::int( 'bookings_per_email' ) );
	}

	public function test_a_visitor_who_takes_a_moment_after_holding_the_time_books(): void {
		Settings::update( array( 'min_fill_seconds' => 1 ) );
		$hold = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( '10:00' ) ) );
		sleep( 1 );

		$booking = $this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'hold_token' => $hold['token'],
						'website'    => '',
					)
				)
			)
		);
		$this->assertSame( 'confirmed', $booking['status'] );
	}

	public function test_a_filled_honeypot_is_refused_and_nothing_is_written(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		$before = $this->snapshot();

		$error = $this->assertError( 400, 'SPAM_SUSPECTED', $this->post( 'bookings', $this->booking_body( '10:00', array( 'website' => 'https://cheap-pills.example' ) ) ) );

		$this->assertStringContainsString( 'by hand', $error['message'], 'The message tells a person what to do.' );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_booking_sent_right_after_its_hold_is_refused_as_too_fast_with_the_default(): void {
		$hold = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( '10:00' ) ) );

		$error = $this->assertError( 422, 'TOO_FAST', $this->post( 'bookings', $this->booking_body( '10:00', array( 'hold_token' => $hold['token'] ) ) ) );

		$this->assertStringContainsString( 'Confirm booking', $error['message'] );
		$this->assertSame( 0, $this->bookings_of( 'maria@example.com' ) );
	}

	public function test_a_visitor_booking_without_a_live_hold_of_its_own_has_no_start_and_counts_as_too_fast(): void {
		$this->assertError( 422, 'TOO_FAST', $this->post( 'bookings', $this->booking_body( '10:00' ) ), 'No hold at all.' );
		$this->assertError( 422, 'TOO_FAST', $this->post( 'bookings', $this->booking_body( '10:00', array( 'hold_token' => str_repeat( 'a', 64 ) ) ) ), 'A made-up hold token.' );
	}

	public function test_a_minimum_fill_time_of_zero_is_off(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );

		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ) ) );
	}

	public function test_an_address_gets_at_most_its_cap_of_coming_bookings_however_it_is_written(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		$spellings = array( 'Maria@Example.com', 'maria+work@example.com', 'MARIA+x@EXAMPLE.COM' );
		foreach ( $spellings as $i => $email ) {
			$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( sprintf( '%02d:00', 9 + $i ), $email ) ) );
		}

		$error = $this->assertError( 409, 'TOO_MANY_BOOKINGS', $this->post( 'bookings', $this->customer_booking( '13:00', 'maria@example.com' ) ) );

		$this->assertStringContainsString( '3 coming bookings', $error['message'] );
		$this->assertSame( 3, $this->bookings_of( '%maria%' ) );
		// Someone else is not held back by Maria's bookings.
		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '14:00', 'mario@example.com' ) ) );
	}

	public function test_a_cancelled_booking_frees_a_place_under_the_cap(): void {
		Settings::update(
			array(
				'min_fill_seconds'   => 0,
				'bookings_per_email' => 1,
			)
		);
		$first = $this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '09:00', 'maria@example.com' ) ) );
		$this->assertError( 409, 'TOO_MANY_BOOKINGS', $this->post( 'bookings', $this->customer_booking( '10:00', 'maria@example.com' ) ) );

		$this->assertOk( 200, $this->post( 'bookings/' . $first['id'] . '/cancel', array( 'token' => $first['manage_token'] ) ) );

		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '10:00', 'maria@example.com' ) ) );
	}

	public function test_gmail_ignores_dots_and_its_two_domains_are_one_but_other_domains_keep_their_dots(): void {
		Settings::update(
			array(
				'min_fill_seconds'   => 0,
				'bookings_per_email' => 1,
			)
		);
		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '09:00', 'maria.customer@gmail.com' ) ) );
		$this->assertError( 409, 'TOO_MANY_BOOKINGS', $this->post( 'bookings', $this->customer_booking( '10:00', 'mariacustomer+b@googlemail.com' ) ) );

		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '11:00', 'maria.customer@example.com' ) ) );
		// Elsewhere a dot may tell two people apart.
		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '13:00', 'mariacustomer@example.com' ) ) );
	}

	public function test_a_cap_of_zero_is_no_cap(): void {
		Settings::update(
			array(
				'min_fill_seconds'   => 0,
				'bookings_per_email' => 0,
			)
		);
		foreach ( array( '09:00', '09:30', '10:00', '10:30', '11:00' ) as $time ) {
			$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( $time, 'maria@example.com' ) ) );
		}
	}

	public function test_an_admin_books_past_every_check(): void {
		Settings::update( array( 'bookings_per_email' => 1 ) );
		$refuse = static fn(): \WP_Error => new \WP_Error( 'no_captcha', 'No CAPTCHA answer.' );
		add_filter( 'appointease_verify_booking_request', $refuse );
		$this->log_in_as_admin();

		// No hold, at once, over the cap, no CAPTCHA: a phone booking typed in by staff.
		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '09:00', 'maria@example.com' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->customer_booking( '10:00', 'maria@example.com' ) ) );

		remove_filter( 'appointease_verify_booking_request', $refuse );
	}

	public function test_the_captcha_filter_sees_the_request_and_its_error_refuses_with_a_reason(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		$seen   = array();
		$filter = static function ( $verdict, \WP_REST_Request $request ) use ( &$seen ) {
			$seen[] = $request['captcha_token'];
			return 'good' === $request['captcha_token'] ? $verdict : new \WP_Error( 'my_captcha_failed', 'Please solve the puzzle again.' );
		};
		add_filter( 'appointease_verify_booking_request', $filter, 10, 2 );
		$before = $this->snapshot();

		$error = $this->assertError( 403, 'CAPTCHA_FAILED', $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => 'bad' ) ) ) );
		$this->assertSame( 'my_captcha_failed', $error['code'] );
		$this->assertSame( 'Please solve the puzzle again.', $error['message'] );
		$this->assertSame( $before, $this->snapshot() );

		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => 'good' ) ) ) );
		$this->assertSame( array( 'bad', 'good' ), $seen );
		remove_filter( 'appointease_verify_booking_request', $filter, 10 );
	}

	public function test_a_captcha_error_keeps_its_own_4xx_status_and_reason_but_never_answers_2xx_or_500(): void {
		$own = static fn(): \WP_Error => new \WP_Error(
			'too_many_tries',
			'Slow down.',
			array(
				'status' => 429,
				'reason' => 'RATE_LIMITED',
			)
		);
		add_filter( 'appointease_verify_booking_request', $own );
		$this->assertError( 429, 'RATE_LIMITED', $this->post( 'bookings', $this->booking_body() ) );
		remove_filter( 'appointease_verify_booking_request', $own );

		$odd = static fn(): \WP_Error => new \WP_Error( 'odd', 'Odd.', array( 'status' => 200 ) );
		add_filter( 'appointease_verify_booking_request', $odd );
		$this->assertError( 403, 'CAPTCHA_FAILED', $this->post( 'bookings', $this->booking_body() ) );
		remove_filter( 'appointease_verify_booking_request', $odd );
	}

	public function test_the_new_fields_are_known_to_the_route_and_bounded(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => str_repeat( 'x', 4097 ) ) ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => str_repeat( 'x', 2048 ) ) ) ) );
	}

	public function test_the_settings_route_and_the_admin_form_offer_both_settings(): void {
		$this->log_in_as_admin();
		$settings = $this->assertOk( 200, $this->get( 'settings' ) );
		$this->assertSame( 3, $settings['min_fill_seconds'] );
		$this->assertSame( 3, $settings['bookings_per_email'] );

		$this->assertSame( 0, $this->assertOk( 200, $this->call( 'PATCH', 'settings', array( 'min_fill_seconds' => 0 ) ) )['min_fill_seconds'] );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'settings', array( 'bookings_per_email' => -1 ) ) );
		$schema = Settings::schema();
		$this->assertNotEmpty( $schema['min_fill_seconds']['description'] );
		$this->assertNotEmpty( $schema['bookings_per_email']['description'] );
	}

	/**
	 * A booking body for a time with a customer's address.
	 *
	 * @param string $time  "H:i" on MONDAY.
	 * @param string $email The address.
	 * @return array<string, mixed>
	 */
	private function customer_booking( string $time, string $email ): array {
		return $this->booking_body(
			$time,
			array(
				'customer' => array(
					'name'  => 'Maria Customer',
					'email' => $email,
				),
			)
		);
	}

	/**
	 * Booking rows whose address matches a LIKE pattern.
	 *
	 * @param string $pattern E.g. "maria@example.com" or "%maria%".
	 */
	private function bookings_of( string $pattern ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . \AppointEase\Infrastructure\Schema::table( 'bookings' ) . ' WHERE customer_email LIKE %s', $pattern ) );
	}
}
