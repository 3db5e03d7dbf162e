<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\Calendars;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\HoldStore;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Poll\PollService;
use AppointEase\Poll\PollSnapshots;

/**
 * While Redis serves, the booked part of a poll answer is kept there, so a
 * poll reads no SQL; a committed change makes it stale at once, and a
 * change that lands while a snapshot is being built is never hidden by it.
 *
 * The local test site's Redis serves here. The snapshots use the site's
 * prefix (the change hook writes there), and tear_down() deletes them, as
 * the per-test rollback does not reach Redis.
 */
final class PollSnapshotsTest extends RestTestCase {

	protected function tear_down(): void {
		$redis = HoldStoreFactory::shared()->redis();
		if ( null !== $redis ) {
			$keys = $redis->keys( HoldStoreFactory::shared()->prefix() . 'poll:*' );
			if ( is_array( $keys ) && array() !== $keys ) {
				$redis->del( $keys );
			}
		}
		parent::tear_down();
	}

	public function test_a_repeated_poll_reads_no_sql_while_redis_serves(): void {
		global $wpdb;
		$this->assertNotNull( HoldStoreFactory::shared()->redis(), 'The local test site has Redis.' );
		$this->book( '10:00' );
		$poll = PollService::create_default();
		$now  = new \DateTimeImmutable( 'now' );

		$first   = $poll->answer( $this->employee->id, $this->monday, $now );
		$queries = $wpdb->num_queries;
		$second  = $poll->answer( $this->employee->id, $this->monday, $now );

		$this->assertSame( 0, $wpdb->num_queries - $queries, 'The second poll is answered from Redis.' );
		$this->assertSame( $first, $second );
		$this->assertCount( 1, $second['booked'] ?? array() );
	}

	public function test_the_kept_answer_is_the_answer_the_database_gives(): void {
		$this->book( '10:00' );
		$this->book( '11:00' );
		$now    = new \DateTimeImmutable( 'now' );
		$direct = $this->poll_without_snapshots()->answer( $this->employee->id, $this->monday, $now );
		$kept   = PollService::create_default();

		$this->assertSame( $direct, $kept->answer( $this->employee->id, $this->monday, $now ), 'Built.' );
		$this->assertSame( $direct, $kept->answer( $this->employee->id, $this->monday, $now ), 'Read back from Redis.' );
		$this->assertSame( null, $kept->answer( $this->employee->id + 1000, $this->monday, $now ), 'No such employee, built.' );
		$this->assertSame( null, $kept->answer( $this->employee->id + 1000, $this->monday, $now ), 'No such employee, read back.' );
	}

	public function test_a_booking_shows_in_the_very_next_poll(): void {
		$poll   = PollService::create_default();
		$now    = new \DateTimeImmutable( 'now' );
		$before = $poll->answer( $this->employee->id, $this->monday, $now );
		$this->assertSame( array(), $before['booked'] ?? null );

		$this->book( '10:00' );
		$after = $poll->answer( $this->employee->id, $this->monday, $now );

		$this->assertCount( 1, $after['booked'] ?? array() );
		$this->assertGreaterThan( $before['version'] ?? 0, $after['version'] ?? 0 );
	}

	public function test_a_change_that_lands_while_a_snapshot_is_built_is_not_hidden_by_it(): void {
		$snapshots = PollSnapshots::create_default();
		$employee  = $this->employee->id;

		$old  = $snapshots->get(
			$employee,
			$this->monday,
			function () use ( $snapshots, $employee ): array {
				// The rows were read; now a change commits before the snapshot is stored.
				$snapshots->invalidate( $employee, $this->monday );
				return array( 'rows' => 'old' );
			}
		);
		$new  = $snapshots->get( $employee, $this->monday, static fn(): array => array( 'rows' => 'new' ) );
		$kept = $snapshots->get( $employee, $this->monday, static fn(): array => array( 'rows' => 'newer, but nothing changed' ) );

		$this->assertSame( array( 'rows' => 'old' ), $old );
		$this->assertSame( array( 'rows' => 'new' ), $new, 'The snapshot built before the change does not serve.' );
		$this->assertSame( array( 'rows' => 'new' ), $kept, 'Without a change, the snapshot serves.' );
	}

	public function test_a_snapshot_expires_within_its_ttl_so_edits_without_a_change_event_show(): void {
		$snapshots = PollSnapshots::create_default();
		$snapshots->get( $this->employee->id, $this->monday, static fn(): array => array( 'rows' => 1 ) );

		$redis = HoldStoreFactory::shared()->redis();
		$this->assertNotNull( $redis );
		$ttl = $redis->ttl( HoldStoreFactory::shared()->prefix() . 'poll:{' . $this->employee->id . ':' . $this->monday . '}:snapshot' );
		$this->assertGreaterThan( 0, $ttl );
		$this->assertLessThanOrEqual( PollSnapshots::SNAPSHOT_TTL, $ttl );
	}

	public function test_without_redis_or_with_a_failing_redis_every_poll_reads_the_database(): void {
		$builds = 0;
		$build  = static function () use ( &$builds ): array {
			++$builds;
			return array( 'rows' => $builds );
		};
		$none   = new PollSnapshots( static fn(): ?\Redis => null, 'aetest:' );
		$none->get( 1, $this->monday, $build );
		$none->get( 1, $this->monday, $build );
		$none->invalidate( 1, $this->monday );
		$this->assertSame( 2, $builds );

		// Never connected: every call fails as a lost connection does, and no warning escapes.
		$gone = new PollSnapshots( static fn(): \Redis => new \Redis(), 'aetest:' );
		$this->assertSame( array( 'rows' => 3 ), $gone->get( 1, $this->monday, $build ) );
		$this->assertSame( array( 'rows' => 4 ), $gone->get( 1, $this->monday, $build ) );
		$gone->invalidate( 1, $this->monday );
	}

	/**
	 * The poll service reading the database on every call.
	 */
	private function poll_without_snapshots(): PollService {
		return new PollService( new EmployeeRepository(), new ServiceRepository(), new BookingRepository(), new Calendars(), static fn(): HoldStore => HoldStoreFactory::shared()->store() );
	}
}
