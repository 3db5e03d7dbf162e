<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisOutage;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Which store a site gets, from its wp-config.php constants.
 */
final class HoldStoreFactoryTest extends TestCase {

	protected function tear_down(): void {
		( new RedisOutage() )->clear();
		parent::tear_down();
	}

	public function test_without_redis_the_database_serves(): void {
		$factory = new HoldStoreFactory( null, new RedisOutage() );

		$this->assertSame( 'database', $factory->store()->name() );
		$this->assertSame(
			array(
				'store'      => 'database',
				'configured' => false,
				'reachable'  => false,
				'latency_ms' => null,
				'error'      => null,
			),
			$factory->status()
		);
		$this->assertNull( $factory->redis() );
		$this->assertSame( '', $factory->prefix() );
	}

	public function test_the_local_site_gets_redis_and_the_store_is_chosen_once(): void {
		( new RedisOutage() )->clear();
		$factory = HoldStoreFactory::shared();

		$this->assertSame( 'redis', $factory->store()->name() );
		$this->assertSame( $factory->store(), $factory->store() );
		$this->assertSame( $factory, HoldStoreFactory::shared() );
		$this->assertTrue( $factory->status()['reachable'] );
		$this->assertInstanceOf( \Redis::class, $factory->redis(), 'Other data that may be lost shares the connection.' );
		$this->assertStringStartsWith( 'appointease:', $factory->prefix() );
	}

	public function test_the_plugins_own_constants_win(): void {
		$config = RedisConfig::from_constants(
			self::constants(
				array(
					'APPOINTEASE_REDIS_HOST'     => 'redis.internal',
					'APPOINTEASE_REDIS_PORT'     => '6390',
					'APPOINTEASE_REDIS_PASSWORD' => 'secret',
					'APPOINTEASE_REDIS_DB'       => 3,
					'WP_REDIS_HOST'              => 'object-cache.internal',
				)
			),
			'wp_'
		);

		$this->assertNotNull( $config );
		$this->assertSame( array( 'redis.internal', 6390, 'secret', 3, 'appointease:wp_:' ), array( $config->host, $config->port, $config->password, $config->database, $config->prefix ) );
		$this->assertSame( 'redis.internal:6390', $config->endpoint() );
	}

	public function test_the_redis_object_cache_constants_are_used_when_the_plugins_own_are_missing(): void {
		$config = RedisConfig::from_constants(
			self::constants(
				array(
					'WP_REDIS_HOST'     => 'object-cache.internal',
					'WP_REDIS_PORT'     => 6381,
					'WP_REDIS_PASSWORD' => array( 'user', 'pass' ),
					'WP_REDIS_DATABASE' => '2',
					'WP_REDIS_PREFIX'   => 'shop',
				)
			),
			'wp_3_'
		);

		$this->assertNotNull( $config );
		$this->assertSame( array( 'object-cache.internal', 6381, array( 'user', 'pass' ), 2, 'shop:appointease:wp_3_:' ), array( $config->host, $config->port, $config->password, $config->database, $config->prefix ) );
	}

	public function test_an_explicit_prefix_is_taken_as_it_is_and_defaults_fill_the_rest(): void {
		$config = RedisConfig::from_constants(
			self::constants(
				array(
					'APPOINTEASE_REDIS_HOST'   => '127.0.0.1',
					'APPOINTEASE_REDIS_PREFIX' => 'site-a:',
				)
			)
		);

		$this->assertNotNull( $config );
		$this->assertSame( array( 6379, null, 0, 'site-a:' ), array( $config->port, $config->password, $config->database, $config->prefix ) );
	}

	public function test_by_default_keys_are_apart_per_database_and_table_prefix(): void {
		global $wpdb;
		$config = RedisConfig::from_constants( self::constants( array( 'APPOINTEASE_REDIS_HOST' => '127.0.0.1' ) ) );

		$this->assertNotNull( $config );
		$this->assertSame( 'appointease:' . (string) constant( 'DB_NAME' ) . ':' . $wpdb->prefix . ':', $config->prefix, 'The test site and the demo site share one Redis.' );
	}

	public function test_no_host_means_no_redis(): void {
		$this->assertNull( RedisConfig::from_constants( self::constants( array() ) ) );
		$this->assertNull( RedisConfig::from_constants( self::constants( array( 'APPOINTEASE_REDIS_HOST' => '' ) ) ) );
	}

	/**
	 * A constant reader over an array.
	 *
	 * @param array<string, mixed> $values Constants by name.
	 * @return callable(string): mixed
	 */
	private static function constants( array $values ): callable {
		return static fn( string $name ): mixed => $values[ $name ] ?? null;
	}
}
