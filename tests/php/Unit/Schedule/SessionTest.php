<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Unit\Schedule;

use AppointEase\Schedule\Session;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

final class SessionTest extends TestCase {

	public function test_stores_utc_and_occupies_its_buffers(): void {
		$session = new Session( 4, new \DateTimeImmutable( '2026-06-01T10:00:00+02:00' ), new \DateTimeImmutable( '2026-06-01T10:45:00+02:00' ), 10, 15, 3, 2 );

		$this->assertSame( '2026-06-01T08:00:00+00:00', $session->start->format( DATE_ATOM ) );
		$this->assertSame( '2026-06-01T08:45:00+00:00', $session->end->format( DATE_ATOM ) );
		$this->assertSame( '2026-06-01T07:50:00+00:00', $session->occupied_start()->format( DATE_ATOM ) );
		$this->assertSame( '2026-06-01T09:00:00+00:00', $session->occupied_end()->format( DATE_ATOM ) );
		$this->assertSame( 5, $session->seats_taken() );
	}

	public function test_is_the_same_session_only_for_the_same_service_and_instant(): void {
		$session = new Session( 4, new \DateTimeImmutable( '2026-06-01T08:00:00Z' ), new \DateTimeImmutable( '2026-06-01T09:00:00Z' ), 0, 0, 1, 0 );

		$this->assertTrue( $session->is( 4, new \DateTimeImmutable( '2026-06-01T10:00:00+02:00' ) ) );
		$this->assertFalse( $session->is( 5, new \DateTimeImmutable( '2026-06-01T08:00:00Z' ) ) );
		$this->assertFalse( $session->is( 4, new \DateTimeImmutable( '2026-06-01T08:05:00Z' ) ) );
	}

	/**
	 * @dataProvider invalid_sessions
	 */
	public function test_rejects_invalid_sessions( string $end, int $before, int $after, int $booked, int $held ): void {
		$this->expectException( \InvalidArgumentException::class );
		new Session( 1, new \DateTimeImmutable( '2026-06-01T08:00:00Z' ), new \DateTimeImmutable( $end ), $before, $after, $booked, $held );
	}

	/**
	 * @return array<string, array{0: string, 1: int, 2: int, 3: int, 4: int}>
	 */
	public function invalid_sessions(): array {
		return array(
			'empty'           => array( '2026-06-01T08:00:00Z', 0, 0, 1, 0 ),
			'ends before'     => array( '2026-06-01T07:00:00Z', 0, 0, 1, 0 ),
			'negative before' => array( '2026-06-01T09:00:00Z', -5, 0, 1, 0 ),
			'negative after'  => array( '2026-06-01T09:00:00Z', 0, -5, 1, 0 ),
			'negative booked' => array( '2026-06-01T09:00:00Z', 0, 0, -1, 0 ),
			'negative held'   => array( '2026-06-01T09:00:00Z', 0, 0, 0, -1 ),
		);
	}
}
