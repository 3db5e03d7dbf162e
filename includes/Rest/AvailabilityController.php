<?php
/**
 * REST: the days and times a service can be booked.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Availability;
use AppointEase\Booking\Bookable;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Schedule\LocalDate;
use AppointEase\Schedule\Slot;

defined( 'ABSPATH' ) || exit;

/**
 * `GET availability?service=&employee=&from=&to=`: public, no personal data.
 * Without an employee it answers for "any available": each time lists the
 * employees who have it free.
 */
final class AvailabilityController extends Controller {

	/**
	 * The longest range of days one request may ask for.
	 */
	public const MAX_DAYS = 62;

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'availability';

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository  $services     Services.
	 * @param EmployeeRepository $employees    Employees.
	 * @param Availability       $availability Slots.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly Availability $availability
	) {
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => '__return_true',
					'args'                => self::lookup_args() + array(
						'from' => array(
							'description'       => __( 'First local date, YYYY-MM-DD.', 'appointease' ),
							'type'              => 'string',
							'required'          => true,
							'validate_callback' => array( Input::class, 'validate_local_date' ),
						),
						'to'   => array(
							'description'       => __( 'Last local date, YYYY-MM-DD, included.', 'appointease' ),
							'type'              => 'string',
							'required'          => true,
							'validate_callback' => array( Input::class, 'validate_local_date' ),
						),
						// Without it, "any available" left the holder's employee out of the times
						// next to their own hold, and the page showed them as someone else's pick.
						'hold' => array(
							'description' => __( 'The public id of the asking visitor\'s own hold, whose seats count as free for them. Ids are public (the poll lists them); leaving out another visitor\'s hold only changes what the asker sees, never what they can book.', 'appointease' ),
							'type'        => 'string',
							'maxLength'   => 64,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The service and employee arguments, shared with the capacity route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function lookup_args(): array {
		return array(
			'service'  => array(
				'description' => __( 'Service id.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 4294967295,
				'required'    => true,
			),
			'employee' => array(
				'description' => __( 'Employee id; leave out for any available employee.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 4294967295,
			),
		);
	}

	/**
	 * The days with their slots; a hold store that fails meanwhile answers 503.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		return $this->respond( fn() => $this->days( $request ) );
	}

	/**
	 * The days with their slots.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function days( \WP_REST_Request $request ) {
		$from = (string) $request['from'];
		$to   = (string) $request['to'];
		$span = LocalDate::days_between( $from, $to );
		if ( $span < 0 || $span >= self::MAX_DAYS ) {
			return Errors::make(
				'VALIDATION_ERROR',
				/* translators: %d: the most days one request may cover. */
				sprintf( __( 'The dates must run forward over at most %d days.', 'appointease' ), self::MAX_DAYS ),
				array( 'params' => array( 'to' => 'out_of_range' ) )
			);
		}
		$found = self::bookable( $this->services, $this->employees, $request );
		if ( $found instanceof \WP_Error ) {
			return $found;
		}
		list( $service, $employees ) = $found;

		$now      = new \DateTimeImmutable( 'now' );
		$own_hold = isset( $request['hold'] ) && '' !== $request['hold'] ? (string) $request['hold'] : null;
		$by_date  = array();
		foreach ( $employees as $employee ) {
			foreach ( $this->availability->days( $service, $employee, $from, $to, $now, null, $own_hold ) as $date => $slots ) {
				foreach ( $slots as $slot ) {
					$by_date[ $date ][ $slot->start->getTimestamp() ][] = array( $employee->id, $slot );
				}
			}
		}
		$days = array();
		foreach ( LocalDate::between( $from, $to ) as $date ) {
			$slots = $by_date[ $date ] ?? array();
			ksort( $slots );
			$days[] = array(
				'date'  => $date,
				'slots' => array_values( array_map( fn( array $offers ): array => $this->merge( $offers, isset( $request['employee'] ) ), $slots ) ),
			);
		}
		return self::json(
			array(
				'service'     => $service->id,
				'employee'    => isset( $request['employee'] ) ? (int) $request['employee'] : null,
				'days'        => $days,
				'server_time' => $now->format( DATE_ATOM ),
			)
		);
	}

	/**
	 * The service and the employees to look at, or the error that says why not.
	 *
	 * @param ServiceRepository  $services  Services.
	 * @param EmployeeRepository $employees Employees.
	 * @param \WP_REST_Request   $request   Carries service and optionally employee.
	 * @return array{0: Service, 1: Employee[]}|\WP_Error
	 */
	public static function bookable( ServiceRepository $services, EmployeeRepository $employees, \WP_REST_Request $request ) {
		$lookup = new Bookable( $services, $employees );
		try {
			$service = $lookup->service( (int) $request['service'] );
			if ( ! isset( $request['employee'] ) ) {
				return array( $service, $lookup->employees_for( $service ) );
			}
			return array( $service, array( $lookup->employee( (int) $request['employee'], $service ) ) );
		} catch ( Refusal $refusal ) {
			return Errors::from_refusal( $refusal );
		}
	}

	/**
	 * One time as the answer shows it: for one employee, their slot; for
	 * "any available", the best state among them and who has it free.
	 *
	 * @param array<int, array{0: int, 1: Slot}> $offers       Employee id and slot, per employee at this time.
	 * @param bool                               $one_employee Whether the request named an employee.
	 * @return array<string, mixed>
	 */
	private function merge( array $offers, bool $one_employee ): array {
		if ( $one_employee ) {
			return $offers[0][1]->to_array();
		}
		$rank = array_flip( array( Slot::AVAILABLE, Slot::HELD, Slot::BOOKED, Slot::PAST ) );
		usort( $offers, static fn( array $a, array $b ): int => array( $rank[ $a[1]->state ], -$a[1]->seats_left ) <=> array( $rank[ $b[1]->state ], -$b[1]->seats_left ) );
		$free = array();
		foreach ( $offers as list( $employee_id, $slot ) ) {
			if ( $slot->is_available() ) {
				$free[] = $employee_id;
			}
		}
		return $offers[0][1]->to_array() + array( 'employees' => $free );
	}

	/**
	 * The answer's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-availability',
				'type'       => 'object',
				'properties' => array(
					'service'     => array( 'type' => 'integer' ),
					'employee'    => array( 'type' => array( 'integer', 'null' ) ),
					'server_time' => array(
						'type'   => 'string',
						'format' => 'date-time',
					),
					'days'        => array(
						'type'  => 'array',
						'items' => array(
							'type'       => 'object',
							'properties' => array(
								'date'  => array( 'type' => 'string' ),
								'slots' => array(
									'type'  => 'array',
									'items' => array(
										'type'       => 'object',
										// Employees only without an employee asked for.
										'required'   => array( 'start', 'end', 'seats_left', 'state' ),
										'properties' => array(
											'start'      => array(
												'type'   => 'string',
												'format' => 'date-time',
											),
											'end'        => array(
												'type'   => 'string',
												'format' => 'date-time',
											),
											'seats_left' => array( 'type' => 'integer' ),
											'state'      => array(
												'type' => 'string',
												'enum' => Slot::STATES,
											),
											'employees'  => array(
												'description' => __( 'Without an employee asked for: who has this time free.', 'appointease' ),
												'type'  => 'array',
												'items' => array( 'type' => 'integer' ),
											),
										),
									),
								),
							),
						),
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}
}
