<?php
/**
 * Where a manage token may travel, how long it works, and that an erasure
 * ends it (issue 14, finding 4).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\BookingRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\ManageLink;
use AppointEase\Privacy\Privacy;
use AppointEase\Settings\Settings;

/**
 * The token opens a booking from a header or a POST body, never from the
 * query string (which servers log); a customer's token expires
 * `manage_link_days` after the appointment, admins' and employees' access
 * does not; a privacy erasure leaves no token that opens the booking.
 */
final class ManageTokenTest extends RestTestCase {

	protected function set_up(): void {
		parent::set_up();
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		parent::tear_down();
	}

	public function test_a_token_in_the_query_string_is_refused_on_every_route_whatever_its_value(): void {
		$booking = $this->book( '10:00' );
		$id      = $booking['id'];
		$routes  = array(
			'read'       => array( 'GET', "bookings/$id", null ),
			'.ics'       => array( 'GET', "bookings/$id/ics", null ),
			'cancel'     => array( 'POST', "bookings/$id/cancel", array() ),
			'reschedule' => array( 'POST', "bookings/$id/reschedule", array( 'start' => $this->local( '11:00' ) ) ),
		);
		$before  = $this->snapshot();
		foreach ( $routes as $what => list( $method, $route, $body ) ) {
			$right = $this->assertError( 400, 'TOKEN_IN_URL', $this->call( $method, $route, $body, array( 'token' => $booking['manage_token'] ) ), "$what, the right token" );
			$wrong = $this->assertError( 400, 'TOKEN_IN_URL', $this->call( $method, $route, $body, array( 'token' => str_repeat( 'a', 64 ) ) ), "$what, a wrong token" );
			$this->assertSame( $right, $wrong, "$what: the answer tells nothing about the token." );
			$this->assertSame( array( 'token' => 'in_url' ), $right['data']['params'] ?? null );
			$this->assertStringContainsString( 'X-AppointEase-Token', (string) $right['message'], 'The message says where the token goes instead.' );
			// Even with the right token beside it in the header.
			$this->assertError( 400, 'TOKEN_IN_URL', $this->call( $method, $route, $body, array( 'token' => $booking['manage_token'] ), array( 'X-AppointEase-Token' => $booking['manage_token'] ) ), "$what, header and query" );
		}
		// Whatever else is wrong with the request, the token in the URL is what it hears about.
		$this->assertError( 400, 'TOKEN_IN_URL', $this->call( 'POST', "bookings/$id/cancel", array(), array( 'token' => str_repeat( 'a', 500 ) ) ), 'An overlong query token.' );
		$this->assertError( 400, 'TOKEN_IN_URL', $this->call( 'POST', "bookings/$id/reschedule", array( 'start' => 'soon' ), array( 'token' => $booking['manage_token'] ) ), 'With a bad start beside it.' );
		$this->assertSame( $before, $this->snapshot(), 'Nothing was cancelled or moved.' );

		$this->log_in_as_admin();
		$this->assertError( 400, 'TOKEN_IN_URL', $this->get( "bookings/$id", array( 'token' => 'x' ) ), 'Admins are told too.' );
	}

