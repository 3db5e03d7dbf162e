<?php
/**
 * Keeps the database part of poll answers in Redis.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Poll;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\RedisGuard;
use AppointEase\Holds\StoreUnavailableException;

defined( 'ABSPATH' ) || exit;

/**
 * The booked part of a calendar (version, timezone, booked sessions) changes
 * only when a booking or hold commits, yet every watching visitor asks for
 * it each second. When Redis serves, that part is kept there, so a poll
 * costs Redis round trips and no SQL.
 *
 * Each calendar has a generation counter next to its snapshot. A committed
 * change (`appointease_slot_changed`) increments the counter, and a snapshot
 * counts only while it carries the current generation. A reader notes the
 * generation before it reads the database, so a snapshot built from rows
 * that a concurrent change was replacing is stale the moment that change
 * lands: no race can leave an old answer in place.
 *
 * Snapshots also expire after SNAPSHOT_TTL seconds. That bounds how long an
 * edit that fires no change event (a service's capacity, an employee's
 * timezone) or a change made while Redis was away can go unseen.
 */
final class PollSnapshots {

	/** Seconds a snapshot may serve at most. */
	public const SNAPSHOT_TTL = 10;

	/** Seconds an idle calendar's generation counter is kept. */
	private const GENERATION_TTL = 86400;

	/**
	 * Builds it.
	 *
	 * @param callable(): ?\Redis $redis  Gives the connection, or null when Redis does not serve.
	 * @param string              $prefix Key prefix of this site.
	 */
	public function __construct( private $redis, private readonly string $prefix ) {
	}

	/**
	 * Snapshots in the site's Redis, when it serves.
	 */
	public static function create_default(): self {
		return new self( static fn(): ?\Redis => HoldStoreFactory::shared()->redis(), HoldStoreFactory::shared()->prefix() );
	}

	/**
	 * Hooked to `appointease_slot_changed`: the calendar's snapshot is stale.
	 *
	 * @param array<string, mixed> $change The change (employee_id and date are used).
	 */
	public static function on_slot_changed( $change ): void {
		if ( is_array( $change ) && isset( $change['employee_id'], $change['date'] ) ) {
			self::create_default()->invalidate( (int) $change['employee_id'], (string) $change['date'] );
		}
	}

	/**
	 * A calendar's snapshot, built by `$build` and kept when none is current.
	 * Without Redis, or when Redis fails, it is simply built.
	 *
	 * @template T
	 * @param int           $employee_id Employee.
	 * @param string        $date        Local date, Y-m-d.
	 * @param callable(): T $build       Reads the calendar from the database.
	 * @return T
	 */
	public function get( int $employee_id, string $date, callable $build ) {
		$redis = ( $this->redis )();
		if ( null === $redis ) {
			return $build();
		}
		list( $snapshot_key, $generation_key ) = $this->keys( $employee_id, $date );
		try {
			$stored = RedisGuard::run( static fn() => $redis->mGet( array( $snapshot_key, $generation_key ) ) );
		} catch ( StoreUnavailableException $unreachable ) {
			return $build();
		}
		$generation = is_array( $stored ) ? (int) ( $stored[1] ?? 0 ) : 0;
		$snapshot   = is_array( $stored ) && is_string( $stored[0] ?? null ) ? json_decode( $stored[0], true ) : null;
		if ( is_array( $snapshot ) && array_key_exists( 'calendar', $snapshot ) && ( $snapshot['generation'] ?? null ) === $generation ) {
			return $snapshot['calendar'];
		}

		$calendar = $build();
		$json     = (string) wp_json_encode(
			array(
				'generation' => $generation,
				'calendar'   => $calendar,
			)
		);
		try {
			RedisGuard::run( static fn() => $redis->set( $snapshot_key, $json, array( 'ex' => self::SNAPSHOT_TTL ) ) );
		} catch ( StoreUnavailableException $unreachable ) {
			// The answer is right; the next poll builds it again.
			unset( $unreachable );
		}
		return $calendar;
	}

	/**
	 * Makes a calendar's snapshot stale.
	 *
	 * @param int    $employee_id Employee.
	 * @param string $date        Local date, Y-m-d.
	 */
	public function invalidate( int $employee_id, string $date ): void {
		$redis = ( $this->redis )();
		if ( null === $redis ) {
			return;
		}
		$generation_key = $this->keys( $employee_id, $date )[1];
		try {
			RedisGuard::run( static fn() => $redis->multi()->incr( $generation_key )->expire( $generation_key, self::GENERATION_TTL )->exec() );
		} catch ( StoreUnavailableException $unreachable ) {
			// SNAPSHOT_TTL bounds how long the old snapshot can serve.
			unset( $unreachable );
		}
	}

	/**
	 * The snapshot and generation keys of a calendar. Both share a hash tag,
	 * so one MGET reads them on Redis Cluster too.
	 *
	 * @param int    $employee_id Employee.
	 * @param string $date        Local date, Y-m-d.
	 * @return array{0: string, 1: string}
	 */
	private function keys( int $employee_id, string $date ): array {
		$calendar = $this->prefix . 'poll:{' . $employee_id . ':' . $date . '}:';
		return array( $calendar . 'snapshot', $calendar . 'generation' );
	}
}
