<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\DatabaseHoldStore;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisOutage;
use AppointEase\Tests\Integration\Support\PrivateRedisServer;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * A private redis-server is stopped in the middle of a test: holds carry on
 * in the database, quietly, and a dead Redis costs at most its short timeout.
 */
final class RedisFailoverTest extends TestCase {

	use HoldFixtures;
	use PrivateRedisServer;

	private const EMPLOYEE = 9161;

	private const NOW = 1893900000;

	/**
	 * PHP errors reported while the store runs; there must be none.
	 *
	 * @var string[]
	 */
	private array $php_errors = array();
	protected function set_up(): void {
		parent::set_up();
		$this->assertFalse( $this->redis_port_answers(), 'Port ' . $this->redis_port() . ' is in use by something else.' );
		( new RedisOutage() )->clear();
		self::delete_employees_and_holds( array( self::EMPLOYEE ) );
		self::insert_employees( array( self::EMPLOYEE ) );
		$this->php_errors = array();
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the test fails on any warning or notice.
			function ( int $errno, string $message, string $file, int $line ): bool {
				$this->php_errors[] = "$message ($file:$line)";
				return true;
			}
		);
	}

	protected function tear_down(): void {
		restore_error_handler();
		$this->stop_redis_server();
		( new RedisOutage() )->clear();
		self::delete_employees_and_holds( array( self::EMPLOYEE ) );
		parent::tear_down();
	}

	public function test_holds_move_to_the_database_when_redis_stops_mid_request_without_a_warning(): void {
		$this->start_redis_server();
		$factory = new HoldStoreFactory( new RedisConfig( '127.0.0.1', $this->redis_port(), null, 0, 'aetest:' ), new RedisOutage() );
		$store   = $factory->store();
		$this->assertSame( 'redis', $store->name() );
		$status = $factory->status();
		$this->assertSame( array( 'redis', true, true, null ), array( $status['store'], $status['configured'], $status['reachable'], $status['error'] ) );
		$this->assertIsFloat( $status['latency_ms'] );

		$first = $store->acquire( self::claim( self::EMPLOYEE, 7, '10:00' ), self::token(), 30, 600, self::NOW );
		$this->assertSame( 1, $this->redis_holds(), 'The first hold lives in Redis.' );

		$this->stop_redis_server();
		$second = $store->acquire( self::claim( self::EMPLOYEE, 7, '11:00' ), self::token(), 30, 600, self::NOW );

		$this->assertSame( 'database', $store->name() );
		$this->assertNull( $factory->redis(), 'Nothing else uses the dead connection either.' );
		$this->assertNotNull( ( new DatabaseHoldStore() )->find( $second->id, self::NOW ), 'The second hold lives in the database.' );
		$this->assertNull( $store->find( $first->id, self::NOW ), 'What Redis held is lost, as designed.' );
		$status = $factory->status();
		$this->assertSame( array( 'database', true, false ), array( $status['store'], $status['configured'], $status['reachable'] ) );
		$this->assertNotEmpty( $status['error'] );
		$this->assertTrue( ( new RedisOutage() )->is_down( time() ), 'The failure is remembered for the next requests.' );
		$this->assertSame( array(), $this->php_errors, 'No PHP warning or notice may reach a visitor.' );
	}

	public function test_a_dead_redis_is_given_up_within_its_timeout_and_then_skipped_for_a_few_seconds(): void {
		$config = new RedisConfig( '127.0.0.1', $this->redis_port() );

		$started = microtime( true );
		$factory = new HoldStoreFactory( $config, new RedisOutage() );
		$this->assertSame( 'database', $factory->store()->name() );
		$this->assertLessThan( 0.5, microtime( true ) - $started );
		$status = $factory->status();
		$this->assertSame( array( 'database', true, false, null ), array( $status['store'], $status['configured'], $status['reachable'], $status['latency_ms'] ) );
		$this->assertStringContainsString( 'Redis', (string) $status['error'] );
		$this->assertGreaterThan( time(), (int) get_option( RedisOutage::OPTION ) );

		// The next request does not try again: a marker shared through the database says Redis is down.
		$this->start_redis_server();
		$next = new HoldStoreFactory( $config, new RedisOutage() );
		$this->assertSame( 'database', $next->store()->name() );
		$this->assertStringContainsString( 'tried again', (string) $next->status()['error'] );

		( new RedisOutage() )->clear();
		$this->assertSame( 'redis', ( new HoldStoreFactory( $config, new RedisOutage() ) )->store()->name(), 'Once the mark has passed, Redis serves again.' );
		$this->assertSame( array(), $this->php_errors );
	}

	public function test_an_unroutable_redis_host_costs_at_most_the_connect_timeout(): void {
		$started = microtime( true );
		$factory = new HoldStoreFactory( new RedisConfig( '10.255.255.1', 6379 ), new RedisOutage() );

		$this->assertSame( 'database', $factory->store()->name() );
		$this->assertLessThan( 0.5, microtime( true ) - $started );
		$this->assertSame( array(), $this->php_errors );
	}

	private function redis_holds(): int {
		$redis = new \Redis();
		$redis->connect( '127.0.0.1', $this->redis_port(), 1.0 );
		$count = (int) $redis->hLen( 'aetest:{holds}:emp:' . self::EMPLOYEE );
		$redis->close();
		return $count;
	}
}
