<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Settings\Settings;

/**
 * Admin CRUD through REST: services, employees with hours and days off, settings.
 */
final class AdminRoutesTest extends RestTestCase {

	protected function set_up(): void {
		parent::set_up();
		$this->log_in_as_admin();
	}

	public function test_an_admin_creates_updates_and_deletes_a_service(): void {
		$created = $this->post(
			'services',
			array(
				'name'          => 'Colour <b>deluxe</b>',
				'description'   => 'Long and careful.',
				'duration'      => 90,
				'buffer_before' => 10,
				'buffer_after'  => 15,
				'capacity'      => 1,
				'price'         => '80.50',
			)
		);

		$service = $this->assertOk( 201, $created );
		$this->assertIsInt( $service['id'] );
		$this->assertSame(
			array(
				'id'                      => $service['id'],
				'name'                    => 'Colour deluxe',
				'description'             => 'Long and careful.',
				'duration'                => 90,
				'buffer_before'           => 10,
				'buffer_after'            => 15,
				'capacity'                => 1,
				'price'                   => '80.50',
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
			$service
		);
		$this->assertStringEndsWith( '/appointease/v1/services/' . $service['id'], $created->get_headers()['Location'] ?? '' );

		$updated = $this->assertOk(
			200,
			$this->call(
				'PATCH',
				'services/' . $service['id'],
				array(
					'duration' => 60,
					'price'    => null,
					'active'   => false,
				)
			)
		);
		$this->assertSame( 60, $updated['duration'] );
		$this->assertNull( $updated['price'] );
		$this->assertFalse( $updated['active'] );
		$this->assertSame( 'Colour deluxe', $updated['name'], 'Fields not sent keep their values.' );
		$this->log_out();
		$this->assertNotContains( $service['id'], array_column( $this->assertOk( 200, $this->get( 'services' ) ), 'id' ), 'Inactive services are hidden from visitors.' );
		$this->log_in_as_admin();

		$deleted = $this->assertOk( 200, $this->call( 'DELETE', 'services/' . $service['id'] ) );
		$this->assertTrue( $deleted['deleted'] );
		$this->assertSame( $service['id'], $deleted['previous']['id'] );
		$this->assertSame( 0, self::rows( 'services', 'id = ' . (int) $service['id'] ) );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'services/' . $service['id'] ) );
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'DELETE', 'services/' . $service['id'] ) );
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'PATCH', 'services/' . $service['id'], array( 'name' => 'Ghost' ) ) );
	}

	public function test_deleting_a_service_removes_it_from_its_employees(): void {
		$extra = $this->make_service( array( 'name' => 'Extra' ) );
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $extra->id ) ) );

		$this->assertOk( 200, $this->call( 'DELETE', 'services/' . $extra->id ) );

		$this->assertSame( array( $this->service->id ), $this->assertOk( 200, $this->get( 'employees/' . $this->employee->id ) )['services'] );
	}

	public function test_a_service_with_bookings_cannot_be_deleted_only_deactivated(): void {
		$this->book( '10:00' );
		$before = $this->snapshot();

		$this->assertError( 409, 'IN_USE', $this->call( 'DELETE', 'services/' . $this->service->id ) );
		$this->assertSame( $before, $this->snapshot() );

		$this->assertFalse( $this->assertOk( 200, $this->call( 'PATCH', 'services/' . $this->service->id, array( 'active' => false ) ) )['active'] );
	}

	public function test_an_employee_with_bookings_cannot_be_deleted(): void {
		$this->book( '10:00' );
		$before = $this->snapshot();

		$this->assertError( 409, 'IN_USE', $this->call( 'DELETE', 'employees/' . $this->employee->id ) );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_admin_creates_an_employee_with_hours_breaks_days_off_and_services(): void {
		$colour = $this->make_service( array( 'name' => 'Colour' ) );
		$user   = get_current_user_id();

		$created = $this->post(
			'employees',
			array(
				'name'     => 'Ben Barber',
				'email'    => 'ben@example.com',
				'wp_user'  => $user,
				'timezone' => 'Europe/Lisbon',
				'services' => array( $colour->id, $this->service->id ),
				'hours'    => array(
					array(
						'weekday' => 2,
						'start'   => '14:00',
						'end'     => '18:00',
					),
					array(
						'weekday' => 2,
						'start'   => '08:00',
						'end'     => '12:30',
					),
					array(
						'weekday' => 6,
						'start'   => '10:00',
						'end'     => '24:00',
					),
				),
				'days_off' => array(
					array(
						'start'  => $this->day( 14 ),
						'end'    => $this->day( 20 ),
						'reason' => 'Holiday',
					),
					array(
						'start' => $this->day( 1 ),
						'end'   => $this->day( 1 ),
					),
				),
			)
		);

		$employee = $this->assertOk( 201, $created );
		$this->assertStringEndsWith( '/appointease/v1/employees/' . $employee['id'], $created->get_headers()['Location'] ?? '' );
		$this->assertSame( 'Ben Barber', $employee['name'] );
		$this->assertSame( 'ben@example.com', $employee['email'] );
		$this->assertSame( $user, $employee['wp_user'] );
		$this->assertSame( 'Europe/Lisbon', $employee['timezone'] );
		$this->assertTrue( $employee['active'] );
		$expected_services = array( $this->service->id, $colour->id );
		sort( $expected_services );
		$this->assertSame( $expected_services, $employee['services'] );
		$this->assertSame(
			array(
				array(
					'weekday' => 2,
					'start'   => '08:00',
					'end'     => '12:30',
				),
				array(
					'weekday' => 2,
					'start'   => '14:00',
					'end'     => '18:00',
				),
				array(
					'weekday' => 6,
					'start'   => '10:00',
					'end'     => '24:00',
				),
			),
			$employee['hours']
		);
		$this->assertSame(
			array(
				array(
					'start'  => $this->day( 1 ),
					'end'    => $this->day( 1 ),
					'reason' => '',
				),
				array(
					'start'  => $this->day( 14 ),
					'end'    => $this->day( 20 ),
					'reason' => 'Holiday',
				),
			),
			$employee['days_off']
		);
		$this->assertSame( $employee, $this->assertOk( 200, $this->get( 'employees/' . $employee['id'], array( 'context' => 'edit' ) ) ) );
		$this->assertSame( 3, self::rows( 'working_hours', 'employee_id = ' . (int) $employee['id'] ) );
		$this->assertSame( 2, self::rows( 'days_off', 'employee_id = ' . (int) $employee['id'] ) );
	}

	public function test_updating_an_employees_hours_replaces_them_and_keeps_the_other_lists(): void {
		$employee = $this->assertOk(
			201,
			$this->post(
				'employees',
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
					'days_off' => array(
						array(
							'start' => $this->day( 2 ),
							'end'   => $this->day( 3 ),
						),
					),
				)
			)
		);

		$updated = $this->assertOk(
			200,
			$this->call(
				'PATCH',
				'employees/' . $employee['id'],
				array(
					'hours' => array(
						array(
							'weekday' => 3,
							'start'   => '07:00',
							'end'     => '11:00',
						),
						array(
							'weekday' => 3,
							'start'   => '11:00',
							'end'     => '15:00',
						),
					),
				)
			)
		);

		$this->assertSame(
			array(
				array(
					'weekday' => 3,
					'start'   => '07:00',
					'end'     => '11:00',
				),
				array(
					'weekday' => 3,
					'start'   => '11:00',
					'end'     => '15:00',
				),
			),
			$updated['hours']
		);
		$this->assertSame( $employee['days_off'], $updated['days_off'] );
		$this->assertSame( $employee['services'], $updated['services'] );
		$this->assertSame( 2, self::rows( 'working_hours', 'employee_id = ' . (int) $employee['id'] ) );

		$this->log_out();
		$monday = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service'  => (string) $this->service->id,
					'employee' => (string) $employee['id'],
					'from'     => $this->monday,
					'to'       => $this->day( 2 ),
				)
			)
		);
		$this->assertSame( array(), $monday['days'][0]['slots'], 'Monday is no longer worked.' );
		$this->assertSame( array(), $monday['days'][2]['slots'], 'Wednesday is a day off.' );
	}

	public function test_an_employee_without_bookings_can_be_deleted_with_their_lists(): void {
		$this->assertOk( 200, $this->call( 'DELETE', 'employees/' . $this->employee->id ) );

		$this->assertSame( 0, self::rows( 'employees', 'id = ' . $this->employee->id ) );
		$this->assertSame( 0, self::rows( 'working_hours', 'employee_id = ' . $this->employee->id ) );
		$this->assertSame( 0, self::rows( 'employee_services', 'employee_id = ' . $this->employee->id ) );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'employees/' . $this->employee->id ) );
	}

	public function test_settings_can_be_read_and_changed_in_part(): void {
		$booking_settings = array(
			'slot_step'         => 15,
			'minimum_notice'    => 60,
			'horizon_days'      => 90,
			'approval_required' => false,
			'hold_ttl'          => 30,
			'hold_max_life'     => 600,
			'rate_limit_writes' => 30,
			'rate_limit_poll'   => 600,
			'poll_interval'     => 1,
			'booking_page'      => 0,
		);
		$read             = $this->assertOk( 200, $this->get( 'settings' ) );
		$this->assertSame( $booking_settings, array_intersect_key( $read, $booking_settings ) );
		$this->assertSame( array_keys( Settings::schema() ), array_keys( $read ), 'Every setting, the email templates included, is read.' );

		$changed = $this->assertOk(
			200,
			$this->call(
				'PATCH',
				'settings',
				array(
					'slot_step'         => 30,
					'approval_required' => true,
				)
			)
		);

		$this->assertSame( 30, $changed['slot_step'] );
		$this->assertTrue( $changed['approval_required'] );
		$this->assertSame( 60, $changed['minimum_notice'] );
		$this->assertSame( $changed, Settings::all() );
		$this->assertSame( $changed, $this->assertOk( 200, $this->get( 'settings' ) ) );
		$this->assertSame( 30, $this->assertOk( 200, $this->post( 'settings', array( 'slot_step' => 30 ) ) )['slot_step'], 'POST works like PATCH.' );

		$this->log_out();
		$slots = $this->assertOk(
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
		)['days'][0]['slots'];
		$this->assertCount( 14, $slots, 'Every 30 minutes: 6 in the morning, 8 in the afternoon.' );
	}
}
