<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\HoldStore;
use AppointEase\Holds\RedisHoldStore;

/**
 * The hold contract against the Redis store on the local site's Redis, under
 * a key prefix of its own, plus what only Redis has: the key layout and the
 * script cache.
 */
final class RedisHoldStoreTest extends HoldStoreContractTest {

	private \Redis $redis;

	private string $prefix;

	protected function make_store(): HoldStore {
		$this->redis  = self::local_redis();
		$this->prefix = self::redis_prefix();
		return new RedisHoldStore( $this->redis, $this->prefix );
	}

	protected function tear_down(): void {
		self::delete_redis_keys( $this->redis, $this->prefix );
		$this->redis->close();
		parent::tear_down();
	}

	public function test_name(): void {
		$this->assertSame( 'redis', $this->store->name() );
	}

	public function test_keys_hold_only_the_token_hash_and_expire_on_their_own(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$record = $this->redis->hGet( $this->prefix . '{holds}:emp:' . self::ALICE, $hold->id );
		$this->assertIsString( $record );
		$this->assertSame( $token, json_decode( $record, true )['token_hash'] );
		$this->assertSame( (string) self::ALICE, $this->redis->get( $this->prefix . '{holds}:hold:' . $hold->id ) );
		$this->assertSame( $hold->id, $this->redis->get( $this->prefix . '{holds}:tok:' . $token ) );
		foreach ( array( '{holds}:emp:' . self::ALICE, '{holds}:hold:' . $hold->id, '{holds}:tok:' . $token ) as $key ) {
			$ttl = $this->redis->ttl( $this->prefix . $key );
			$this->assertGreaterThan( 600, $ttl, "$key must outlive the hold's maximum life." );
			$this->assertLessThanOrEqual( 600 + HoldStore::GRACE_SECONDS, $ttl, "$key must not outlive the grace period." );
		}
	}

	public function test_scripts_run_again_after_the_server_forgot_them(): void {
		$token = self::token();
		$hold  = $this->store->acquire( self::claim( self::ALICE, 7, '10:00' ), $token, 30, 600, self::NOW );

		$this->redis->script( 'flush' ); // As after a Redis restart: EVALSHA answers NOSCRIPT.

		$this->assertSame( self::NOW + 31, $this->store->renew( $hold->id, $token, 30, self::NOW + 1 )->expires_at );
		$this->assertSame( '', (string) $this->redis->getLastError() );
	}
}
