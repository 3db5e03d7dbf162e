<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

/**
 * Bad input to the booking routes: each is refused with a 4xx and a reason,
 * and nothing is written (row counts of every plugin table, the booking
 * rows and the settings option are compared before and after).
 *
 * Times and ids in the data are placeholders; see RestTestCase::resolve().
 */
final class BookingInputTest extends RestTestCase {

	private const HUGE = '99999999999999999999';

	/**
	 * Ids in the path that are not ids.
	 *
	 * @return array<string, array{0: string}>
	 */
	private static function bad_path_ids(): array {
		return array(
			'a word'   => array( 'abc' ),
			'zero'     => array( '0' ),
			'negative' => array( '-1' ),
			'fraction' => array( '1.5' ),
			'huge'     => array( self::HUGE ),
			'too big'  => array( '4294967296' ),
			'hex'      => array( '0x1' ), // phpcs:ignore PHPCompatibility.Miscellaneous.ValidIntegers.HexNumericStringFound -- sent as a path id on purpose.
		);
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: string}>
	 */
	public static function bad_bookings(): array {
		$customer = static fn( array $fields ): array => array( 'customer' => $fields );
		return array(
			'service as a word'                 => array( array( 'service' => 'x' ), 400, 'VALIDATION_ERROR' ),
			'service zero'                      => array( array( 'service' => 0 ), 400, 'VALIDATION_ERROR' ),
			'service negative'                  => array( array( 'service' => -1 ), 400, 'VALIDATION_ERROR' ),
			'service fraction'                  => array( array( 'service' => 1.5 ), 400, 'VALIDATION_ERROR' ),
			'service huge'                      => array( array( 'service' => self::HUGE ), 400, 'VALIDATION_ERROR' ),
			'service as a list'                 => array( array( 'service' => array( 1 ) ), 400, 'VALIDATION_ERROR' ),
			'service null'                      => array( array( 'service' => null ), 400, 'VALIDATION_ERROR' ),
			'service missing'                   => array( array( 'service' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'service unknown'                   => array( array( 'service' => 999999 ), 404, 'NOT_FOUND' ),
			'employee as a word'                => array( array( 'employee' => 'abc' ), 400, 'VALIDATION_ERROR' ),
			'employee zero'                     => array( array( 'employee' => 0 ), 400, 'VALIDATION_ERROR' ),
			'employee missing'                  => array( array( 'employee' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'employee unknown'                  => array( array( 'employee' => 999999 ), 404, 'NOT_FOUND' ),
			'start without offset'              => array( array( 'start' => '2026-11-23T10:00:00' ), 400, 'VALIDATION_ERROR' ),
			'start with offset +25:00'          => array( array( 'start' => '2026-11-23T10:00:00+25:00' ), 400, 'VALIDATION_ERROR' ),
			'start with offset +01:60'          => array( array( 'start' => '2026-11-23T10:00:00+01:60' ), 400, 'VALIDATION_ERROR' ),
			'start with offset +0100'           => array( array( 'start' => '2026-11-23T10:00:00+0100' ), 400, 'VALIDATION_ERROR' ),
			'start with a named zone'           => array( array( 'start' => '2026-11-23T10:00:00 Europe/Berlin' ), 400, 'VALIDATION_ERROR' ),
			'start in year 9999'                => array( array( 'start' => '9999-11-23T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start in year 1999'                => array( array( 'start' => '1999-11-22T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start on 2026-02-30'               => array( array( 'start' => '2026-02-30T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start at hour 24'                  => array( array( 'start' => '2026-11-23T24:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start with one-digit month'        => array( array( 'start' => '2026-1-05T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start as words'                    => array( array( 'start' => 'next monday 10am' ), 400, 'VALIDATION_ERROR' ),
			'start as a timestamp'              => array( array( 'start' => 1795428000 ), 400, 'VALIDATION_ERROR' ),
			'start empty'                       => array( array( 'start' => '' ), 400, 'VALIDATION_ERROR' ),
			'start missing'                     => array( array( 'start' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'start outside working hours'       => array( array( 'start' => '@time:+0 20:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start before working hours'        => array( array( 'start' => '@time:+0 08:30' ), 409, 'SLOT_UNAVAILABLE' ),
			'start in the lunch break'          => array( array( 'start' => '@time:+0 12:30' ), 409, 'SLOT_UNAVAILABLE' ),
			'start running into the break'      => array( array( 'start' => '@time:+0 11:45' ), 409, 'SLOT_UNAVAILABLE' ),
			'start off the step grid'           => array( array( 'start' => '@time:+0 10:07' ), 409, 'SLOT_UNAVAILABLE' ),
			'start on a Saturday'               => array( array( 'start' => '@time:+5 10:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start beyond the horizon'          => array( array( 'start' => '@time:+119 10:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start in the past'                 => array( array( 'start' => '@time:-14 10:00' ), 422, 'SLOT_IN_PAST' ),
			'start long ago'                    => array( array( 'start' => '2000-01-03T10:00:00+01:00' ), 422, 'SLOT_IN_PAST' ),
			'seats zero'                        => array( array( 'seats' => 0 ), 400, 'VALIDATION_ERROR' ),
			'seats negative'                    => array( array( 'seats' => -1 ), 400, 'VALIDATION_ERROR' ),
			'seats 100000'                      => array( array( 'seats' => 100000 ), 400, 'VALIDATION_ERROR' ),
			'seats as a word'                   => array( array( 'seats' => 'two' ), 400, 'VALIDATION_ERROR' ),
			'seats fraction'                    => array( array( 'seats' => 1.5 ), 400, 'VALIDATION_ERROR' ),
			'seats true'                        => array( array( 'seats' => true ), 400, 'VALIDATION_ERROR' ),
			'seats above the capacity'          => array( array( 'seats' => 2 ), 400, 'VALIDATION_ERROR' ),
			'customer as a string'              => array( array( 'customer' => 'Maria <maria@example.com>' ), 400, 'VALIDATION_ERROR' ),
			'customer as a list'                => array( array( 'customer' => array( 'Maria', 'maria@example.com' ) ), 400, 'VALIDATION_ERROR' ),
			'customer empty'                    => array( array( 'customer' => array() ), 400, 'VALIDATION_ERROR' ),
			'customer missing'                  => array( array( 'customer' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'customer without a name'           => array( $customer( array( 'name' => '@unset' ) ), 400, 'VALIDATION_ERROR' ),
			'customer name empty'               => array( $customer( array( 'name' => '' ) ), 400, 'VALIDATION_ERROR' ),
			'customer name only markup'         => array( $customer( array( 'name' => '<b></b>' ) ), 400, 'VALIDATION_ERROR' ),
			'customer name 101 characters'      => array( $customer( array( 'name' => str_repeat( 'n', 101 ) ) ), 400, 'VALIDATION_ERROR' ),
			'customer name as a number'         => array( $customer( array( 'name' => 42 ) ), 400, 'VALIDATION_ERROR' ),
			'customer name as an object'        => array( $customer( array( 'name' => array( 'first' => 'Maria' ) ) ), 400, 'VALIDATION_ERROR' ),
			'customer without an email'         => array( $customer( array( 'email' => '@unset' ) ), 400, 'VALIDATION_ERROR' ),
			'customer email not an email'       => array( $customer( array( 'email' => 'not-an-email' ) ), 400, 'VALIDATION_ERROR' ),
			'customer email with two @'         => array( $customer( array( 'email' => 'a@b@example.com' ) ), 400, 'VALIDATION_ERROR' ),
			'customer email of 192 characters'  => array( $customer( array( 'email' => str_repeat( 'a', 180 ) . '@example.com' ) ), 400, 'VALIDATION_ERROR' ),
			'customer phone with letters'       => array( $customer( array( 'phone' => 'call me' ) ), 400, 'VALIDATION_ERROR' ),
			'customer phone of 51 characters'   => array( $customer( array( 'phone' => str_repeat( '1', 51 ) ) ), 400, 'VALIDATION_ERROR' ),
			'customer notes of 2001 characters' => array( $customer( array( 'notes' => str_repeat( 'x', 2001 ) ) ), 400, 'VALIDATION_ERROR' ),
			'customer notes as a list'          => array( $customer( array( 'notes' => array( 'a' ) ) ), 400, 'VALIDATION_ERROR' ),
			'unknown customer field'            => array( $customer( array( 'vip' => true ) ), 400, 'VALIDATION_ERROR' ),
			'unknown field status'              => array( array( 'status' => 'confirmed' ), 400, 'VALIDATION_ERROR' ),
			'unknown field id'                  => array( array( 'id' => 1 ), 400, 'VALIDATION_ERROR' ),
			'unknown field manage_token'        => array( array( 'manage_token' => str_repeat( 'a', 64 ) ), 400, 'VALIDATION_ERROR' ),
			'unknown field end'                 => array( array( 'end' => '@time:+0 18:00' ), 400, 'VALIDATION_ERROR' ),
		);
	}

	/**
	 * @dataProvider bad_bookings
	 *
	 * @param array<string, mixed> $patch  Changes to a valid body.
	 * @param int                  $status Expected status.
	 * @param string               $reason Expected reason.
	 */
	public function test_a_bad_booking_is_refused_and_writes_nothing( array $patch, int $status, string $reason ): void {
		$body   = $this->resolve( self::patched( $this->booking_body( '10:00' ), $patch ) );
		$before = $this->snapshot();

		$this->assertError( $status, $reason, $this->post( 'bookings', $body ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_inactive_or_unmatched_service_or_employee_cannot_be_booked(): void {
		$retired = $this->make_service(
			array(
				'name'   => 'Retired',
				'active' => false,
			)
		);
		$away    = $this->make_employee(
			array( $this->service->id ),
			array(
				'name'   => 'Away',
				'active' => false,
			)
		);
		$colour  = $this->make_service( array( 'name' => 'Colour' ) );
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $retired->id ) ) );
		$before = $this->snapshot();

		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings', $this->booking_body( '10:00', array( 'service' => $retired->id ) ) ) );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings', $this->booking_body( '10:00', array( 'employee' => $away->id ) ) ) );
		$this->assertError( 404, 'SLOT_NOT_FOUND', $this->post( 'bookings', $this->booking_body( '10:00', array( 'service' => $colour->id ) ) ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_the_valid_body_the_bad_ones_start_from_books(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ) ) );
	}

	public function test_the_longest_allowed_fields_are_stored_whole(): void {
		$name  = str_repeat( 'é', 100 );
		$email = str_repeat( 'a', 179 ) . '@example.com';
		$notes = str_repeat( 'ü', 2000 );
		$phone = str_repeat( '1', 50 );

		$body = $this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'customer' => array(
							'name'  => $name,
							'email' => $email,
							'phone' => $phone,
							'notes' => $notes,
						),
					)
				)
			)
		);

		$this->assertSame( 191, strlen( $email ) );
		$this->assertSame(
			array(
				'name'  => $name,
				'email' => $email,
				'phone' => $phone,
				'notes' => $notes,
			),
			$body['customer']
		);
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function raw_bodies(): array {
		return array(
			'not JSON'         => array( 'service=1&employee=1' ),
			'broken JSON'      => array( '{"service": 1,' ),
			'a JSON string'    => array( '"book me"' ),
			'a JSON list'      => array( '[1, 2, 3]' ),
			'JSON null'        => array( 'null' ),
			'an empty object'  => array( '{}' ),
			'an empty body'    => array( '' ),
			'a deep structure' => array( str_repeat( '[', 600 ) . str_repeat( ']', 600 ) ),
		);
	}

	/**
	 * @dataProvider raw_bodies
	 *
	 * @param string $raw The body as sent.
	 */
	public function test_a_body_that_is_not_a_booking_object_is_refused( string $raw ): void {
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $raw ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function bad_idempotency_keys(): array {
		return array(
			'empty'          => array( '' ),
			'too short'      => array( 'abc-1234-XYZ-56' ),
			'too long'       => array( str_repeat( 'k1-', 43 ) ),
			'one kind'       => array( 'aaaaaaaaaaaaaaaaaaaa' ),
			'two kinds'      => array( 'abcdefgh12345678' ),
			'with spaces'    => array( 'my key 12345' ),
			'with a slash'   => array( 'key/12345678' ),
			'with a quote'   => array( "key'12345678" ),
			'with umlauts'   => array( 'schlüssel-12345' ),
			'with a comma'   => array( 'key-1234,key-5678' ),
			'with a newline' => array( "key-1234\nkey" ),
		);
	}

	/**
	 * @dataProvider bad_idempotency_keys
	 *
	 * @param string $key The header's value.
	 */
	public function test_a_bad_idempotency_key_is_refused_and_writes_nothing( string $key ): void {
		$before = $this->snapshot();

		$response = $this->post( 'bookings', $this->booking_body( '10:00' ), array( 'Idempotency-Key' => $key ) );

		$this->assertError( 400, 'VALIDATION_ERROR', $response );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_the_shortest_and_longest_idempotency_keys_are_accepted(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ), array( 'Idempotency-Key' => 'a_b.c:d-e1f2g3h4' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '11:00' ), array( 'Idempotency-Key' => str_repeat( 'Kk1', 42 ) . 'Kk' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '14:00' ), array( 'Idempotency-Key' => wp_generate_uuid4() ) ) );
	}

	/**
	 * Every route with a booking id in its path, for each bad id.
	 *
	 * @return array<string, array{0: string, 1: string, 2: string, 3: bool}>
	 */
	public static function bad_booking_ids(): array {
		$routes = array(
			'read'       => array( 'GET', 'bookings/%s', false ),
			'cancel'     => array( 'POST', 'bookings/%s/cancel', false ),
			'reschedule' => array( 'POST', 'bookings/%s/reschedule', false ),
			'approve'    => array( 'POST', 'bookings/%s/approve', true ),
			'reject'     => array( 'POST', 'bookings/%s/reject', true ),
		);
		$cases  = array();
		foreach ( $routes as $route_name => list( $method, $route, $admin ) ) {
			foreach ( self::bad_path_ids() as $id_name => list( $id ) ) {
				$cases[ "$route_name, id $id_name" ] = array( $method, sprintf( $route, $id ), $id, $admin );
			}
		}
		return $cases;
	}

	/**
	 * @dataProvider bad_booking_ids
	 *
	 * @param string $method HTTP method.
	 * @param string $route  The route with the bad id.
	 * @param string $id     The bad id.
	 * @param bool   $admin  Whether the route is for admins.
	 */
	public function test_a_malformed_booking_id_is_a_validation_error( string $method, string $route, string $id, bool $admin ): void {
		$booking = $this->book( '10:00' );
		if ( $admin ) {
			$this->log_in_as_admin();
		}
		$body  = array( 'token' => $booking['manage_token'] );
		$query = array();
		if ( str_ends_with( $route, '/reschedule' ) ) {
			$body['start'] = $this->local( '11:00' );
		}
		if ( $admin ) {
			$body = array();
		}
		$headers = array();
		if ( 'GET' === $method ) {
			// Reads take the token in a header only.
			$headers = isset( $body['token'] ) ? array( 'X-AppointEase-Token' => $body['token'] ) : array();
			$body    = null;
		}
		$before = $this->snapshot();

		$response = $this->call( $method, $route, $body, $query, $headers );

		$this->assertError( 400, 'VALIDATION_ERROR', $response );
		$this->assertSame( $before, $this->snapshot(), "Bad id $id." );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: string}>
	 */
	public static function bad_reschedules(): array {
		return array(
			'start without offset'         => array( array( 'start' => '2026-11-23T11:00:00' ), 400, 'VALIDATION_ERROR' ),
			'start with a bad offset'      => array( array( 'start' => '2026-11-23T11:00:00+99:00' ), 400, 'VALIDATION_ERROR' ),
			'start in year 9999'           => array( array( 'start' => '9999-11-23T11:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start on 2026-02-30'          => array( array( 'start' => '2026-02-30T11:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start missing'                => array( array( 'start' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'start outside working hours'  => array( array( 'start' => '@time:+0 19:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start off the step grid'      => array( array( 'start' => '@time:+0 11:10' ), 409, 'SLOT_UNAVAILABLE' ),
			'start on a Sunday'            => array( array( 'start' => '@time:+6 11:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start in the past'            => array( array( 'start' => '@time:-7 11:00' ), 422, 'SLOT_IN_PAST' ),
			'start on the other booking'   => array( array( 'start' => '@time:+0 14:00' ), 409, 'SLOT_TAKEN' ),
			'employee as a word'           => array( array( 'employee' => 'ben' ), 400, 'VALIDATION_ERROR' ),
			'employee given by a customer' => array( array( 'employee' => '@id:employee' ), 403, 'FORBIDDEN' ),
			'unknown field seats'          => array( array( 'seats' => 2 ), 400, 'VALIDATION_ERROR' ),
			'unknown field service'        => array( array( 'service' => '@id:service' ), 400, 'VALIDATION_ERROR' ),
			'unknown field status'         => array( array( 'status' => 'confirmed' ), 400, 'VALIDATION_ERROR' ),
			'token too long'               => array( array( 'token' => '@long-token' ), 400, 'VALIDATION_ERROR' ),
			'token as a list'              => array( array( 'token' => array( 'a' ) ), 400, 'VALIDATION_ERROR' ),
			'token wrong'                  => array( array( 'token' => 'not-the-token' ), 404, 'NOT_FOUND' ),
			'token missing'                => array( array( 'token' => '@unset' ), 404, 'NOT_FOUND' ),
		);
	}

	/**
	 * @dataProvider bad_reschedules
	 *
	 * @param array<string, mixed> $patch  Changes to a valid body.
	 * @param int                  $status Expected status.
	 * @param string               $reason Expected reason.
	 */
	public function test_a_bad_reschedule_is_refused_and_changes_nothing( array $patch, int $status, string $reason ): void {
		$booking = $this->book( '10:00' );
		$this->book(
			'14:00',
			array(
				'customer' => array(
					'name'  => 'Other',
					'email' => 'other@example.com',
				),
			)
		);
		if ( '@long-token' === ( $patch['token'] ?? null ) ) {
			$patch['token'] = $booking['manage_token'] . str_repeat( 'a', 65 );
		}
		$body   = $this->resolve(
			self::patched(
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '11:00' ),
				),
				$patch
			)
		);
		$before = $this->snapshot();

		$this->assertError( $status, $reason, $this->post( 'bookings/' . $booking['id'] . '/reschedule', $body ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_unknown_fields_on_cancel_approve_and_reject_are_refused(): void {
		update_option( 'appointease_settings', array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' );
		$before  = $this->snapshot();

		$cancel = $this->post(
			'bookings/' . $booking['id'] . '/cancel',
			array(
				'token'  => $booking['manage_token'],
				'reason' => 'Changed my mind',
			)
		);
		$this->assertError( 400, 'VALIDATION_ERROR', $cancel );
		$this->assertSame( array( 'reason' => 'not_allowed' ), $cancel->get_data()['data']['params'] ?? null, 'The error names the field.' );
		$this->log_in_as_admin();
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings/' . $booking['id'] . '/approve', array( 'status' => 'confirmed' ) ) );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings/' . $booking['id'] . '/reject', array( 'note' => 'x' ) ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_id_in_the_body_cannot_redirect_an_action_to_another_booking(): void {
		update_option( 'appointease_settings', array( 'approval_required' => true ) );
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
		$this->log_in_as_admin();
		$before = $this->snapshot();

		$approve = $this->post( 'bookings/' . $mine['id'] . '/approve', array( 'id' => $theirs['id'] ) );
		$reject  = $this->post( 'bookings/' . $mine['id'] . '/reject', array( 'id' => $theirs['id'] ) );
		$cancel  = $this->post( 'bookings/' . $mine['id'] . '/cancel', array( 'id' => $theirs['id'] ) );

		$this->assertSame( $before, $this->snapshot(), 'Neither booking changed.' );
		foreach ( array( $approve, $reject, $cancel ) as $response ) {
			$this->assertError( 400, 'VALIDATION_ERROR', $response );
		}
	}

	public function test_a_token_passed_in_the_query_string_of_a_cancel_is_refused_and_cancels_nothing(): void {
		$booking = $this->book( '10:00' );
		$before  = $this->snapshot();

		$request = new \WP_REST_Request( 'POST', '/appointease/v1/bookings/' . $booking['id'] . '/cancel' );
		$request->set_query_params( array( 'token' => $booking['manage_token'] ) );
		$response = rest_do_request( $request );

		$this->assertError( 400, 'TOKEN_IN_URL', $response );
		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @return array<string, array{0: array<string, string>}>
	 */
	public static function bad_list_queries(): array {
		return array(
			'status unknown'     => array( array( 'status' => 'paid' ) ),
			'page zero'          => array( array( 'page' => '0' ) ),
			'page a word'        => array( array( 'page' => 'next' ) ),
			'per_page 101'       => array( array( 'per_page' => '101' ) ),
			'per_page zero'      => array( array( 'per_page' => '0' ) ),
			'employee a word'    => array( array( 'employee' => 'ana' ) ),
			'employee huge'      => array( array( 'employee' => self::HUGE ) ),
			'service zero'       => array( array( 'service' => '0' ) ),
			'from 2026-02-30'    => array( array( 'from' => '2026-02-30' ) ),
			'from 9999-01-01'    => array( array( 'from' => '9999-01-01' ) ),
			'to 2026-1-5'        => array( array( 'to' => '2026-1-5' ) ),
			'to with a time'     => array( array( 'to' => '2026-11-23T10:00:00+01:00' ) ),
			'search 101 letters' => array( array( 'search' => str_repeat( 's', 101 ) ) ),
		);
	}

	/**
	 * @dataProvider bad_list_queries
	 *
	 * @param array<string, string> $query The query.
	 */
	public function test_a_bad_filter_of_the_admin_list_is_a_validation_error( array $query ): void {
		$this->book( '10:00' );
		$this->log_in_as_admin();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->get( 'bookings', $query ) );
	}
}
