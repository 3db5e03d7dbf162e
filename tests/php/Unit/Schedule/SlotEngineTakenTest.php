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
 * What existing sessions leave: buffers, other services, group capacity.
 * Monday 2026-06-01, Berlin (UTC+2), hours 09:00-12:00, service 1 requested.
 */
final class SlotEngineTakenTest extends TestCase {

	public function test_own_buffers_block_neighbours_on_both_sides_and_may_leave_working_hours(): void {
		// Service 1: 30 minutes with 15 before and 15 after; another service at 10:30-11:00 without buffers.
		$slots = $this->slots( new ServiceRules( 30, 15, 15 ), 30, array( $this->session( 2, '10:30', '11:00', 0, 0, 1, 0 ) ) );

		$this->assertSame(
			array( '09:00 available 1', '09:30 available 1', '10:00 booked 0', '10:30 booked 0', '11:00 booked 0', '11:30 available 1' ),
			$this->summary( $slots )
		);
	}

	public function test_a_sessions_own_buffers_block_candidates_before_and_after_it(): void {
		// Occupies 09:30-11:00: 30 minutes before and after a 10:00-10:30 session.
		$slots = $this->slots( new ServiceRules( 30 ), 30, array( $this->session( 2, '10:00', '10:30', 30, 30, 1, 0 ) ) );

		$this->assertSame(
			array( '09:00 available 1', '09:30 booked 0', '10:00 booked 0', '10:30 booked 0', '11:00 available 1', '11:30 available 1' ),
			$this->summary( $slots )
		);
	}

	public function test_touching_occupied_intervals_do_not_overlap(): void {
		// Candidate 10:00-10:30 with 10 after ends at 10:40; the session's buffer starts there.
		$slots = $this->slots( new ServiceRules( 30, 0, 10 ), 30, array( $this->session( 2, '11:00', '11:30', 20, 0, 1, 0 ) ) );

		$this->assertSame(
			array( '09:00 available 1', '09:30 available 1', '10:00 available 1', '10:30 booked 0', '11:00 booked 0', '11:30 available 1' ),
			$this->summary( $slots )
		);
	}

	/**
	 * @dataProvider other_service_seats
	 */
	public function test_another_service_of_the_same_employee_takes_overlapping_slots( int $booked, int $held, string $state ): void {
		$slots = $this->slots( new ServiceRules( 60 ), 60, array( $this->session( 2, '10:15', '10:45', 0, 0, $booked, $held ) ) );

		$this->assertSame( array( '09:00 available 1', "10:00 {$state} 0", '11:00 available 1' ), $this->summary( $slots ) );
	}

	/**
	 * @return array<string, array{0: int, 1: int, 2: string}>
	 */
	public function other_service_seats(): array {
		return array(
			'booked'           => array( 1, 0, Slot::BOOKED ),
			'only held'        => array( 0, 1, Slot::HELD ),
			'booked and held'  => array( 1, 1, Slot::BOOKED ),
			'group, two seats' => array( 2, 0, Slot::BOOKED ),
		);
	}

	public function test_a_booked_session_outranks_a_held_one_when_both_overlap(): void {
		$sessions = array(
			$this->session( 2, '10:00', '10:30', 0, 0, 0, 1 ),
			$this->session( 3, '10:30', '11:00', 0, 0, 1, 0 ),
		);
		$slots    = $this->slots( new ServiceRules( 60 ), 60, $sessions );

		$this->assertSame( array( '09:00 available 1', '10:00 booked 0', '11:00 available 1' ), $this->summary( $slots ) );
	}

	public function test_a_session_with_no_seats_taken_occupies_nothing(): void {
		$slots = $this->slots( new ServiceRules( 60 ), 60, array( $this->session( 2, '10:00', '11:00', 0, 0, 0, 0 ) ) );

		$this->assertSame( array( '09:00 available 1', '10:00 available 1', '11:00 available 1' ), $this->summary( $slots ) );
	}

