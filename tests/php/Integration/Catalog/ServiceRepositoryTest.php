<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Catalog;

use AppointEase\Booking\BookingService;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class ServiceRepositoryTest extends TestCase {

	private ServiceRepository $services;

	private Fixtures $fixtures;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->services = $this->fixtures->services;
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_an_inserted_service_reads_back_with_every_field(): void {
		$inserted = $this->services->insert(
			array(
				'name'          => 'Colour treatment',
				'description'   => 'Cut & colour, <b>with</b> care.',
				'duration'      => 90,
				'buffer_before' => 15,
				'buffer_after'  => 10,
				'capacity'      => 1,
				'price'         => '120.50',
				'active'        => true,
			)
		);

		$found = $this->services->find( $inserted->id );

		$this->assertNotNull( $found );
		$this->assertGreaterThan( 0, $found->id );
		$this->assertSame(
			array(
				'id'                      => $inserted->id,
				'name'                    => 'Colour treatment',
				'description'             => 'Cut & colour, <b>with</b> care.',
				'duration'                => 90,
				'buffer_before'           => 15,
				'buffer_after'            => 10,
				'capacity'                => 1,
				'price'                   => '120.50',
				'active'                  => true,
				'reminders'               => null,
				'cancel_cutoff_hours'     => null,
				'reschedule_cutoff_hours' => null,
				'daily_limit'             => 0,
				'email_daily_limit'       => 0,
				'email_weekly_limit'      => 0,
			),
			$found->to_array()
		);
		$this->assertEquals( $inserted, $found );
	}

	public function test_a_minimal_service_gets_the_column_defaults(): void {
		$service = $this->services->insert(
			array(
				'name'     => 'Consultation',
				'duration' => 45,
			)
		);

		$this->assertSame( '', $service->description );
		$this->assertSame( 0, $service->buffer_before );
		$this->assertSame( 0, $service->buffer_after );
		$this->assertSame( 1, $service->capacity );
		$this->assertNull( $service->price );
		$this->assertTrue( $service->active );
	}

	public function test_service_rules_carry_duration_buffers_and_capacity(): void {
		$service = $this->fixtures->service(
			array(
				'duration'      => 60,
				'buffer_before' => 5,
				'buffer_after'  => 15,
				'capacity'      => 8,
			)
		);

		$rules = $service->rules();

		$this->assertSame( 60, $rules->duration );
		$this->assertSame( 5, $rules->buffer_before );
		$this->assertSame( 15, $rules->buffer_after );
		$this->assertSame( 8, $rules->capacity );
	}

	public function test_update_changes_only_the_given_fields(): void {
		$service = $this->fixtures->service(
			array(
				'name'        => 'Haircut',
				'description' => 'Short or long.',
			)
		);

		$updated = $this->services->update(
			$service->id,
			array(
				'duration' => 45,
				'price'    => null,
				'active'   => false,
			)
		);

		$this->assertSame( 45, $updated->duration );
		$this->assertNull( $updated->price );
		$this->assertFalse( $updated->active );
		$this->assertSame( 'Haircut', $updated->name );
		$this->assertSame( 'Short or long.', $updated->description );
		$this->assertEquals( $updated, $this->services->find( $service->id ) );
	}

	public function test_update_ignores_unknown_fields_and_an_empty_change_is_harmless(): void {
		$service = $this->fixtures->service();

		$same  = $this->services->update(
			$service->id,
			array(
				'id'       => 999,
				'colour'   => 'red',
				'capacity' => 4,
			)
		);
		$again = $this->services->update( $service->id, array() );

		$this->assertSame( $service->id, $same->id );
		$this->assertSame( 4, $same->capacity );
		$this->assertEquals( $same, $again );
		$this->assertNull( $this->services->find( 999 ) );
	}

	public function test_find_answers_null_for_an_unknown_id(): void {
		$this->assertNull( $this->services->find( 987654 ) );
	}

	public function test_all_sorts_by_name_and_can_leave_out_inactive_services(): void {
		$yoga    = $this->fixtures->service( array( 'name' => 'Yoga' ) );
		$beard   = $this->fixtures->service(
			array(
				'name'   => 'Beard trim',
				'active' => false,
			)
		);
		$haircut = $this->fixtures->service( array( 'name' => 'Haircut' ) );

		$all    = array_map( static fn( $service ): int => $service->id, $this->services->all( false ) );
		$active = array_map( static fn( $service ): int => $service->id, $this->services->all( true ) );

		$this->assertSame( array( $beard->id, $haircut->id, $yoga->id ), $all );
		$this->assertSame( array( $haircut->id, $yoga->id ), $active );
	}

	public function test_a_service_is_in_use_once_a_booking_names_it_even_after_cancelling(): void {
		$this->fixtures->use_site_timezone();
		$service  = $this->fixtures->service();
		$unused   = $this->fixtures->service( array( 'name' => 'Unused' ) );
		$employee = $this->fixtures->employee( array( $service->id, $unused->id ) );
		$this->assertFalse( $this->services->is_in_use( $service->id ) );

		$booking = BookingService::create_default()->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() );
		$this->assertTrue( $this->services->is_in_use( $service->id ) );

		BookingService::create_default()->cancel( $booking->booking->id, Fixtures::now(), true );
		$this->assertTrue( $this->services->is_in_use( $service->id ), 'A cancelled booking is kept for the record.' );
		$this->assertFalse( $this->services->is_in_use( $unused->id ) );
	}

	public function test_delete_removes_the_service_and_its_links_to_employees_only(): void {
		$service  = $this->fixtures->service();
		$other    = $this->fixtures->service( array( 'name' => 'Other' ) );
		$employee = $this->fixtures->employee( array( $service->id, $other->id ) );

		$this->services->delete( $service->id );

		$this->assertNull( $this->services->find( $service->id ) );
		$this->assertNotNull( $this->services->find( $other->id ) );
		$this->assertSame( 0, Fixtures::rows( 'employee_services', 'service_id = ' . $service->id ) );
		$employee = $this->fixtures->employees->find( $employee->id );
		$this->assertNotNull( $employee );
		$this->assertSame( array( $other->id ), $employee->service_ids );
	}
}
