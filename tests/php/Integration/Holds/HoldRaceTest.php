<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Holds;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Holds\DatabaseHoldStore;
use AppointEase\Holds\HoldStore;
use AppointEase\Holds\RedisHoldStore;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Separate PHP processes race to hold the same time at the same instant,
 * against each store: exactly capacity of them win.
 */
final class HoldRaceTest extends TestCase {

	use HoldFixtures;

	private const EMPLOYEE = 9151;

	private const NOW = 1893900000;

	private string $prefix;

	private \Redis $redis;

	protected function set_up(): void {
		parent::set_up();
		$this->prefix = self::redis_prefix();
		$this->redis  = self::local_redis();
		self::delete_employees_and_holds( array( self::EMPLOYEE ) );
		self::insert_employees( array( self::EMPLOYEE ) );
	}

	protected function tear_down(): void {
		self::delete_employees_and_holds( array( self::EMPLOYEE ) );
		self::delete_redis_keys( $this->redis, $this->prefix );
		$this->redis->close();
		parent::tear_down();
	}

	/**
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function stores_and_capacities(): array {
		return array(
			'redis, one-to-one'    => array( 'redis', 1 ),
			'redis, group of 3'    => array( 'redis', 3 ),
			'database, one-to-one' => array( 'database', 1 ),
			'database, group of 3' => array( 'database', 3 ),
		);
	}

	/**
	 * @dataProvider stores_and_capacities
	 */
	public function test_exactly_capacity_of_eight_racers_win( string $store, int $capacity ): void {
		$results = $this->race( $store, array_fill( 0, 8, array( 7, '2030-01-07T10:00:00Z', 30, 1, $capacity ) ) );

		$this->assertSame( $capacity, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 8 - $capacity, $this->count_of( 'conflict', $results ), 'Every other racer gets a clear refusal, not an error.' );
		$this->assertCount( $capacity, $this->store( $store )->live( self::EMPLOYEE, self::NOW, self::NOW + 2 * 86400, self::NOW ) );
	}

	/**
	 * @dataProvider stores_and_capacities
	 */
	public function test_overlapping_sessions_let_one_through( string $store, int $capacity ): void {
		$racers = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$racers[] = array( 7, '2030-01-07T10:00:00Z', 60, 1, $capacity );
			$racers[] = array( 8, '2030-01-07T10:30:00Z', 30, 1, $capacity );
		}

		$results = $this->race( $store, $racers );

		$held = $this->store( $store )->live( self::EMPLOYEE, self::NOW, self::NOW + 2 * 86400, self::NOW );
		$this->assertSame( $capacity, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertCount( 1, array_unique( array_map( static fn( $h ): int => $h->service_id, $held ) ), 'All winners hold the same session.' );
	}

	private function store( string $name ): HoldStore {
		return 'redis' === $name ? new RedisHoldStore( $this->redis, $this->prefix ) : new DatabaseHoldStore();
	}

	/**
	 * Starts one process per racer, all released at the same instant; returns their outputs.
	 *
	 * @param array<int, array{0: int, 1: string, 2: int, 3: int, 4: int}> $racers Service, start, minutes, seats, capacity.
	 * @return string[]
	 */
	private function race( string $store, array $racers ): array {
		$start_at = Racer::soon();
		$procs    = array();
		foreach ( $racers as $racer ) {
			$procs[] = Racer::start( 'race-hold.php', $start_at, array_merge( array( $store, $this->prefix, (string) self::EMPLOYEE ), array_map( 'strval', $racer ), array( (string) self::NOW ) ) );
		}
		$results = array();
		foreach ( $procs as $proc ) {
			$out = $proc->output();
			$this->assertMatchesRegularExpression( '/^(won h[0-9a-f]{20}|conflict)$/', $out, 'A racer failed instead of winning or being refused.' );
			$results[] = $out;
		}
		return $results;
	}

	/**
	 * @param string[] $results
	 */
	private function count_of( string $outcome, array $results ): int {
		return count( array_filter( $results, static fn( string $r ): bool => str_starts_with( $r, $outcome ) ) );
	}
}
