<?php
/**
 * REST: employees (public list, admin CRUD with hours and days off).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Transaction;
use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\WeeklyHours;

defined( 'ABSPATH' ) || exit;

/**
 * Anyone sees an active employee's id, name and services; admins
 * (`context=edit`) see everything and may write.
 */
final class EmployeesController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'employees';

	/**
	 * Builds it.
	 *
	 * @param EmployeeRepository $employees Employees.
	 * @param ServiceRepository  $services  Services, to check the ones named.
	 */
	public function __construct( private readonly EmployeeRepository $employees, private readonly ServiceRepository $services ) {
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->register_crud_routes(
			array(
				'service' => array(
					'description' => __( 'Only employees who give this service.', 'appointease' ),
					'type'        => 'integer',
					'minimum'     => 1,
					'maximum'     => 4294967295,
				),
			)
		);
	}

	/**
	 * Lists employees.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		$edit  = 'edit' === $request['context'];
		$items = array();
		foreach ( $this->employees->all( ! $edit, isset( $request['service'] ) ? (int) $request['service'] : null ) as $employee ) {
			$items[] = $edit ? $employee->to_array() : $employee->to_public_array();
		}
		return self::json( $items );
	}

	/**
	 * One employee.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$employee = $this->employees->find( (int) $request['id'] );
		$edit     = 'edit' === $request['context'];
		if ( null === $employee || ( ! $employee->active && ! current_user_can( Installer::CAPABILITY ) ) ) {
			return self::not_found();
		}
		return self::json( $edit ? $employee->to_array() : $employee->to_public_array() );
	}

	/**
	 * Adds an employee with their services, hours and days off.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$fields = $this->writable_fields( $request );
		$error  = $this->check( $fields );
		if ( null !== $error ) {
			return $error;
		}
		$employee = Transaction::run( fn(): Employee => $this->employees->insert( $fields ) );
		$response = self::json( $employee->to_array(), 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $employee->id ) ) );
		return $response;
	}

	/**
	 * Changes an employee; lists given replace the stored ones.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		$id = (int) $request['id'];
		if ( null === $this->employees->find( $id ) ) {
			return self::not_found();
		}
		$fields = $this->writable_fields( $request );
		$error  = $this->check( $fields );
		if ( null !== $error ) {
			return $error;
		}
		return self::json( Transaction::run( fn(): Employee => $this->employees->update( $id, $fields ) )->to_array() );
	}

	/**
	 * Removes an employee no booking names; one with bookings can only be deactivated.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$employee = $this->employees->find( (int) $request['id'] );
		if ( null === $employee ) {
			return self::not_found();
		}
		if ( $this->employees->is_in_use( $employee->id ) ) {
			return Errors::make( 'IN_USE', __( 'This employee has bookings, so they are kept for the record. Deactivate them instead.', 'appointease' ) );
		}
		Transaction::run( fn() => $this->employees->delete( $employee->id ) );
		return self::json(
			array(
				'deleted'  => true,
				'previous' => $employee->to_array(),
			)
		);
	}

	/**
	 * The employee schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$time         = array(
				'type'    => 'string',
				// Minutes on the 5-minute grid, which slot starts and occupancy cells use.
				'pattern' => '^([01][0-9]|2[0-3]):[0-5][05]$|^24:00$',
			);
			$date         = array(
				'type'    => 'string',
				'pattern' => '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-employee',
				'type'       => 'object',
				'properties' => array(
					'id'       => array(
						'description' => __( 'Unique identifier.', 'appointease' ),
						'type'        => 'integer',
						'readonly'    => true,
						'context'     => array( 'view', 'edit' ),
					),
					'name'     => array(
						'description' => __( 'Name shown to visitors.', 'appointease' ),
						'type'        => 'string',
						'minLength'   => 1,
						'maxLength'   => 191,
						'required'    => true,
						'context'     => array( 'view', 'edit' ),
						'arg_options' => array( 'sanitize_callback' => array( Input::class, 'required_text' ) ),
					),
					'services' => array(
						'description' => __( 'Ids of the services they give.', 'appointease' ),
						'type'        => 'array',
						'items'       => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'maxItems'    => 500,
						'uniqueItems' => true,
						'default'     => array(),
						'context'     => array( 'view', 'edit' ),
					),
					'email'    => array(
						'description' => __( 'Where their notifications go. Never shown to visitors.', 'appointease' ),
						'type'        => 'string',
						'format'      => 'email',
						'maxLength'   => 191,
						'context'     => array( 'edit' ),
					),
					'wp_user'  => array(
						'description' => __( 'The linked WordPress user, or null.', 'appointease' ),
						'type'        => array( 'integer', 'null' ),
						'minimum'     => 1,
						'context'     => array( 'edit' ),
					),
					'timezone' => array(
						'description' => __( 'Their own timezone (IANA name), or empty for the site\'s.', 'appointease' ),
						'type'        => 'string',
						'maxLength'   => 64,
						'default'     => '',
						'context'     => array( 'edit' ),
					),
					'active'   => array(
						'description' => __( 'Whether visitors can book them.', 'appointease' ),
						'type'        => 'boolean',
						'default'     => true,
						'context'     => array( 'edit' ),
					),
					'hours'    => array(
						'description' => __( 'Weekly working hours; several ranges on one day make breaks.', 'appointease' ),
						'type'        => 'array',
						'maxItems'    => 70,
						'default'     => array(),
						'context'     => array( 'edit' ),
						'items'       => array(
							'type'                 => 'object',
							'additionalProperties' => false,
							'properties'           => array(
								'weekday' => array(
									'type'     => 'integer',
									'minimum'  => 1,
									'maximum'  => 7,
									'required' => true,
								),
								'start'   => $time + array( 'required' => true ),
								'end'     => $time + array( 'required' => true ),
							),
						),
					),
					'days_off' => array(
						'description' => __( 'Days off and holidays, local dates, both ends included.', 'appointease' ),
						'type'        => 'array',
						'maxItems'    => 500,
						'default'     => array(),
						'context'     => array( 'edit' ),
						'items'       => array(
							'type'                 => 'object',
							'additionalProperties' => false,
							'properties'           => array(
								'start'  => $date + array( 'required' => true ),
								'end'    => $date + array( 'required' => true ),
								'reason' => array(
									'type'      => 'string',
									'maxLength' => 191,
								),
							),
						),
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Checks what the schema cannot: services, user and timezone exist,
	 * hours do not overlap and end after they start, days off are real dates.
	 *
	 * @param array<string, mixed> $fields Fields from the request.
	 */
	private function check( array $fields ): ?\WP_Error {
		foreach ( $fields['services'] ?? array() as $service_id ) {
			if ( null === $this->services->find( (int) $service_id ) ) {
				/* translators: %d: a service id. */
				return self::invalid( 'services', sprintf( __( 'There is no service %d.', 'appointease' ), $service_id ) );
			}
		}
		if ( isset( $fields['wp_user'] ) && false === get_userdata( (int) $fields['wp_user'] ) ) {
			return self::invalid( 'wp_user', __( 'There is no such WordPress user.', 'appointease' ) );
		}
		if ( isset( $fields['timezone'] ) && '' !== $fields['timezone'] && ! in_array( $fields['timezone'], timezone_identifiers_list(), true ) ) {
			return self::invalid( 'timezone', __( 'The timezone must be a city-based name such as Europe/Berlin, or empty for the site\'s.', 'appointease' ) );
		}
		try {
			$ranges = array();
			foreach ( $fields['hours'] ?? array() as $range ) {
				$ranges[ $range['weekday'] ][] = array( $range['start'], $range['end'] );
			}
			WeeklyHours::from_array( $ranges );
		} catch ( \InvalidArgumentException $invalid ) {
			return self::invalid( 'hours', __( 'Each range of working hours must end after it starts, and ranges on one day must not overlap.', 'appointease' ) );
		}
		foreach ( $fields['days_off'] ?? array() as $range ) {
			if ( ! Input::is_local_date( $range['start'] ) || ! Input::is_local_date( $range['end'] ) ) {
				return self::invalid( 'days_off', __( 'Days off must be dates that exist, like 2026-12-24.', 'appointease' ) );
			}
		}
		try {
			new DaysOff( array_map( static fn( array $range ): array => array( $range['start'], $range['end'] ), $fields['days_off'] ?? array() ) );
		} catch ( \InvalidArgumentException $invalid ) {
			return self::invalid( 'days_off', __( 'Days off cannot end before they start.', 'appointease' ) );
		}
		return null;
	}

	/**
	 * A 400 naming the field at fault.
	 *
	 * @param string $field   The field.
	 * @param string $message What is wrong with it.
	 */
	private static function invalid( string $field, string $message ): \WP_Error {
		return Errors::make( 'VALIDATION_ERROR', $message, array( 'params' => array( $field => $message ) ) );
	}

	/**
	 * The answer for an employee that does not exist.
	 */
	private static function not_found(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'There is no such employee.', 'appointease' ) );
	}
}
