<?php
/**
 * Chooses the hold store for this request.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Redis when it is configured and answers quickly, the database otherwise.
 *
 * The choice is made once per request (per factory), on first use, so a
 * request that never touches holds never connects to Redis. A Redis that
 * fails to connect, or fails later in the request, is remembered as down for
 * a few seconds (RedisOutage), during which every request goes straight to
 * the database instead of waiting for the connection timeout again.
 */
final class HoldStoreFactory {

	/**
	 * The factory configured from wp-config.php, shared by the request.
	 *
	 * @var self|null
	 */
	private static ?self $shared = null;

	/**
	 * The store, once chosen.
	 *
	 * @var HoldStore|null
	 */
	private ?HoldStore $store = null;

	/**
	 * The Redis connection while Redis serves; null otherwise.
	 *
	 * @var \Redis|null
	 */
	private ?\Redis $redis = null;

	/**
	 * What the choice found, for Site Health and the status route.
	 *
	 * @var array{store: string, configured: bool, reachable: bool, latency_ms: float|null, error: string|null}
	 */
	private array $status;

	/**
	 * Builds a factory.
	 *
	 * @param RedisConfig|null $config Where Redis is, or null when none is configured.
	 * @param RedisOutage      $outage The shared "down until" mark.
	 */
	public function __construct( private readonly ?RedisConfig $config, private readonly RedisOutage $outage ) {
		$this->status = array(
			'store'      => 'database',
			'configured' => null !== $config,
			'reachable'  => false,
			'latency_ms' => null,
			'error'      => null,
		);
	}

	/**
	 * Replaces the request's factory; null makes the next shared() choose
	 * again from wp-config.php's constants. A long-running process (a WP-CLI
	 * command, a queue worker) calls it with null to try Redis again after a
	 * failover; tests use it to run the routes against a Redis they control.
	 *
	 * @param self|null $factory The factory to use.
	 */
	public static function use_shared( ?self $factory ): void {
		self::$shared = $factory;
	}

	/**
	 * The request's factory, configured from wp-config.php's constants.
	 */
	public static function shared(): self {
		if ( null === self::$shared ) {
			self::$shared = new self( RedisConfig::from_constants(), new RedisOutage() );
		}
		return self::$shared;
	}

	/**
	 * The hold store, chosen on the first call.
	 */
	public function store(): HoldStore {
		if ( null === $this->store ) {
			$this->store = $this->choose();
		}
		return $this->store;
	}

	/**
	 * The open Redis connection, for other data that may be lost (calendar versions, rate-limit counters); null while the database serves.
	 *
	 * Calls on it should go through RedisGuard::run(), which turns every failure into StoreUnavailableException.
	 */
	public function redis(): ?\Redis {
		$this->store();
		return $this->redis;
	}

	/**
	 * The key prefix of this site in Redis; other keys go under it too. Empty when no Redis is configured.
	 */
	public function prefix(): string {
		return null === $this->config ? '' : $this->config->prefix;
	}

	/**
	 * Which store serves and why, after choosing it if that has not happened yet.
	 *
	 * @return array{store: string, configured: bool, reachable: bool, latency_ms: float|null, error: string|null}
	 */
	public function status(): array {
		$this->store();
		return $this->status;
	}

	/**
	 * Connects to Redis if it is configured and not known to be down; otherwise the database.
	 */
	private function choose(): HoldStore {
		$database = new DatabaseHoldStore();
		if ( null === $this->config ) {
			return $database;
		}
		$now = time();
		if ( $this->outage->is_down( $now ) ) {
			$this->status['error'] = sprintf( 'Redis at %s failed moments ago; it is tried again after %s.', $this->config->endpoint(), gmdate( 'H:i:s', $this->outage->until() ) . ' UTC' );
			return $database;
		}
		$started = microtime( true );
		try {
			$redis = RedisConnector::connect( $this->config );
		} catch ( StoreUnavailableException $e ) {
			$this->outage->mark_down( $now );
			$this->status['error'] = $e->getMessage();
			return $database;
		}
		$this->redis  = $redis;
		$this->status = array(
			'store'      => 'redis',
			'configured' => true,
			'reachable'  => true,
			'latency_ms' => round( ( microtime( true ) - $started ) * 1000, 2 ),
			'error'      => null,
		);
		return new FailoverHoldStore(
			new RedisHoldStore( $redis, $this->config->prefix ),
			$database,
			function ( StoreUnavailableException $e ): void {
				$this->outage->mark_down( time() );
				$this->redis               = null;
				$this->status['store']     = 'database';
				$this->status['reachable'] = false;
				$this->status['error']     = $e->getMessage();
			}
		);
	}
}
