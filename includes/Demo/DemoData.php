<?php
/**
 * Demo employees, services and working hours.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Demo;

use AppointEase\Infrastructure\Schema;
use AppointEase\Schedule\WeeklyHours;

defined( 'ABSPATH' ) || exit;

/**
 * A small business to try the plugin on: three employees whose hours together
 * cover every day of the week, four services of which one is a group class.
 */
final class DemoData {

	/**
	 * Services: name, duration, buffer before, buffer after, capacity, price.
	 *
	 * @var array<string, array{0: int, 1: int, 2: int, 3: int, 4: string}>
	 */
	private const SERVICES = array(
		'Haircut'          => array( 30, 0, 10, 1, '35.00' ),
		'Consultation'     => array( 45, 0, 0, 1, '60.00' ),
		'Colour treatment' => array( 90, 15, 15, 1, '120.00' ),
		'Yoga class'       => array( 60, 0, 15, 8, '15.00' ),
	);

	/**
	 * Employees: email, services given, weekly hours (ISO weekday => ranges).
	 *
	 * @var array<string, array{0: string, 1: string[], 2: array<int, array<int, array{0: string, 1: string}>>}>
	 */
	private const EMPLOYEES = array(
		'Ana Silva'    => array(
			'ana@example.com',
			array( 'Haircut', 'Colour treatment', 'Consultation' ),
			array(
				1 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				2 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				3 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				4 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				5 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
			),
		),
		'Ben Okafor'   => array(
			'ben@example.com',
			array( 'Consultation', 'Yoga class' ),
			array(
				2 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				3 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				4 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				5 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				6 => array( array( '10:00', '16:00' ) ),
			),
		),
		'Chloé Martin' => array(
			'chloe@example.com',
			array( 'Haircut', 'Yoga class' ),
			array(
				1 => array( array( '16:00', '20:00' ) ),
				3 => array( array( '08:00', '12:00' ), array( '16:00', '20:00' ) ),
				6 => array( array( '09:00', '13:00' ) ),
				7 => array( array( '09:00', '13:00' ), array( '14:00', '17:00' ) ),
			),
		),
	);

	/**
	 * Whether the site already has employees (then seeding leaves it alone).
	 */
	public static function is_seeded(): bool {
		global $wpdb;
		$table = Schema::table( 'employees' );
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table`" ) > 0; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
	}

	/**
	 * Inserts the demo business. Returns how many employees and services it made.
	 *
	 * @return array{employees: int, services: int}
	 */
	public static function seed(): array {
		global $wpdb;
		$now = gmdate( 'Y-m-d H:i:s' );
		/**
		 * Service ids by name.
		 *
		 * @var array<string, int> $service_ids
		 */
		$service_ids = array();
		foreach ( self::SERVICES as $name => list( $duration, $before, $after, $capacity, $price ) ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			$wpdb->insert(
				Schema::table( 'services' ),
				array(
					'name'                  => $name,
					'description'           => '',
					'duration_minutes'      => $duration,
					'buffer_before_minutes' => $before,
					'buffer_after_minutes'  => $after,
					'capacity'              => $capacity,
					'price'                 => $price,
					'active'                => 1,
					'created_at'            => $now,
					'updated_at'            => $now,
				)
			);
			$service_ids[ $name ] = (int) $wpdb->insert_id;
		}

		foreach ( self::EMPLOYEES as $name => $employee ) {
			self::insert_employee( $name, $employee[0], array_map( static fn( string $service ): int => $service_ids[ $service ], $employee[1] ), WeeklyHours::from_array( $employee[2] ), $now );
		}

		return array(
			'employees' => count( self::EMPLOYEES ),
			'services'  => count( self::SERVICES ),
		);
	}

	/**
	 * Inserts one employee with the services they give and their weekly hours.
	 *
	 * @param string      $name        Name.
	 * @param string      $email       Email.
	 * @param int[]       $service_ids Services given.
	 * @param WeeklyHours $hours       Weekly working hours.
	 * @param string      $now         Creation time (UTC).
	 */
	private static function insert_employee( string $name, string $email, array $service_ids, WeeklyHours $hours, string $now ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
		$wpdb->insert(
			Schema::table( 'employees' ),
			array(
				'name'       => $name,
				'email'      => $email,
				'timezone'   => '',
				'active'     => 1,
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		$employee_id = (int) $wpdb->insert_id;
		foreach ( $service_ids as $service_id ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			$wpdb->insert(
				Schema::table( 'employee_services' ),
				array(
					'employee_id' => $employee_id,
					'service_id'  => $service_id,
				)
			);
		}
		foreach ( $hours->working_days() as $weekday ) {
			foreach ( $hours->ranges( $weekday ) as $range ) {
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
				$wpdb->insert(
					Schema::table( 'working_hours' ),
					array(
						'employee_id' => $employee_id,
						'weekday'     => $weekday,
						'start_time'  => $range->start_string() . ':00',
						'end_time'    => $range->end_string() . ':00',
					)
				);
			}
		}
	}
}
