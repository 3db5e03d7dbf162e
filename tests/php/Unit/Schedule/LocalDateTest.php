<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\LocalDate;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class LocalDateTest extends TestCase {

	public function test_lists_dates_across_a_year_end_and_a_dst_change(): void {
		$this->assertSame( array( '2026-12-30', '2026-12-31', '2027-01-01' ), LocalDate::between( '2026-12-30', '2027-01-01' ) );
		$this->assertSame( array( '2026-03-28', '2026-03-29', '2026-03-30' ), LocalDate::between( '2026-03-28', '2026-03-30' ) );
		$this->assertSame( array(), LocalDate::between( '2026-03-30', '2026-03-28' ) );
	}

	public function test_counts_days_and_names_weekdays(): void {
		$this->assertSame( 0, LocalDate::days_between( '2026-06-01', '2026-06-01' ) );
		$this->assertSame( 365, LocalDate::days_between( '2026-01-01', '2027-01-01' ) );
		$this->assertSame( -1, LocalDate::days_between( '2026-06-02', '2026-06-01' ) );
		$this->assertSame( 1, LocalDate::weekday( '2026-06-01' ) );
		$this->assertSame( 7, LocalDate::weekday( '2026-03-29' ) );
	}

	/**
	 * @dataProvider invalid_dates
	 */
	public function test_rejects_what_is_not_a_date( string $date ): void {
		$this->expectException( \InvalidArgumentException::class );
		LocalDate::parse( $date );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function invalid_dates(): array {
		return array(
			'empty'          => array( '' ),
			'rolled over'    => array( '2026-02-30' ),
			'month 13'       => array( '2026-13-01' ),
			'short parts'    => array( '2026-6-1' ),
			'with a time'    => array( '2026-06-01T00:00' ),
			'trailing space' => array( '2026-06-01 ' ),
			'words'          => array( 'today' ),
		);
	}
}
