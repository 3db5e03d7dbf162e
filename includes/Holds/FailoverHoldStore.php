<?php
/**
 * Redis first, the database once Redis fails.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Delegates to a primary store (Redis) until it fails, then to a fallback
 * (the database) for the rest of the request.
 *
 * The holds in Redis are not copied over: Redis only ever keeps what may be
 * lost, and a visitor whose hold is gone is told so and picks again. Bookings
 * live in the database and are never touched by this.
 */
final class FailoverHoldStore implements HoldStore {

	/**
	 * Whether the primary failed during this request.
	 *
	 * @var bool
	 */
	private bool $failed = false;

	/**
	 * Called once, with the failure, when the primary fails.
	 *
	 * @var (callable(StoreUnavailableException): void)|null
	 */
	private $on_failure;

	/**
	 * Builds the store.
	 *
	 * @param HoldStore                                        $primary    Used first (Redis).
	 * @param HoldStore                                        $fallback   Used once the primary failed (the database).
	 * @param (callable(StoreUnavailableException): void)|null $on_failure Told about the failure, e.g. to remember it for a few seconds.
	 */
	public function __construct( private readonly HoldStore $primary, private readonly HoldStore $fallback, ?callable $on_failure = null ) {
		$this->on_failure = $on_failure;
	}

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return $this->failed ? $this->fallback->name() : $this->primary->name();
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param HoldClaim $claim      What to hold.
	 * @param string    $token_hash Token hash.
	 * @param int       $ttl        Seconds.
	 * @param int       $max_life   Seconds.
	 * @param int       $now        Unix time.
	 */
	public function acquire( HoldClaim $claim, string $token_hash, int $ttl, int $max_life, int $now ): Hold {
		return $this->attempt( static fn( HoldStore $store ): Hold => $store->acquire( $claim, $token_hash, $ttl, $max_life, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash Token hash.
	 * @param int    $ttl        Seconds.
	 * @param int    $now        Unix time.
	 */
	public function renew( string $id, string $token_hash, int $ttl, int $now ): Hold {
		return $this->attempt( static fn( HoldStore $store ): Hold => $store->renew( $id, $token_hash, $ttl, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string    $id         Hold id.
	 * @param string    $token_hash Token hash.
	 * @param HoldClaim $claim      The new time.
	 * @param int       $ttl        Seconds.
	 * @param int       $now        Unix time.
	 */
	public function move( string $id, string $token_hash, HoldClaim $claim, int $ttl, int $now ): Hold {
		return $this->attempt( static fn( HoldStore $store ): Hold => $store->move( $id, $token_hash, $claim, $ttl, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string   $id         Hold id.
	 * @param string   $token_hash Token hash.
	 * @param int|null $now        Unix time; null for now.
	 */
	public function release( string $id, string $token_hash, ?int $now = null ): bool {
		return $this->attempt( static fn( HoldStore $store ): bool => $store->release( $id, $token_hash, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $id  Hold id.
	 * @param int    $now Unix time.
	 */
	public function find( string $id, int $now ): ?Hold {
		return $this->attempt( static fn( HoldStore $store ): ?Hold => $store->find( $id, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $token_hash Token hash.
	 * @param int    $now        Unix time.
	 */
	public function find_by_token( string $token_hash, int $now ): ?Hold {
		return $this->attempt( static fn( HoldStore $store ): ?Hold => $store->find_by_token( $token_hash, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $employee_id Employee.
	 * @param int $from        Unix time.
	 * @param int $to          Unix time.
	 * @param int $now         Unix time.
	 * @return Hold[]
	 */
	public function live( int $employee_id, int $from, int $to, int $now ): array {
		return $this->attempt( static fn( HoldStore $store ): array => $store->live( $employee_id, $from, $to, $now ) );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param int $now Unix time.
	 */
	public function purge_expired( int $now ): int {
		return $this->attempt( static fn( HoldStore $store ): int => $store->purge_expired( $now ) );
	}

	/**
	 * Runs a call on the primary; when it cannot be reached, switches for good and runs it on the fallback.
	 *
	 * @template T
	 * @param callable(HoldStore): T $call The operation.
	 * @return T
	 */
	private function attempt( callable $call ) {
		if ( ! $this->failed ) {
			try {
				return $call( $this->primary );
			} catch ( StoreUnavailableException $e ) {
				$this->failed = true;
				if ( null !== $this->on_failure ) {
					( $this->on_failure )( $e );
				}
			}
		}
		return $call( $this->fallback );
	}
}
