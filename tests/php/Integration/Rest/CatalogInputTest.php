<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

/**
 * Bad input to availability, capacity, services, employees and settings:
 * each is refused with a 4xx and a reason, and nothing is written.
 *
 * Times and ids in the data are placeholders; see RestTestCase::resolve().
 */
final class CatalogInputTest extends RestTestCase {

	private const HUGE = '99999999999999999999';

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: string}>
	 */
	public static function bad_availability_queries(): array {
		return array(
			'service as a word'       => array( array( 'service' => 'x' ), 400, 'VALIDATION_ERROR' ),
			'service zero'            => array( array( 'service' => '0' ), 400, 'VALIDATION_ERROR' ),
			'service negative'        => array( array( 'service' => '-1' ), 400, 'VALIDATION_ERROR' ),
			'service fraction'        => array( array( 'service' => '1.5' ), 400, 'VALIDATION_ERROR' ),
			'service huge'            => array( array( 'service' => self::HUGE ), 400, 'VALIDATION_ERROR' ),
			'service as a list'       => array( array( 'service' => array( '1' ) ), 400, 'VALIDATION_ERROR' ),
			'service missing'         => array( array( 'service' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'service unknown'         => array( array( 'service' => '999999' ), 404, 'NOT_FOUND' ),
			'employee as a word'      => array( array( 'employee' => 'ana' ), 400, 'VALIDATION_ERROR' ),
			'employee zero'           => array( array( 'employee' => '0' ), 400, 'VALIDATION_ERROR' ),
			'employee unknown'        => array( array( 'employee' => '999999' ), 404, 'NOT_FOUND' ),
			'from 2026-02-30'         => array( array( 'from' => '2026-02-30' ), 400, 'VALIDATION_ERROR' ),
			'from 2026-02-29'         => array( array( 'from' => '2026-02-29' ), 400, 'VALIDATION_ERROR' ),
			'from 9999-01-01'         => array( array( 'from' => '9999-01-01' ), 400, 'VALIDATION_ERROR' ),
			'from 1999-12-31'         => array( array( 'from' => '1999-12-31' ), 400, 'VALIDATION_ERROR' ),
			'from 2026-1-5'           => array( array( 'from' => '2026-1-5' ), 400, 'VALIDATION_ERROR' ),
			'from day first'          => array( array( 'from' => '23.11.2026' ), 400, 'VALIDATION_ERROR' ),
			'from with a time'        => array( array( 'from' => '2026-11-23T00:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'from as words'           => array( array( 'from' => 'today' ), 400, 'VALIDATION_ERROR' ),
			'from empty'              => array( array( 'from' => '' ), 400, 'VALIDATION_ERROR' ),
			'from as a list'          => array( array( 'from' => array( '2026-11-23' ) ), 400, 'VALIDATION_ERROR' ),
			'from missing'            => array( array( 'from' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'to 2026-13-01'           => array( array( 'to' => '2026-13-01' ), 400, 'VALIDATION_ERROR' ),
			'to missing'              => array( array( 'to' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'to before from'          => array( array( 'to' => '@date:-1' ), 400, 'VALIDATION_ERROR' ),
			'range of 63 days'        => array( array( 'to' => '@date:+62' ), 400, 'VALIDATION_ERROR' ),
			'range of a year'         => array( array( 'to' => '@date:+365' ), 400, 'VALIDATION_ERROR' ),
			'range over the 2100 end' => array(
				array(
					'from' => '2100-12-30',
					'to'   => '2101-01-02',
				),
				400,
				'VALIDATION_ERROR',
			),
		);
	}

	/**
	 * @dataProvider bad_availability_queries
	 *
	 * @param array<string, mixed> $patch  Changes to a valid query.
	 * @param int                  $status Expected status.
	 * @param string               $reason Expected reason.
	 */
	public function test_a_bad_availability_query_is_refused( array $patch, int $status, string $reason ): void {
		$query  = $this->resolve(
			self::patched(
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $this->employee->id,
					'from'     => $this->monday,
					'to'       => $this->monday,
				),
				$patch
			)
		);
		$before = $this->snapshot();

		$this->assertError( $status, $reason, $this->get( 'availability', $query ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_availability_takes_up_to_62_days_at_once(): void {
		$body = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service' => (string) $this->service->id,
					'from'    => $this->monday,
					'to'      => $this->day( 61 ),
				)
			)
		);

		$this->assertCount( 62, $body['days'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: string}>
	 */
	public static function bad_capacity_queries(): array {
		return array(
			'start without offset'    => array( array( 'start' => '2026-11-23T10:00:00' ), 400, 'VALIDATION_ERROR' ),
			'start with a bad offset' => array( array( 'start' => '2026-11-23T10:00:00+15:00' ), 400, 'VALIDATION_ERROR' ),
			'start in year 9999'      => array( array( 'start' => '9999-11-23T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start on 2026-02-30'     => array( array( 'start' => '2026-02-30T10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start a date only'       => array( array( 'start' => '2026-11-23' ), 400, 'VALIDATION_ERROR' ),
			'start as a list'         => array( array( 'start' => array( 'x' ) ), 400, 'VALIDATION_ERROR' ),
			'start missing'           => array( array( 'start' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'employee missing'        => array( array( 'employee' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'employee as a word'      => array( array( 'employee' => 'ana' ), 400, 'VALIDATION_ERROR' ),
			'employee unknown'        => array( array( 'employee' => '999999' ), 404, 'NOT_FOUND' ),
			'service negative'        => array( array( 'service' => '-1' ), 400, 'VALIDATION_ERROR' ),
			'service missing'         => array( array( 'service' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'start off the grid'      => array( array( 'start' => '@time:+0 10:07' ), 404, 'SLOT_NOT_FOUND' ),
			'start on a Sunday'       => array( array( 'start' => '@time:+6 10:00' ), 404, 'SLOT_NOT_FOUND' ),
		);
	}

	/**
	 * @dataProvider bad_capacity_queries
	 *
	 * @param array<string, mixed> $patch  Changes to a valid query.
	 * @param int                  $status Expected status.
	 * @param string               $reason Expected reason.
	 */
	public function test_a_bad_capacity_query_is_refused( array $patch, int $status, string $reason ): void {
		$query  = $this->resolve(
			self::patched(
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $this->employee->id,
					'start'    => '@time:+0 10:00',
				),
				$patch
			)
		);
		$before = $this->snapshot();

		$this->assertError( $status, $reason, $this->get( 'capacity', $query ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function bad_services(): array {
		return array(
			'name empty'                => array( array( 'name' => '' ) ),
			'name only markup'          => array( array( 'name' => '<p></p>' ) ),
			'name only spaces'          => array( array( 'name' => '   ' ) ),
			'name of 192 characters'    => array( array( 'name' => str_repeat( 'n', 192 ) ) ),
			'name as a list'            => array( array( 'name' => array( 'Cut' ) ) ),
			'name missing'              => array( array( 'name' => '@unset' ) ),
			'description of 5001'       => array( array( 'description' => str_repeat( 'd', 5001 ) ) ),
			'duration zero'             => array( array( 'duration' => 0 ) ),
			'duration 7'                => array( array( 'duration' => 7 ) ),
			'duration over a day'       => array( array( 'duration' => 1445 ) ),
			'duration as a word'        => array( array( 'duration' => 'long' ) ),
			'duration missing'          => array( array( 'duration' => '@unset' ) ),
			'buffer_before negative'    => array( array( 'buffer_before' => -5 ) ),
			'buffer_before 3'           => array( array( 'buffer_before' => 3 ) ),
			'buffer_after 245'          => array( array( 'buffer_after' => 245 ) ),
			'capacity zero'             => array( array( 'capacity' => 0 ) ),
			'capacity 1001'             => array( array( 'capacity' => 1001 ) ),
			'capacity as a word'        => array( array( 'capacity' => 'two' ) ),
			'price with three decimals' => array( array( 'price' => '12.345' ) ),
			'price negative'            => array( array( 'price' => '-5' ) ),
			'price as a word'           => array( array( 'price' => 'free' ) ),
			'price as a number'         => array( array( 'price' => 12.5 ) ),
			'price too big'             => array( array( 'price' => '123456789' ) ),
			'active as a word'          => array( array( 'active' => 'maybe' ) ),
			'unknown field id'          => array( array( 'id' => 5 ) ),
			'unknown field colour'      => array( array( 'colour' => 'red' ) ),
		);
	}

	/**
	 * @dataProvider bad_services
	 *
	 * @param array<string, mixed> $patch Changes to a valid body.
	 */
	public function test_a_bad_new_service_is_refused_and_writes_nothing( array $patch ): void {
		$this->log_in_as_admin();
		$body   = $this->resolve(
			self::patched(
				array(
					'name'     => 'Beard trim',
					'duration' => 20,
				),
				$patch
			)
		);
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'services', $body ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @dataProvider bad_services
	 *
	 * @param array<string, mixed> $patch Changes to the stored service.
	 */
	public function test_a_bad_service_change_is_refused_and_writes_nothing( array $patch ): void {
		$body = $this->resolve( $patch );
		if ( array() === $body ) {
			$this->assertContains( '@unset', $patch, 'Only a missing field makes an empty change, which is fine on update.' );
			return;
		}
		$this->log_in_as_admin();
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'services/' . $this->service->id, $body ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function bad_catalog_ids(): array {
		$cases = array();
		$ids   = array(
			'a word'   => 'abc',
			'zero'     => '0',
			'negative' => '-1',
			'fraction' => '1.5',
			'huge'     => self::HUGE,
		);
		foreach ( array( 'GET', 'PATCH', 'DELETE' ) as $method ) {
			foreach ( array( 'services', 'employees' ) as $base ) {
				foreach ( $ids as $name => $id ) {
					$cases[ "$method $base, id $name" ] = array( $method, "$base/$id" );
				}
			}
		}
		return $cases;
	}

	/**
	 * @dataProvider bad_catalog_ids
	 *
	 * @param string $method HTTP method.
	 * @param string $route  The route with a bad id.
	 */
	public function test_a_malformed_service_or_employee_id_is_a_validation_error( string $method, string $route ): void {
		$this->log_in_as_admin();
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( $method, $route, 'PATCH' === $method ? array( 'name' => 'Changed' ) : null ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_id_in_the_body_cannot_redirect_a_change_to_another_service_or_employee(): void {
		$this->log_in_as_admin();
		$other_service  = $this->make_service( array( 'name' => 'Other service' ) );
		$other_employee = $this->make_employee( array( $other_service->id ), array( 'name' => 'Other employee' ) );
		$before         = $this->snapshot();

		$responses = array(
			'PATCH service'   => $this->call(
				'PATCH',
				'services/' . $this->service->id,
				array(
					'id'   => $other_service->id,
					'name' => 'Hijacked',
				)
			),
			'DELETE service'  => $this->call( 'DELETE', 'services/' . $this->service->id, array( 'id' => $other_service->id ) ),
			'PATCH employee'  => $this->call(
				'PATCH',
				'employees/' . $this->employee->id,
				array(
					'id'   => $other_employee->id,
					'name' => 'Hijacked',
				)
			),
			'DELETE employee' => $this->call( 'DELETE', 'employees/' . $this->employee->id, array( 'id' => $other_employee->id ) ),
			'DELETE ?id='     => $this->call( 'DELETE', 'services/' . $this->service->id, null, array( 'id' => (string) $other_service->id ) ),
		);

		$this->assertSame( $before, $this->snapshot(), 'Nothing changed, least of all the service or employee the body named.' );
		foreach ( $responses as $what => $response ) {
			$this->assertSame( 400, $response->get_status(), "$what: " . wp_json_encode( $response->get_data() ) );
			$this->assertSame( 'VALIDATION_ERROR', $response->get_data()['data']['reason'] ?? null, $what );
		}
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function bad_employees(): array {
		$hours = static fn( array ...$ranges ): array => array( 'hours' => $ranges );
		$off   = static fn( array ...$ranges ): array => array( 'days_off' => $ranges );
		$range = static fn( int $weekday, string $start, string $end ): array => array(
			'weekday' => $weekday,
			'start'   => $start,
			'end'     => $end,
		);
		return array(
			'name empty'                     => array( array( 'name' => '' ) ),
			'name only markup'               => array( array( 'name' => '<b></b>' ) ),
			'name only spaces'               => array( array( 'name' => '   ' ) ),
			'name of 192 characters'         => array( array( 'name' => str_repeat( 'n', 192 ) ) ),
			'email not an email'             => array( array( 'email' => 'not-an-email' ) ),
			'email of 192 characters'        => array( array( 'email' => str_repeat( 'e', 180 ) . '@example.com' ) ),
			'wp_user unknown'                => array( array( 'wp_user' => 999999 ) ),
			'wp_user zero'                   => array( array( 'wp_user' => 0 ) ),
			'wp_user as a word'              => array( array( 'wp_user' => 'admin' ) ),
			'timezone unknown'               => array( array( 'timezone' => 'Mars/Olympus_Mons' ) ),
			'timezone as an offset'          => array( array( 'timezone' => '+01:00' ) ),
			'timezone with a space'          => array( array( 'timezone' => 'Europe/Berlin ' ) ),
			'timezone of 65 characters'      => array( array( 'timezone' => str_repeat( 'z', 65 ) ) ),
			'active as a word'               => array( array( 'active' => 'yes please' ) ),
			'services unknown'               => array( array( 'services' => array( 999999 ) ) ),
			'services as words'              => array( array( 'services' => array( 'x' ) ) ),
			'services zero'                  => array( array( 'services' => array( 0 ) ) ),
			'services repeated'              => array( array( 'services' => array( '@id:service', '@id:service' ) ) ),
			'services as a string'           => array( array( 'services' => 'all' ) ),
			'hours overlapping'              => array( $hours( $range( 1, '09:00', '12:00' ), $range( 1, '11:00', '14:00' ) ) ),
			'hours the same twice'           => array( $hours( $range( 2, '09:00', '12:00' ), $range( 2, '09:00', '12:00' ) ) ),
			'hours ending before the start'  => array( $hours( $range( 1, '17:00', '09:00' ) ) ),
			'hours ending at the start'      => array( $hours( $range( 1, '09:00', '09:00' ) ) ),
			'hours starting at 24:00'        => array( $hours( $range( 1, '24:00', '24:00' ) ) ),
			'hours at 25:00'                 => array( $hours( $range( 1, '09:00', '25:00' ) ) ),
			'hours with one-digit hour'      => array( $hours( $range( 1, '9:00', '12:00' ) ) ),
			'hours with seconds'             => array( $hours( $range( 1, '09:00:00', '12:00:00' ) ) ),
			'hours on weekday 0'             => array( $hours( $range( 0, '09:00', '12:00' ) ) ),
			'hours on weekday 8'             => array( $hours( $range( 8, '09:00', '12:00' ) ) ),
			'hours without an end'           => array(
				$hours(
					array(
						'weekday' => 1,
						'start'   => '09:00',
					)
				),
			),
			'hours with an unknown field'    => array(
				$hours(
					array(
						'weekday' => 1,
						'start'   => '09:00',
						'end'     => '12:00',
						'break'   => '10:00',
					)
				),
			),
			'hours as a string'              => array( array( 'hours' => 'Mon-Fri 9-5' ) ),
			'days off on 2026-02-30'         => array(
				$off(
					array(
						'start' => '2026-02-30',
						'end'   => '2026-03-02',
					)
				),
			),
			'days off in year 9999'          => array(
				$off(
					array(
						'start' => '9999-01-01',
						'end'   => '9999-01-02',
					)
				),
			),
			'days off with one-digit month'  => array(
				$off(
					array(
						'start' => '2026-1-5',
						'end'   => '2026-1-6',
					)
				),
			),
			'days off ending before start'   => array(
				$off(
					array(
						'start' => '@date:+3',
						'end'   => '@date:+1',
					)
				),
			),
			'days off without an end'        => array( $off( array( 'start' => '@date:+1' ) ) ),
			'days off reason of 192'         => array(
				$off(
					array(
						'start'  => '@date:+1',
						'end'    => '@date:+1',
						'reason' => str_repeat( 'r', 192 ),
					)
				),
			),
			'days off with an unknown field' => array(
				$off(
					array(
						'start' => '@date:+1',
						'end'   => '@date:+1',
						'paid'  => true,
					)
				),
			),
			'unknown field id'               => array( array( 'id' => 5 ) ),
			'unknown field salary'           => array( array( 'salary' => 1000 ) ),
		);
	}

	/**
	 * @dataProvider bad_employees
	 *
	 * @param array<string, mixed> $patch Changes to a valid body.
	 */
	public function test_a_bad_new_employee_is_refused_and_writes_nothing( array $patch ): void {
		$this->log_in_as_admin();
		$body   = $this->resolve(
			self::patched(
				array(
					'name'     => 'Ben Barber',
					'services' => array( $this->service->id ),
					'hours'    => array(
						array(
							'weekday' => 1,
							'start'   => '09:00',
							'end'     => '17:00',
						),
					),
				),
				$patch
			)
		);
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'employees', $body ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @dataProvider bad_employees
	 *
	 * @param array<string, mixed> $patch Changes to the stored employee.
	 */
	public function test_a_bad_employee_change_is_refused_and_keeps_hours_and_days_off( array $patch ): void {
		$this->log_in_as_admin();
		$this->employees->update(
			$this->employee->id,
			array(
				'days_off' => array(
					array(
						'start'  => $this->day( 14 ),
						'end'    => $this->day( 15 ),
						'reason' => 'Training',
					),
				),
			)
		);
		$stored = $this->assertOk( 200, $this->get( 'employees/' . $this->employee->id, array( 'context' => 'edit' ) ) );
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'employees/' . $this->employee->id, $this->resolve( $patch ) ) );

		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( $stored, $this->assertOk( 200, $this->get( 'employees/' . $this->employee->id, array( 'context' => 'edit' ) ) ) );
	}

	public function test_working_hours_off_the_five_minute_grid_are_refused(): void {
		$this->log_in_as_admin();
		$before = $this->snapshot();

		$response = $this->post(
			'employees',
			array(
				'name'     => 'Odd Hours',
				'services' => array( $this->service->id ),
				'hours'    => array(
					array(
						'weekday' => 1,
						'start'   => '09:07',
						'end'     => '12:00',
					),
				),
			)
		);

		$this->assertError( 400, 'VALIDATION_ERROR', $response );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_time_offered_by_hours_off_the_five_minute_grid_books_without_a_server_error(): void {
		try {
			$odd = $this->make_employee(
				array( $this->service->id ),
				array(
					'name'  => 'Odd Hours',
					'hours' => array(
						array(
							'weekday' => 1,
							'start'   => '09:07',
							'end'     => '12:00',
						),
					),
				)
			);
		} catch ( \InvalidArgumentException $refused ) {
			$this->assertNotSame( '', $refused->getMessage(), 'Such hours cannot even be stored: fine too.' );
			return;
		}
		$slots = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $odd->id,
					'from'     => $this->monday,
					'to'       => $this->monday,
				)
			)
		)['days'][0]['slots'];
		$this->assertNotSame( array(), $slots );
		$before = $this->snapshot();

		try {
			$response = $this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'employee' => $odd->id,
						'start'    => $slots[0]['start'],
					)
				)
			);
		} catch ( \Throwable $error ) {
			$this->fail( sprintf( 'Booking the offered time %s threw %s: %s', $slots[0]['start'], get_class( $error ), $error->getMessage() ) );
		}

		$this->assertNoServerError( $response );
		if ( 201 !== $response->get_status() ) {
			$this->assertSame( $before, $this->snapshot() );
		}
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function bad_settings(): array {
		return array(
			'slot_step 7'                    => array( array( 'slot_step' => 7 ) ),
			'slot_step zero'                 => array( array( 'slot_step' => 0 ) ),
			'slot_step as words'             => array( array( 'slot_step' => '15 minutes' ) ),
			'minimum_notice negative'        => array( array( 'minimum_notice' => -1 ) ),
			'minimum_notice over 30 days'    => array( array( 'minimum_notice' => 43201 ) ),
			'horizon_days zero'              => array( array( 'horizon_days' => 0 ) ),
			'horizon_days 366'               => array( array( 'horizon_days' => 366 ) ),
			'approval_required as a word'    => array( array( 'approval_required' => 'maybe' ) ),
			'approval_required 2'            => array( array( 'approval_required' => 2 ) ),
			'hold_ttl 5'                     => array( array( 'hold_ttl' => 5 ) ),
			'hold_max_life 59'               => array( array( 'hold_max_life' => 59 ) ),
			'hold_ttl longer than its limit' => array(
				array(
					'hold_ttl'      => 300,
					'hold_max_life' => 60,
				),
			),
			'one good and one bad'           => array(
				array(
					'slot_step'    => 30,
					'horizon_days' => -1,
				),
			),
			'unknown setting'                => array( array( 'theme' => 'dark' ) ),
		);
	}

	/**
	 * @dataProvider bad_settings
	 *
	 * @param array<string, mixed> $body The change.
	 */
	public function test_a_bad_settings_change_is_refused_and_stores_nothing( array $body ): void {
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->call( 'PATCH', 'settings', array( 'minimum_notice' => 120 ) ) );
		$before = $this->snapshot();

		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'settings', $body ) );

		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( 120, $this->assertOk( 200, $this->get( 'settings' ) )['minimum_notice'] );
	}
}
