<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingService;

/**
 * Bookings through REST: a visitor books, reaches the booking with its
 * manage token, cancels and reschedules; admins list, filter, approve and
 * reject.
 */
final class BookingsRouteTest extends RestTestCase {

	public function test_a_visitor_books_a_free_time_and_gets_a_confirmed_booking_with_its_manage_token(): void {
		$response = $this->post(
			'bookings',
			$this->booking_body(
				'10:00',
				array(
					'customer' => array(
						'name'  => 'Zoë Customer',
						'email' => 'zoe@example.com',
						'phone' => '+49 30 1234',
						'notes' => 'First visit.',
					),
				)
			)
		);

		$body = $this->assertOk( 201, $response );
		$this->assertIsInt( $body['id'] );
		$this->assertSame( 'confirmed', $body['status'] );
		$this->assertSame( $this->employee->id, $body['employee'] );
		$this->assertSame( $this->service->id, $body['service'] );
		$this->assertSame( $this->local( '10:00' ), $body['start'] );
		$this->assertSame( $this->local( '10:30' ), $body['end'] );
		$this->assertSame( 1, $body['seats'] );
		$this->assertSame(
			array(
				'name'  => 'Zoë Customer',
				'email' => 'zoe@example.com',
				'phone' => '+49 30 1234',
				'notes' => 'First visit.',
			),
			$body['customer']
		);
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $body['manage_token'] );
		$this->assertStringEndsWith( '/appointease/v1/bookings/' . $body['id'], $response->get_headers()['Location'] ?? '' );
		$this->assertArrayNotHasKey( 'Idempotent-Replayed', $response->get_headers() );
		$this->assertSame( 1, self::rows( 'bookings' ) );
		$this->assertSame( 1, self::rows( 'seats', 'booking_id = ' . (int) $body['id'] ) );
	}

	public function test_with_approval_required_a_new_booking_is_pending(): void {
		$this->log_in_as_admin();
		$this->assertTrue( $this->assertOk( 200, $this->call( 'PATCH', 'settings', array( 'approval_required' => true ) ) )['approval_required'] );
		$this->log_out();

		$this->assertSame( 'pending', $this->book( '10:00' )['status'] );
	}

	public function test_a_double_submit_with_the_same_idempotency_key_makes_one_booking(): void {
		$headers = array( 'Idempotency-Key' => 'submit-2f6c1a9e-0001' );

		$first  = $this->post( 'bookings', $this->booking_body(), $headers );
		$second = $this->post( 'bookings', $this->booking_body(), $headers );

		$one = $this->assertOk( 201, $first );
		$two = $this->assertOk( 201, $second );
		$this->assertSame( $one['id'], $two['id'] );
		$this->assertSame( $one['manage_token'], $two['manage_token'] );
		$this->assertArrayNotHasKey( 'Idempotent-Replayed', $first->get_headers() );
		$this->assertSame( 'true', $second->get_headers()['Idempotent-Replayed'] ?? null );
		$this->assertSame( 1, self::rows( 'bookings' ) );
		$this->assertSame( 1, self::rows( 'seats' ) );
		$this->assertOk( 200, $this->read( 'bookings/' . $one['id'], $two['manage_token'] ) );
	}

	public function test_an_idempotency_key_reused_for_another_time_is_refused(): void {
		$headers = array( 'Idempotency-Key' => 'submit-2f6c1a9e-0002' );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ), $headers ) );
		$before = $this->snapshot();

		$this->assertError( 409, 'IDEMPOTENCY_KEY_REUSED', $this->post( 'bookings', $this->booking_body( '11:00' ), $headers ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_idempotency_key_reused_for_another_employee_is_refused(): void {
		$other   = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$headers = array( 'Idempotency-Key' => 'submit-2f6c1a9e-0003' );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ), $headers ) );
		$before = $this->snapshot();

		$response = $this->post( 'bookings', $this->booking_body( '10:00', array( 'employee' => $other->id ) ), $headers );

		$this->assertError( 409, 'IDEMPOTENCY_KEY_REUSED', $response );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_second_booking_of_a_taken_time_is_slot_taken_and_writes_nothing(): void {
		$this->book( '10:00' );
		$before = $this->snapshot();

		$other = array(
			'customer' => array(
				'name'  => 'Late Comer',
				'email' => 'late@example.com',
			),
		);
		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->booking_body( '10:00', $other ) ) );
		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->booking_body( '09:45', $other ) ), 'Overlaps the booking.' );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_the_manage_token_reads_the_booking_and_a_wrong_or_missing_token_is_an_identical_404(): void {
		$booking = $this->book( '10:00' );
		$route   = 'bookings/' . $booking['id'];

		$read = $this->assertOk( 200, $this->read( $route, $booking['manage_token'] ) );
		$this->assertSame( $booking['id'], $read['id'] );
		$this->assertSame( 'confirmed', $read['status'] );
		$this->assertSame( 'maria@example.com', $read['customer']['email'] );
		$this->assertArrayNotHasKey( 'manage_token', $read, 'The token is only ever in the answer to POST bookings.' );

		$wrong   = $this->assertError( 404, 'NOT_FOUND', $this->read( $route, str_repeat( 'a', 64 ) ) );
		$missing = $this->assertError( 404, 'NOT_FOUND', $this->get( $route ) );
		$empty   = $this->assertError( 404, 'NOT_FOUND', $this->read( $route, '' ) );
		$absent  = $this->assertError( 404, 'NOT_FOUND', $this->read( 'bookings/' . ( $booking['id'] + 1000 ), $booking['manage_token'] ) );
		$this->assertSame( $wrong, $missing );
		$this->assertSame( $wrong, $empty );
		$this->assertSame( $wrong, $absent, 'A booking that does not exist answers like a wrong token.' );
		$this->assertStringNotContainsString( 'maria', (string) wp_json_encode( $wrong ) );
	}

	public function test_another_bookings_token_does_not_open_this_one(): void {
		$mine   = $this->book( '10:00' );
		$theirs = $this->book(
			'11:00',
			array(
				'customer' => array(
					'name'  => 'Other',
					'email' => 'other@example.com',
				),
			)
		);

		$this->assertError( 404, 'NOT_FOUND', $this->read( 'bookings/' . $mine['id'], $theirs['manage_token'] ) );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $mine['id'] . '/cancel', array( 'token' => $theirs['manage_token'] ) ) );
		$this->assertSame( 'confirmed', $this->assertOk( 200, $this->read( 'bookings/' . $mine['id'], $mine['manage_token'] ) )['status'] );
	}

	public function test_cancelling_with_the_token_frees_the_time_for_the_next_visitor(): void {
		$booking  = $this->book( '10:00' );
		$capacity = array(
			'service'  => (string) $this->service->id,
			'employee' => (string) $this->employee->id,
			'start'    => $this->local( '10:00' ),
		);
		$this->assertTrue( $this->assertOk( 200, $this->get( 'capacity', $capacity ) )['is_full'] );

		$cancelled = $this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );

		$this->assertSame( 'cancelled', $cancelled['status'] );
		$this->assertSame( 0, self::rows( 'seats' ) );
		$this->assertSame( 0, self::rows( 'occupancy' ) );
		$free = $this->assertOk( 200, $this->get( 'capacity', $capacity ) );
		$this->assertFalse( $free['is_full'] );
		$this->assertSame( 1, $free['available_slots'] );
		$again = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Next',
					'email' => 'next@example.com',
				),
			)
		);
		$this->assertNotSame( $booking['id'], $again['id'] );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ), 'Cancelling twice.' );
	}

	public function test_cancel_without_the_token_is_not_found_and_changes_nothing(): void {
		$booking = $this->book( '10:00' );
		$before  = $this->snapshot();

		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $booking['id'] . '/cancel', array() ) );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => 'guess' ) ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $booking['id'] . '/cancel', array() ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_rescheduling_with_the_token_moves_the_booking_and_frees_the_old_time(): void {
		$booking = $this->book( '10:00' );

		$moved = $this->assertOk(
			200,
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '14:00', $this->day( 1 ) ),
				)
			)
		);

		$this->assertSame( $booking['id'], $moved['id'] );
		$this->assertSame( $this->local( '14:00', $this->day( 1 ) ), $moved['start'] );
		$this->assertSame( $this->local( '14:30', $this->day( 1 ) ), $moved['end'] );
		$this->assertSame( 'confirmed', $moved['status'] );
		$this->assertSame( 1, self::rows( 'bookings' ) );
		$this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Next',
					'email' => 'next@example.com',
				),
			)
		);
		$this->assertSame( $moved['start'], $this->assertOk( 200, $this->read( 'bookings/' . $booking['id'], $booking['manage_token'] ) )['start'] );
	}

	public function test_rescheduling_onto_a_taken_time_is_slot_taken_and_changes_nothing(): void {
		$booking = $this->book( '10:00' );
		$this->book(
			'11:00',
			array(
				'customer' => array(
					'name'  => 'Other',
					'email' => 'other@example.com',
				),
			)
		);
		$before = $this->snapshot();

		$response = $this->post(
			'bookings/' . $booking['id'] . '/reschedule',
			array(
				'token' => $booking['manage_token'],
				'start' => $this->local( '11:00' ),
			)
		);

		$this->assertError( 409, 'SLOT_TAKEN', $response );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_customer_may_not_move_a_booking_to_another_employee_but_an_admin_may(): void {
		$other   = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$booking = $this->book( '10:00' );
		$before  = $this->snapshot();
		$body    = array(
			'token'    => $booking['manage_token'],
			'start'    => $this->local( '10:00' ),
			'employee' => $other->id,
		);

		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings/' . $booking['id'] . '/reschedule', $body ) );
		$this->assertSame( $before, $this->snapshot() );

		$this->log_in_as_admin();
		unset( $body['token'] );
		$moved = $this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/reschedule', $body ) );
		$this->assertSame( $other->id, $moved['employee'] );
	}

	public function test_the_admin_list_filters_and_pages_with_total_headers(): void {
		$other = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$a     = $this->book(
			'09:00',
			array(
				'customer' => array(
					'name'  => 'Alice Able',
					'email' => 'alice@example.com',
					'phone' => '+49 111',
				),
			)
		);
		$b     = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Bob Baker',
					'email' => 'bob@example.org',
				),
			)
		);
		$c     = $this->book(
			'10:00',
			array(
				'employee' => $other->id,
				'customer' => array(
					'name'  => 'Carla Cook',
					'email' => 'carla@example.com',
				),
			)
		);
		$d     = $this->book(
			'14:00',
			array(
				'start'    => $this->local( '14:00', $this->day( 2 ) ),
				'customer' => array(
					'name'  => 'Dan Doe',
					'email' => 'dan@example.com',
				),
			)
		);
		$this->assertOk( 200, $this->post( 'bookings/' . $b['id'] . '/cancel', array( 'token' => $b['manage_token'] ) ) );
		$this->log_in_as_admin();

		$all = $this->get( 'bookings' );
		$this->assertSame( array( $d['id'], $c['id'], $b['id'], $a['id'] ), array_column( $this->assertOk( 200, $all ), 'id' ), 'Newest start first, then newest id.' );
		$this->assertSame( '4', $all->get_headers()['X-WP-Total'] ?? null );
		$this->assertSame( '1', $all->get_headers()['X-WP-TotalPages'] ?? null );
		$this->assertArrayNotHasKey( 'manage_token', $this->assertOk( 200, $all )[0] );

		$ids = fn( array $query ): array => array_column( $this->assertOk( 200, $this->get( 'bookings', $query ) ), 'id' );
		$this->assertSame( array( $b['id'] ), $ids( array( 'status' => 'cancelled' ) ) );
		$this->assertSame( array( $d['id'], $c['id'], $a['id'] ), $ids( array( 'status' => 'confirmed' ) ) );
		$this->assertSame( array( $c['id'] ), $ids( array( 'employee' => (string) $other->id ) ) );
		$this->assertSame( array( $a['id'] ), $ids( array( 'search' => 'alice' ) ) );
		$this->assertSame( array( $b['id'] ), $ids( array( 'search' => 'example.org' ) ) );
		$this->assertSame( array( $a['id'] ), $ids( array( 'search' => '+49 111' ) ) );
		$this->assertSame( array(), $ids( array( 'search' => '%' ) ), 'A wildcard is searched for literally.' );
		$this->assertSame( array( $c['id'], $b['id'], $a['id'] ), $ids( array( 'to' => $this->monday ) ) );
		$this->assertSame( array( $d['id'] ), $ids( array( 'from' => $this->day( 1 ) ) ) );
		$this->assertSame(
			array( $d['id'] ),
			$ids(
				array(
					'from' => $this->day( 2 ),
					'to'   => $this->day( 2 ),
				)
			)
		);
		$this->assertSame( array(), $ids( array( 'from' => $this->day( 3 ) ) ) );
		$this->assertSame( array( $this->service->id ), array_values( array_unique( array_column( $this->assertOk( 200, $this->get( 'bookings', array( 'service' => (string) $this->service->id ) ) ), 'service' ) ) ) );

		$page_one = $this->get(
			'bookings',
			array(
				'per_page' => '3',
				'page'     => '1',
			)
		);
		$page_two = $this->get(
			'bookings',
			array(
				'per_page' => '3',
				'page'     => '2',
			)
		);
		$this->assertSame( array( $d['id'], $c['id'], $b['id'] ), array_column( $this->assertOk( 200, $page_one ), 'id' ) );
		$this->assertSame( array( $a['id'] ), array_column( $this->assertOk( 200, $page_two ), 'id' ) );
		foreach ( array( $page_one, $page_two ) as $page ) {
			$this->assertSame( '4', $page->get_headers()['X-WP-Total'] ?? null );
			$this->assertSame( '2', $page->get_headers()['X-WP-TotalPages'] ?? null );
		}
		$filtered = $this->get( 'bookings', array( 'status' => 'cancelled' ) );
		$this->assertSame( '1', $filtered->get_headers()['X-WP-Total'] ?? null );
		$this->assertSame( '1', $filtered->get_headers()['X-WP-TotalPages'] ?? null );
	}

	public function test_an_admin_approves_or_rejects_a_pending_booking_and_only_a_pending_one(): void {
		update_option( 'appointease_settings', array( 'approval_required' => true ) );
		$first  = $this->book( '10:00' );
		$second = $this->book(
			'11:00',
			array(
				'customer' => array(
					'name'  => 'Other',
					'email' => 'other@example.com',
				),
			)
		);
		$this->assertSame( 'pending', $first['status'] );
		$this->log_in_as_admin();

		$this->assertSame( 'confirmed', $this->assertOk( 200, $this->post( 'bookings/' . $first['id'] . '/approve' ) )['status'] );
		$this->assertSame( 'rejected', $this->assertOk( 200, $this->post( 'bookings/' . $second['id'] . '/reject' ) )['status'] );
		$this->assertSame( 0, self::rows( 'seats', 'booking_id = ' . (int) $second['id'] ), 'Rejecting frees the seat.' );
		$this->assertSame( 1, self::rows( 'seats', 'booking_id = ' . (int) $first['id'] ), 'Approving keeps the seat.' );

		$before = $this->snapshot();
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $first['id'] . '/approve' ) );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $first['id'] . '/reject' ) );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $second['id'] . '/approve' ) );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $second['id'] . '/reject' ) );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . ( $first['id'] + 1000 ) . '/approve' ) );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_admin_cancels_and_reads_any_booking_without_a_token(): void {
		$booking = $this->book( '10:00' );
		$this->log_in_as_admin();

		$this->assertSame( $booking['id'], $this->assertOk( 200, $this->get( 'bookings/' . $booking['id'] ) )['id'] );
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel' ) )['status'] );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'bookings/' . ( $booking['id'] + 1000 ) ) );
	}

	public function test_a_time_in_utc_or_any_offset_names_the_same_instant(): void {
		$utc    = ( new \DateTimeImmutable( $this->local( '10:00' ) ) )->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s\Z' );
		$kolkat = ( new \DateTimeImmutable( $this->local( '10:00' ) ) )->setTimezone( new \DateTimeZone( 'Asia/Kolkata' ) )->format( DATE_ATOM );

		$booking = $this->book( '10:00', array( 'start' => $utc ) );

		$this->assertSame( $this->local( '10:00' ), $booking['start'], 'Answered in the calendar\'s timezone.' );
		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->booking_body( '10:00', array( 'start' => $kolkat ) ) ) );
	}

	public function test_an_employee_in_their_own_timezone_is_booked_in_their_local_time(): void {
		$remote   = $this->make_employee(
			array( $this->service->id ),
			array(
				'name'     => 'Nora New York',
				'timezone' => 'America/New_York',
			)
		);
		$new_york = new \DateTimeZone( 'America/New_York' );
		$ten      = new \DateTimeImmutable( $this->monday . ' 10:00', $new_york );

		$days = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $remote->id,
					'from'     => $this->monday,
					'to'       => $this->monday,
				)
			)
		)['days'];
		$this->assertSame( $ten->modify( '-1 hour' )->format( DATE_ATOM ), $days[0]['slots'][0]['start'], 'Her day starts at 09:00 New York time.' );

		$booking = $this->book(
			'10:00',
			array(
				'employee' => $remote->id,
				'start'    => $ten->setTimezone( new \DateTimeZone( self::TIMEZONE ) )->format( DATE_ATOM ),
			)
		);
		$this->assertSame( $ten->format( DATE_ATOM ), $booking['start'] );
	}

	public function test_a_customer_cannot_cancel_or_move_a_booking_that_has_started_but_an_admin_can_cancel_it(): void {
		$always = array();
		for ( $weekday = 1; $weekday <= 7; $weekday++ ) {
			$always[] = array(
				'weekday' => $weekday,
				'start'   => '00:00',
				'end'     => '24:00',
			);
		}
		$this->employees->update( $this->employee->id, array( 'hours' => $always ) );
		$berlin    = new \DateTimeZone( self::TIMEZONE );
		$yesterday = ( new \DateTimeImmutable( 'yesterday 10:00', $berlin ) );
		$result    = BookingService::create_default()->book(
			new BookingRequest( $this->service->id, $this->employee->id, $yesterday, 1, 'Past Customer', 'past@example.com' ),
			$yesterday->modify( '-2 days' )
		);
		$token     = $result->manage_token;
		$route     = 'bookings/' . $result->booking->id;
		$before    = $this->snapshot();

		$this->assertError( 422, 'SLOT_IN_PAST', $this->post( $route . '/cancel', array( 'token' => $token ) ) );
		$this->assertError(
			422,
			'SLOT_IN_PAST',
			$this->post(
				$route . '/reschedule',
				array(
					'token' => $token,
					'start' => $this->local( '10:00' ),
				)
			)
		);
		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( 'confirmed', $this->assertOk( 200, $this->read( $route, $token ) )['status'], 'The customer can still read it.' );

		$this->log_in_as_admin();
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( $route . '/cancel' ) )['status'] );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: array<string, mixed>|null}>
	 */
	public static function admin_routes(): array {
		return array(
			'list bookings'    => array( 'GET', 'bookings', null ),
			'approve'          => array( 'POST', 'bookings/{id}/approve', null ),
			'reject'           => array( 'POST', 'bookings/{id}/reject', null ),
			'read settings'    => array( 'GET', 'settings', null ),
			'change settings'  => array( 'PATCH', 'settings', array( 'approval_required' => false ) ),
			'create service'   => array(
				'POST',
				'services',
				array(
					'name'     => 'New',
					'duration' => 30,
				),
			),
			'update service'   => array( 'PATCH', 'services/{service}', array( 'name' => 'Changed' ) ),
			'delete service'   => array( 'DELETE', 'services/{service}', null ),
			'create employee'  => array( 'POST', 'employees', array( 'name' => 'New' ) ),
			'update employee'  => array( 'PATCH', 'employees/{employee}', array( 'name' => 'Changed' ) ),
			'delete employee'  => array( 'DELETE', 'employees/{employee}', null ),
			'edit context'     => array( 'GET', 'employees/{employee}?context=edit', null ),
			'services as edit' => array( 'GET', 'services?context=edit', null ),
			'employees edit'   => array( 'GET', 'employees?context=edit', null ),
		);
	}

	/**
	 * @dataProvider admin_routes
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $route  Route with placeholders.
	 * @param array<string, mixed>|null $body   A body an admin could send.
	 */
	public function test_admin_routes_refuse_visitors_with_401_and_subscribers_with_403( string $method, string $route, ?array $body ): void {
		update_option( 'appointease_settings', array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' );
		$route   = strtr(
			$route,
			array(
				'{id}'       => (string) $booking['id'],
				'{service}'  => (string) $this->service->id,
				'{employee}' => (string) $this->employee->id,
			)
		);
		$query   = array();
		if ( str_contains( $route, '?' ) ) {
			list( $route, $query_string ) = explode( '?', $route, 2 );
			parse_str( $query_string, $query );
		}
		$before = $this->snapshot();

		$this->assertError( 401, 'FORBIDDEN', $this->call( $method, $route, $body, $query ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->call( $method, $route, $body, $query ) );
		$this->log_in_as( 'editor' );
		$this->assertError( 403, 'FORBIDDEN', $this->call( $method, $route, $body, $query ) );

		$this->assertSame( $before, $this->snapshot() );
	}
}
