<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\WallClock;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class WallClockTest extends TestCase {

	/**
	 * @dataProvider wall_times
	 */
	public function test_maps_wall_times_to_instants( string $zone, string $date, int $minutes, string $expected_utc ): void {
		$instant = WallClock::instant( $date, $minutes, new \DateTimeZone( $zone ) );
		$this->assertSame( $expected_utc, gmdate( 'Y-m-d\TH:i', $instant ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: int, 3: string}>
	 */
	public function wall_times(): array {
		return array(
			'ordinary summer time'         => array( 'Europe/Berlin', '2026-06-01', 9 * 60, '2026-06-01T07:00' ),
			'end of day is next midnight'  => array( 'Europe/Berlin', '2026-06-01', 1440, '2026-06-01T22:00' ),
			'before the gap'               => array( 'Europe/Berlin', '2026-03-29', 60 + 59, '2026-03-29T00:59' ),
			'gap start becomes jump'       => array( 'Europe/Berlin', '2026-03-29', 120, '2026-03-29T01:00' ),
			'inside the gap becomes jump'  => array( 'Europe/Berlin', '2026-03-29', 150, '2026-03-29T01:00' ),
			'just after the gap'           => array( 'Europe/Berlin', '2026-03-29', 180, '2026-03-29T01:00' ),
			'repeated time, first of two'  => array( 'Europe/Berlin', '2026-10-25', 150, '2026-10-25T00:30' ),
			'after the repeated hour'      => array( 'Europe/Berlin', '2026-10-25', 180, '2026-10-25T02:00' ),
			'end of a fall-back day'       => array( 'Europe/Berlin', '2026-10-25', 1440, '2026-10-25T23:00' ),
			'new york spring gap'          => array( 'America/New_York', '2026-03-08', 150, '2026-03-08T07:00' ),
			'new york repeated hour'       => array( 'America/New_York', '2026-11-01', 90, '2026-11-01T05:30' ),
			'utc has no transitions'       => array( 'UTC', '2026-03-29', 150, '2026-03-29T02:30' ),
			'half-hour offset zone'        => array( 'Asia/Kolkata', '2026-06-01', 9 * 60, '2026-06-01T03:30' ),
			'southern hemisphere fallback' => array( 'Australia/Sydney', '2026-04-05', 150, '2026-04-04T15:30' ),
		);
	}

	public function test_at_shows_an_instant_in_a_timezone(): void {
		$this->assertSame( '2026-10-25T02:00:00+01:00', WallClock::at( ( new \DateTimeImmutable( '2026-10-25T01:00:00Z' ) )->getTimestamp(), new \DateTimeZone( 'Europe/Berlin' ) )->format( DATE_ATOM ) );
	}
}
