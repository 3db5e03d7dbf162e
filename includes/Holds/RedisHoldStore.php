<?php
/**
 * Holds in Redis: the store when Redis is configured and answers.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps holds in Redis, each write one Lua script (RedisHoldScripts).
 *
 * Keys, after the configured prefix:
 *
 * - `{holds}:emp:<employee id>`: hash, hold id => JSON record. One hash per
 *   employee, because every check is "this employee's other live holds".
 * - `{holds}:hold:<hold id>`: the employee id whose hash has the record, so
 *   that renew, move and release find it from the id alone.
 * - `{holds}:tok:<token hash>`: the hold id, for a booking that carries only
 *   the token.
 *
 * `{holds}` is a hash tag: every key lands in one cluster slot, so the
 * scripts, which touch several keys, stay valid on a Redis Cluster too.
 *
 * Each key expires by itself once the last record in it is past its grace
 * period (maximum life plus GRACE_SECONDS), so nothing needs a cron; scripts
 * also drop such records from an employee's hash whenever they read it.
 * Correctness never depends on that: every check compares `expires_at` with
 * the caller's `now`.
 */
final class RedisHoldStore implements HoldStore {

	/**
	 * How often a step is tried when it raced with something (a new id taken, a hold moved).
	 */
	private const ATTEMPTS = 3;