	public function test_a_one_to_one_booking_makes_its_own_slot_booked(): void {
		$slots = $this->slots( new ServiceRules( 60 ), 60, array( $this->session( 1, '10:00', '11:00', 0, 0, 1, 0 ) ) );

		$this->assertSame( array( '09:00 available 1', '10:00 booked 0', '11:00 available 1' ), $this->summary( $slots ) );
	}

	/**
	 * @dataProvider group_seats
	 */
	public function test_a_group_session_counts_bookings_and_holds_against_capacity( int $booked, int $held, string $expected ): void {
		$slots = $this->slots( new ServiceRules( 60, 0, 0, 8 ), 60, array( $this->session( 1, '10:00', '11:00', 0, 0, $booked, $held ) ) );

		$this->assertSame( array( '09:00 available 8', $expected, '11:00 available 8' ), $this->summary( $slots ) );
	}

	/**
	 * @return array<string, array{0: int, 1: int, 2: string}>
	 */
	public function group_seats(): array {
		return array(
			'3 booked, 2 held'      => array( 3, 2, '10:00 available 3' ),
			'one hold'              => array( 0, 1, '10:00 available 7' ),
			'full'                  => array( 5, 3, '10:00 booked 0' ),
			'filled by holds only'  => array( 0, 8, '10:00 held 0' ),
			'over capacity, booked' => array( 8, 4, '10:00 booked 0' ),
		);
	}

	public function test_the_same_service_at_another_start_is_another_session(): void {
		// A class at 10:30 blocks the overlapping 10:00 and 11:00 starts; only its own start can be joined.
		$slots = $this->slots( new ServiceRules( 60, 0, 0, 8 ), 30, array( $this->session( 1, '10:30', '11:30', 0, 0, 1, 0 ) ) );

		$this->assertSame(
			array( '09:00 available 8', '09:30 available 8', '10:00 booked 0', '10:30 available 7', '11:00 booked 0' ),
			$this->summary( $slots )
		);
	}

	public function test_an_own_session_with_seats_left_is_still_blocked_by_another_overlapping_session(): void {
		$sessions = array(
			$this->session( 1, '10:00', '11:00', 0, 0, 2, 0 ),
			$this->session( 2, '10:30', '11:00', 0, 0, 0, 1 ),
		);
		$slots    = $this->slots( new ServiceRules( 60, 0, 0, 8 ), 60, $sessions );

		$this->assertSame( array( '09:00 available 8', '10:00 held 0', '11:00 available 8' ), $this->summary( $slots ) );
	}

	/**
	 * Slots of Monday 2026-06-01 for service 1, with nothing past.
	 *
	 * @param ServiceRules $rules    The service.
	 * @param int          $step     Minutes between starts.
	 * @param Session[]    $sessions Existing sessions.
	 * @return Slot[]
	 */
	private function slots( ServiceRules $rules, int $step, array $sessions ): array {
		$engine  = new SlotEngine( WeeklyHours::from_array( array( 1 => array( array( '09:00', '12:00' ) ) ) ), new \DateTimeZone( 'Europe/Berlin' ), new DaysOff() );
		$request = new SlotRequest( 1, $rules, '2026-06-01', '2026-06-01', $step, new \DateTimeImmutable( '2026-05-01T00:00:00Z' ) );
		return $engine->slots( $request, $sessions )['2026-06-01'];
	}

	/**
	 * A session on 2026-06-01 given in Berlin time; the engine sees it as UTC.
	 */
	private function session( int $service, string $start, string $end, int $before, int $after, int $booked, int $held ): Session {
		return new Session(
			$service,
			new \DateTimeImmutable( "2026-06-01T{$start}:00+02:00" ),
			new \DateTimeImmutable( "2026-06-01T{$end}:00+02:00" ),
			$before,
			$after,
			$booked,
			$held
		);
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private function summary( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ) . ' ' . $slot->state . ' ' . $slot->seats_left, $slots );
	}
}
