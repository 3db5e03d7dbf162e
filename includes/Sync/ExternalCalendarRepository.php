<?php
/**
 * The rows of `external_calendars` and `busy_times`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table names from Schema; values prepared.

/**
 * Outside calendars and the busy intervals last read from each.
 */
final class ExternalCalendarRepository {

	/**
	 * One calendar, or null.
	 *
	 * @param int $id Row id.
	 */
	public function find( int $id ): ?ExternalCalendar {
		global $wpdb;
		$table = Schema::table( 'external_calendars' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? ExternalCalendar::from_row( $row ) : null;
	}

	/**
	 * The calendars of one employee, or of everyone.
	 *
	 * @param int|null $employee_id Employee row id; null for all.
	 * @return ExternalCalendar[]
	 */
	public function all( ?int $employee_id = null ): array {
		global $wpdb;
		$table = Schema::table( 'external_calendars' );
		$rows  = null === $employee_id
			? $wpdb->get_results( "SELECT * FROM `$table` ORDER BY employee_id, id", ARRAY_A )
			: $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE employee_id = %d ORDER BY id", $employee_id ), ARRAY_A );
		return array_map( array( ExternalCalendar::class, 'from_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The calendars whose next fetch is due.
	 *
	 * @param int $now Unix seconds.
	 * @return ExternalCalendar[]
	 */
	public function due( int $now ): array {
		global $wpdb;
		$table = Schema::table( 'external_calendars' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM `$table` WHERE next_try_at <= %d ORDER BY next_try_at LIMIT 50", $now ), ARRAY_A );
		return array_map( array( ExternalCalendar::class, 'from_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The earliest next fetch of any calendar, or null when there is none.
	 */
	public function next_due(): ?int {
		global $wpdb;
		$table = Schema::table( 'external_calendars' );
		$next  = $wpdb->get_var( "SELECT MIN(next_try_at) FROM `$table`" );
		return null === $next ? null : (int) $next;
	}

	/**
	 * Adds a calendar, due for its first fetch at once.
	 *
	 * @param int    $employee_id Whose.
	 * @param string $url         The checked address.
	 * @throws \RuntimeException When the database refuses it.
	 */
	public function insert( int $employee_id, string $url ): ExternalCalendar {
		global $wpdb;
		$done = $wpdb->insert(
			Schema::table( 'external_calendars' ),
			array(
				'employee_id' => $employee_id,
				'url'         => $url,
				'next_try_at' => 0,
				'created_at'  => gmdate( 'Y-m-d H:i:s' ),
			),
			array( '%d', '%s', '%d', '%s' )
		);
		if ( false === $done ) {
			DatabaseFailure::raise( 'Adding an outside calendar', $wpdb->last_error );
		}
		return $this->find( (int) $wpdb->insert_id ) ?? throw new \RuntimeException( 'The new outside calendar vanished.' );
	}

	/**
	 * Removes a calendar and its busy times.
	 *
	 * @param int $id Row id.
	 */
	public function delete( int $id ): void {
		global $wpdb;
		$wpdb->delete( Schema::table( 'busy_times' ), array( 'calendar_id' => $id ), array( '%d' ) );
		$wpdb->delete( Schema::table( 'external_calendars' ), array( 'id' => $id ), array( '%d' ) );
	}

	/**
	 * Records how a fetch went.
	 *
	 * @param int                  $id      Row id.
	 * @param array<string, mixed> $columns Columns of `external_calendars` to set.
	 */
	public function record( int $id, array $columns ): void {
		global $wpdb;
		$wpdb->update( Schema::table( 'external_calendars' ), $columns, array( 'id' => $id ) );
	}

	/**
	 * The busy intervals of one calendar.
	 *
	 * @param int $calendar_id Row id.
	 * @return array<int, array{0: int, 1: int}> [start, end] Unix seconds.
	 */
	public function busy_of_calendar( int $calendar_id ): array {
		global $wpdb;
		$table = Schema::table( 'busy_times' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT start_utc, end_utc FROM `$table` WHERE calendar_id = %d ORDER BY start_utc, end_utc", $calendar_id ), ARRAY_A );
		return self::intervals( is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The busy intervals of one employee, from all their calendars, that touch a window.
	 *
	 * @param int                $employee_id Employee row id.
	 * @param \DateTimeImmutable $from        Window start.
	 * @param \DateTimeImmutable $to          Window end.
	 * @return array<int, array{0: int, 1: int}> [start, end] Unix seconds.
	 */
	public function busy_between( int $employee_id, \DateTimeImmutable $from, \DateTimeImmutable $to ): array {
		global $wpdb;
		$table = Schema::table( 'busy_times' );
		$rows  = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT start_utc, end_utc FROM `$table` WHERE employee_id = %d AND start_utc < %s AND end_utc > %s",
				$employee_id,
				gmdate( 'Y-m-d H:i:s', $to->getTimestamp() ),
				gmdate( 'Y-m-d H:i:s', $from->getTimestamp() )
			),
			ARRAY_A
		);
		return self::intervals( is_array( $rows ) ? $rows : array() );
	}

	/**
	 * Replaces a calendar's busy intervals; call inside a transaction.
	 *
	 * @param ExternalCalendar                  $calendar  The calendar.
	 * @param array<int, array{0: int, 1: int}> $intervals [start, end] Unix seconds.
	 * @throws \RuntimeException When the database refuses it.
	 */
	public function replace_busy( ExternalCalendar $calendar, array $intervals ): void {
		global $wpdb;
		$table = Schema::table( 'busy_times' );
		if ( false === $wpdb->delete( $table, array( 'calendar_id' => $calendar->id ), array( '%d' ) ) ) {
			DatabaseFailure::raise( 'Clearing busy times', $wpdb->last_error );
		}
		foreach ( array_chunk( $intervals, 200 ) as $chunk ) {
			$values = array();
			foreach ( $chunk as $interval ) {
				$values[] = $wpdb->prepare( '(%d, %d, %s, %s)', $calendar->id, $calendar->employee_id, gmdate( 'Y-m-d H:i:s', $interval[0] ), gmdate( 'Y-m-d H:i:s', $interval[1] ) );
			}
			if ( false === $wpdb->query( "INSERT INTO `$table` (calendar_id, employee_id, start_utc, end_utc) VALUES " . implode( ', ', $values ) ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- each row prepared above.
				DatabaseFailure::raise( 'Storing busy times', $wpdb->last_error );
			}
		}
	}

	/**
	 * Rows of start_utc/end_utc as Unix-second pairs.
	 *
	 * @param array<int, array<string, mixed>> $rows The rows.
	 * @return array<int, array{0: int, 1: int}>
	 */
	private static function intervals( array $rows ): array {
		$intervals = array();
		foreach ( $rows as $row ) {
			$intervals[] = array( (int) strtotime( $row['start_utc'] . ' UTC' ), (int) strtotime( $row['end_utc'] . ' UTC' ) );
		}
		return $intervals;
	}
}
