<?php
/**
 * Reads and writes employees with their services, hours and days off.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Catalog;

use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\TimeRange;
use AppointEase\Schedule\WeeklyHours;

defined( 'ABSPATH' ) || exit;

/**
 * The only code that touches the employees, employee_services, working_hours
 * and days_off tables. Lists (services, hours, days off) are replaced whole.
 */
final class EmployeeRepository {

	/**
	 * Scalar fields a caller may set, by their Employee::to_array() names.
	 */
	private const COLUMNS = array(
		'name'     => 'name',
		'email'    => 'email',
		'wp_user'  => 'wp_user_id',
		'timezone' => 'timezone',
		'active'   => 'active',
	);

	/**
	 * One employee, or null when there is none with this id.
	 *
	 * @param int $id Row id.
	 */
	public function find( int $id ): ?Employee {
		global $wpdb;
		$table = Schema::table( 'employees' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return is_array( $row ) ? $this->hydrate( array( $row ) )[0] : null;
	}

	/**
	 * The timezone an active employee's calendar is in, in one query and
	 * without their lists: the 1-second poll needs nothing more.
	 *
	 * @param int           $id   Row id.
	 * @param \DateTimeZone $site The site's timezone, for employees without their own.
	 * @return \DateTimeZone|null Null when there is no such active employee.
	 */
	public function active_timezone( int $id, \DateTimeZone $site ): ?\DateTimeZone {
		global $wpdb;
		$table = Schema::table( 'employees' );
		// A row, not get_var(): get_var() answers null for the empty string, which means "the site's".
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT timezone FROM `$table` WHERE id = %d AND active = 1", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return is_array( $row ) ? Employee::zone( (string) $row['timezone'], $site ) : null;
	}

	/**
	 * Employees by name.
	 *
	 * @param bool     $active_only Leave out employees visitors cannot book.
	 * @param int|null $service_id  Only those who give this service.
	 * @return Employee[]
	 */
	public function all( bool $active_only, ?int $service_id = null ): array {
		global $wpdb;
		$employees = Schema::table( 'employees' );
		$links     = Schema::table( 'employee_services' );
		$where     = array( '1 = 1' );
		if ( $active_only ) {
			$where[] = 'e.active = 1';
		}
		if ( null !== $service_id ) {
			$where[] = $wpdb->prepare( "EXISTS (SELECT 1 FROM `$links` l WHERE l.employee_id = e.id AND l.service_id = %d)", $service_id ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name from Schema.
		}
		$conditions = implode( ' AND ', $where );
		$rows       = $wpdb->get_results( "SELECT e.* FROM `$employees` e WHERE $conditions ORDER BY e.name, e.id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- the conditions were prepared above; table name from Schema.
		return $this->hydrate( $rows );
	}

	/**
	 * The employee linked to a WordPress user, if any.
	 *
	 * @param int $user_id A WordPress user id.
	 */
	public function find_by_user( int $user_id ): ?Employee {
		global $wpdb;
		$table = Schema::table( 'employees' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE wp_user_id = %d ORDER BY id LIMIT 1", $user_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return is_array( $row ) ? $this->hydrate( array( $row ) )[0] : null;
	}

	/**
	 * Adds an employee. Call inside a transaction: several tables are written.
	 *
	 * @param array<string, mixed> $fields Validated fields keyed like Employee::to_array(); name required.
	 * @throws \RuntimeException When the database refuses a row.
	 */
	public function insert( array $fields ): Employee {
		global $wpdb;
		$now = gmdate( 'Y-m-d H:i:s' );
		$row = array_merge(
			array(
				'email'    => '',
				'timezone' => '',
			),
			$this->columns( $fields )
		) + array(
			'created_at' => $now,
			'updated_at' => $now,
		);
		$this->check( $wpdb->insert( Schema::table( 'employees' ), $row ), 'Adding the employee' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
		$id = (int) $wpdb->insert_id;
		$this->write_lists( $id, $fields );
		return $this->must_find( $id );
	}

	/**
	 * Changes some fields; a list that is given replaces the stored one.
	 * Call inside a transaction: several tables are written.
	 *
	 * @param int                  $id     Row id of an existing employee.
	 * @param array<string, mixed> $fields Validated fields keyed like Employee::to_array().
	 * @throws \RuntimeException When the database refuses a change.
	 */
	public function update( int $id, array $fields ): Employee {
		global $wpdb;
		$row = $this->columns( $fields );
		if ( array() !== $row ) {
			$this->check( $wpdb->update( Schema::table( 'employees' ), $row + array( 'updated_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'id' => $id ) ), 'Changing the employee' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		}
		$this->write_lists( $id, $fields );
		return $this->must_find( $id );
	}

	/**
	 * Whether any booking, past or future, names this employee.
	 *
	 * @param int $id Row id.
	 */
	public function is_in_use( int $id ): bool {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM `$table` WHERE employee_id = %d LIMIT 1", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
	}

	/**
	 * Removes an employee no booking names, with their lists.
	 *
	 * @param int $id Row id.
	 */
	public function delete( int $id ): void {
		global $wpdb;
		foreach ( array( 'employee_services', 'working_hours', 'days_off', 'external_calendars', 'busy_times' ) as $name ) {
			$wpdb->delete( Schema::table( $name ), array( 'employee_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		}
		$wpdb->delete( Schema::table( 'calendars' ), array( 'employee_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->delete( Schema::table( 'employees' ), array( 'id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Replaces the services, hours and days off that $fields gives.
	 *
	 * @param int                  $id     Employee row id.
	 * @param array<string, mixed> $fields May hold services (int[]), hours (list of {weekday, start, end}), days_off (list of {start, end, reason?}).
	 */
	private function write_lists( int $id, array $fields ): void {
		global $wpdb;
		if ( isset( $fields['services'] ) ) {
			$wpdb->delete( Schema::table( 'employee_services' ), array( 'employee_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			foreach ( array_unique( array_map( 'intval', $fields['services'] ) ) as $service_id ) {
				$this->check(
					$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
						Schema::table( 'employee_services' ),
						array(
							'employee_id' => $id,
							'service_id'  => $service_id,
						)
					),
					'Linking a service'
				);
			}
		}
		if ( isset( $fields['hours'] ) ) {
			$wpdb->delete( Schema::table( 'working_hours' ), array( 'employee_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			foreach ( $fields['hours'] as $range ) {
				self::check_grid( $range['start'] );
				self::check_grid( $range['end'] );
				$row = array(
					'employee_id' => $id,
					'weekday'     => (int) $range['weekday'],
					'start_time'  => $range['start'] . ':00',
					'end_time'    => $range['end'] . ':00',
				);
				$this->check( $wpdb->insert( Schema::table( 'working_hours' ), $row ), 'Saving working hours' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			}
		}
		if ( isset( $fields['days_off'] ) ) {
			$wpdb->delete( Schema::table( 'days_off' ), array( 'employee_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			foreach ( $fields['days_off'] as $range ) {
				$row = array(
					'employee_id' => $id,
					'start_date'  => $range['start'],
					'end_date'    => $range['end'],
					'reason'      => $range['reason'] ?? '',
				);
				$this->check( $wpdb->insert( Schema::table( 'days_off' ), $row ), 'Saving days off' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			}
		}
	}

	/**
	 * Refuses a time of day off the 5-minute grid: slots start on it, and the
	 * seat ledger's occupancy cells are 5 minutes long.
	 *
	 * @param string $time HH:MM.
	 * @throws \InvalidArgumentException When the minutes are not a multiple of 5.
	 */
	private static function check_grid( string $time ): void {
		if ( 1 !== preg_match( '/^\d{2}:\d{2}$/', $time ) || 0 !== (int) substr( $time, 3, 2 ) % ServiceRules::CELL_MINUTES ) {
			throw new \InvalidArgumentException( esc_html( sprintf( 'Working hours are on the %d-minute grid; got %s.', ServiceRules::CELL_MINUTES, $time ) ) );
		}
	}

	/**
	 * Employees built from rows, with their lists read in three queries in all.
	 *
	 * @param array<int, array<string, mixed>> $rows Rows of the employees table.
	 * @return Employee[]
	 */
	private function hydrate( array $rows ): array {
		global $wpdb;
		if ( array() === $rows ) {
			return array();
		}
		$ids      = implode( ',', array_map( static fn( array $row ): int => (int) $row['id'], $rows ) );
		$links    = Schema::table( 'employee_services' );
		$hours    = Schema::table( 'working_hours' );
		$days_off = Schema::table( 'days_off' );
		// The ids are integers cast above, so the IN lists are safe without placeholders.
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$link_rows = $wpdb->get_results( "SELECT employee_id, service_id FROM `$links` WHERE employee_id IN ($ids) ORDER BY service_id", ARRAY_A );
		$hour_rows = $wpdb->get_results( "SELECT employee_id, weekday, start_time, end_time FROM `$hours` WHERE employee_id IN ($ids) ORDER BY weekday, start_time", ARRAY_A );
		$off_rows  = $wpdb->get_results( "SELECT employee_id, start_date, end_date, reason FROM `$days_off` WHERE employee_id IN ($ids) ORDER BY start_date", ARRAY_A );
		// phpcs:enable

		$employees = array();
		foreach ( $rows as $row ) {
			$id          = (int) $row['id'];
			$week        = new WeeklyHours();
			$service_ids = array();
			$off         = array();
			foreach ( $link_rows as $link ) {
				if ( (int) $link['employee_id'] === $id ) {
					$service_ids[] = (int) $link['service_id'];
				}
			}
			foreach ( $hour_rows as $hour ) {
				if ( (int) $hour['employee_id'] === $id ) {
					$week = $week->with( (int) $hour['weekday'], TimeRange::from_strings( substr( $hour['start_time'], 0, 5 ), substr( $hour['end_time'], 0, 5 ) ) );
				}
			}
			foreach ( $off_rows as $range ) {
				if ( (int) $range['employee_id'] === $id ) {
					$off[] = array(
						'start'  => (string) $range['start_date'],
						'end'    => (string) $range['end_date'],
						'reason' => (string) $range['reason'],
					);
				}
			}
			$employees[] = new Employee(
				$id,
				(string) $row['name'],
				(string) $row['email'],
				null === $row['wp_user_id'] ? null : (int) $row['wp_user_id'],
				(string) $row['timezone'],
				'1' === (string) $row['active'],
				$service_ids,
				$week,
				$off
			);
		}//end foreach
		return $employees;
	}

	/**
	 * Fields renamed to columns; unknown fields are dropped.
	 *
	 * @param array<string, mixed> $fields Keyed like Employee::to_array().
	 * @return array<string, mixed>
	 */
	private function columns( array $fields ): array {
		$row = array();
		foreach ( self::COLUMNS as $field => $column ) {
			if ( array_key_exists( $field, $fields ) ) {
				$row[ $column ] = is_bool( $fields[ $field ] ) ? (int) $fields[ $field ] : $fields[ $field ];
			}
		}
		return $row;
	}

	/**
	 * Throws when a write failed.
	 *
	 * @param int|false $result What $wpdb returned.
	 * @param string    $what   What was being done, for the message.
	 * @throws \RuntimeException When $result is false.
	 */
	private function check( int|false $result, string $what ): void {
		global $wpdb;
		if ( false === $result ) {
			DatabaseFailure::raise( $what, $wpdb->last_error );
		}
	}

	/**
	 * An employee that must exist, having just been written.
	 *
	 * @param int $id Row id.
	 * @throws \RuntimeException When they do not.
	 */
	private function must_find( int $id ): Employee {
		$employee = $this->find( $id );
		if ( null === $employee ) {
			throw new \RuntimeException( esc_html( "Employee $id vanished after it was written." ) );
		}
		return $employee;
	}
}
