<?php
/**
 * The dashboard's figures, counted by the database.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Counts bookings by the week of their start, in the site's timezone (weeks
 * start on Monday). Every query reads the bookings by `status_start` or
 * `employee_start`, so a year of bookings costs a range scan of the weeks
 * shown, not a table scan.
 *
 * Which bookings count:
 * - **booked**: pending, confirmed, completed and no-show bookings, the ones
 *   that took (or still take) a time; revenue is their price × seats;
 * - **cancellations**: cancelled bookings (a rejected one was never taken);
 * - **no-show rate**: no-shows among the appointments that have happened
 *   (completed + no-show) in the weeks shown;
 * - **utilisation**: this week's booked minutes of each active employee
 *   (a class with several bookings counts its session once) over the
 *   minutes of their working hours this week, days off left out.
 */
final class DashboardFigures {

	/** The statuses of a booking that took a time. */
	public const BOOKED = array( 'pending', 'confirmed', 'completed', 'no_show' );

	/**
	 * Builds it.
	 *
	 * @param \DateTimeZone      $timezone The site's timezone, whose weeks are counted.
	 * @param \DateTimeImmutable $now      The current time.
	 */
	public function __construct(
		private readonly \DateTimeZone $timezone,
		private readonly \DateTimeImmutable $now
	) {
	}

	/**
	 * Every figure of the dashboard.
	 *
	 * @param int $weeks How many weeks the charts show, the current one last.
	 * @return array<string, mixed>
	 */
	public function all( int $weeks ): array {
		$today      = $this->now->setTimezone( $this->timezone )->setTime( 0, 0 );
		$this_week  = $today->modify( '-' . ( (int) $today->format( 'N' ) - 1 ) . ' days' );
		$first_week = $this_week->modify( '-' . ( $weeks - 1 ) . ' weeks' );
		$starts     = array();
		for ( $i = 0; $i <= $weeks; $i++ ) {
			$starts[] = $first_week->modify( '+' . $i . ' weeks' );
		}
		$week_rows = $this->weeks( $starts );
		$attended  = 0;
		$no_shows  = 0;
		foreach ( $week_rows as $row ) {
			$attended += $row['completed'];
			$no_shows += $row['no_shows'];
		}
		$happened = $attended + $no_shows;
		return array(
			'today'        => $today->format( 'Y-m-d' ),
			'week_start'   => $this_week->format( 'Y-m-d' ),
			'today_count'  => $this->booked_between( $today, $today->modify( '+1 day' ) ),
			'week_count'   => $this->booked_between( $this_week, $this_week->modify( '+1 week' ) ),
			'weeks'        => array_map(
				static fn( array $row ): array => array(
					'start'         => $row['start'],
					'bookings'      => $row['bookings'],
					'cancellations' => $row['cancellations'],
					'no_shows'      => $row['no_shows'],
					'revenue'       => $row['revenue'],
				),
				$week_rows
			),
			'no_show_rate' => array(
				'no_shows' => $no_shows,
				'happened' => $happened,
				'rate'     => 0 === $happened ? null : round( $no_shows / $happened, 4 ),
			),
			'utilisation'  => $this->utilisation( $this_week ),
		);
	}

