<?php
/**
 * Where holds live: Redis or the database, behind one contract.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Takes, renews, moves and releases holds atomically.
 *
 * Every check and every read filters by `expires_at > $now`, so an expired
 * hold stops counting at once, with no cron. An expired hold's record is kept
 * for a while (until its maximum life plus a grace period) only so that its
 * holder hears "expired" rather than "not found".
 *
 * `$now` is passed in (unix seconds) rather than read inside, so that every
 * step of one request agrees on the time and tests need no sleeping. Token
 * hashes are sha256 hex of the holder's secret token; the store never sees
 * the token.
 */
interface HoldStore {

	/**
	 * Seconds an expired hold's record is kept after its maximum life, to tell "expired" from "never existed".
	 */
	public const GRACE_SECONDS = 600;

	/**
	 * Takes a new hold, in one atomic step.
	 *
	 * @param HoldClaim $claim      What to hold.
	 * @param string    $token_hash sha256 hex of the holder's token; one hold per token.
	 * @param int       $ttl        Seconds until the hold expires unless renewed, >= 1.
	 * @param int       $max_life   Seconds after which no renewal extends it any more, >= 1.
	 * @param int       $now        Unix time.
	 * @throws HoldConflictException     When a live hold of another session overlaps, or too few seats are left.
	 * @throws \InvalidArgumentException When the token is in use already, or (database store) the employee does not exist.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function acquire( HoldClaim $claim, string $token_hash, int $ttl, int $max_life, int $now ): Hold;

	/**
	 * Heartbeat: the hold expires `$ttl` seconds from now, but never after its maximum life.
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $ttl        Seconds, >= 1.
	 * @param int    $now        Unix time.
	 * @throws HoldNotFoundException     When no hold has this id, or the token does not match it.
	 * @throws HoldExpiredException      When the hold has expired already.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function renew( string $id, string $token_hash, int $ttl, int $now ): Hold;

	/**
	 * Moves a live hold to another time (or employee, or service) in one atomic step.
	 *
	 * The id, token and creation time stay, so the maximum life still counts
	 * from the first acquire. The hold's own seats do not count against the new
	 * time. When refused, the old hold stays as it was.
	 *
	 * @param string    $id         Hold id.
	 * @param string    $token_hash sha256 hex of the holder's token.
	 * @param HoldClaim $claim      The new time.
	 * @param int       $ttl        Seconds, >= 1.
	 * @param int       $now        Unix time.
	 * @throws HoldNotFoundException     When no hold has this id, or the token does not match it.
	 * @throws HoldExpiredException      When the hold has expired already.
	 * @throws HoldConflictException     When the new time is not free.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function move( string $id, string $token_hash, HoldClaim $claim, int $ttl, int $now ): Hold;

	/**
	 * Removes a hold (the visitor left, or booked).
	 *
	 * @param string   $id         Hold id.
	 * @param string   $token_hash sha256 hex of the holder's token.
	 * @param int|null $now        Unix time; null for the current time.
	 * @return bool True when the hold was live; false when it had expired already (it is removed either way).
	 * @throws HoldNotFoundException     When no hold has this id, or the token does not match it.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function release( string $id, string $token_hash, ?int $now = null ): bool;

	/**
	 * The live hold with this id, or null.
	 *
	 * @param string $id  Hold id.
	 * @param int    $now Unix time.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function find( string $id, int $now ): ?Hold;

	/**
	 * The live hold of this token, or null: a booking request carries only the token.
	 *
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $now        Unix time.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function find_by_token( string $token_hash, int $now ): ?Hold;

	/**
	 * Live holds of an employee whose occupied range overlaps [from, to), sorted by start.
	 *
	 * @param int $employee_id Employee.
	 * @param int $from        Unix time, inclusive.
	 * @param int $to          Unix time, exclusive.
	 * @param int $now         Unix time.
	 * @return Hold[]
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function live( int $employee_id, int $from, int $to, int $now ): array;

	/**
	 * Deletes records past their grace period. Housekeeping only: no answer depends on it.
	 *
	 * @param int $now Unix time.
	 * @return int How many records were deleted.
	 * @throws StoreUnavailableException When the store cannot be reached.
	 */
	public function purge_expired( int $now ): int;

	/**
	 * Which store this is: 'redis' or 'database'.
	 */
	public function name(): string;
}
