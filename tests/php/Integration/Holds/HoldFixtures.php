<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\HoldClaim;
use AppointEase\Holds\HoldToken;
use AppointEase\Holds\RedisConfig;
use AppointEase\Infrastructure\Schema;

/**
 * Claims, tokens, employees and clean-up shared by the hold store tests.
 *
 * The stores commit (the database store runs its own transactions; Redis has
 * none to roll back), so these tests do not use the rolled-back transaction
 * of the integration TestCase: they create and delete their own rows and keys.
 */
trait HoldFixtures {

	/**
	 * A claim on 2030-01-07 (a Monday), UTC.
	 *
	 * @param string $start         'H:i', UTC.
	 * @param int    $minutes       Duration.
	 * @param int    $buffer_before Minutes.
	 * @param int    $buffer_after  Minutes.
	 */
	protected static function claim( int $employee, int $service, string $start, int $minutes = 30, int $seats = 1, int $capacity = 1, int $booked = 0, int $buffer_before = 0, int $buffer_after = 0 ): HoldClaim {
		$from = new \DateTimeImmutable( '2030-01-07 ' . $start, new \DateTimeZone( 'UTC' ) );
		$to   = $from->modify( "+$minutes minutes" );
		return new HoldClaim( $employee, $service, $from, $to, $from->modify( "-$buffer_before minutes" ), $to->modify( "+$buffer_after minutes" ), $seats, $capacity, $booked );
	}

	/**
	 * A fresh token's hash.
	 */
	protected static function token(): string {
		return HoldToken::hash( HoldToken::generate() );
	}

	/**
	 * Committed employee rows, which the database store locks.
	 *
	 * @param int[] $ids Employee ids.
	 */
	protected static function insert_employees( array $ids ): void {
		global $wpdb;
		foreach ( $ids as $id ) {
			$wpdb->replace(
				Schema::table( 'employees' ),
				array(
					'id'         => $id,
					'name'       => 'Hold test ' . $id,
					'created_at' => '2030-01-01 00:00:00',
					'updated_at' => '2030-01-01 00:00:00',
				)
			);
		}
	}

	/**
	 * Deletes the employees and every hold row.
	 *
	 * @param int[] $ids Employee ids.
	 */
	protected static function delete_employees_and_holds( array $ids ): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'holds' ) );
		foreach ( $ids as $id ) {
			$wpdb->delete( Schema::table( 'employees' ), array( 'id' => $id ) );
		}
	}

	/**
	 * A key prefix no other run uses, on the local Redis.
	 */
	protected static function redis_prefix(): string {
		return 'aetest:' . bin2hex( random_bytes( 4 ) ) . ':';
	}

	/**
	 * A connection to the local site's Redis (config/wp-config.php).
	 */
	protected static function local_redis(): \Redis {
		$config = RedisConfig::from_constants();
		if ( null === $config ) {
			throw new \RuntimeException( 'The local site defines no APPOINTEASE_REDIS_HOST.' );
		}
		$redis = new \Redis();
		$redis->connect( $config->host, $config->port, 1.0 );
		return $redis;
	}

	/**
	 * Deletes every key under a prefix.
	 */
	protected static function delete_redis_keys( \Redis $redis, string $prefix ): void {
		$iterator = null;
		do {
			$keys = $redis->scan( $iterator, $prefix . '*', 1000 );
			if ( is_array( $keys ) && array() !== $keys ) {
				$redis->del( $keys );
			}
		} while ( $iterator > 0 );
	}
}
