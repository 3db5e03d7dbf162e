<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Availability;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Schedule\Slot;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class AvailabilityTest extends TestCase {

	private Fixtures $fixtures;

	private Availability $availability;

	private Service $service;

	private Employee $employee;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->availability = new Availability( new BookingRepository() );
		$this->service      = $this->fixtures->service();
		$this->employee     = $this->fixtures->employee( array( $this->service->id ) );
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_slots_follow_the_working_hours_the_lunch_break_and_the_step(): void {
		$slots = $this->monday();

		$expected = array( '09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30' );
		$expected = array_merge( $expected, array( '13:00', '13:15', '13:30', '13:45', '14:00', '14:15', '14:30', '14:45', '15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30' ) );
		$this->assertSame( $expected, self::times( $slots ) );
		$this->assertCount( 26, $slots );
		foreach ( $slots as $slot ) {
			$this->assertSame( Slot::AVAILABLE, $slot->state );
			$this->assertSame( 1, $slot->seats_left );
			$this->assertSame( 30 * 60, $slot->end->getTimestamp() - $slot->start->getTimestamp() );
			$this->assertSame( '+01:00', $slot->start->format( 'P' ), 'Slots are in the site\'s timezone.' );
		}
	}

	public function test_the_step_setting_is_honoured(): void {
		Settings::update( array( 'slot_step' => 60 ) );

		$this->assertSame( array( '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00' ), self::times( $this->monday() ) );
	}

	public function test_every_asked_date_is_present_and_weekends_are_empty(): void {
		$days = $this->availability->days( $this->service, $this->employee, '2030-01-04', Fixtures::MONDAY, Fixtures::now() );

		$this->assertSame( array( '2030-01-04', '2030-01-05', '2030-01-06', Fixtures::MONDAY ), array_keys( $days ) );
		$this->assertCount( 26, $days['2030-01-04'] );
		$this->assertSame( array(), $days['2030-01-05'] );
		$this->assertSame( array(), $days['2030-01-06'] );
		$this->assertCount( 26, $days[ Fixtures::MONDAY ] );
	}

	public function test_a_booking_removes_the_slots_it_overlaps_and_nothing_else(): void {
		$this->book( $this->service, '10:00' );

		$states = self::states( $this->monday() );

		$this->assertSame( Slot::AVAILABLE, $states['09:30'], 'Ends when the booking starts.' );
		$this->assertSame( Slot::BOOKED, $states['09:45'] );
		$this->assertSame( Slot::BOOKED, $states['10:00'] );
		$this->assertSame( Slot::BOOKED, $states['10:15'] );
		$this->assertSame( Slot::AVAILABLE, $states['10:30'], 'Starts when the booking ends.' );
		$this->assertSame( 3, count( array_keys( $states, Slot::BOOKED, true ) ) );
	}

	public function test_buffers_of_another_service_block_as_they_were_booked(): void {
		$colour = $this->fixtures->service(
			array(
				'name'          => 'Colour',
				'duration'      => 60,
				'buffer_before' => 15,
				'buffer_after'  => 15,
			)
		);
		$this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $colour->id ) ) );
		$this->employee = $this->must_find_employee();
		$this->book( $colour, '10:00' ); // Busy 09:45-11:15.

		$states = self::states( $this->monday() );

		$this->assertSame( Slot::AVAILABLE, $states['09:15'] );
		$this->assertSame( Slot::BOOKED, $states['09:30'] );
		$this->assertSame( Slot::BOOKED, $states['11:00'] );
		$this->assertSame( Slot::AVAILABLE, $states['11:15'] );

		// Shrinking the buffers later does not free what the booking blocked when it was made.
		$this->fixtures->services->update(
			$colour->id,
			array(
				'buffer_before' => 0,
				'buffer_after'  => 0,
			)
		);
		$states = self::states( $this->monday() );
		$this->assertSame( Slot::BOOKED, $states['09:30'] );
		$this->assertSame( Slot::BOOKED, $states['11:00'] );
	}

	public function test_a_group_session_shows_the_seats_left_and_blocks_overlapping_starts(): void {
		$yoga = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $yoga->id ) ) );
		$this->employee = $this->must_find_employee();
		$this->book( $yoga, '10:00', 2 );

		$slots = self::by_time( $this->availability->days( $yoga, $this->employee, Fixtures::MONDAY, Fixtures::MONDAY, Fixtures::now() )[ Fixtures::MONDAY ] );

		$this->assertSame( Slot::AVAILABLE, $slots['10:00']->state );
		$this->assertSame( 1, $slots['10:00']->seats_left );
		$this->assertSame( Slot::BOOKED, $slots['10:30']->state );
		$this->assertSame( 0, $slots['10:30']->seats_left );
		$this->assertSame( 3, $slots['11:00']->seats_left );
	}

	public function test_a_cancelled_booking_blocks_nothing_and_except_ignores_a_booking(): void {
		$first  = $this->book( $this->service, '10:00' );
		$second = $this->book( $this->service, '14:00' );
		BookingService::create_default()->cancel( $first, Fixtures::now(), false );

		$states = self::states( $this->monday() );
		$this->assertSame( Slot::AVAILABLE, $states['10:00'] );
		$this->assertSame( Slot::BOOKED, $states['14:00'] );

		$states = self::states( $this->availability->days( $this->service, $this->employee, Fixtures::MONDAY, Fixtures::MONDAY, Fixtures::now(), $second )[ Fixtures::MONDAY ] );
		$this->assertSame( Slot::AVAILABLE, $states['14:00'] );
	}

	public function test_a_day_off_has_no_slots_and_the_next_day_is_unaffected(): void {
		$this->employee = $this->fixtures->employees->update(
			$this->employee->id,
			array(
				'days_off' => array(
					array(
						'start'  => '2030-01-05',
						'end'    => Fixtures::MONDAY,
						'reason' => 'Away',
					),
				),
			)
		);

		$days = $this->availability->days( $this->service, $this->employee, Fixtures::MONDAY, Fixtures::TUESDAY, Fixtures::now() );

		$this->assertSame( array(), $days[ Fixtures::MONDAY ] );
		$this->assertCount( 26, $days[ Fixtures::TUESDAY ] );
		$this->assertNull( $this->availability->slot_at( $this->service, $this->employee, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), Fixtures::now() ) );
	}

	public function test_the_employees_own_timezone_places_their_hours(): void {
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'timezone' => 'America/New_York' ) );

		$slots = $this->monday();

		$this->assertSame( 'America/New_York', $this->availability->timezone( $this->employee )->getName() );
		$this->assertSame( Fixtures::at( Fixtures::MONDAY . ' 09:00', 'America/New_York' )->getTimestamp(), $slots[0]->start->getTimestamp() );
		$this->assertSame( '2030-01-07T14:00:00Z', gmdate( 'Y-m-d\TH:i:s\Z', $slots[0]->start->getTimestamp() ) );
		$this->assertSame( '09:00', $slots[0]->start->format( 'H:i' ) );
		$this->assertSame( '-05:00', $slots[0]->start->format( 'P' ) );
		$this->assertNotNull( $this->availability->slot_at( $this->service, $this->employee, new \DateTimeImmutable( '2030-01-07T14:00:00Z' ), Fixtures::now() ) );
		$this->assertNull( $this->availability->slot_at( $this->service, $this->employee, Fixtures::at( Fixtures::MONDAY . ' 09:00' ), Fixtures::now() ), '09:00 in Berlin is 03:00 in New York.' );
	}

	public function test_the_site_timezone_places_hours_across_a_dst_change(): void {
		$this->employee = $this->fixtures->employees->update(
			$this->employee->id,
			array(
				'hours' => array(
					array(
						'weekday' => 7,
						'start'   => '01:00',
						'end'     => '04:00',
					),
				),
			)
		);
		Settings::update( array( 'slot_step' => 60 ) );
		$service = $this->fixtures->services->update( $this->service->id, array( 'duration' => 60 ) );

		$slots = $this->availability->days( $service, $this->employee, '2030-03-31', '2030-03-31', new \DateTimeImmutable( '2030-03-01T00:00:00Z' ) )['2030-03-31'];

		$this->assertSame( array( '2030-03-31T01:00:00+01:00', '2030-03-31T03:00:00+02:00' ), array_map( static fn( Slot $slot ): string => $slot->start->format( DATE_ATOM ), $slots ) );
	}

	public function test_times_within_the_minimum_notice_are_past(): void {
		Settings::update( array( 'minimum_notice' => 60 ) );
		$now = Fixtures::at( Fixtures::MONDAY . ' 09:20' );

		$states = self::states( $this->availability->days( $this->service, $this->employee, Fixtures::MONDAY, Fixtures::MONDAY, $now )[ Fixtures::MONDAY ] );

		$this->assertSame( Slot::PAST, $states['09:00'] );
		$this->assertSame( Slot::PAST, $states['10:15'] );
		$this->assertSame( Slot::AVAILABLE, $states['10:30'] );
		$this->assertSame( Slot::AVAILABLE, $states['16:30'] );
	}

	public function test_nothing_is_offered_beyond_the_horizon(): void {
		Settings::update( array( 'horizon_days' => 5 ) );

		$days = $this->availability->days( $this->service, $this->employee, '2030-01-04', Fixtures::MONDAY, Fixtures::now() );

		$this->assertCount( 26, $days['2030-01-04'] );
		$this->assertSame( array(), $days[ Fixtures::MONDAY ] );
	}

	public function test_slot_at_finds_only_starts_on_the_grid_within_hours(): void {
		$slot = $this->availability->slot_at( $this->service, $this->employee, Fixtures::at( Fixtures::MONDAY . ' 10:15' ), Fixtures::now() );

		$this->assertNotNull( $slot );
		$this->assertSame( Fixtures::at( Fixtures::MONDAY . ' 10:15' )->getTimestamp(), $slot->start->getTimestamp() );
		$this->assertSame( Fixtures::at( Fixtures::MONDAY . ' 10:45' )->getTimestamp(), $slot->end->getTimestamp() );
		foreach ( array( '10:07', '11:45', '12:00', '08:45', '17:00' ) as $time ) {
			$this->assertNull( $this->availability->slot_at( $this->service, $this->employee, Fixtures::at( Fixtures::MONDAY . ' ' . $time ), Fixtures::now() ), $time );
		}
		$this->assertNull( $this->availability->slot_at( $this->service, $this->employee, Fixtures::at( '2030-01-05 10:00' ), Fixtures::now() ), 'Saturday' );
	}

	/**
	 * Monday's slots of the fixture service.
	 *
	 * @return Slot[]
	 */
	private function monday(): array {
		return $this->availability->days( $this->service, $this->employee, Fixtures::MONDAY, Fixtures::MONDAY, Fixtures::now() )[ Fixtures::MONDAY ];
	}

	private function book( Service $service, string $time, int $seats = 1 ): int {
		$result = BookingService::create_default()->book( Fixtures::request( $service, $this->employee, Fixtures::MONDAY . ' ' . $time, array( 'seats' => $seats ) ), Fixtures::now() );
		return $result->booking->id;
	}

	private function must_find_employee(): Employee {
		$employee = $this->fixtures->employees->find( $this->employee->id );
		$this->assertNotNull( $employee );
		return $employee;
	}

	/**
	 * @param Slot[] $slots Slots.
	 * @return string[] Their local starts, H:i.
	 */
	private static function times( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ), $slots );
	}

	/**
	 * @param Slot[] $slots Slots.
	 * @return array<string, string> Local start H:i => state.
	 */
	private static function states( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->state, self::by_time( $slots ) );
	}

	/**
	 * @param Slot[] $slots Slots.
	 * @return array<string, Slot> Local start H:i => slot.
	 */
	private static function by_time( array $slots ): array {
		$by_time = array();
		foreach ( $slots as $slot ) {
			$by_time[ $slot->start->format( 'H:i' ) ] = $slot;
		}
		return $by_time;
	}
}
