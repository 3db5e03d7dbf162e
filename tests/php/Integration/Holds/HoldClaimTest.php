<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\Hold;
use AppointEase\Holds\HoldClaim;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * The claim refuses what no store could hold, and applies the one conflict rule.
 */
final class HoldClaimTest extends TestCase {

	use HoldFixtures;

	/**
	 * @return array<string, array{0: int, 1: string, 2: string, 3: string, 4: string, 5: int, 6: int, 7: int}>
	 */
	public function invalid_claims(): array {
		return array(
			'no employee'                 => array( 0, '10:00', '10:30', '10:00', '10:30', 1, 1, 0 ),
			'ends before it starts'       => array( 1, '10:30', '10:00', '10:00', '10:30', 1, 1, 0 ),
			'occupied range too short'    => array( 1, '10:00', '10:30', '10:05', '10:30', 1, 1, 0 ),
			'occupied range off the grid' => array( 1, '10:00', '10:30', '09:58', '10:30', 1, 1, 0 ),
			'no seat'                     => array( 1, '10:00', '10:30', '10:00', '10:30', 0, 1, 0 ),
			'more seats than capacity'    => array( 1, '10:00', '10:30', '10:00', '10:30', 2, 1, 0 ),
			'no capacity'                 => array( 1, '10:00', '10:30', '10:00', '10:30', 1, 0, 0 ),
			'negative booked seats'       => array( 1, '10:00', '10:30', '10:00', '10:30', 1, 1, -1 ),
		);
	}

	/**
	 * @dataProvider invalid_claims
	 */
	public function test_an_impossible_claim_is_refused_at_once( int $employee, string $start, string $end, string $occupied_start, string $occupied_end, int $seats, int $capacity, int $booked ): void {
		$at = static fn( string $time ): \DateTimeImmutable => new \DateTimeImmutable( '2030-01-07 ' . $time . ':00', new \DateTimeZone( 'UTC' ) );

		$this->expectException( \InvalidArgumentException::class );
		new HoldClaim( $employee, 7, $at( $start ), $at( $end ), $at( $occupied_start ), $at( $occupied_end ), $seats, $capacity, $booked );
	}

	public function test_refusal_applies_overlap_and_capacity(): void {
		$held = array(
			$this->hold( 7, '10:00', 2 ),
			$this->hold( 8, '12:00', 1 ),
		);

		$this->assertNull( self::claim( 1, 7, '10:00', 30, 1, 3 )->refusal( $held ) );
		$this->assertNotNull( self::claim( 1, 7, '10:00', 30, 1, 3, 1 )->refusal( $held ), '2 held + 1 booked + 1 > 3' );
		$this->assertNotNull( self::claim( 1, 7, '10:10', 30, 1, 3 )->refusal( $held ), 'Another start of the same service overlaps.' );
		$this->assertNull( self::claim( 1, 9, '10:30', 90, 1, 1 )->refusal( $held ), 'Touches both, overlaps neither.' );
		$this->assertNotNull( self::claim( 1, 9, '10:30', 95, 1, 1 )->refusal( $held ) );
	}

	public function test_new_ids_are_random_and_well_formed(): void {
		$ids = array_map( static fn(): string => Hold::new_id(), range( 1, 50 ) );

		$this->assertCount( 50, array_unique( $ids ) );
		foreach ( $ids as $id ) {
			$this->assertTrue( Hold::is_id( $id ) );
		}
		$this->assertFalse( Hold::is_id( 'h' . str_repeat( 'G', 20 ) ) );
	}

	private function hold( int $service, string $start, int $seats ): Hold {
		$claim = self::claim( 1, $service, $start, 30, $seats, 3 );
		return new Hold( Hold::new_id(), 1, $service, $claim->start, $claim->end, $claim->occupied_start, $claim->occupied_end, $seats, 0, 100 );
	}
}
