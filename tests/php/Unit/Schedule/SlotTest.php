<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\Slot;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class SlotTest extends TestCase {

	public function test_with_state_keeps_times_and_buffers(): void {
		$slot  = new Slot( new \DateTimeImmutable( '2026-12-01T10:00:00+01:00' ), new \DateTimeImmutable( '2026-12-01T11:00:00+01:00' ), 5, 20, 4, Slot::AVAILABLE );
		$taken = $slot->with_state( 0, Slot::HELD );

		$this->assertTrue( $slot->is_available() );
		$this->assertFalse( $taken->is_available() );
		$this->assertSame(
			array(
				'start'      => '2026-12-01T10:00:00+01:00',
				'end'        => '2026-12-01T11:00:00+01:00',
				'seats_left' => 0,
				'state'      => 'held',
			),
			$taken->to_array()
		);
		$this->assertSame( '2026-12-01T08:55:00+00:00', $taken->occupied_start()->format( DATE_ATOM ) );
		$this->assertSame( '2026-12-01T10:20:00+00:00', $taken->occupied_end()->format( DATE_ATOM ) );
		$this->assertSame( 4, $slot->seats_left );
	}

	/**
	 * @dataProvider invalid_slots
	 */
	public function test_rejects_invalid_slots( string $end, int $before, int $seats, string $state ): void {
		$this->expectException( \InvalidArgumentException::class );
		new Slot( new \DateTimeImmutable( '2026-12-01T10:00:00+01:00' ), new \DateTimeImmutable( $end ), $before, 0, $seats, $state );
	}

	/**
	 * @return array<string, array{0: string, 1: int, 2: int, 3: string}>
	 */
	public function invalid_slots(): array {
		return array(
			'empty'           => array( '2026-12-01T10:00:00+01:00', 0, 1, Slot::AVAILABLE ),
			'negative seats'  => array( '2026-12-01T11:00:00+01:00', 0, -1, Slot::AVAILABLE ),
			'negative buffer' => array( '2026-12-01T11:00:00+01:00', -5, 1, Slot::AVAILABLE ),
			'unknown state'   => array( '2026-12-01T11:00:00+01:00', 0, 1, 'processing' ),
		);
	}
}
