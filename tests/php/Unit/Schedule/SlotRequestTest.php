<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\SlotRequest;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class SlotRequestTest extends TestCase {

	public function test_lists_its_dates_and_window(): void {
		$request = new SlotRequest( 3, new ServiceRules( 30 ), '2026-02-27', '2026-03-02', 15, new \DateTimeImmutable( '2026-02-27T10:00:00Z' ), 120, 30 );

		$this->assertSame( array( '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02' ), $request->dates() );
		$this->assertSame( ( new \DateTimeImmutable( '2026-02-27T12:00:00Z' ) )->getTimestamp(), $request->earliest_start() );
	}

	public function test_horizon_counts_calendar_days_in_the_timezone_across_dst(): void {
		// Noon in Berlin the day before spring-forward; one day later is noon again, only 23 hours on.
		$request = new SlotRequest( 1, new ServiceRules( 30 ), '2026-03-28', '2026-03-29', 30, new \DateTimeImmutable( '2026-03-28T11:00:00Z' ), 0, 1 );

		$this->assertSame( ( new \DateTimeImmutable( '2026-03-29T10:00:00Z' ) )->getTimestamp(), $request->latest_start( new \DateTimeZone( 'Europe/Berlin' ) ) );
		$this->assertSame( ( new \DateTimeImmutable( '2026-03-29T11:00:00Z' ) )->getTimestamp(), $request->latest_start( new \DateTimeZone( 'UTC' ) ) );
	}

	public function test_accepts_one_year_of_dates(): void {
		$request = new SlotRequest( 1, new ServiceRules( 30 ), '2026-01-01', '2027-01-01', 30, new \DateTimeImmutable( '2026-01-01T00:00:00Z' ) );
		$this->assertCount( 366, $request->dates() );
	}

	/**
	 * @dataProvider invalid_requests
	 */
	public function test_rejects_invalid_requests( int $service_id, string $from, string $to, int $step, int $notice, int $horizon ): void {
		$this->expectException( \InvalidArgumentException::class );
		new SlotRequest( $service_id, new ServiceRules( 30 ), $from, $to, $step, new \DateTimeImmutable( '2026-01-01T00:00:00Z' ), $notice, $horizon );
	}

	/**
	 * @return array<string, array{0: int, 1: string, 2: string, 3: int, 4: int, 5: int}>
	 */
	public function invalid_requests(): array {
		return array(
			'no service'        => array( 0, '2026-06-01', '2026-06-01', 30, 0, 30 ),
			'not a date'        => array( 1, 'tomorrow', '2026-06-01', 30, 0, 30 ),
			'impossible date'   => array( 1, '2026-06-01', '2026-02-30', 30, 0, 30 ),
			'dates backwards'   => array( 1, '2026-06-02', '2026-06-01', 30, 0, 30 ),
			'more than a year'  => array( 1, '2026-01-01', '2027-01-02', 30, 0, 30 ),
			'no step'           => array( 1, '2026-06-01', '2026-06-01', 0, 0, 30 ),
			'step off the grid' => array( 1, '2026-06-01', '2026-06-01', 7, 0, 30 ),
			'negative notice'   => array( 1, '2026-06-01', '2026-06-01', 30, -1, 30 ),
			'no horizon'        => array( 1, '2026-06-01', '2026-06-01', 30, 0, 0 ),
		);
	}
}
