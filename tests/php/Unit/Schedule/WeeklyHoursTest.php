<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\TimeRange;
use AppointEase\Schedule\WeeklyHours;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class WeeklyHoursTest extends TestCase {

	public function test_keeps_several_ranges_a_day_sorted_with_breaks_between(): void {
		$week = WeeklyHours::from_array(
			array(
				1 => array( array( '13:30', '17:00' ), array( '09:00', '12:30' ) ),
				6 => array( array( '10:00', '14:00' ) ),
			)
		);

		$monday = $week->ranges( 1 );
		$this->assertCount( 2, $monday );
		$this->assertSame( array( '09:00', '13:30' ), array_map( static fn( TimeRange $r ): string => $r->start_string(), $monday ) );
		$this->assertSame( array( 1, 6 ), $week->working_days() );
		$this->assertSame( array(), $week->ranges( 7 ) );
	}

	public function test_rejects_overlapping_ranges_on_one_day(): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->expectExceptionMessage( 'overlaps' );
		WeeklyHours::from_array( array( 2 => array( array( '09:00', '12:00' ), array( '11:00', '14:00' ) ) ) );
	}

	public function test_allows_the_same_range_on_different_days(): void {
		$week = WeeklyHours::from_array(
			array(
				2 => array( array( '09:00', '12:00' ) ),
				3 => array( array( '09:00', '12:00' ) ),
			)
		);
		$this->assertSame( array( 2, 3 ), $week->working_days() );
	}

	/**
	 * @dataProvider unknown_weekdays
	 */
	public function test_rejects_unknown_weekdays( int $weekday ): void {
		$this->expectException( \InvalidArgumentException::class );
		( new WeeklyHours() )->with( $weekday, TimeRange::from_strings( '09:00', '10:00' ) );
	}

	/**
	 * @return array<string, array{0: int}>
	 */
	public function unknown_weekdays(): array {
		return array(
			'zero'  => array( 0 ),
			'eight' => array( 8 ),
		);
	}

	public function test_with_returns_a_copy_and_leaves_the_original_alone(): void {
		$empty = new WeeklyHours();
		$week  = $empty->with( 4, TimeRange::from_strings( '08:00', '09:00' ) );
		$this->assertSame( array(), $empty->working_days() );
		$this->assertSame( array( 4 ), $week->working_days() );
	}
}