	/**
	 * Builds the store on an open connection.
	 *
	 * @param \Redis $redis  Connection (RedisConnector::connect()).
	 * @param string $prefix Prepended to every key.
	 */
	public function __construct( private readonly \Redis $redis, private readonly string $prefix ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'redis';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param HoldClaim $claim      What to hold.
	 * @param string    $token_hash sha256 hex of the holder's token.
	 * @param int       $ttl        Seconds until expiry.
	 * @param int       $max_life   Seconds of maximum life.
	 * @param int       $now        Unix time.
	 * @throws \InvalidArgumentException When the token is malformed or in use, or a duration is below 1.
	 * @throws StoreUnavailableException When Redis fails, or no unused id turns up (practically never).
	 */
	public function acquire( HoldClaim $claim, string $token_hash, int $ttl, int $max_life, int $now ): Hold {
		if ( ! HoldToken::is_hash( $token_hash ) || $ttl < 1 || $max_life < 1 ) {
			throw new \InvalidArgumentException( 'A hold needs a sha256 token hash and positive durations.' );
		}
		for ( $attempt = 1; $attempt <= self::ATTEMPTS; $attempt++ ) {
			$id    = Hold::new_id();
			$reply = $this->script(
				'acquire',
				array( $this->employee_key( $claim->employee_id ), $this->id_key( $id ), $this->token_key( $token_hash ) ),
				array( self::claim_json( $claim ), $id, $token_hash, $now, $ttl, $max_life, self::GRACE_SECONDS )
			);
			if ( 'token_in_use' === $reply[0] ) {
				throw new \InvalidArgumentException( 'This token belongs to another hold already; every hold needs its own token.' );
			}
			if ( 'id_in_use' !== $reply[0] ) {
				return $this->answer( $reply );
			}
		}
		throw new StoreUnavailableException( 'No free hold id was found.' );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $ttl        Seconds.
	 * @param int    $now        Unix time.
	 * @throws \InvalidArgumentException When the TTL is below 1.
	 */
	public function renew( string $id, string $token_hash, int $ttl, int $now ): Hold {
		if ( $ttl < 1 ) {
			throw new \InvalidArgumentException( 'A TTL is at least one second.' );
		}
		return $this->answer(
			$this->on_holder(
				$id,
				$token_hash,
				fn( int $employee ): array => $this->script(
					'renew',
					array( $this->employee_key( $employee ), $this->id_key( $id ) ),
					array( $id, $token_hash, $now, $ttl, $employee )
				)
			)
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string    $id         Hold id.
	 * @param string    $token_hash sha256 hex of the holder's token.
	 * @param HoldClaim $claim      The new time.
	 * @param int       $ttl        Seconds.
	 * @param int       $now        Unix time.
	 * @throws \InvalidArgumentException When the TTL is below 1.
	 */
	public function move( string $id, string $token_hash, HoldClaim $claim, int $ttl, int $now ): Hold {
		if ( $ttl < 1 ) {
			throw new \InvalidArgumentException( 'A TTL is at least one second.' );
		}
		return $this->answer(
			$this->on_holder(
				$id,
				$token_hash,
				fn( int $employee ): array => $this->script(
					'move',
					array( $this->employee_key( $employee ), $this->employee_key( $claim->employee_id ), $this->id_key( $id ) ),
					array( $id, $token_hash, $now, $ttl, $employee, self::claim_json( $claim ) )
				)
			)
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string   $id         Hold id.
	 * @param string   $token_hash sha256 hex of the holder's token.
	 * @param int|null $now        Unix time; null for now.
	 */
	public function release( string $id, string $token_hash, ?int $now = null ): bool {
		$now   = $now ?? time();
		$reply = $this->on_holder(
			$id,
			$token_hash,
			fn( int $employee ): array => $this->script(
				'release',
				array( $this->employee_key( $employee ), $this->id_key( $id ), $this->token_key( $token_hash ) ),
				array( $id, $token_hash, $now, $employee )
			)
		);
		$this->check_status( $reply );
		return 1 === (int) ( $reply[1] ?? 0 );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $id  Hold id.
	 * @param int    $now Unix time.
	 */
	public function find( string $id, int $now ): ?Hold {
		if ( ! Hold::is_id( $id ) ) {
			return null;
		}
		$employee = $this->employee_of( $id );
		if ( null === $employee ) {
			return null;
		}
		$json = RedisGuard::run( fn() => $this->redis->hGet( $this->employee_key( $employee ), $id ) );
		$hold = is_string( $json ) ? self::hold( $json ) : null;
		return null !== $hold && $hold->is_live( $now ) ? $hold : null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $now        Unix time.
	 */
	public function find_by_token( string $token_hash, int $now ): ?Hold {
		if ( ! HoldToken::is_hash( $token_hash ) ) {
			return null;
		}
		$id = RedisGuard::run( fn() => $this->redis->get( $this->token_key( $token_hash ) ) );
		return is_string( $id ) ? $this->find( $id, $now ) : null;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $employee_id Employee.
	 * @param int $from        Unix time, inclusive.
	 * @param int $to          Unix time, exclusive.
	 * @param int $now         Unix time.
	 * @return Hold[]
	 */
	public function live( int $employee_id, int $from, int $to, int $now ): array {
		$all   = RedisGuard::run( fn() => $this->redis->hGetAll( $this->employee_key( $employee_id ) ) );
		$holds = array();
		foreach ( is_array( $all ) ? $all : array() as $json ) {
			$hold = self::hold( (string) $json );
			if ( null !== $hold && $hold->is_live( $now ) && $hold->occupied_start->getTimestamp() < $to && $hold->occupied_end->getTimestamp() > $from ) {
				$holds[] = $hold;
			}
		}
		usort( $holds, static fn( Hold $a, Hold $b ): int => array( $a->start, $a->id ) <=> array( $b->start, $b->id ) );
		return $holds;
	}

	/**
	 * {@inheritDoc}
	 *
	 * Nothing to do: Redis expires every key on its own once its records are
	 * past their grace period, and the scripts drop such records on the way.
	 *
	 * @param int $now Unix time.
	 */
	public function purge_expired( int $now ): int {
		return 0;
	}

	/**
	 * Runs a script on the hold's current employee hash, looking the employee up again if the hold moved meanwhile.
	 *
	 * @param string   $id         Hold id.
	 * @param string   $token_hash Token hash.
	 * @param callable $run        Runs the script for one employee id.
	 * @phpstan-param callable(int): array<int, mixed> $run
	 * @return array<int, mixed> The script's reply.
	 * @throws HoldNotFoundException When the hold does not exist (or the id or hash is malformed).
	 */
	private function on_holder( string $id, string $token_hash, callable $run ): array {
		if ( ! Hold::is_id( $id ) || ! HoldToken::is_hash( $token_hash ) ) {
			throw new HoldNotFoundException( 'No hold matches this id and token.' );
		}
		for ( $attempt = 1; $attempt <= self::ATTEMPTS; $attempt++ ) {
			$employee = $this->employee_of( $id );
			if ( null === $employee ) {
				break;
			}
			$reply = $run( $employee );
			if ( 'moved' !== $reply[0] ) {
				return $reply;
			}
		}
		throw new HoldNotFoundException( 'No hold matches this id and token.' );
	}

	/**
	 * The employee whose hash holds this hold's record, or null.
	 *
	 * @param string $id Hold id.
	 */
	private function employee_of( string $id ): ?int {
		$employee = RedisGuard::run( fn() => $this->redis->get( $this->id_key( $id ) ) );
		return is_string( $employee ) && ctype_digit( $employee ) ? (int) $employee : null;
	}

	/**
	 * The hold in an `ok` reply, or the exception its status calls for.
	 *
	 * @param array<int, mixed> $reply A script's reply.
	 * @throws StoreUnavailableException When the record cannot be read.
	 */
	private function answer( array $reply ): Hold {
		$this->check_status( $reply );
		$hold = self::hold( (string) ( $reply[1] ?? '' ) );
		if ( null === $hold ) {
			throw new StoreUnavailableException( 'Redis answered with an unreadable hold.' );
		}
		return $hold;
	}

	/**
	 * Throws the exception a script's status calls for; returns on `ok`.
	 *
	 * @param array<int, mixed> $reply A script's reply.
	 * @throws HoldNotFoundException     On not_found.
	 * @throws HoldExpiredException      On expired.
	 * @throws HoldConflictException     On conflict.
	 * @throws StoreUnavailableException On anything else.
	 */
	private function check_status( array $reply ): void {
		switch ( $reply[0] ?? null ) {
			case 'ok':
				return;
			case 'not_found':
				throw new HoldNotFoundException( 'No hold matches this id and token.' );
			case 'expired':
				throw new HoldExpiredException( 'This hold has expired.' );
			case 'conflict':
				throw new HoldConflictException( 'overlap' === ( $reply[1] ?? '' ) ? 'Someone else is choosing an overlapping time.' : 'Too few seats are left at this time.' );
			default:
				throw new StoreUnavailableException( 'Redis answered the hold script unexpectedly.' );
		}
	}

	/**
	 * Runs a script by its SHA1 (sent once per server), falling back to its source when the server does not know it yet.
	 *
	 * @param string                 $name One of RedisHoldScripts' names.
	 * @param string[]               $keys Keys the script touches.
	 * @param array<int, int|string> $args Its other arguments.
	 * @return array<int, mixed>
	 * @throws StoreUnavailableException When Redis fails or refuses the script.
	 */
	private function script( string $name, array $keys, array $args ): array {
		$source = RedisHoldScripts::source( $name );
		$argv   = array_merge( $keys, array_map( 'strval', $args ) );
		return RedisGuard::run(
			function () use ( $source, $argv, $keys ): array {
				$reply = $this->redis->evalSha( sha1( $source ), $argv, count( $keys ) );
				if ( false === $reply && str_starts_with( (string) $this->redis->getLastError(), 'NOSCRIPT' ) ) {
					// First use on this server (or after SCRIPT FLUSH or a restart): EVAL sends the source and caches it.
					$this->redis->clearLastError();
					$reply = $this->redis->eval( $source, $argv, count( $keys ) );
				}
				if ( ! is_array( $reply ) || array() === $reply ) {
					$error = (string) $this->redis->getLastError();
					$this->redis->clearLastError();
					throw new StoreUnavailableException( esc_html( 'Redis refused the hold script: ' . $error ) );
				}
				return array_values( $reply );
			}
		);
	}

	/**
	 * The claim as the JSON the scripts read.
	 *
	 * @param HoldClaim $claim The claim.
	 */
	private static function claim_json( HoldClaim $claim ): string {
		return (string) wp_json_encode(
			array(
				'employee_id'    => $claim->employee_id,
				'service_id'     => $claim->service_id,
				'start'          => $claim->start->getTimestamp(),
				'end'            => $claim->end->getTimestamp(),
				'occupied_start' => $claim->occupied_start->getTimestamp(),
				'occupied_end'   => $claim->occupied_end->getTimestamp(),
				'seats'          => $claim->seats,
				'capacity'       => $claim->capacity,
				'booked_seats'   => $claim->booked_seats,
			)
		);
	}

	/**
	 * A record's JSON as a Hold, or null when it is unreadable.
	 *
	 * @param string $json A record.
	 */
	private static function hold( string $json ): ?Hold {
		$h = json_decode( $json, true );
		if ( ! is_array( $h ) || ! isset( $h['id'], $h['employee_id'], $h['service_id'], $h['start'], $h['end'], $h['occupied_start'], $h['occupied_end'], $h['seats'], $h['created_at'], $h['expires_at'] ) ) {
			return null;
		}
		return new Hold(
			(string) $h['id'],
			(int) $h['employee_id'],
			(int) $h['service_id'],
			Hold::time_at( (int) $h['start'] ),
			Hold::time_at( (int) $h['end'] ),
			Hold::time_at( (int) $h['occupied_start'] ),
			Hold::time_at( (int) $h['occupied_end'] ),
			(int) $h['seats'],
			(int) $h['created_at'],
			(int) $h['expires_at']
		);
	}

	/**
	 * The hash of an employee's holds.
	 *
	 * @param int $employee_id Employee.
	 */
	private function employee_key( int $employee_id ): string {
		return $this->prefix . '{holds}:emp:' . $employee_id;
	}

	/**
	 * The key naming a hold's employee.
	 *
	 * @param string $id Hold id.
	 */
	private function id_key( string $id ): string {
		return $this->prefix . '{holds}:hold:' . $id;
	}

	/**
	 * The key naming a token's hold.
	 *
	 * @param string $token_hash Token hash.
	 */
	private function token_key( string $token_hash ): string {
		return $this->prefix . '{holds}:tok:' . $token_hash;
	}
}