	/**
	 * Counts per week: bookings, cancellations, completed, no-shows and revenue.
	 *
	 * @param \DateTimeImmutable[] $starts The weeks' first days, and the day after the last week.
	 * @return list<array{start: string, bookings: int, cancellations: int, completed: int, no_shows: int, revenue: float}>
	 */
	private function weeks( array $starts ): array {
		global $wpdb;
		$bounds = array_map( fn( \DateTimeImmutable $day ): string => self::utc( $day ), $starts );
		// Which week a start falls in: the first bound it is below.
		$case = 'CASE';
		$args = array();
		foreach ( array_slice( $bounds, 1 ) as $i => $bound ) {
			$case  .= ' WHEN b.start_utc < %s THEN ' . (int) $i;
			$args[] = $bound;
		}
		$case    .= ' END';
		$booked   = implode( ',', array_fill( 0, count( self::BOOKED ), '%s' ) );
		$statuses = array_merge( self::BOOKED, array( 'cancelled' ) );
		$in       = implode( ',', array_fill( 0, count( $statuses ), '%s' ) );
		$sql      = "SELECT {$case} AS week,
				SUM( b.status IN ({$booked}) ) AS bookings,
				SUM( b.status = 'cancelled' ) AS cancellations,
				SUM( b.status = 'completed' ) AS completed,
				SUM( b.status = 'no_show' ) AS no_shows,
				SUM( CASE WHEN b.status IN ({$booked}) THEN COALESCE( s.price, 0 ) * b.seats ELSE 0 END ) AS revenue
			FROM " . Schema::table( 'bookings' ) . ' b
			LEFT JOIN ' . Schema::table( 'services' ) . " s ON s.id = b.service_id
			WHERE b.status IN ({$in}) AND b.start_utc >= %s AND b.start_utc < %s
			GROUP BY week";
		$rows     = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- figures of the moment, read once per dashboard visit.
			$wpdb->prepare( $sql, array_merge( $args, self::BOOKED, self::BOOKED, $statuses, array( $bounds[0], $bounds[ count( $bounds ) - 1 ] ) ) ), // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table names from Schema, placeholders for every value.
			ARRAY_A
		);
		$by_week  = array();
		foreach ( (array) $rows as $row ) {
			$by_week[ (int) $row['week'] ] = $row;
		}
		$weeks = array();
		foreach ( array_slice( $starts, 0, -1 ) as $i => $start ) {
			$row     = $by_week[ $i ] ?? array();
			$weeks[] = array(
				'start'         => $start->format( 'Y-m-d' ),
				'bookings'      => (int) ( $row['bookings'] ?? 0 ),
				'cancellations' => (int) ( $row['cancellations'] ?? 0 ),
				'completed'     => (int) ( $row['completed'] ?? 0 ),
				'no_shows'      => (int) ( $row['no_shows'] ?? 0 ),
				'revenue'       => round( (float) ( $row['revenue'] ?? 0 ), 2 ),
			);
		}
		return $weeks;
	}

	/**
	 * How many booked bookings start in a range.
	 *
	 * @param \DateTimeImmutable $from First instant.
	 * @param \DateTimeImmutable $to   The instant after the range.
	 */
	private function booked_between( \DateTimeImmutable $from, \DateTimeImmutable $to ): int {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$in    = implode( ',', array_fill( 0, count( self::BOOKED ), '%s' ) );
		$sql   = "SELECT COUNT(*) FROM `$table` WHERE status IN ({$in}) AND start_utc >= %s AND start_utc < %s";
		return (int) $wpdb->get_var( $wpdb->prepare( $sql, array_merge( self::BOOKED, array( self::utc( $from ), self::utc( $to ) ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema, a placeholder for every value.
	}

	/**
	 * This week's booked and working minutes of each active employee.
	 *
	 * @param \DateTimeImmutable $week_start The week's Monday, 00:00 in the site's timezone.
	 * @return list<array{employee: int, name: string, booked_minutes: int, working_minutes: int}>
	 */
	private function utilisation( \DateTimeImmutable $week_start ): array {
		global $wpdb;
		$t         = array(
			'bookings'      => Schema::table( 'bookings' ),
			'employees'     => Schema::table( 'employees' ),
			'working_hours' => Schema::table( 'working_hours' ),
			'days_off'      => Schema::table( 'days_off' ),
		);
		$in        = implode( ',', array_fill( 0, count( self::BOOKED ), '%s' ) );
		$sessions  = "SELECT employee_id, SUM( TIMESTAMPDIFF( MINUTE, start_utc, end_utc ) ) AS minutes
			FROM ( SELECT DISTINCT employee_id, start_utc, end_utc FROM `{$t['bookings']}` WHERE status IN ({$in}) AND start_utc >= %s AND start_utc < %s ) sessions
			GROUP BY employee_id";
		$employees = $wpdb->get_results( "SELECT id, name FROM `{$t['employees']}` WHERE active = 1 ORDER BY name, id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- no values; table name from Schema.
		$booked    = $wpdb->get_results( $wpdb->prepare( $sessions, array_merge( self::BOOKED, array( self::utc( $week_start ), self::utc( $week_start->modify( '+1 week' ) ) ) ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema, a placeholder for every value.
		$hours     = $wpdb->get_results( "SELECT employee_id, weekday, SUM( TIME_TO_SEC( TIMEDIFF( end_time, start_time ) ) ) DIV 60 AS minutes FROM `{$t['working_hours']}` GROUP BY employee_id, weekday", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- no values; table name from Schema.
		$last_day  = $week_start->modify( '+6 days' )->format( 'Y-m-d' );
		$days_off  = $wpdb->get_results( $wpdb->prepare( "SELECT employee_id, start_date, end_date FROM `{$t['days_off']}` WHERE start_date <= %s AND end_date >= %s", $last_day, $week_start->format( 'Y-m-d' ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.

		$booked_by  = array_column( (array) $booked, 'minutes', 'employee_id' );
		$weekday_of = array();
		foreach ( (array) $hours as $row ) {
			$weekday_of[ (int) $row['employee_id'] ][ (int) $row['weekday'] ] = (int) $row['minutes'];
		}
		$figures = array();
		foreach ( (array) $employees as $employee ) {
			$id      = (int) $employee['id'];
			$working = 0;
			for ( $day = 0; $day < 7; $day++ ) {
				$date = $week_start->modify( '+' . $day . ' days' )->format( 'Y-m-d' );
				if ( ! self::is_off( (array) $days_off, $id, $date ) ) {
					$working += $weekday_of[ $id ][ $day + 1 ] ?? 0;
				}
			}
			$figures[] = array(
				'employee'        => $id,
				'name'            => (string) $employee['name'],
				'booked_minutes'  => (int) ( $booked_by[ $id ] ?? 0 ),
				'working_minutes' => $working,
			);
		}
		return $figures;
	}

	/**
	 * Whether a date is one of an employee's days off.
	 *
	 * @param array<int, array<string, string>> $days_off Rows of days off.
	 * @param int                               $employee Employee id.
	 * @param string                            $date     Y-m-d.
	 */
	private static function is_off( array $days_off, int $employee, string $date ): bool {
		foreach ( $days_off as $off ) {
			if ( (int) $off['employee_id'] === $employee && $off['start_date'] <= $date && $date <= $off['end_date'] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A time as the bookings table stores it.
	 *
	 * @param \DateTimeImmutable $time The time.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return $time->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}
}
