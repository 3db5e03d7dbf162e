<?php
/**
 * Holds in the site's own database: the store when there is no Redis.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

use AppointEase\Booking\DeadlockException;
use AppointEase\Infrastructure\Schema;
use AppointEase\Infrastructure\Transaction;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps holds in the `holds` table.
 *
 * Atomicity comes from one lock per employee: acquire and move first lock
 * the employee's row (`SELECT ... FOR UPDATE` on the employees table), then
 * read that employee's live holds, check, and write, in one transaction. Two
 * claims on one employee therefore run one after the other, and the second
 * sees what the first wrote; claims on different employees do not wait for
 * each other. When a move touches two employees, both rows are locked in one
 * statement, in id order, so two moves cannot lock them crosswise.
 *
 * Renew and release change one row in one statement and need no lock beyond
 * that row's.
 *
 * By default the store runs its own transactions, at READ COMMITTED, so that
 * the reads after the lock see everything committed before it. Inside a
 * caller's transaction (where START TRANSACTION would commit the caller's
 * work) it joins that transaction instead: when the caller says so with
 * `$own_transaction = false`, or when it finds one open. Reads then take
 * shared locks, which see the latest committed rows at any isolation level,
 * and a deadlock is reported as DeadlockException for the caller to run its
 * transaction again.
 */
final class DatabaseHoldStore implements HoldStore {

	/**
	 * How often an own transaction is tried when InnoDB picks it as a deadlock victim.
	 */
	private const ATTEMPTS = 3;

	/**
	 * Columns read back into a Hold.
	 */
	private const COLUMNS = 'id, token_hash, employee_id, service_id, start_utc, end_utc, occupied_start_utc, occupied_end_utc, seats, created_at, expires_at, max_expires_at';

	/**
	 * Builds the store.
	 *
	 * @param bool $own_transaction Whether acquire and move start and commit their own transaction.
	 */
	public function __construct( private readonly bool $own_transaction = true ) {
	}

	/**
	 * Whether the work under way runs in a caller's transaction.
	 *
	 * @var bool
	 */
	private bool $joined = false;

