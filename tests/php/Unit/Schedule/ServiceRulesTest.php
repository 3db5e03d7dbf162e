<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\ServiceRules;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class ServiceRulesTest extends TestCase {

	public function test_keeps_its_values_and_defaults_to_one_seat_without_buffers(): void {
		$group = new ServiceRules( 45, 10, 15, 8 );
		$this->assertSame( array( 45, 10, 15, 8 ), array( $group->duration, $group->buffer_before, $group->buffer_after, $group->capacity ) );

		$plain = new ServiceRules( 5 );
		$this->assertSame( array( 5, 0, 0, 1 ), array( $plain->duration, $plain->buffer_before, $plain->buffer_after, $plain->capacity ) );
	}

	/**
	 * @dataProvider invalid_rules
	 */
	public function test_rejects_invalid_rules( int $duration, int $before, int $after, int $capacity ): void {
		$this->expectException( \InvalidArgumentException::class );
		new ServiceRules( $duration, $before, $after, $capacity );
	}

	/**
	 * @return array<string, array{0: int, 1: int, 2: int, 3: int}>
	 */
	public function invalid_rules(): array {
		return array(
			'no duration'            => array( 0, 0, 0, 1 ),
			'negative duration'      => array( -30, 0, 0, 1 ),
			'duration off the grid'  => array( 32, 0, 0, 1 ),
			'negative buffer before' => array( 30, -5, 0, 1 ),
			'negative buffer after'  => array( 30, 0, -5, 1 ),
			'buffer before off grid' => array( 30, 7, 0, 1 ),
			'buffer after off grid'  => array( 30, 0, 3, 1 ),
			'no seats'               => array( 30, 0, 0, 0 ),
			'negative seats'         => array( 30, 0, 0, -1 ),
		);
	}
}
