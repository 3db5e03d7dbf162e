<?php
/**
 * Reads and writes booking rows.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;
use AppointEase\Schedule\Session;

defined( 'ABSPATH' ) || exit;

/**
 * The only code that touches the bookings table. Seats and occupancy belong
 * to SeatLedger; this class never decides whether a time is free.
 */
final class BookingRepository {

	/**
	 * Adds a booking row. Call inside the transaction that claims its seats.
	 *
	 * @param array<string, mixed> $row Columns of the bookings table, without id and times of record.
	 * @return int The new row id.
	 * @throws DuplicateBookingKeyException When the manage token or idempotency key is already used.
	 * @throws DeadlockException When InnoDB chose this transaction as a deadlock victim.
	 * @throws \RuntimeException When the database refuses the row otherwise.
	 */
	public function insert( array $row ): int {
		global $wpdb;
		$now        = gmdate( 'Y-m-d H:i:s' );
		$suppressed = $wpdb->suppress_errors( true );
		$done       = $wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			Schema::table( 'bookings' ),
			$row + array(
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		$wpdb->suppress_errors( $suppressed );
		if ( false === $done ) {
			self::fail( 'Adding the booking', $wpdb->last_error );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * One booking, or null.
	 *
	 * @param int  $id         Row id.
	 * @param bool $for_update Lock the row until the transaction ends, so that two changes to one booking run one after the other.
	 */
	public function find( int $id, bool $for_update = false ): ?Booking {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$lock  = $for_update ? ' FOR UPDATE' : '';
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE id = %d", $id ) . $lock, ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema, lock clause a constant.
		return is_array( $row ) ? Booking::from_row( $row ) : null;
	}

	/**
	 * The booking whose manage token hashes to this, or null.
	 *
	 * @param int    $id         Row id.
	 * @param string $token_hash SHA-256 of the token the caller gave.
	 */
	public function find_with_token( int $id, string $token_hash ): ?Booking {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		if ( ! is_array( $row ) || ! hash_equals( (string) $row['manage_token_hash'], $token_hash ) ) {
			return null;
		}
		return Booking::from_row( $row );
	}

	/**
	 * The stored hash of a booking's manage token, or null when there is no
	 * such booking. Manage links in emails are derived from it.
	 *
	 * @param int $id Row id.
	 */
	public function manage_token_hash( int $id ): ?string {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$hash  = $wpdb->get_var( $wpdb->prepare( "SELECT manage_token_hash FROM `$table` WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return null === $hash ? null : (string) $hash;
	}

	/**
	 * What a customer's token is checked against: the stored hash of the
	 * booking's manage token and the appointment's end (links expire some
	 * days after it), or null when there is no such booking.
	 *
	 * @param int $id Row id.
	 * @return array{hash: string, end: \DateTimeImmutable}|null
	 */
	public function manage_access( int $id ): ?array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT manage_token_hash, end_utc FROM `$table` WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		if ( ! is_array( $row ) ) {
			return null;
		}
		return array(
			'hash' => (string) $row['manage_token_hash'],
			'end'  => new \DateTimeImmutable( (string) $row['end_utc'], new \DateTimeZone( 'UTC' ) ),
		);
	}

	/**
	 * The stored hash of a booking's email-confirmation token, or null when
	 * there is no such booking or it never needed confirming.
	 *
	 * @param int $id Row id.
	 */
	public function verify_token_hash( int $id ): ?string {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$hash  = $wpdb->get_var( $wpdb->prepare( "SELECT verify_token_hash FROM `$table` WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return null === $hash ? null : (string) $hash;
	}

	/**
	 * Unverified bookings whose confirmation deadline has passed, oldest
	 * deadline first. One range read of the (status, deadline) index.
	 *
	 * @param \DateTimeImmutable $now   The current instant.
	 * @param int                $limit At most this many.
	 * @return int[] Row ids.
	 */
	public function unverified_due( \DateTimeImmutable $now, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT id FROM `$table` WHERE status = %s AND verify_expires_utc <= %s ORDER BY verify_expires_utc LIMIT %d", Booking::UNVERIFIED, gmdate( 'Y-m-d H:i:s', $now->getTimestamp() ), $limit ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema; must read the current rows.
		return array_map( 'intval', $ids );
	}

	/**
	 * Bookings in one status whose start lies in (from, to], soonest first:
	 * what the reminder job may have to remind of. One range read of the
	 * (status, start) index.
	 *
	 * @param string             $status A status.
	 * @param \DateTimeImmutable $from   Exclusive.
	 * @param \DateTimeImmutable $to     Inclusive.
	 * @param int                $limit  At most this many.
	 * @return Booking[]
	 */
	public function starting_between( string $status, \DateTimeImmutable $from, \DateTimeImmutable $to, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE status = %s AND start_utc > %s AND start_utc <= %s ORDER BY start_utc, id LIMIT %d", $status, self::utc( $from ), self::utc( $to ), $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema; must read the current rows.
		return array_map( array( Booking::class, 'from_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * Bookings in one status whose end lies in (from, to], earliest first.
	 *
	 * @param string             $status A status.
	 * @param \DateTimeImmutable $from   Exclusive; null for no lower bound.
	 * @param \DateTimeImmutable $to     Inclusive.
	 * @param int                $limit  At most this many.
	 * @return Booking[]
	 */
	public function ending_between( string $status, ?\DateTimeImmutable $from, \DateTimeImmutable $to, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$after = null === $from ? '1000-01-01 00:00:00' : self::utc( $from );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE status = %s AND end_utc > %s AND end_utc <= %s ORDER BY end_utc, id LIMIT %d", $status, $after, self::utc( $to ), $limit ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema; must read the current rows.
		return array_map( array( Booking::class, 'from_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The earliest start (or end) after an instant among bookings in some
	 * statuses, or null: when the reminder job next has work.
	 *
	 * @param string[]           $statuses Statuses.
	 * @param string             $column   "start_utc" or "end_utc".
	 * @param \DateTimeImmutable $after    Exclusive.
	 */
	public function earliest_after( array $statuses, string $column, \DateTimeImmutable $after ): ?\DateTimeImmutable {
		global $wpdb;
		$table    = Schema::table( 'bookings' );
		$column   = 'end_utc' === $column ? 'end_utc' : 'start_utc';
		$in       = implode( ', ', array_fill( 0, count( $statuses ), '%s' ) );
		$earliest = $wpdb->get_var( $wpdb->prepare( "SELECT MIN($column) FROM `$table` WHERE status IN ($in) AND $column > %s", array_merge( $statuses, array( self::utc( $after ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table and column names are constants; placeholders for every value.
		return null === $earliest ? null : new \DateTimeImmutable( (string) $earliest, new \DateTimeZone( 'UTC' ) );
	}

	/**
	 * How many no-shows each of these customer addresses has, keyed by the
	 * address in lower case (addresses without one are left out).
	 *
	 * @param string[] $emails Customer addresses.
	 * @return array<string, int>
	 */
	public function no_show_counts( array $emails ): array {
		global $wpdb;
		$emails = array_values( array_unique( array_filter( array_map( 'strtolower', $emails ) ) ) );
		if ( array() === $emails ) {
			return array();
		}
		$table = Schema::table( 'bookings' );
		$in    = implode( ', ', array_fill( 0, count( $emails ), '%s' ) );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT LOWER(customer_email) AS email, COUNT(*) AS missed FROM `$table` WHERE status = %s AND customer_email IN ($in) GROUP BY LOWER(customer_email)", array_merge( array( Booking::NO_SHOW ), $emails ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema, placeholders for every value.
		$map   = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$map[ (string) $row['email'] ] = (int) $row['missed'];
		}
		return $map;
	}

	/**
	 * A page of one customer's bookings, oldest first, for the personal-data
	 * exporter and eraser. The email is matched exactly, ignoring case.
	 *
	 * @param string $email    The customer's email address.
	 * @param int    $page     1-based.
	 * @param int    $per_page Rows per page.
	 * @return Booking[]
	 */
	public function by_customer_email( string $email, int $page, int $per_page ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE customer_email = %s ORDER BY id LIMIT %d OFFSET %d", $email, $per_page, ( $page - 1 ) * $per_page ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return array_map( array( Booking::class, 'from_row' ), $rows );
	}

	/**
	 * The email addresses of the coming active bookings (pending or confirmed,
	 * starting after $now) whose address ends at one of $domains, one entry a
	 * booking. The caller compares them by CustomerEmail::key().
	 *
	 * @param string[]           $domains Domains, lower case.
	 * @param \DateTimeImmutable $now     The current instant.
	 * @return string[]
	 */
	public function coming_emails_at( array $domains, \DateTimeImmutable $now ): array {
		global $wpdb;
		if ( array() === $domains ) {
			return array();
		}
		$table = Schema::table( 'bookings' );
		$like  = implode( ' OR ', array_fill( 0, count( $domains ), 'customer_email LIKE %s' ) );
		$args  = array_merge(
			Booking::ACTIVE,
			array( gmdate( 'Y-m-d H:i:s', $now->getTimestamp() ) ),
			array_map( static fn( string $domain ): string => '%@' . $wpdb->esc_like( $domain ), $domains )
		);
		// The status_start key narrows the rows to coming bookings; the address is matched by its domain here and compared exactly by the caller.
		$statuses = implode( ', ', array_fill( 0, count( Booking::ACTIVE ), '%s' ) );
		$sql      = "SELECT customer_email FROM `$table` WHERE status IN ($statuses) AND start_utc > %s AND ($like)";
		return array_map( 'strval', $wpdb->get_col( $wpdb->prepare( $sql, $args ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema, placeholders for every value.
	}

	/**
	 * The sealed manage token a replay of the booking's first request may
	 * open (see BookingService), or null for a booking made without a key.
	 *
	 * @param int $id Row id.
	 */
	public function replay_seal( int $id ): ?string {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$seal  = $wpdb->get_var( $wpdb->prepare( "SELECT replay_seal FROM `$table` WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return null === $seal ? null : (string) $seal;
	}

	/**
	 * The booking an idempotency key made, or null.
	 *
	 * @param string $key_hash SHA-256 of the key.
	 */
	public function find_by_idempotency_key( string $key_hash ): ?Booking {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE idempotency_key_hash = %s", $key_hash ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return is_array( $row ) ? Booking::from_row( $row ) : null;
	}

	/**
	 * Changes some columns of a booking.
	 *
	 * @param int                  $id      Row id.
	 * @param array<string, mixed> $columns Column => value.
	 * @throws DeadlockException When InnoDB chose this transaction as a deadlock victim.
	 * @throws \RuntimeException When the database refuses the change.
	 */
	public function update( int $id, array $columns ): void {
		global $wpdb;
		$done = $wpdb->update( Schema::table( 'bookings' ), $columns + array( 'updated_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( false === $done ) {
			self::fail( 'Changing the booking', $wpdb->last_error );
		}
	}

	/**
	 * The sessions with active bookings of one employee that touch a UTC window,
	 * as the slot engine wants them. Buffers come from the occupancy rows, so a
	 * service whose buffers changed later still blocks what it blocked when booked.
	 *
	 * @param int                $employee_id Employee row id.
	 * @param \DateTimeImmutable $from        Window start.
	 * @param \DateTimeImmutable $to          Window end.
	 * @param int|null           $except      A booking to leave out (the one being rescheduled).
	 * @return Session[]
	 */
	public function sessions( int $employee_id, \DateTimeImmutable $from, \DateTimeImmutable $to, ?int $except = null ): array {
		global $wpdb;
		$bookings  = Schema::table( 'bookings' );
		$occupancy = Schema::table( 'occupancy' );
		$from_utc  = gmdate( 'Y-m-d H:i:s', $from->getTimestamp() );
		$to_utc    = gmdate( 'Y-m-d H:i:s', $to->getTimestamp() );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table names from Schema.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT b.service_id, b.start_utc, MAX(b.end_utc) AS end_utc, SUM(b.seats) AS seats,
					(SELECT MIN(o.cell_utc) FROM `$occupancy` o WHERE o.employee_id = b.employee_id AND o.service_id = b.service_id AND o.session_start_utc = b.start_utc) AS occupied_start,
					(SELECT MAX(o.cell_utc) FROM `$occupancy` o WHERE o.employee_id = b.employee_id AND o.service_id = b.service_id AND o.session_start_utc = b.start_utc) AS occupied_last
				FROM `$bookings` b
				WHERE b.employee_id = %d AND b.status IN ('unverified', 'pending', 'confirmed') AND b.start_utc < %s AND b.end_utc > %s AND b.id <> %d
				GROUP BY b.employee_id, b.service_id, b.start_utc",
				$employee_id,
				$to_utc,
				$from_utc,
				$except ?? 0
			),
			ARRAY_A
		);
		// phpcs:enable
		$utc      = new \DateTimeZone( 'UTC' );
		$sessions = array();
		foreach ( $rows as $row ) {
			$start  = new \DateTimeImmutable( $row['start_utc'], $utc );
			$end    = new \DateTimeImmutable( $row['end_utc'], $utc );
			$before = null === $row['occupied_start'] ? 0 : max( 0, intdiv( $start->getTimestamp() - strtotime( $row['occupied_start'] . ' UTC' ), 60 ) );
			$after  = null === $row['occupied_last'] ? 0 : max( 0, intdiv( strtotime( $row['occupied_last'] . ' UTC' ) + 300 - $end->getTimestamp(), 60 ) );

			$sessions[] = new Session( (int) $row['service_id'], $start, $end, $before, $after, (int) $row['seats'], 0 );
		}
		return $sessions;
	}

	/**
	 * A page of bookings for the admin list, newest start first unless
	 * `order` is `asc` (soonest first).
	 *
	 * @param array<string, mixed> $filters  See where(); besides, `order`: `asc` or `desc`.
	 * @param int                  $page     1-based.
	 * @param int                  $per_page Rows per page.
	 * @return array{items: Booking[], total: int}
	 */
	public function page( array $filters, int $page, int $per_page ): array {
		global $wpdb;
		$table      = Schema::table( 'bookings' );
		$conditions = self::where( $filters );
		$order      = 'asc' === ( $filters['order'] ?? 'desc' ) ? 'ASC' : 'DESC';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- the conditions were prepared one by one in where(); the order is one of two words.
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table` WHERE $conditions" );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE $conditions ORDER BY start_utc $order, id $order LIMIT %d OFFSET %d", $per_page, ( $page - 1 ) * $per_page ), ARRAY_A );
		// phpcs:enable
		return array(
			'items' => array_map( array( Booking::class, 'from_row' ), $rows ),
			'total' => $total,
		);
	}

	/**
	 * How many bookings match the filters, by status (the status filters
	 * themselves left out): what the list's quick filters show.
	 *
	 * @param array<string, mixed> $filters See where().
	 * @return array<string, int> Status => count, every status present.
	 */
	public function status_counts( array $filters ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		unset( $filters['status'], $filters['exclude_statuses'] );
		$conditions = self::where( $filters );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- the conditions were prepared one by one in where().
		$rows = $wpdb->get_results( "SELECT status, COUNT(*) AS n FROM `$table` WHERE $conditions GROUP BY status", ARRAY_A );
		// phpcs:enable
		$counts = array_fill_keys( Booking::STATUSES, 0 );
		foreach ( $rows as $row ) {
			$counts[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $counts;
	}

	/**
	 * The SQL conditions of the list's filters, each one prepared.
	 *
	 * @param array<string, mixed> $filters employee, service (ids); status; exclude_statuses (string[]); from, to (UTC 'Y-m-d H:i:s'; a booking overlapping them matches); search (part of the customer's name, email or phone).
	 */
	private static function where( array $filters ): string {
		global $wpdb;
		$where = array( '1 = 1' );
		if ( isset( $filters['employee'] ) ) {
			$where[] = $wpdb->prepare( 'employee_id = %d', $filters['employee'] );
		}
		if ( isset( $filters['service'] ) ) {
			$where[] = $wpdb->prepare( 'service_id = %d', $filters['service'] );
		}
		if ( isset( $filters['status'] ) ) {
			$where[] = $wpdb->prepare( 'status = %s', $filters['status'] );
		}
		if ( ! empty( $filters['exclude_statuses'] ) && is_array( $filters['exclude_statuses'] ) ) {
			$statuses = array_values( array_map( 'strval', $filters['exclude_statuses'] ) );
			$where[]  = $wpdb->prepare( 'status NOT IN (' . implode( ', ', array_fill( 0, count( $statuses ), '%s' ) ) . ')', ...$statuses ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- one %s placeholder per status.
		}
		if ( isset( $filters['from'] ) ) {
			$where[] = $wpdb->prepare( 'end_utc > %s', $filters['from'] );
		}
		if ( isset( $filters['to'] ) ) {
			$where[] = $wpdb->prepare( 'start_utc < %s', $filters['to'] );
		}
		if ( isset( $filters['search'] ) && '' !== $filters['search'] ) {
			$like    = '%' . $wpdb->esc_like( (string) $filters['search'] ) . '%';
			$where[] = $wpdb->prepare( '(customer_name LIKE %s OR customer_email LIKE %s OR customer_phone LIKE %s)', $like, $like, $like );
		}
		return implode( ' AND ', $where );
	}

	/**
	 * Earlier customers whose name, email or phone holds the text, one per
	 * email address with the name and phone of their latest booking, most
	 * recent first.
	 *
	 * @param string $search Part of a name, email or phone; LIKE's wildcards in it match themselves.
	 * @param int    $limit  At most this many.
	 * @return array<int, array{name: string, email: string, phone: string, bookings: int}>
	 */
	public function customers( string $search, int $limit ): array {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$like  = '%' . $wpdb->esc_like( $search ) . '%';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT b.customer_name AS name, b.customer_email AS email, b.customer_phone AS phone, m.bookings
				FROM (
					SELECT LOWER(customer_email) AS email_key, MAX(id) AS last_id, COUNT(*) AS bookings
					FROM `$table`
					WHERE customer_name LIKE %s OR customer_email LIKE %s OR customer_phone LIKE %s
					GROUP BY LOWER(customer_email)
				) m
				JOIN `$table` b ON b.id = m.last_id
				ORDER BY m.last_id DESC
				LIMIT %d",
				$like,
				$like,
				$like,
				$limit
			),
			ARRAY_A
		);
		// phpcs:enable
		return array_map(
			static fn( array $row ): array => array(
				'name'     => (string) $row['name'],
				'email'    => (string) $row['email'],
				'phone'    => (string) $row['phone'],
				'bookings' => (int) $row['bookings'],
			),
			$rows
		);
	}

	/**
	 * Throws the exception a failed write calls for.
	 *
	 * @param string $what  What was being done.
	 * @param string $error The database's message.
	 * @throws DuplicateBookingKeyException On a duplicate key; otherwise DatabaseFailure decides.
	 */
	private static function fail( string $what, string $error ): never {
		if ( str_contains( $error, 'Duplicate entry' ) ) {
			throw new DuplicateBookingKeyException( esc_html( $what . ': ' . $error ) );
		}
		DatabaseFailure::raise( $what, $error );
	}

	/**
	 * An instant as a UTC column value.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}
}
