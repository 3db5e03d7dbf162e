<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\Session;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Schedule\WeeklyHours;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * DST days and employees in another timezone. In Europe/Berlin, 2026-03-29 at
 * 01:00 UTC clocks jump from 02:00 CET to 03:00 CEST, and 2026-10-25 at 01:00
 * UTC they fall back from 03:00 CEST to 02:00 CET; both days are Sundays.
 */
final class SlotEngineTimezoneTest extends TestCase {

	public function test_spring_forward_night_is_an_hour_shorter_and_skips_the_missing_hour(): void {
		$slots = $this->berlin_sunday( '2026-03-29', '00:00', '06:00', 60, 60 );

		$this->assertSame(
			array( '2026-03-28T23:00:00+00:00', '2026-03-29T00:00:00+00:00', '2026-03-29T01:00:00+00:00', '2026-03-29T02:00:00+00:00', '2026-03-29T03:00:00+00:00' ),
			$this->utc_starts( $slots )
		);
		$this->assertSame(
			array( '2026-03-29T00:00:00+01:00', '2026-03-29T01:00:00+01:00', '2026-03-29T03:00:00+02:00', '2026-03-29T04:00:00+02:00', '2026-03-29T05:00:00+02:00' ),
			$this->local_starts( $slots )
		);
		$this->assertSame( '2026-03-29T06:00:00+02:00', $slots[4]->end->format( DATE_ATOM ) );
	}

