<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

/**
 * The routes anyone may read: services, employees, availability, capacity.
 */
final class PublicRoutesTest extends RestTestCase {

	public function test_services_lists_only_active_services_to_visitors(): void {
		$hidden = $this->make_service(
			array(
				'name'   => 'Retired',
				'active' => false,
			)
		);

		$list = $this->assertOk( 200, $this->get( 'services' ) );

		$ids = array_column( $list, 'id' );
		$this->assertContains( $this->service->id, $ids );
		$this->assertNotContains( $hidden->id, $ids );
		$mine = $list[ array_search( $this->service->id, $ids, true ) ];
		$this->assertSame(
			array(
				'id'                      => $this->service->id,
				'name'                    => 'Haircut',
				'description'             => '',
				'duration'                => 30,
				'buffer_before'           => 0,
				'buffer_after'            => 0,
				'capacity'                => 1,
				'price'                   => '35.00',
				'active'                  => true,
				'reminders'               => null,
				'cancel_cutoff_hours'     => null,
				'reschedule_cutoff_hours' => null,
				'daily_limit'             => 0,
				'email_daily_limit'       => 0,
				'email_weekly_limit'      => 0,
				'fields'                  => array(),
				'consent'                 => null,
				'change_policy'           => '',
			),
			$mine
		);
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'services/' . $hidden->id ) );
		$this->assertSame( $this->service->id, $this->assertOk( 200, $this->get( 'services/' . $this->service->id ) )['id'] );
	}

	public function test_services_in_the_edit_context_need_the_capability(): void {
		$hidden = $this->make_service( array( 'active' => false ) );

		$this->assertError( 401, 'FORBIDDEN', $this->get( 'services', array( 'context' => 'edit' ) ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'services', array( 'context' => 'edit' ) ) );

		$this->log_in_as_admin();
		$ids = array_column( $this->assertOk( 200, $this->get( 'services', array( 'context' => 'edit' ) ) ), 'id' );
		$this->assertContains( $hidden->id, $ids );
		$this->assertContains( $this->service->id, $ids );
	}

	public function test_employees_shows_only_public_fields_of_active_employees(): void {
		$away = $this->make_employee(
			array( $this->service->id ),
			array(
				'name'   => 'Away',
				'active' => false,
			)
		);

		$list = $this->assertOk( 200, $this->get( 'employees' ) );

		$this->assertContains(
			array(
				'id'       => $this->employee->id,
				'name'     => 'Ana Silva',
				'services' => array( $this->service->id ),
			),
			$list
		);
		$this->assertNotContains( $away->id, array_column( $list, 'id' ) );
		foreach ( $list as $item ) {
			$this->assertSame( array( 'id', 'name', 'services' ), array_keys( $item ) );
		}
		$this->assertStringNotContainsString( 'ana@example.com', (string) wp_json_encode( $list ) );
		$one = $this->assertOk( 200, $this->get( 'employees/' . $this->employee->id ) );
		$this->assertSame( array( 'id', 'name', 'services' ), array_keys( $one ) );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'employees/' . $away->id ) );
		$this->assertError( 401, 'FORBIDDEN', $this->get( 'employees/' . $this->employee->id, array( 'context' => 'edit' ) ) );
		$this->assertError( 401, 'FORBIDDEN', $this->get( 'employees', array( 'context' => 'edit' ) ) );
	}

	public function test_employees_can_be_filtered_by_service(): void {
		$colour = $this->make_service( array( 'name' => 'Colour' ) );
		$other  = $this->make_employee( array( $colour->id ), array( 'name' => 'Ben Colourist' ) );

		$this->assertSame( array( $this->employee->id ), array_column( $this->assertOk( 200, $this->get( 'employees', array( 'service' => (string) $this->service->id ) ) ), 'id' ) );
		$this->assertSame( array( $other->id ), array_column( $this->assertOk( 200, $this->get( 'employees', array( 'service' => (string) $colour->id ) ) ), 'id' ) );
		$this->assertSame( array(), $this->assertOk( 200, $this->get( 'employees', array( 'service' => '999999' ) ) ) );
	}

	public function test_employees_in_the_edit_context_show_everything_to_admins(): void {
		$this->log_in_as_admin();

		$one = $this->assertOk( 200, $this->get( 'employees/' . $this->employee->id, array( 'context' => 'edit' ) ) );

		$this->assertSame( 'ana@example.com', $one['email'] );
		$this->assertCount( 10, $one['hours'] );
		$this->assertSame( array(), $one['days_off'] );
		$this->assertTrue( $one['active'] );
	}

	public function test_availability_for_one_employee_has_days_with_slots_and_the_server_time(): void {
		$body = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $this->employee->id,
					'from'     => $this->monday,
					'to'       => $this->day( 6 ),
				)
			)
		);

		$this->assertSame( array( 'service', 'employee', 'days', 'server_time' ), array_keys( $body ) );
		$this->assertSame( $this->service->id, $body['service'] );
		$this->assertSame( $this->employee->id, $body['employee'] );
		$this->assertSame( range( 0, 6 ), array_keys( $body['days'] ) );
		$this->assertSame( array_map( fn( int $days ): string => $this->day( $days ), range( 0, 6 ) ), array_column( $body['days'], 'date' ) );
		$monday = $body['days'][0]['slots'];
		$this->assertCount( 26, $monday );
		$this->assertSame(
			array(
				'start'      => $this->local( '09:00' ),
				'end'        => $this->local( '09:30' ),
				'seats_left' => 1,
				'state'      => 'available',
			),
			$monday[0]
		);
		$this->assertSame( $this->local( '16:30' ), $monday[25]['start'] );
		$this->assertSame( array(), $body['days'][5]['slots'], 'Saturday is not worked.' );
		$this->assertSame( array(), $body['days'][6]['slots'], 'Sunday is not worked.' );
		$server_time = \DateTimeImmutable::createFromFormat( DATE_ATOM, $body['server_time'] );
		$this->assertInstanceOf( \DateTimeImmutable::class, $server_time );
		$this->assertEqualsWithDelta( time(), $server_time->getTimestamp(), 60 );
	}

	public function test_availability_without_an_employee_lists_who_is_free_at_each_time(): void {
		$other = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$this->book( '10:00' );

		$body = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service' => (string) $this->service->id,
					'from'    => $this->monday,
					'to'      => $this->monday,
				)
			)
		);

		$this->assertNull( $body['employee'] );
		$slots = array_column( $body['days'][0]['slots'], null, 'start' );
		$this->assertCount( 26, $slots );
		foreach ( $slots as $slot ) {
			$this->assertSame( array( 'start', 'end', 'seats_left', 'state', 'employees' ), array_keys( $slot ) );
		}
		$this->assertSame( 'available', $slots[ $this->local( '10:00' ) ]['state'], 'Ben is still free at 10:00.' );
		$this->assertSame( array( $other->id ), $slots[ $this->local( '10:00' ) ]['employees'] );
		$both = $slots[ $this->local( '14:00' ) ]['employees'];
		sort( $both );
		$this->assertSame( array( $this->employee->id, $other->id ), $both );
	}

	public function test_availability_with_the_askers_own_hold_counts_its_seats_as_free_for_them(): void {
		$hold  = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( '10:00' ) ) );
		$query = array(
			'service' => (string) $this->service->id,
			'from'    => $this->monday,
			'to'      => $this->monday,
		);
		$slots = fn( array $extra ): array => array_column( $this->assertOk( 200, $this->get( 'availability', $query + $extra ) )['days'][0]['slots'], null, 'start' );

		// Any other visitor: the held half hour and the times overlapping it are someone's pick.
		foreach ( array( array(), array( 'hold' => 'h' . str_repeat( '0', 20 ) ) ) as $other ) {
			$seen = $slots( $other );
			$this->assertSame( 'held', $seen[ $this->local( '10:15' ) ]['state'] );
			$this->assertSame( array(), $seen[ $this->local( '10:15' ) ]['employees'], 'Nobody is free next to the hold.' );
		}

		// The holder, under "any available": the employee stays free at the neighbouring times.
		$mine = $slots( array( 'hold' => $hold['id'] ) );
		foreach ( array( '09:45', '10:00', '10:15' ) as $time ) {
			$this->assertSame( 'available', $mine[ $this->local( $time ) ]['state'], $time );
			$this->assertSame( array( $this->employee->id ), $mine[ $this->local( $time ) ]['employees'], $time );
		}
		$this->assertError( 400, 'VALIDATION_ERROR', $this->get( 'availability', $query + array( 'hold' => str_repeat( 'x', 65 ) ) ) );
	}

	public function test_availability_shows_a_booked_time_as_booked(): void {
		$this->book( '10:00' );

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

		$states = array_column( $body['days'][0]['slots'], 'state', 'start' );
		$this->assertSame( 'booked', $states[ $this->local( '10:00' ) ] );
		$this->assertSame( 'booked', $states[ $this->local( '09:45' ) ] );
		$this->assertSame( 'available', $states[ $this->local( '10:30' ) ] );
	}

	public function test_availability_of_an_unknown_service_or_employee_or_a_service_not_given(): void {
		$colour = $this->make_service( array( 'name' => 'Colour' ) );
		$query  = array(
			'service'  => (string) $this->service->id,
			'employee' => (string) $this->employee->id,
			'from'     => $this->monday,
			'to'       => $this->monday,
		);

		$this->assertError( 404, 'NOT_FOUND', $this->get( 'availability', array( 'service' => '999999' ) + $query ) );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'availability', array( 'employee' => '999999' ) + $query ) );
		$this->assertError( 404, 'SLOT_NOT_FOUND', $this->get( 'availability', array( 'service' => (string) $colour->id ) + $query ) );
	}

	public function test_capacity_counts_seats_and_changes_after_a_booking(): void {
		$class = $this->make_service(
			array(
				'name'     => 'Yoga class',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $class->id ) ) );
		$query = array(
			'service'  => (string) $class->id,
			'employee' => (string) $this->employee->id,
			'start'    => $this->local( '14:00' ),
		);

		$before = $this->assertOk( 200, $this->get( 'capacity', $query ) );

		$this->assertSame( array( 'capacity', 'total_bookings', 'available_slots', 'is_full', 'last_checked' ), array_keys( $before ) );
		$this->assertSame( 3, $before['capacity'] );
		$this->assertSame( 0, $before['total_bookings'] );
		$this->assertSame( 3, $before['available_slots'] );
		$this->assertFalse( $before['is_full'] );
		$this->assertInstanceOf( \DateTimeImmutable::class, \DateTimeImmutable::createFromFormat( DATE_ATOM, $before['last_checked'] ) );

		$this->book(
			'14:00',
			array(
				'service' => $class->id,
				'seats'   => 2,
			)
		);
		$after = $this->assertOk( 200, $this->get( 'capacity', $query ) );
		$this->assertSame( 2, $after['total_bookings'] );
		$this->assertSame( 1, $after['available_slots'] );
		$this->assertFalse( $after['is_full'] );

		$this->book(
			'14:00',
			array(
				'service'  => $class->id,
				'customer' => array(
					'name'  => 'Third',
					'email' => 'third@example.com',
				),
			)
		);
		$full = $this->assertOk( 200, $this->get( 'capacity', $query ) );
		$this->assertSame( 3, $full['total_bookings'] );
		$this->assertSame( 0, $full['available_slots'] );
		$this->assertTrue( $full['is_full'] );
	}

	public function test_capacity_still_counts_every_booked_seat_after_the_capacity_is_lowered(): void {
		$class = $this->make_service(
			array(
				'name'     => 'Yoga class',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employees->update( $this->employee->id, array( 'services' => array( $class->id ) ) );
		$this->book(
			'14:00',
			array(
				'service' => $class->id,
				'seats'   => 2,
			)
		);
		$this->services->update( $class->id, array( 'capacity' => 1 ) );

		$counts = $this->assertOk(
			200,
			$this->get(
				'capacity',
				array(
					'service'  => (string) $class->id,
					'employee' => (string) $this->employee->id,
					'start'    => $this->local( '14:00' ),
				)
			)
		);

		$this->assertSame( 1, $counts['capacity'] );
		$this->assertSame( 0, $counts['available_slots'] );
		$this->assertTrue( $counts['is_full'] );
		$this->assertSame( 2, $counts['total_bookings'], 'Two seats are booked, whatever the capacity is now.' );
	}

	public function test_capacity_of_a_time_that_starts_no_session_is_slot_not_found(): void {
		$query = array(
			'service'  => (string) $this->service->id,
			'employee' => (string) $this->employee->id,
		);

		$this->assertError( 404, 'SLOT_NOT_FOUND', $this->get( 'capacity', $query + array( 'start' => $this->local( '10:07' ) ) ) );
		$this->assertError( 404, 'SLOT_NOT_FOUND', $this->get( 'capacity', $query + array( 'start' => $this->local( '12:30' ) ) ) );
		$this->assertError( 404, 'SLOT_NOT_FOUND', $this->get( 'capacity', $query + array( 'start' => $this->local( '10:00', $this->day( 5 ) ) ) ) );
	}
}
