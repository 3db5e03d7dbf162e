<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Schedule\WeeklyHours;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Working hours, days off, steps and the booking window. 2026-06-01 is a Monday.
 */
final class SlotEngineTest extends TestCase {

	private const BERLIN = 'Europe/Berlin';

	public function test_no_slot_crosses_the_lunch_break(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '12:00' ), array( '13:00', '17:00' ) ) ) );
		$days   = $engine->slots( $this->request( new ServiceRules( 60 ), '2026-06-01', '2026-06-01', 30, '2026-05-01T00:00:00Z' ), array() );

		$this->assertSame(
			array( '09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00' ),
			$this->starts( $days['2026-06-01'] )
		);
		$this->assertSame( '12:00', $days['2026-06-01'][4]->end->format( 'H:i' ) );
		$this->assertSame( '17:00', $days['2026-06-01'][11]->end->format( 'H:i' ) );
		foreach ( $days['2026-06-01'] as $slot ) {
			$this->assertSame( Slot::AVAILABLE, $slot->state );
			$this->assertSame( 1, $slot->seats_left );
		}
	}

	public function test_duration_need_not_be_a_multiple_of_the_step(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '12:00' ) ) ) );
		$slots  = $engine->slots( $this->request( new ServiceRules( 45 ), '2026-06-01', '2026-06-01', 30, '2026-05-01T00:00:00Z' ), array() )['2026-06-01'];

		$this->assertSame( array( '09:00', '09:30', '10:00', '10:30', '11:00' ), $this->starts( $slots ) );
		$this->assertSame(
			array( '09:45', '10:15', '10:45', '11:15', '11:45' ),
			array_map( static fn( Slot $slot ): string => $slot->end->format( 'H:i' ), $slots )
		);
	}

	public function test_a_step_shorter_than_the_duration_overlaps_candidates(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '10:30' ) ) ) );
		$slots  = $engine->slots( $this->request( new ServiceRules( 45 ), '2026-06-01', '2026-06-01', 20, '2026-05-01T00:00:00Z' ), array() )['2026-06-01'];

		$this->assertSame( array( '09:00', '09:20', '09:40' ), $this->starts( $slots ) );
	}

	public function test_every_date_is_present_and_days_off_and_free_weekdays_are_empty(): void {
		$weekdays = array_fill( 1, 5, array( array( '09:00', '11:00' ) ) );
		$engine   = $this->engine( $weekdays, new DaysOff( array( array( '2026-06-03', '2026-06-04' ), array( '2026-06-20', '2026-06-20' ) ) ) );
		$days     = $engine->slots( $this->request( new ServiceRules( 60 ), '2026-06-01', '2026-06-07', 60, '2026-05-01T00:00:00Z' ), array() );

		$this->assertSame(
			array(
				'2026-06-01' => 2,
				'2026-06-02' => 2,
				'2026-06-03' => 0,
				'2026-06-04' => 0,
				'2026-06-05' => 2,
				'2026-06-06' => 0,
				'2026-06-07' => 0,
			),
			array_map( 'count', $days )
		);
		$this->assertSame( array(), $days['2026-06-03'] );
	}

	public function test_slots_before_the_minimum_notice_are_past_whatever_else_holds(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '12:00' ) ) ) );
		// 08:30 in Berlin with 90 minutes' notice: 10:00 is the first start that can still be booked.
		$request = $this->request( new ServiceRules( 30 ), '2026-06-01', '2026-06-01', 30, '2026-06-01T06:30:00Z', 90 );
		$slots   = $engine->slots( $request, array() )['2026-06-01'];

		$this->assertSame(
			array( '09:00 past 0', '09:30 past 0', '10:00 available 1', '10:30 available 1', '11:00 available 1', '11:30 available 1' ),
			$this->summary( $slots )
		);
	}

	public function test_nothing_starts_after_the_booking_horizon(): void {
		$engine = $this->engine( array_fill( 1, 7, array( array( '09:00', '12:00' ) ) ) );
		// 10:00 in Berlin on Monday; two days ahead ends at 10:00 on Wednesday, a start at 10:00 included.
		$request = $this->request( new ServiceRules( 60 ), '2026-06-01', '2026-06-04', 60, '2026-06-01T08:00:00Z', 0, 2 );
		$days    = $engine->slots( $request, array() );

		$this->assertSame( array( '09:00 past 0', '10:00 available 1', '11:00 available 1' ), $this->summary( $days['2026-06-01'] ) );
		$this->assertSame( array( '09:00', '10:00', '11:00' ), $this->starts( $days['2026-06-02'] ) );
		$this->assertSame( array( '09:00', '10:00' ), $this->starts( $days['2026-06-03'] ) );
		$this->assertSame( array(), $days['2026-06-04'] );
	}

	public function test_dates_in_the_past_are_listed_with_past_slots(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '11:00' ) ) ) );
		$days   = $engine->slots( $this->request( new ServiceRules( 60 ), '2026-06-01', '2026-06-01', 60, '2026-06-10T00:00:00Z' ), array() );

		$this->assertSame( array( '09:00 past 0', '10:00 past 0' ), $this->summary( $days['2026-06-01'] ) );
	}

	public function test_slot_shows_local_times_and_occupies_buffers_in_utc(): void {
		$engine = $this->engine( array( 1 => array( array( '09:00', '10:00' ) ) ) );
		$slot   = $engine->slots( $this->request( new ServiceRules( 30, 15, 10 ), '2026-06-01', '2026-06-01', 30, '2026-05-01T00:00:00Z' ), array() )['2026-06-01'][0];

		$this->assertSame(
			array(
				'start'      => '2026-06-01T09:00:00+02:00',
				'end'        => '2026-06-01T09:30:00+02:00',
				'seats_left' => 1,
				'state'      => 'available',
			),
			$slot->to_array()
		);
		$this->assertSame( '2026-06-01T06:45:00+00:00', $slot->occupied_start()->format( DATE_ATOM ) );
		$this->assertSame( '2026-06-01T07:40:00+00:00', $slot->occupied_end()->format( DATE_ATOM ) );
	}

	/**
	 * @param array<int, array<int, array{0: string, 1: string}>> $hours    ISO weekday => ranges.
	 * @param DaysOff|null                                        $days_off Days off, none by default.
	 */
	private function engine( array $hours, ?DaysOff $days_off = null ): SlotEngine {
		return new SlotEngine( WeeklyHours::from_array( $hours ), new \DateTimeZone( self::BERLIN ), $days_off ?? new DaysOff() );
	}

	private function request( ServiceRules $rules, string $from, string $to, int $step, string $now, int $notice = 0, int $horizon = 365 ): SlotRequest {
		return new SlotRequest( 1, $rules, $from, $to, $step, new \DateTimeImmutable( $now ), $notice, $horizon );
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function starts( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ), $slots );
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function summary( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ) . ' ' . $slot->state . ' ' . $slot->seats_left, $slots );
	}
}