	public function test_spring_forward_with_a_short_step_offers_no_local_time_in_the_gap(): void {
		$slots = $this->berlin_sunday( '2026-03-29', '00:00', '06:00', 30, 30 );

		$this->assertCount( 10, $slots );
		$this->assertSame(
			array( '00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30' ),
			array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ), $slots )
		);
	}

	public function test_a_range_starting_in_the_gap_starts_when_the_clocks_jump(): void {
		$slots = $this->berlin_sunday( '2026-03-29', '02:30', '04:00', 30, 30 );

		$this->assertSame( array( '2026-03-29T03:00:00+02:00', '2026-03-29T03:30:00+02:00' ), $this->local_starts( $slots ) );
		$this->assertSame( '2026-03-29T01:00:00+00:00', $slots[0]->occupied_start()->format( DATE_ATOM ) );
	}

	public function test_a_slot_across_the_gap_lasts_its_real_duration(): void {
		// 01:00 CET to 04:00 CEST is two real hours: room for two 90-minute slots 30 minutes apart.
		$slots = $this->berlin_sunday( '2026-03-29', '01:00', '04:00', 90, 30 );

		$this->assertSame( array( '2026-03-29T01:00:00+01:00', '2026-03-29T01:30:00+01:00' ), $this->local_starts( $slots ) );
		$this->assertSame( array( '2026-03-29T03:30:00+02:00', '2026-03-29T04:00:00+02:00' ), array_map( static fn( Slot $slot ): string => $slot->end->format( DATE_ATOM ), $slots ) );
	}

	public function test_fall_back_night_is_an_hour_longer_and_repeats_local_times_with_both_offsets(): void {
		$slots = $this->berlin_sunday( '2026-10-25', '00:00', '06:00', 60, 60 );

		$this->assertSame(
			array(
				'2026-10-24T22:00:00+00:00',
				'2026-10-24T23:00:00+00:00',
				'2026-10-25T00:00:00+00:00',
				'2026-10-25T01:00:00+00:00',
				'2026-10-25T02:00:00+00:00',
				'2026-10-25T03:00:00+00:00',
				'2026-10-25T04:00:00+00:00',
			),
			$this->utc_starts( $slots )
		);
		$this->assertSame(
			array(
				'2026-10-25T00:00:00+02:00',
				'2026-10-25T01:00:00+02:00',
				'2026-10-25T02:00:00+02:00',
				'2026-10-25T02:00:00+01:00',
				'2026-10-25T03:00:00+01:00',
				'2026-10-25T04:00:00+01:00',
				'2026-10-25T05:00:00+01:00',
			),
			$this->local_starts( $slots )
		);
	}

	public function test_a_range_starting_in_the_repeated_hour_starts_at_its_first_occurrence(): void {
		$slots = $this->berlin_sunday( '2026-10-25', '02:30', '04:00', 30, 30 );

		$this->assertSame(
			array( '2026-10-25T02:30:00+02:00', '2026-10-25T02:00:00+01:00', '2026-10-25T02:30:00+01:00', '2026-10-25T03:00:00+01:00', '2026-10-25T03:30:00+01:00' ),
			$this->local_starts( $slots )
		);
		$this->assertSame( '2026-10-25T00:30:00+00:00', $slots[0]->occupied_start()->format( DATE_ATOM ) );
	}

	public function test_a_booking_in_the_first_repeated_hour_leaves_the_second_free(): void {
		$booked = new Session( 1, new \DateTimeImmutable( '2026-10-25T00:00:00Z' ), new \DateTimeImmutable( '2026-10-25T01:00:00Z' ), 0, 0, 1, 0 );
		$slots  = $this->berlin_sunday( '2026-10-25', '01:00', '04:00', 60, 60, array( $booked ) );

		$this->assertSame(
			array( '01:00+02:00 available', '02:00+02:00 booked', '02:00+01:00 available', '03:00+01:00 available' ),
			array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:iP' ) . ' ' . $slot->state, $slots )
		);
	}

	public function test_new_york_employee_with_now_given_in_utc(): void {
		$engine = new SlotEngine(
			WeeklyHours::from_array( array_fill( 1, 5, array( array( '09:00', '13:00' ) ) ) ),
			new \DateTimeZone( 'America/New_York' ),
			new DaysOff()
		);
		// 01:00 UTC on 2 June is still 21:00 on Monday 1 June in New York; one day ahead ends at 21:00 on the 2nd.
		$request = new SlotRequest( 1, new ServiceRules( 60 ), '2026-06-01', '2026-06-03', 60, new \DateTimeImmutable( '2026-06-02T01:00:00Z' ), 0, 1 );
		$session = new Session( 2, new \DateTimeImmutable( '2026-06-02T14:00:00Z' ), new \DateTimeImmutable( '2026-06-02T15:00:00Z' ), 0, 0, 1, 0 );
		$days    = $engine->slots( $request, array( $session ) );

		$this->assertSame( array( '2026-06-01', '2026-06-02', '2026-06-03' ), array_keys( $days ) );
		$this->assertSame(
			array( '09:00-04:00 past', '10:00-04:00 past', '11:00-04:00 past', '12:00-04:00 past' ),
			$this->states( $days['2026-06-01'] )
		);
		$this->assertSame(
			array( '09:00-04:00 available', '10:00-04:00 booked', '11:00-04:00 available', '12:00-04:00 available' ),
			$this->states( $days['2026-06-02'] )
		);
		$this->assertSame( '2026-06-02T13:00:00+00:00', $days['2026-06-02'][0]->occupied_start()->format( DATE_ATOM ) );
		$this->assertSame( array(), $days['2026-06-03'] );
	}

	/**
	 * One working range on Sundays in Berlin, service 1, nothing past.
	 *
	 * @param string    $date     The Sunday.
	 * @param string    $start    Range start, "HH:MM".
	 * @param string    $end      Range end, "HH:MM".
	 * @param int       $duration Service minutes.
	 * @param int       $step     Minutes between starts.
	 * @param Session[] $sessions Existing sessions.
	 * @return Slot[]
	 */
	private function berlin_sunday( string $date, string $start, string $end, int $duration, int $step, array $sessions = array() ): array {
		$engine  = new SlotEngine( WeeklyHours::from_array( array( 7 => array( array( $start, $end ) ) ) ), new \DateTimeZone( 'Europe/Berlin' ), new DaysOff() );
		$request = new SlotRequest( 1, new ServiceRules( $duration ), $date, $date, $step, new \DateTimeImmutable( '2026-01-01T00:00:00Z' ) );
		return $engine->slots( $request, $sessions )[ $date ];
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function utc_starts( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->setTimezone( new \DateTimeZone( 'UTC' ) )->format( DATE_ATOM ), $slots );
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function local_starts( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( DATE_ATOM ), $slots );
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function states( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:iP' ) . ' ' . $slot->state, $slots );
	}
}
