<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Catalog;

use AppointEase\Booking\BookingService;
use AppointEase\Booking\Calendars;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class EmployeeRepositoryTest extends TestCase {

	private EmployeeRepository $employees;

	private Fixtures $fixtures;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures  = new Fixtures();
		$this->employees = $this->fixtures->employees;
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_an_inserted_employee_reads_back_with_services_hours_breaks_and_days_off(): void {
		$haircut = $this->fixtures->service();
		$colour  = $this->fixtures->service( array( 'name' => 'Colour' ) );
		$user_id = self::factory_user();

		$inserted = $this->employees->insert(
			array(
				'name'     => 'Ben Okafor',
				'email'    => 'ben@example.com',
				'wp_user'  => $user_id,
				'timezone' => 'America/New_York',
				'active'   => true,
				'services' => array( $colour->id, $haircut->id, $colour->id ),
				'hours'    => array(
					array(
						'weekday' => 3,
						'start'   => '14:00',
						'end'     => '18:00',
					),
					array(
						'weekday' => 1,
						'start'   => '08:30',
						'end'     => '12:00',
					),
					array(
						'weekday' => 3,
						'start'   => '08:00',
						'end'     => '12:15',
					),
					array(
						'weekday' => 7,
						'start'   => '20:00',
						'end'     => '24:00',
					),
				),
				'days_off' => array(
					array(
						'start'  => '2030-12-24',
						'end'    => '2030-12-26',
						'reason' => 'Christmas',
					),
					array(
						'start' => '2030-05-01',
						'end'   => '2030-05-01',
					),
				),
			)
		);

		$found = $this->employees->find( $inserted->id );

		$this->assertNotNull( $found );
		$this->assertEquals( $inserted, $found );
		$this->assertSame(
			array(
				'id'       => $inserted->id,
				'name'     => 'Ben Okafor',
				'services' => array( min( $haircut->id, $colour->id ), max( $haircut->id, $colour->id ) ),
				'email'    => 'ben@example.com',
				'wp_user'  => $user_id,
				'timezone' => 'America/New_York',
				'active'   => true,
				'hours'    => array(
					array(
						'weekday' => 1,
						'start'   => '08:30',
						'end'     => '12:00',
					),
					array(
						'weekday' => 3,
						'start'   => '08:00',
						'end'     => '12:15',
					),
					array(
						'weekday' => 3,
						'start'   => '14:00',
						'end'     => '18:00',
					),
					array(
						'weekday' => 7,
						'start'   => '20:00',
						'end'     => '24:00',
					),
				),
				'days_off' => array(
					array(
						'start'  => '2030-05-01',
						'end'    => '2030-05-01',
						'reason' => '',
					),
					array(
						'start'  => '2030-12-24',
						'end'    => '2030-12-26',
						'reason' => 'Christmas',
					),
				),
			),
			$found->to_array()
		);
		$this->assertTrue( $found->offers( $haircut->id ) );
		$this->assertSame( array( 1, 3, 7 ), $found->hours->working_days() );
		$this->assertCount( 2, $found->hours->ranges( 3 ), 'A lunch break splits Wednesday in two.' );
		$this->assertTrue( $found->days_off_ranges()->contains( '2030-12-25' ) );
		$this->assertFalse( $found->days_off_ranges()->contains( '2030-12-27' ) );
		$this->assertSame( 'America/New_York', $found->timezone( new \DateTimeZone( 'Europe/Berlin' ) )->getName() );
	}

	public function test_a_minimal_employee_has_no_user_no_own_timezone_and_no_lists(): void {
		$employee = $this->employees->insert( array( 'name' => 'Chloé Martin' ) );

		$this->assertSame( 'Chloé Martin', $employee->name );
		$this->assertSame( '', $employee->email );
		$this->assertNull( $employee->wp_user_id );
		$this->assertSame( '', $employee->timezone );
		$this->assertTrue( $employee->active );
		$this->assertSame( array(), $employee->service_ids );
		$this->assertSame( array(), $employee->hours_list() );
		$this->assertSame( array(), $employee->days_off );
		$this->assertSame( 'Europe/Berlin', $employee->timezone( new \DateTimeZone( 'Europe/Berlin' ) )->getName(), 'Without an own timezone, the site\'s applies.' );
	}

	public function test_the_public_array_leaves_out_private_fields(): void {
		$employee = $this->fixtures->employee( array() );

		$this->assertSame( array( 'id', 'name', 'services' ), array_keys( $employee->to_public_array() ) );
	}

	public function test_update_replaces_a_given_list_whole_and_keeps_the_lists_not_given(): void {
		$a        = $this->fixtures->service( array( 'name' => 'A' ) );
		$b        = $this->fixtures->service( array( 'name' => 'B' ) );
		$c        = $this->fixtures->service( array( 'name' => 'C' ) );
		$employee = $this->fixtures->employee(
			array( $a->id, $b->id ),
			array(
				'days_off' => array(
					array(
						'start'  => '2030-02-01',
						'end'    => '2030-02-03',
						'reason' => 'Trip',
					),
				),
			)
		);

		$updated = $this->employees->update( $employee->id, array( 'services' => array( $c->id ) ) );

		$this->assertSame( array( $c->id ), $updated->service_ids );
		$this->assertSame( $employee->hours_list(), $updated->hours_list() );
		$this->assertSame( $employee->days_off, $updated->days_off );
		$this->assertSame( 1, Fixtures::rows( 'employee_services', 'employee_id = ' . $employee->id ) );
		$this->assertFalse( $updated->offers( $a->id ) );
	}

	public function test_update_replaces_hours_and_days_off_with_new_lists(): void {
		$employee = $this->fixtures->employee(
			array(),
			array(
				'days_off' => array(
					array(
						'start' => '2030-02-01',
						'end'   => '2030-02-03',
					),
				),
			)
		);
		$this->assertSame( 10, Fixtures::rows( 'working_hours', 'employee_id = ' . $employee->id ) );

		$updated = $this->employees->update(
			$employee->id,
			array(
				'hours'    => array(
					array(
						'weekday' => 6,
						'start'   => '10:00',
						'end'     => '14:00',
					),
				),
				'days_off' => array(
					array(
						'start'  => '2030-03-10',
						'end'    => '2030-03-11',
						'reason' => 'Fair',
					),
				),
			)
		);

		$this->assertSame(
			array(
				array(
					'weekday' => 6,
					'start'   => '10:00',
					'end'     => '14:00',
				),
			),
			$updated->hours_list()
		);
		$this->assertSame(
			array(
				array(
					'start'  => '2030-03-10',
					'end'    => '2030-03-11',
					'reason' => 'Fair',
				),
			),
			$updated->days_off
		);
		$this->assertSame( 1, Fixtures::rows( 'working_hours', 'employee_id = ' . $employee->id ) );
		$this->assertSame( 1, Fixtures::rows( 'days_off', 'employee_id = ' . $employee->id ) );
	}

	public function test_empty_lists_clear_services_hours_and_days_off(): void {
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee(
			array( $service->id ),
			array(
				'days_off' => array(
					array(
						'start' => '2030-02-01',
						'end'   => '2030-02-01',
					),
				),
			)
		);

		$updated = $this->employees->update(
			$employee->id,
			array(
				'services' => array(),
				'hours'    => array(),
				'days_off' => array(),
			)
		);

		$this->assertSame( array(), $updated->service_ids );
		$this->assertSame( array(), $updated->hours_list() );
		$this->assertSame( array(), $updated->days_off );
	}

	public function test_update_changes_scalar_fields_and_can_unlink_the_user(): void {
		$user_id  = self::factory_user();
		$employee = $this->fixtures->employee(
			array(),
			array(
				'wp_user'  => $user_id,
				'timezone' => 'Europe/London',
			)
		);

		$updated = $this->employees->update(
			$employee->id,
			array(
				'name'     => 'Ana Costa',
				'wp_user'  => null,
				'timezone' => '',
				'active'   => false,
			)
		);

		$this->assertSame( 'Ana Costa', $updated->name );
		$this->assertSame( 'ana@example.com', $updated->email );
		$this->assertNull( $updated->wp_user_id );
		$this->assertSame( '', $updated->timezone );
		$this->assertFalse( $updated->active );
		$this->assertNull( $this->employees->find_by_user( $user_id ) );
	}

	public function test_find_by_user_finds_the_linked_employee_only(): void {
		$user_id  = self::factory_user();
		$linked   = $this->fixtures->employee( array(), array( 'wp_user' => $user_id ) );
		$unlinked = $this->fixtures->employee( array(), array( 'name' => 'Other' ) );

		$found = $this->employees->find_by_user( $user_id );

		$this->assertNotNull( $found );
		$this->assertSame( $linked->id, $found->id );
		$this->assertNotSame( $unlinked->id, $found->id );
		$this->assertNull( $this->employees->find_by_user( $user_id + 1000 ) );
		$this->assertNull( $this->employees->find( 987654 ) );
	}

	public function test_all_sorts_by_name_filters_active_and_by_service(): void {
		$haircut = $this->fixtures->service( array( 'name' => 'Haircut' ) );
		$yoga    = $this->fixtures->service( array( 'name' => 'Yoga' ) );
		$zoe     = $this->fixtures->employee( array( $haircut->id, $yoga->id ), array( 'name' => 'Zoe' ) );
		$ben     = $this->fixtures->employee( array( $yoga->id ), array( 'name' => 'Ben' ) );
		$carl    = $this->fixtures->employee(
			array( $haircut->id ),
			array(
				'name'   => 'Carl',
				'active' => false,
			)
		);
		$dana    = $this->fixtures->employee( array(), array( 'name' => 'Dana' ) );

		$this->assertSame( array( $ben->id, $carl->id, $dana->id, $zoe->id ), self::ids( $this->employees->all( false ) ) );
		$this->assertSame( array( $ben->id, $dana->id, $zoe->id ), self::ids( $this->employees->all( true ) ) );
		$this->assertSame( array( $carl->id, $zoe->id ), self::ids( $this->employees->all( false, $haircut->id ) ) );
		$this->assertSame( array( $zoe->id ), self::ids( $this->employees->all( true, $haircut->id ) ) );
		$this->assertSame( array( $ben->id, $zoe->id ), self::ids( $this->employees->all( true, $yoga->id ) ) );
		$this->assertSame( array(), $this->employees->all( true, 987654 ) );

		$listed = $this->employees->all( true, $yoga->id );
		$this->assertSame( array( $yoga->id ), $listed[0]->service_ids, 'Each employee keeps their own lists when several are read at once.' );
		$this->assertSame( array( $haircut->id, $yoga->id ), $listed[1]->service_ids );
		$this->assertSame( Fixtures::weekday_hours()[0], $listed[1]->hours_list()[0] );
	}

	public function test_an_employee_is_in_use_once_a_booking_names_them(): void {
		$this->fixtures->use_site_timezone();
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee( array( $service->id ) );
		$idle     = $this->fixtures->employee( array( $service->id ), array( 'name' => 'Idle' ) );
		$this->assertFalse( $this->employees->is_in_use( $employee->id ) );

		BookingService::create_default()->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() );

		$this->assertTrue( $this->employees->is_in_use( $employee->id ) );
		$this->assertFalse( $this->employees->is_in_use( $idle->id ) );
	}

	public function test_delete_removes_the_employee_with_their_lists_and_calendars_only(): void {
		$service   = $this->fixtures->service();
		$employee  = $this->fixtures->employee(
			array( $service->id ),
			array(
				'days_off' => array(
					array(
						'start' => '2030-02-01',
						'end'   => '2030-02-01',
					),
				),
			)
		);
		$other     = $this->fixtures->employee( array( $service->id ), array( 'name' => 'Other' ) );
		$calendars = new Calendars();
		$calendars->bump( $employee->id, Fixtures::MONDAY );
		$calendars->bump( $other->id, Fixtures::MONDAY );

		$this->employees->delete( $employee->id );

		$this->assertNull( $this->employees->find( $employee->id ) );
		foreach ( array( 'employee_services', 'working_hours', 'days_off', 'calendars' ) as $table ) {
			$this->assertSame( 0, Fixtures::rows( $table, 'employee_id = ' . $employee->id ), $table );
		}
		$this->assertSame( 0, $calendars->version( $employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 1, $calendars->version( $other->id, Fixtures::MONDAY ) );
		$kept = $this->employees->find( $other->id );
		$this->assertNotNull( $kept );
		$this->assertSame( array( $service->id ), $kept->service_ids );
		$this->assertCount( 10, $kept->hours_list() );
	}

	/**
	 * @param Employee[] $employees Employees.
	 * @return int[]
	 */
	private static function ids( array $employees ): array {
		return array_map( static fn( Employee $employee ): int => $employee->id, $employees );
	}

	private static function factory_user(): int {
		$user_id = wp_insert_user(
			array(
				'user_login' => 'employee_' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => wp_generate_password( 8, false ) . '@example.com',
			)
		);
		if ( is_wp_error( $user_id ) ) {
			throw new \RuntimeException( $user_id->get_error_message() ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped
		}
		return $user_id;
	}
}