	public function test_the_header_opens_every_route_and_the_body_still_opens_cancel_and_reschedule(): void {
		$booking = $this->book( '10:00' );
		$id      = $booking['id'];
		$header  = array( 'X-AppointEase-Token' => $booking['manage_token'] );

		$this->assertSame( $id, $this->assertOk( 200, $this->call( 'GET', "bookings/$id", null, array(), $header ) )['id'] );
		$ics = $this->call( 'GET', "bookings/$id/ics", null, array(), $header );
		$this->assertSame( 200, $ics->get_status() );
		$this->assertStringStartsWith( 'BEGIN:VCALENDAR', (string) $ics->get_data() );
		$moved = $this->assertOk( 200, $this->call( 'POST', "bookings/$id/reschedule", array( 'start' => $this->local( '11:00' ) ), array(), $header ) );
		$this->assertSame( $this->local( '11:00' ), $moved['start'] );
		$this->assertOk(
			200,
			$this->post(
				"bookings/$id/reschedule",
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '13:00' ),
				)
			)
		);

		$other = $this->book( '14:00' );
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->call( 'POST', "bookings/$id/cancel", array(), array(), $header ) )['status'] );
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( 'bookings/' . $other['id'] . '/cancel', array( 'token' => $other['manage_token'] ) ) )['status'] );

		// The emails' link token travels the same way.
		$third = $this->book( '15:00' );
		$hash  = ( new BookingRepository() )->manage_token_hash( (int) $third['id'] );
		$this->assertIsString( $hash );
		$this->assertOk( 200, $this->read( 'bookings/' . $third['id'], ManageLink::link_token( (int) $third['id'], $hash ) ) );
	}

	public function test_the_header_is_allowed_across_origins_the_site_allows(): void {
		$this->assertContains( 'X-AppointEase-Token', apply_filters( 'rest_allowed_cors_headers', array(), new \WP_REST_Request() ) );
	}

	public function test_a_customers_token_works_until_the_set_number_of_days_after_the_appointment_and_not_a_second_longer(): void {
		$this->assertSame( 7, Settings::int( 'manage_link_days' ), 'A week by default.' );
		$booking = $this->book( '10:00' );
		$id      = (int) $booking['id'];
		$hash    = ( new BookingRepository() )->manage_token_hash( $id );
		$this->assertIsString( $hash );
		$tokens = array(
			'manage token' => $booking['manage_token'],
			'link token'   => ManageLink::link_token( $id, $hash ),
		);

		// Just inside: the appointment ended 7 days less a minute ago.
		$this->end_booking_at( $id, time() - 7 * 86400 + 60 );
		foreach ( $tokens as $what => $token ) {
			$this->assertOk( 200, $this->read( "bookings/$id", $token ) );
			$this->assertSame( 200, $this->read( "bookings/$id/ics", $token )->get_status(), $what );
		}

		// On the boundary: exactly 7 days after the end, the link is over.
		$this->end_booking_at( $id, time() - 7 * 86400 );
		$before = $this->snapshot();
		foreach ( $tokens as $what => $token ) {
			$expired = $this->assertError( 410, 'TOKEN_EXPIRED', $this->read( "bookings/$id", $token ), $what );
			$this->assertStringContainsString( 'contact us', (string) $expired['message'], 'The message says what to do.' );
			$this->assertError( 410, 'TOKEN_EXPIRED', $this->read( "bookings/$id/ics", $token ), $what );
			$this->assertError( 410, 'TOKEN_EXPIRED', $this->post( "bookings/$id/cancel", array( 'token' => $token ) ), $what );
			$this->assertError(
				410,
				'TOKEN_EXPIRED',
				$this->post(
					"bookings/$id/reschedule",
					array(
						'token' => $token,
						'start' => $this->local( '11:00' ),
					)
				),
				$what
			);
		}
		$this->assertSame( $before, $this->snapshot() );
		$this->assertError( 404, 'NOT_FOUND', $this->read( "bookings/$id", str_repeat( 'a', 64 ) ), 'A wrong token still learns nothing, expired or not.' );

		// The setting moves the boundary: with 30 days the same link works again.
		Settings::update( array( 'manage_link_days' => 30 ) );
		$this->assertOk( 200, $this->read( "bookings/$id", $tokens['link token'] ) );
		// With 0, the link ends with the appointment.
		Settings::update( array( 'manage_link_days' => 0 ) );
		$this->end_booking_at( $id, time() + 60 );
		$this->assertOk( 200, $this->read( "bookings/$id", $tokens['link token'] ) );
		$this->end_booking_at( $id, time() );
		$this->assertError( 410, 'TOKEN_EXPIRED', $this->read( "bookings/$id", $tokens['link token'] ) );
	}

	public function test_admins_and_the_bookings_employee_are_not_bound_by_the_expiry(): void {
		$booking = $this->book( '10:00' );
		$id      = (int) $booking['id'];
		$this->end_booking_at( $id, time() - 365 * 86400 );

		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		$this->assertOk( 200, $this->get( "bookings/$id" ) );
		$this->assertOk( 200, $this->read( "bookings/$id", $booking['manage_token'] ) ); // An expired token sent by the employee does not lock them out.

		$this->log_in_as_admin();
		$this->assertOk( 200, $this->get( "bookings/$id" ) );
		$this->assertSame( 200, $this->get( "bookings/$id/ics" )->get_status() );
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( "bookings/$id/cancel" ) )['status'] );
	}

	public function test_the_setting_is_in_the_settings_schema_with_limits(): void {
		$schema = Settings::schema()['manage_link_days'] ?? null;
		$this->assertIsArray( $schema );
		$this->assertSame( 'integer', $schema['type'] );
		$this->assertSame( 7, $schema['default'] );
		$this->log_in_as_admin();
		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'settings', array( 'manage_link_days' => -1 ) ) );
		$this->assertSame( 14, $this->assertOk( 200, $this->call( 'PATCH', 'settings', array( 'manage_link_days' => 14 ) ) )['manage_link_days'] ?? null );
	}

	public function test_a_privacy_erasure_ends_every_token_of_the_erased_bookings(): void {
		$booking = $this->book( '10:00' );
		$id      = (int) $booking['id'];
		$hash    = ( new BookingRepository() )->manage_token_hash( $id );
		$this->assertIsString( $hash );
		$link = ManageLink::link_token( $id, $hash );
		$this->assertOk( 200, $this->post( "bookings/$id/cancel", array( 'token' => $booking['manage_token'] ) ) );
		$this->assertOk( 200, $this->read( "bookings/$id", $link ) );

		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$result  = $erasers[ Privacy::KEY ]['callback']( 'maria@example.com', 1 );
		$this->assertTrue( $result['items_removed'] );

		$gone = $this->assertError( 404, 'NOT_FOUND', $this->read( "bookings/$id", $booking['manage_token'] ) );
		$this->assertSame( $gone, $this->assertError( 404, 'NOT_FOUND', $this->read( "bookings/$id", $link ) ) );
		$this->assertSame( $gone, $this->assertError( 404, 'NOT_FOUND', $this->read( "bookings/$id/ics", $link ) ) );
		$this->assertSame( $gone, $this->assertError( 404, 'NOT_FOUND', $this->read( 'bookings/' . ( $id + 1000 ), $link ) ), 'Like a booking that does not exist.' );
		$this->assertNotSame( $hash, ( new BookingRepository() )->manage_token_hash( $id ) );

		$this->log_in_as_admin();
		$this->assertSame( '[deleted]', $this->assertOk( 200, $this->get( "bookings/$id" ) )['customer']['name'] ?? null, 'The record stays for the business.' );
	}

	/**
	 * Moves a booking so that it ends at an instant (and starts 30 minutes
	 * before), as if that time had come.
	 *
	 * @param int $id  Booking id.
	 * @param int $end Unix time of the end.
	 */
	private function end_booking_at( int $id, int $end ): void {
		global $wpdb;
		$wpdb->update( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a test moves the appointment in time.
			Schema::table( 'bookings' ),
			array(
				'start_utc' => gmdate( 'Y-m-d H:i:s', $end - 1800 ),
				'end_utc'   => gmdate( 'Y-m-d H:i:s', $end ),
			),
			array( 'id' => $id )
		);
	}
}
