<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\DaysOff;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class DaysOffTest extends TestCase {

	public function test_contains_both_ends_of_each_range_and_nothing_outside(): void {
		$off = new DaysOff( array( array( '2026-12-24', '2027-01-01' ), array( '2026-06-15', '2026-06-15' ) ) );

		$this->assertFalse( $off->contains( '2026-12-23' ) );
		$this->assertTrue( $off->contains( '2026-12-24' ) );
		$this->assertTrue( $off->contains( '2026-12-31' ) );
		$this->assertTrue( $off->contains( '2027-01-01' ) );
		$this->assertFalse( $off->contains( '2027-01-02' ) );
		$this->assertTrue( $off->contains( '2026-06-15' ) );
		$this->assertFalse( $off->contains( '2026-06-16' ) );
		$this->assertSame( array( array( '2026-12-24', '2027-01-01' ), array( '2026-06-15', '2026-06-15' ) ), $off->ranges() );
	}

	public function test_no_days_off_contains_nothing(): void {
		$this->assertFalse( ( new DaysOff() )->contains( '2026-06-01' ) );
	}

	/**
	 * @dataProvider invalid_ranges
	 */
	public function test_rejects_invalid_ranges( string $from, string $to ): void {
		$this->expectException( \InvalidArgumentException::class );
		new DaysOff( array( array( $from, $to ) ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function invalid_ranges(): array {
		return array(
			'backwards'        => array( '2026-06-02', '2026-06-01' ),
			'impossible date'  => array( '2026-02-29', '2026-03-01' ),
			'not a date'       => array( '2026-6-1', '2026-06-02' ),
			'date with a time' => array( '2026-06-01 10:00', '2026-06-02' ),
		);
	}

	public function test_rejects_an_invalid_date_to_look_up(): void {
		$this->expectException( \InvalidArgumentException::class );
		( new DaysOff() )->contains( '01/06/2026' );
	}
}
