<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\Hold;
use AppointEase\Holds\HoldClaim;
use AppointEase\Holds\HoldConflictException;
use AppointEase\Holds\HoldExpiredException;
use AppointEase\Holds\HoldNotFoundException;
use AppointEase\Holds\HoldStore;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * What every hold store promises, run against each store by a subclass.
 *
 * Time is passed in, never slept: NOW is a fixed instant, and "later" is
 * NOW plus seconds.
 */
abstract class HoldStoreContractTest extends TestCase {

	use HoldFixtures;

	protected const NOW = 1893900000; // 2030-01-06, the day before the held times.

	protected const ALICE = 9101;

	protected const BOB = 9102;

	protected HoldStore $store;

	abstract protected function make_store(): HoldStore;

	protected function set_up(): void {
		parent::set_up();
		$this->store = $this->make_store();
	}

	public function test_acquire_takes_a_live_hold_with_a_public_id(): void {
		$berlin = new \DateTimeZone( 'Europe/Berlin' );
		$claim  = new HoldClaim(
			self::ALICE,
			7,
			new \DateTimeImmutable( '2030-01-07 11:00', $berlin ),
			new \DateTimeImmutable( '2030-01-07 11:30', $berlin ),
			new \DateTimeImmutable( '2030-01-07 10:50', $berlin ),
			new \DateTimeImmutable( '2030-01-07 11:40', $berlin ),
			1,
			1
		);

		$hold = $this->store->acquire( $claim, self::token(), 30, 600, self::NOW );

		$this->assertMatchesRegularExpression( '/^h[0-9a-f]{20}$/', $hold->id );
		$this->assertSame( array( self::ALICE, 7, 1, self::NOW, self::NOW + 30 ), array( $hold->employee_id, $hold->service_id, $hold->seats, $hold->created_at, $hold->expires_at ) );
		$this->assertSame( '2030-01-07T10:00:00+00:00', $hold->start->format( DATE_ATOM ), 'Times come back in UTC.' );
		$this->assertSame( 'UTC', $hold->start->getTimezone()->getName() );
		$this->assertSame( '2030-01-07T09:50:00+00:00', $hold->occupied_start->format( DATE_ATOM ) );
		$this->assertSame( '2030-01-07T10:40:00+00:00', $hold->occupied_end->format( DATE_ATOM ) );
		$this->assertEquals( $hold, $this->store->find( $hold->id, self::NOW ) );
		$this->assertSame(
			array(
				'id'         => $hold->id,
				'start'      => '2030-01-07T10:00:00+00:00',
				'end'        => '2030-01-07T10:30:00+00:00',
				'seats'      => 1,
				'expires_at' => gmdate( 'Y-m-d\TH:i:s+00:00', self::NOW + 30 ),
			),
			$hold->to_public_array()
		);
		$this->assertNull( $this->store->find( $hold->id, self::NOW + 30 ), 'At its expiry instant the hold is gone.' );
	}

	public function test_an_overlapping_hold_of_another_session_conflicts(): void {
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 600, self::NOW );

		$refused = array(
			'another service, same start'      => self::claim( self::ALICE, 8, '10:00' ),
			'another service, overlapping'     => self::claim( self::ALICE, 8, '10:15' ),
			'same service, another start'      => self::claim( self::ALICE, 7, '10:25' ),
			'a buffer before reaching into it' => self::claim( self::ALICE, 8, '10:35', 30, 1, 1, 0, 10 ),
			'a buffer after reaching into it'  => self::claim( self::ALICE, 8, '09:30', 25, 1, 1, 0, 0, 10 ),
		);
		foreach ( $refused as $case => $claim ) {
			try {
				$this->store->acquire( $claim, self::token(), 30, 600, self::NOW );
				$this->fail( "Not refused: $case." );
			} catch ( HoldConflictException $e ) {
				$this->assertNotSame( '', $e->getMessage() );
			}
		}

