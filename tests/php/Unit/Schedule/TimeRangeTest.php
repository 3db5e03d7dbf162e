<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\TimeRange;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class TimeRangeTest extends TestCase {

	public function test_parses_hours_and_minutes(): void {
		$range = TimeRange::from_strings( '09:00', '12:30' );
		$this->assertSame( 540, $range->start );
		$this->assertSame( 750, $range->end );
		$this->assertSame( 210, $range->minutes() );
		$this->assertSame( '09:00', $range->start_string() );
		$this->assertSame( '12:30', $range->end_string() );
	}

	public function test_accepts_mysql_time_seconds_and_end_of_day(): void {
		$range = TimeRange::from_strings( '22:00:00', '24:00' );
		$this->assertSame( 1320, $range->start );
		$this->assertSame( 1440, $range->end );
		$this->assertSame( '24:00', $range->end_string() );
	}

	/**
	 * @dataProvider invalid_ranges
	 */
	public function test_rejects_invalid_ranges( string $start, string $end ): void {
		$this->expectException( \InvalidArgumentException::class );
		TimeRange::from_strings( $start, $end );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function invalid_ranges(): array {
		return array(
			'end before start'    => array( '12:00', '09:00' ),
			'empty'               => array( '09:00', '09:00' ),
			'hour 25'             => array( '09:00', '25:00' ),
			'past end of day'     => array( '23:00', '24:30' ),
			'minute 60'           => array( '09:60', '10:00' ),
			'no leading zero'     => array( '9:00', '10:00' ),
			'not a time'          => array( 'nine', '10:00' ),
			'seconds not allowed' => array( '09:00:30', '10:00' ),
		);
	}

	public function test_overlap_excludes_touching_ranges(): void {
		$morning   = TimeRange::from_strings( '09:00', '12:00' );
		$afternoon = TimeRange::from_strings( '12:00', '17:00' );
		$lunch     = TimeRange::from_strings( '11:30', '13:00' );

		$this->assertFalse( $morning->overlaps( $afternoon ) );
		$this->assertFalse( $afternoon->overlaps( $morning ) );
		$this->assertTrue( $morning->overlaps( $lunch ) );
		$this->assertTrue( $lunch->overlaps( $afternoon ) );
	}
}
