<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\BusyTimes;
use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Schedule\WeeklyHours;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Busy times from outside calendars take slots away like days off. 2026-06-01 is a Monday (Berlin, UTC+2).
 */
final class SlotEngineBusyTest extends TestCase {

	public function test_overlap_is_half_open(): void {
		$busy = new BusyTimes( array( array( 100, 200 ), array( 300, 300 ) ) );

		$this->assertTrue( $busy->overlaps( 150, 160 ) );
		$this->assertTrue( $busy->overlaps( 50, 101 ) );
		$this->assertTrue( $busy->overlaps( 199, 250 ) );
		$this->assertFalse( $busy->overlaps( 50, 100 ), 'Ending when the busy time starts is fine.' );
		$this->assertFalse( $busy->overlaps( 200, 250 ), 'Starting when it ends is fine.' );
		$this->assertFalse( $busy->overlaps( 250, 350 ), 'An empty interval blocks nothing.' );
	}

	public function test_slots_touching_a_busy_time_are_not_offered_at_all(): void {
		// 10:00-11:00 in Berlin.
		$busy  = new BusyTimes( array( array( strtotime( '2026-06-01T08:00:00Z' ), strtotime( '2026-06-01T09:00:00Z' ) ) ) );
		$slots = $this->slots( new ServiceRules( 30 ), $busy );

		$this->assertSame( array( '09:00', '09:15', '09:30', '11:00', '11:15', '11:30' ), self::starts( $slots ) );
		foreach ( $slots as $slot ) {
			$this->assertSame( Slot::AVAILABLE, $slot->state );
		}
	}

	public function test_buffers_count(): void {
		$busy = new BusyTimes( array( array( strtotime( '2026-06-01T08:00:00Z' ), strtotime( '2026-06-01T09:00:00Z' ) ) ) );

		$slots = $this->slots( new ServiceRules( 30, 15, 15 ), $busy );

		$this->assertSame( array( '09:00', '09:15', '11:15', '11:30' ), self::starts( $slots ) );
	}

	public function test_no_busy_times_change_nothing(): void {
		$this->assertCount( 11, $this->slots( new ServiceRules( 30 ), new BusyTimes() ) );
	}

	/**
	 * Monday's slots, 09:00-12:00 worked, a 15-minute step.
	 *
	 * @param ServiceRules $rules The service.
	 * @param BusyTimes    $busy  Busy times.
	 * @return Slot[]
	 */
	private function slots( ServiceRules $rules, BusyTimes $busy ): array {
		$engine = new SlotEngine( WeeklyHours::from_array( array( 1 => array( array( '09:00', '12:00' ) ) ) ), new \DateTimeZone( 'Europe/Berlin' ), new DaysOff(), $busy );
		return $engine->slots( new SlotRequest( 1, $rules, '2026-06-01', '2026-06-01', 15, new \DateTimeImmutable( '2026-05-01T00:00:00Z' ), 0, 365 ), array() )['2026-06-01'];
	}

	/**
	 * @param Slot[] $slots
	 * @return string[]
	 */
	private static function starts( array $slots ): array {
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ), $slots );
	}
}