		// Touching is not overlapping; another employee is another calendar.
		$this->store->acquire( self::claim( self::ALICE, 8, '10:30' ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 8, '09:30' ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::BOB, 8, '10:00' ), self::token(), 30, 600, self::NOW );
		$this->assertCount( 3, $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW ) );
	}

	public function test_a_group_session_counts_live_holds_and_booked_seats_against_its_capacity(): void {
		// Capacity 5, two seats booked already.
		$this->store->acquire( self::claim( self::ALICE, 9, '18:00', 60, 1, 5, 2 ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 9, '18:00', 60, 1, 5, 2 ), self::token(), 30, 600, self::NOW );

		$this->assert_conflict( self::claim( self::ALICE, 9, '18:00', 60, 2, 5, 2 ), 'Two seats asked, one left.' );
		$this->store->acquire( self::claim( self::ALICE, 9, '18:00', 60, 1, 5, 2 ), self::token(), 30, 600, self::NOW );
		$this->assert_conflict( self::claim( self::ALICE, 9, '18:00', 60, 1, 5, 2 ), 'Full: 2 booked and 3 held.' );
		$this->assert_conflict( self::claim( self::ALICE, 9, '18:00', 60, 1, 5, 5 ), 'Full by bookings alone.' );

		$held = $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW );
		$this->assertSame( 3, array_sum( array_map( static fn( Hold $h ): int => $h->seats, $held ) ) );
	}

	public function test_renew_extends_the_hold_but_never_past_its_maximum_life(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 100, self::NOW );

		$this->assertSame( self::NOW + 50, $this->store->renew( $hold->id, $token, 30, self::NOW + 20 )->expires_at );
		$this->assertSame( self::NOW + 50, $this->store->renew( $hold->id, $token, 30, self::NOW + 20 )->expires_at, 'Renewing twice at one instant is fine.' );
		$this->assertSame( self::NOW + 75, $this->store->renew( $hold->id, $token, 30, self::NOW + 45 )->expires_at );
		$this->assertSame( self::NOW + 100, $this->store->renew( $hold->id, $token, 30, self::NOW + 74 )->expires_at, 'Capped at created_at + max life.' );
		$renewed = $this->store->renew( $hold->id, $token, 30, self::NOW + 99 );
		$this->assertSame( self::NOW + 100, $renewed->expires_at );
		$this->assertSame( self::NOW, $renewed->created_at );

		$this->expectException( HoldExpiredException::class );
		$this->store->renew( $hold->id, $token, 30, self::NOW + 100 );
	}

	public function test_renewing_an_expired_hold_says_expired(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		foreach ( array( 30, 31, 500 ) as $later ) {
			try {
				$this->store->renew( $hold->id, $token, 30, self::NOW + $later );
				$this->fail( "Renewed $later seconds after acquiring with a TTL of 30." );
			} catch ( HoldExpiredException $e ) {
				$this->assertNull( $this->store->find( $hold->id, self::NOW + $later ) );
			}
		}
	}

	public function test_a_wrong_token_gets_the_same_answer_as_an_unknown_id(): void {
		$hold   = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 600, self::NOW );
		$move   = self::claim( self::ALICE, 7, '12:00' );
		$wrong  = self::token();
		$absent = 'h' . str_repeat( '0', 20 );

		$messages = array();
		foreach ( array( array( $hold->id, $wrong ), array( $absent, $wrong ), array( 'not-an-id', $wrong ), array( $hold->id, 'not-a-hash' ) ) as list( $id, $token ) ) {
			foreach ( array(
				'renew'   => fn() => $this->store->renew( $id, $token, 30, self::NOW + 1 ),
				'move'    => fn() => $this->store->move( $id, $token, $move, 30, self::NOW + 1 ),
				'release' => fn() => $this->store->release( $id, $token, self::NOW + 1 ),
			) as $operation => $call ) {
				try {
					$call();
					$this->fail( "$operation succeeded with id $id and a wrong token." );
				} catch ( HoldNotFoundException $e ) {
					$messages[] = $e->getMessage();
				}
			}
		}
		$this->assertCount( 1, array_unique( $messages ), 'One answer for every case, so that guessing teaches nothing.' );
		$this->assertEquals( $hold, $this->store->find( $hold->id, self::NOW + 1 ), 'The hold is untouched.' );
	}

	public function test_release_removes_the_hold_and_frees_its_time(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$this->assertTrue( $this->store->release( $hold->id, $token, self::NOW + 5 ) );

		$this->assertNull( $this->store->find( $hold->id, self::NOW + 5 ) );
		$this->assertNull( $this->store->find_by_token( $token, self::NOW + 5 ) );
		$this->store->acquire( self::claim( self::ALICE, 8, '10:00' ), self::token(), 30, 600, self::NOW + 5 );
		$this->expectException( HoldNotFoundException::class );
		$this->store->release( $hold->id, $token, self::NOW + 6 );
	}

	public function test_releasing_an_expired_hold_answers_false(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$this->assertFalse( $this->store->release( $hold->id, $token, self::NOW + 40 ) );

		$this->expectException( HoldNotFoundException::class );
		$this->store->renew( $hold->id, $token, 30, self::NOW + 41 );
	}

	public function test_an_expired_hold_stops_counting_at_once(): void {
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 600, self::NOW );

		$this->assert_conflict( self::claim( self::ALICE, 8, '10:00' ), 'Still live one second before expiry.', self::NOW + 29 );
		$this->assertCount( 1, $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW + 29 ) );

		$this->assertCount( 0, $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW + 30 ) );
		$taken = $this->store->acquire( self::claim( self::ALICE, 8, '10:00' ), self::token(), 30, 600, self::NOW + 30 );
		$this->assertSame( 8, $taken->service_id );
	}

	public function test_move_takes_the_new_time_keeps_id_token_and_age_and_frees_the_old_time(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$moved = $this->store->move( $hold->id, $token, self::claim( self::ALICE, 8, '11:00', 45 ), 30, self::NOW + 10 );

		$this->assertSame( array( $hold->id, 8, self::NOW, self::NOW + 40 ), array( $moved->id, $moved->service_id, $moved->created_at, $moved->expires_at ) );
		$this->assertSame( '2030-01-07T11:00:00+00:00', $moved->start->format( DATE_ATOM ) );
		$this->assertSame( '2030-01-07T11:45:00+00:00', $moved->end->format( DATE_ATOM ) );
		$this->assertEquals( $moved, $this->store->find_by_token( $token, self::NOW + 10 ) );
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 600, self::NOW + 10 );
		$this->assert_conflict( self::claim( self::ALICE, 7, '11:00' ), 'The new time is held.', self::NOW + 10 );
	}

	public function test_a_hold_does_not_conflict_with_itself_when_moved_over_its_own_time(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$moved = $this->store->move( $hold->id, $token, self::claim( self::ALICE, 7, '10:15' ), 30, self::NOW + 1 );

		$this->assertSame( '2030-01-07T10:15:00+00:00', $moved->start->format( DATE_ATOM ) );
		$this->assertCount( 1, $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW + 1 ) );
	}

	public function test_max_life_still_counts_from_the_first_acquire_after_a_move(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 60, self::NOW );
		$this->store->renew( $hold->id, $token, 30, self::NOW + 25 );

		$moved = $this->store->move( $hold->id, $token, self::claim( self::ALICE, 7, '12:00' ), 30, self::NOW + 50 );
		$this->assertSame( self::NOW + 60, $moved->expires_at );

		$this->expectException( HoldExpiredException::class );
		$this->store->move( $hold->id, $token, self::claim( self::ALICE, 7, '13:00' ), 30, self::NOW + 60 );
	}

	public function test_a_refused_move_keeps_the_old_hold_unchanged(): void {
		$token = self::token();
		$mine  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 7, '11:00' ), self::token(), 30, 600, self::NOW );

		try {
			$this->store->move( $mine->id, $token, self::claim( self::ALICE, 8, '11:15' ), 30, self::NOW + 10 );
			$this->fail( 'Moved onto a held time.' );
		} catch ( HoldConflictException $e ) {
			$this->assertEquals( $mine, $this->store->find( $mine->id, self::NOW + 10 ), 'Same time, same expiry.' );
		}
		$this->assert_conflict( self::claim( self::ALICE, 8, '10:00' ), 'The old time is still held.', self::NOW + 10 );
	}

	public function test_move_to_another_employee(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::BOB, 7, '09:00' ), self::token(), 30, 600, self::NOW );

		$moved = $this->store->move( $hold->id, $token, self::claim( self::BOB, 7, '10:00' ), 30, self::NOW + 1 );

		$this->assertSame( self::BOB, $moved->employee_id );
		$this->assertSame( array(), $this->store->live( self::ALICE, self::NOW, self::NOW + 86400 * 2, self::NOW + 1 ) );
		$this->assertSame( array( '09:00', '10:00' ), $this->starts( $this->store->live( self::BOB, self::NOW, self::NOW + 86400 * 2, self::NOW + 1 ) ) );
		$this->assertSame( self::NOW + 31, $this->store->renew( $hold->id, $token, 30, self::NOW + 1 )->expires_at, 'It is found under its new employee.' );
		$this->assertTrue( $this->store->release( $hold->id, $token, self::NOW + 2 ) );
	}

	public function test_find_by_token_finds_the_live_hold_of_a_token_only(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$this->assertEquals( $hold, $this->store->find_by_token( $token, self::NOW + 1 ) );
		$this->assertNull( $this->store->find_by_token( self::token(), self::NOW + 1 ) );
		$this->assertNull( $this->store->find_by_token( 'not-a-hash', self::NOW + 1 ) );
		$this->assertNull( $this->store->find_by_token( $token, self::NOW + 30 ), 'Expired.' );
	}

	public function test_live_lists_the_live_holds_overlapping_a_window_sorted_by_start(): void {
		$this->store->acquire( self::claim( self::ALICE, 7, '14:00' ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 7, '09:00' ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 7, '11:00', 30, 1, 1, 0, 15 ), self::token(), 30, 600, self::NOW );
		$this->store->acquire( self::claim( self::ALICE, 7, '12:00' ), self::token(), 5, 600, self::NOW );
		$this->store->acquire( self::claim( self::BOB, 7, '10:00' ), self::token(), 30, 600, self::NOW );
		$day = (int) strtotime( '2030-01-07 00:00:00 UTC' );

		$this->assertSame( array( '09:00', '11:00', '12:00', '14:00' ), $this->starts( $this->store->live( self::ALICE, $day, $day + 86400, self::NOW ) ) );
		$this->assertSame( array( '09:00', '11:00', '14:00' ), $this->starts( $this->store->live( self::ALICE, $day, $day + 86400, self::NOW + 5 ) ), 'The 12:00 hold expired.' );
		// [09:30, 10:45): 09:00-09:30 only touches it; 11:00 with its 15-minute buffer occupies from 10:45, which also only touches it.
		$this->assertSame( array(), $this->store->live( self::ALICE, $day + 34200, $day + 38700, self::NOW ) );
		$this->assertSame( array( '11:00' ), $this->starts( $this->store->live( self::ALICE, $day + 34200, $day + 38701, self::NOW ) ) );
	}

	public function test_a_token_serves_one_hold_only(): void {
		$token = self::token();
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$this->expectException( \InvalidArgumentException::class );
		$this->store->acquire( self::claim( self::BOB, 7, '10:00' ), $token, 30, 600, self::NOW );
	}

	public function test_purge_never_removes_what_is_still_needed(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 100, self::NOW );

		$this->store->purge_expired( self::NOW + 99 );
		$this->assertNotNull( $this->store->find( $hold->id, self::NOW + 10 ) );
		$this->store->purge_expired( self::NOW + 100 + HoldStore::GRACE_SECONDS - 1 );

		$this->expectException( HoldExpiredException::class );
		$this->store->renew( $hold->id, $token, 30, self::NOW + 100 + HoldStore::GRACE_SECONDS - 1 );
	}

	public function test_an_expired_hold_is_forgotten_after_its_grace_period(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 100, self::NOW );
		$later = self::NOW + 100 + HoldStore::GRACE_SECONDS;

		$this->store->purge_expired( $later );
		// The next claim on the employee tidies up too, in case nothing purges.
		$this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), self::token(), 30, 100, $later );

		$this->expectException( HoldNotFoundException::class );
		$this->store->renew( $hold->id, $token, 30, $later );
	}

	/**
	 * Asserts that a claim is refused.
	 */
	protected function assert_conflict( HoldClaim $claim, string $why, int $now = self::NOW ): void {
		try {
			$this->store->acquire( $claim, self::token(), 30, 600, $now );
			$this->fail( "Not refused: $why" );
		} catch ( HoldConflictException $e ) {
			$this->addToAssertionCount( 1 );
		}
	}

	/**
	 * @param Hold[] $holds
	 * @return string[] Start times, 'H:i' UTC.
	 */
	protected function starts( array $holds ): array {
		return array_map( static fn( Hold $h ): string => $h->start->format( 'H:i' ), $holds );
	}
}
