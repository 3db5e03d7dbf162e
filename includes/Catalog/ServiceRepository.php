<?php
/**
 * Reads and writes services.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Catalog;

use AppointEase\Booking\LimitLedger;
use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * The only code that touches the services table.
 */
final class ServiceRepository {

	/**
	 * Columns a caller may set, by the field names of Service::to_array().
	 */
	private const COLUMNS = array(
		'name'          => 'name',
		'description'   => 'description',
		'duration'      => 'duration_minutes',
		'buffer_before' => 'buffer_before_minutes',
		'buffer_after'  => 'buffer_after_minutes',
		'capacity'      => 'capacity',
		'price'         => 'price',
		'active'        => 'active',
		'reminders'     => 'reminders',
	) + ServicePolicy::COLUMNS;

	/**
	 * One service, or null when there is none with this id.
	 *
	 * @param int $id Row id.
	 */
	public function find( int $id ): ?Service {
		global $wpdb;
		$table = Schema::table( 'services' );
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		return is_array( $row ) ? Service::from_row( $row ) : null;
	}

	/**
	 * Services by name.
	 *
	 * @param bool $active_only Leave out services visitors cannot book.
	 * @return Service[]
	 */
	public function all( bool $active_only ): array {
		global $wpdb;
		$table = Schema::table( 'services' );
		$where = $active_only ? 'WHERE active = 1' : '';
		$rows  = $wpdb->get_results( "SELECT * FROM `$table` $where ORDER BY name, id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- no values; table name from Schema.
		return array_map( array( Service::class, 'from_row' ), $rows );
	}

	/**
	 * The services with reminder times of their own: id => the stored text
	 * ("24h, 2h" or "off"). Most sites have none, so the reminder job reads
	 * this once a run rather than each booking's service.
	 *
	 * @return array<int, string>
	 */
	public function reminder_overrides(): array {
		global $wpdb;
		$table = Schema::table( 'services' );
		$rows  = $wpdb->get_results( "SELECT id, reminders FROM `$table` WHERE reminders IS NOT NULL", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- no values; table name from Schema.
		$map   = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$map[ (int) $row['id'] ] = (string) $row['reminders'];
		}
		return $map;
	}

	/**
	 * Adds a service.
	 *
	 * @param array<string, mixed> $fields Validated fields, keyed like Service::to_array(); name and duration required.
	 * @throws \RuntimeException When the database refuses the row.
	 */
	public function insert( array $fields ): Service {
		global $wpdb;
		$now  = gmdate( 'Y-m-d H:i:s' );
		$row  = array_merge( array( 'description' => '' ), $this->columns( $fields ) );
		$done = $wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery
			Schema::table( 'services' ),
			$row + array(
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		if ( false === $done ) {
			DatabaseFailure::raise( 'Adding the service', $wpdb->last_error );
		}
		return $this->must_find( (int) $wpdb->insert_id );
	}

	/**
	 * Changes some fields of a service.
	 *
	 * @param int                  $id     Row id of an existing service.
	 * @param array<string, mixed> $fields Validated fields, keyed like Service::to_array().
	 * @throws \RuntimeException When the database refuses the change.
	 */
	public function update( int $id, array $fields ): Service {
		global $wpdb;
		$row = $this->columns( $fields );
		if ( array() !== $row ) {
			$done = $wpdb->update( Schema::table( 'services' ), $row + array( 'updated_at' => gmdate( 'Y-m-d H:i:s' ) ), array( 'id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			if ( false === $done ) {
				DatabaseFailure::raise( 'Changing the service', $wpdb->last_error );
			}
		}
		$service = $this->must_find( $id );
		// A limit switched on (or a new one) counts the bookings already made.
		( new LimitLedger() )->claim_existing( $service, new \DateTimeImmutable( 'now' ) );
		return $service;
	}

	/**
	 * Whether any booking, past or future, names this service. Such a
	 * service is kept for the record and can only be deactivated.
	 *
	 * @param int $id Row id.
	 */
	public function is_in_use( int $id ): bool {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT id FROM `$table` WHERE service_id = %d LIMIT 1", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
	}

	/**
	 * Removes a service that no booking names, and its links to employees.
	 *
	 * @param int $id Row id.
	 */
	public function delete( int $id ): void {
		global $wpdb;
		$wpdb->delete( Schema::table( 'employee_services' ), array( 'service_id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->delete( Schema::table( 'services' ), array( 'id' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Fields renamed to columns; unknown fields are dropped.
	 *
	 * @param array<string, mixed> $fields Keyed like Service::to_array().
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
	 * A service that must exist, having just been written.
	 *
	 * @param int $id Row id.
	 * @throws \RuntimeException When it does not.
	 */
	private function must_find( int $id ): Service {
		$service = $this->find( $id );
		if ( null === $service ) {
			throw new \RuntimeException( esc_html( "Service $id vanished after it was written." ) );
		}
		return $service;
	}
}