	/**
	 * {@inheritDoc}
	 */
	public function name(): string {
		return 'database';
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param HoldClaim $claim      What to hold.
	 * @param string    $token_hash sha256 hex of the holder's token.
	 * @param int       $ttl        Seconds until expiry.
	 * @param int       $max_life   Seconds of maximum life.
	 * @param int       $now        Unix time.
	 * @throws \InvalidArgumentException When the token is malformed or in use, a duration is below 1, or the employee does not exist.
	 */
	public function acquire( HoldClaim $claim, string $token_hash, int $ttl, int $max_life, int $now ): Hold {
		if ( ! HoldToken::is_hash( $token_hash ) || $ttl < 1 || $max_life < 1 ) {
			throw new \InvalidArgumentException( 'A hold needs a sha256 token hash and positive durations.' );
		}
		return $this->transaction(
			function () use ( $claim, $token_hash, $ttl, $max_life, $now ): Hold {
				global $wpdb;
				$this->lock_employees( array( $claim->employee_id ) );
				$this->delete_stale( $claim->employee_id, $now );
				$refusal = $claim->refusal( $this->live_of( $claim->employee_id, $now, null ) );
				if ( null !== $refusal ) {
					throw new HoldConflictException( esc_html( $refusal ) );
				}
				$id      = Hold::new_id();
				$max     = $now + $max_life;
				$expires = min( $now + $ttl, $max );
				$table   = Schema::table( 'holds' );
				$sql     = $wpdb->prepare(
					"INSERT INTO `$table` (id, token_hash, employee_id, service_id, start_utc, end_utc, occupied_start_utc, occupied_end_utc, seats, created_at, expires_at, max_expires_at) VALUES (%s, %s, %d, %d, %s, %s, %s, %s, %d, %d, %d, %d)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
					$id,
					$token_hash,
					$claim->employee_id,
					$claim->service_id,
					self::datetime( $claim->start ),
					self::datetime( $claim->end ),
					self::datetime( $claim->occupied_start ),
					self::datetime( $claim->occupied_end ),
					$claim->seats,
					$now,
					$expires,
					$max
				);
				if ( false === $this->query( $sql ) ) {
					if ( str_contains( $wpdb->last_error, 'Duplicate entry' ) ) {
						throw new \InvalidArgumentException( 'This token belongs to another hold already; every hold needs its own token.' );
					}
					$this->fail( 'Saving the hold failed', $wpdb->last_error );
				}
				return new Hold( $id, $claim->employee_id, $claim->service_id, $claim->start, $claim->end, $claim->occupied_start, $claim->occupied_end, $claim->seats, $now, $expires );
			}
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * One UPDATE that only touches a live hold with the right token; the row
	 * read afterwards tells which answer to give.
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $ttl        Seconds.
	 * @param int    $now        Unix time.
	 * @throws \InvalidArgumentException When the TTL is below 1.
	 * @throws HoldExpiredException      When the hold has expired.
	 */
	public function renew( string $id, string $token_hash, int $ttl, int $now ): Hold {
		global $wpdb;
		if ( $ttl < 1 ) {
			throw new \InvalidArgumentException( 'A TTL is at least one second.' );
		}
		self::check_shape( $id, $token_hash );
		$table = Schema::table( 'holds' );
		$sql   = $wpdb->prepare( "UPDATE `$table` SET expires_at = LEAST(%d, max_expires_at) WHERE id = %s AND token_hash = %s AND expires_at > %d", $now + $ttl, $id, $token_hash, $now ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
		if ( false === $this->query( $sql ) ) {
			$this->fail( 'Renewing the hold failed', $wpdb->last_error );
		}
		$row = $this->holder_row( $id, $token_hash, false );
		if ( (int) $row['expires_at'] <= $now ) {
			throw new HoldExpiredException( 'This hold has expired.' );
		}
		return self::hold( $row );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string    $id         Hold id.
	 * @param string    $token_hash sha256 hex of the holder's token.
	 * @param HoldClaim $claim      The new time.
	 * @param int       $ttl        Seconds.
	 * @param int       $now        Unix time.
	 * @throws \InvalidArgumentException When the TTL is below 1 or the new employee does not exist.
	 */
	public function move( string $id, string $token_hash, HoldClaim $claim, int $ttl, int $now ): Hold {
		if ( $ttl < 1 ) {
			throw new \InvalidArgumentException( 'A TTL is at least one second.' );
		}
		self::check_shape( $id, $token_hash );
		return $this->transaction(
			function () use ( $id, $token_hash, $claim, $ttl, $now ): Hold {
				global $wpdb;
				// Learn the current employee, lock both employees, then read the row again under the lock.
				$before = $this->holder_row( $id, $token_hash, false );
				$this->lock_employees( array( (int) $before['employee_id'], $claim->employee_id ) );
				$row = $this->holder_row( $id, $token_hash, true );
				if ( (int) $row['employee_id'] !== (int) $before['employee_id'] ) {
					// Another move of this hold went first, to an employee this transaction has not locked.
					throw new DeadlockException( 'The hold moved meanwhile; run the transaction again.' );
				}
				if ( (int) $row['expires_at'] <= $now ) {
					throw new HoldExpiredException( 'This hold has expired.' );
				}
				$refusal = $claim->refusal( $this->live_of( $claim->employee_id, $now, $id ) );
				if ( null !== $refusal ) {
					throw new HoldConflictException( esc_html( $refusal ) );
				}
				$expires = min( $now + $ttl, (int) $row['max_expires_at'] );
				$table   = Schema::table( 'holds' );
				$sql     = $wpdb->prepare(
					"UPDATE `$table` SET employee_id = %d, service_id = %d, start_utc = %s, end_utc = %s, occupied_start_utc = %s, occupied_end_utc = %s, seats = %d, expires_at = %d WHERE id = %s", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
					$claim->employee_id,
					$claim->service_id,
					self::datetime( $claim->start ),
					self::datetime( $claim->end ),
					self::datetime( $claim->occupied_start ),
					self::datetime( $claim->occupied_end ),
					$claim->seats,
					$expires,
					$id
				);
				if ( false === $this->query( $sql ) ) {
					$this->fail( 'Moving the hold failed', $wpdb->last_error );
				}
				return new Hold( $id, $claim->employee_id, $claim->service_id, $claim->start, $claim->end, $claim->occupied_start, $claim->occupied_end, $claim->seats, (int) $row['created_at'], $expires );
			}
		);
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string   $id         Hold id.
	 * @param string   $token_hash sha256 hex of the holder's token.
	 * @param int|null $now        Unix time; null for now.
	 * @throws HoldNotFoundException When a concurrent release removed the hold first.
	 */
	public function release( string $id, string $token_hash, ?int $now = null ): bool {
		global $wpdb;
		$now = $now ?? time();
		self::check_shape( $id, $token_hash );
		$row     = $this->holder_row( $id, $token_hash, false );
		$table   = Schema::table( 'holds' );
		$deleted = $this->query( $wpdb->prepare( "DELETE FROM `$table` WHERE id = %s AND token_hash = %s", $id, $token_hash ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
		if ( false === $deleted ) {
			$this->fail( 'Releasing the hold failed', $wpdb->last_error );
		}
		if ( 0 === $deleted ) {
			// A concurrent release of the same hold went first.
			throw new HoldNotFoundException( 'No hold matches this id and token.' );
		}
		return (int) $row['expires_at'] > $now;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $id  Hold id.
	 * @param int    $now Unix time.
	 */
	public function find( string $id, int $now ): ?Hold {
		global $wpdb;
		if ( ! Hold::is_id( $id ) ) {
			return null;
		}
		$table = Schema::table( 'holds' );
		$rows  = $this->rows( $wpdb->prepare( 'SELECT ' . self::COLUMNS . " FROM `$table` WHERE id = %s AND expires_at > %d", $id, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- the table name comes from Schema, the columns from a constant.
		return array() === $rows ? null : self::hold( $rows[0] );
	}

	/**
	 * {@inheritDoc}
	 *
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param int    $now        Unix time.
	 */
	public function find_by_token( string $token_hash, int $now ): ?Hold {
		global $wpdb;
		if ( ! HoldToken::is_hash( $token_hash ) ) {
			return null;
		}
		$table = Schema::table( 'holds' );
		$rows  = $this->rows( $wpdb->prepare( 'SELECT ' . self::COLUMNS . " FROM `$table` WHERE token_hash = %s AND expires_at > %d", $token_hash, $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- the table name comes from Schema, the columns from a constant.
		return array() === $rows ? null : self::hold( $rows[0] );
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
		global $wpdb;
		$table = Schema::table( 'holds' );
		$rows  = $this->rows( $wpdb->prepare( 'SELECT ' . self::COLUMNS . " FROM `$table` WHERE employee_id = %d AND occupied_start_utc < %s AND occupied_end_utc > %s AND expires_at > %d ORDER BY start_utc, id", $employee_id, gmdate( 'Y-m-d H:i:s', $to ), gmdate( 'Y-m-d H:i:s', $from ), $now ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- the table name comes from Schema, the columns from a constant.
		return array_map( array( self::class, 'hold' ), $rows );
	}

	/**
	 * {@inheritDoc}
	 *
	 * Deletes row by row: each statement locks one row only, so housekeeping
	 * can never deadlock with a claim that holds an employee's lock.
	 *
	 * @param int $now Unix time.
	 */
	public function purge_expired( int $now ): int {
		global $wpdb;
		$table   = Schema::table( 'holds' );
		$ids     = array_column( $this->rows( $wpdb->prepare( "SELECT id FROM `$table` WHERE max_expires_at <= %d LIMIT 1000", $now - self::GRACE_SECONDS ) ), 'id' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
		$deleted = 0;
		foreach ( $ids as $id ) {
			$deleted += (int) $this->query( $wpdb->prepare( "DELETE FROM `$table` WHERE id = %s AND max_expires_at <= %d", $id, $now - self::GRACE_SECONDS ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
		}
		return $deleted;
	}

	/**
	 * Runs `$work` atomically: in its own transaction (tried again after a deadlock), or in the caller's.
	 *
	 * @template T
	 * @param callable(): T $work Reads and writes; throws to roll back.
	 * @return T
	 * @throws StoreUnavailableException When every attempt deadlocked.
	 * @throws \Throwable                 Whatever `$work` threw, after rolling back.
	 */
	private function transaction( callable $work ) {
		global $wpdb;
		if ( ! $this->own_transaction || '1' === (string) $wpdb->get_var( 'SELECT @@in_transaction' ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- asks the connection's state; nothing to cache.
			$joined       = $this->joined;
			$this->joined = true;
			try {
				return $work();
			} finally {
				$this->joined = $joined;
			}
		}
		for ( $attempt = 1; ; $attempt++ ) {
			// READ COMMITTED for this one transaction: reads after the employee lock see every commit made before it.
			$this->must( 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED' );
			// No reconnect while the transaction is open: wpdb would replay the failed statement outside it.
			$retries = Transaction::forbid_reconnect();
			$this->must( 'START TRANSACTION' );
			try {
				$result = $work();
				$this->must( 'COMMIT' );
				return $result;
			} catch ( DeadlockException $e ) {
				$this->query( 'ROLLBACK' );
				if ( $attempt >= self::ATTEMPTS ) {
					throw new StoreUnavailableException( esc_html( $e->getMessage() ), 0, $e );
				}
			} catch ( \Throwable $e ) {
				$this->query( 'ROLLBACK' );
				throw $e;
			} finally {
				Transaction::allow_reconnect( $retries );
			}//end try
		}//end for
	}

	/**
	 * Locks the rows of these employees, in id order, until the transaction ends.
	 *
	 * @param int[] $employee_ids One or two employees.
	 * @throws \InvalidArgumentException When an employee does not exist.
	 */
	private function lock_employees( array $employee_ids ): void {
		global $wpdb;
		$ids = array_values( array_unique( $employee_ids ) );
		sort( $ids );
		$table        = Schema::table( 'employees' );
		$placeholders = implode( ', ', array_fill( 0, count( $ids ), '%d' ) );
		// One statement scanning the primary key in order takes the locks in id order, for every caller alike.
		$found = $this->rows( $wpdb->prepare( "SELECT id FROM `$table` WHERE id IN ($placeholders) ORDER BY id FOR UPDATE", ...$ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- the table name comes from Schema; one %d per id.
		if ( count( $found ) !== count( $ids ) ) {
			throw new \InvalidArgumentException( 'No such employee.' );
		}
	}

	/**
	 * Deletes an employee's records past their grace period; cheap under the employee's lock, and no cron is needed.
	 *
	 * @param int $employee_id Employee whose row this transaction has locked.
	 * @param int $now         Unix time.
	 */
	private function delete_stale( int $employee_id, int $now ): void {
		global $wpdb;
		$table = Schema::table( 'holds' );
		$this->must( $wpdb->prepare( "DELETE FROM `$table` WHERE employee_id = %d AND max_expires_at <= %d", $employee_id, $now - self::GRACE_SECONDS ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name comes from Schema.
	}

	/**
	 * Live holds of an employee, all times.
	 *
	 * @param int         $employee_id Employee whose row this transaction has locked.
	 * @param int         $now         Unix time.
	 * @param string|null $except_id   A hold to leave out (the one being moved).
	 * @return Hold[]
	 */
	private function live_of( int $employee_id, int $now, ?string $except_id ): array {
		global $wpdb;
		$table = Schema::table( 'holds' );
		// In the caller's transaction, an older snapshot may hide recent holds; a locking read always sees the latest.
		$lock = $this->own_transaction && ! $this->joined ? '' : ' LOCK IN SHARE MODE';
		$rows = $this->rows( $wpdb->prepare( 'SELECT ' . self::COLUMNS . " FROM `$table` WHERE employee_id = %d AND expires_at > %d AND id <> %s", $employee_id, $now, (string) $except_id ) . $lock ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- the table name comes from Schema; $lock is one of two constants.
		return array_map( array( self::class, 'hold' ), $rows );
	}

	/**
	 * The row of a hold, whatever its expiry, when the token matches it.
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash sha256 hex of the holder's token.
	 * @param bool   $for_update Whether to lock the row.
	 * @return array<string, string>
	 * @throws HoldNotFoundException When there is no such hold or the token does not match (one answer for both).
	 */
	private function holder_row( string $id, string $token_hash, bool $for_update ): array {
		global $wpdb;
		$table = Schema::table( 'holds' );
		$sql   = $wpdb->prepare( 'SELECT ' . self::COLUMNS . " FROM `$table` WHERE id = %s", $id ) . ( $for_update ? ' FOR UPDATE' : '' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- the table name comes from Schema, the columns from a constant.
		$rows  = $this->rows( $sql );
		if ( array() === $rows || ! hash_equals( $rows[0]['token_hash'], $token_hash ) ) {
			throw new HoldNotFoundException( 'No hold matches this id and token.' );
		}
		return $rows[0];
	}

	/**
	 * Refuses malformed ids and token hashes with the not-found answer, before they reach a query.
	 *
	 * @param string $id         Hold id.
	 * @param string $token_hash Token hash.
	 * @throws HoldNotFoundException When either is malformed.
	 */
	private static function check_shape( string $id, string $token_hash ): void {
		if ( ! Hold::is_id( $id ) || ! HoldToken::is_hash( $token_hash ) ) {
			throw new HoldNotFoundException( 'No hold matches this id and token.' );
		}
	}

	/**
	 * Reads rows, failing loudly instead of returning an empty list on a database error.
	 *
	 * @param string $sql Fully prepared SQL.
	 * @return array<int, array<string, string>>
	 */
	private function rows( string $sql ): array {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		/**
		 * With ARRAY_A, a list of rows keyed by column name; null on failure.
		 *
		 * @var array<int, array<string, string>>|null $rows
		 */
		$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- prepared by the caller; holds change every second, so nothing is cached.
		$wpdb->suppress_errors( $suppressed );
		if ( '' !== $wpdb->last_error ) {
			$this->fail( 'Reading holds failed', $wpdb->last_error );
		}
		return is_array( $rows ) ? $rows : array();
	}

	/**
	 * Runs a statement whose failure may be an expected outcome, without printing the database error.
	 *
	 * @param string $sql Fully prepared SQL.
	 * @return int|bool Rows affected, true, or false on failure (see $wpdb->last_error).
	 */
	private function query( string $sql ) {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		$result     = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- prepared by the caller.
		$wpdb->suppress_errors( $suppressed );
		return $result;
	}

	/**
	 * Runs a statement that must succeed.
	 *
	 * @param string $sql Fully prepared SQL.
	 */
	private function must( string $sql ): void {
		global $wpdb;
		if ( false === $this->query( $sql ) ) {
			$this->fail( 'A hold store statement failed', $wpdb->last_error );
		}
	}

	/**
	 * Throws the exception that fits a database failure.
	 *
	 * @param string $what  What was being done.
	 * @param string $error The error text from wpdb.
	 * @throws DeadlockException         When InnoDB rolled the transaction back; the transaction runs again.
	 * @throws StoreUnavailableException When anything else failed.
	 */
	private function fail( string $what, string $error ): never {
		if ( str_contains( $error, 'Deadlock found' ) ) {
			throw new DeadlockException( esc_html( $what . ': ' . $error ) );
		}
		throw new StoreUnavailableException( esc_html( $what . ': ' . $error ) );
	}

	/**
	 * A row of the holds table as a Hold.
	 *
	 * @param array<string, string> $row Columns of self::COLUMNS.
	 */
	private static function hold( array $row ): Hold {
		return new Hold(
			$row['id'],
			(int) $row['employee_id'],
			(int) $row['service_id'],
			self::from_datetime( $row['start_utc'] ),
			self::from_datetime( $row['end_utc'] ),
			self::from_datetime( $row['occupied_start_utc'] ),
			self::from_datetime( $row['occupied_end_utc'] ),
			(int) $row['seats'],
			(int) $row['created_at'],
			(int) $row['expires_at']
		);
	}

	/**
	 * A time as UTC 'Y-m-d H:i:s', the format of the DATETIME columns.
	 *
	 * @param \DateTimeImmutable $time Any timezone.
	 */
	private static function datetime( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}

	/**
	 * A DATETIME column's value (UTC) as a time.
	 *
	 * @param string $value 'Y-m-d H:i:s'.
	 */
	private static function from_datetime( string $value ): \DateTimeImmutable {
		return new \DateTimeImmutable( $value, new \DateTimeZone( 'UTC' ) );
	}
}
