<?php
/**
 * REST: how full one session is.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Availability;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;

defined( 'ABSPATH' ) || exit;

/**
 * `GET capacity?service=&employee=&start=`: public, counts only.
 */
final class CapacityController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'capacity';

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository  $services     Services.
	 * @param EmployeeRepository $employees    Employees.
	 * @param Availability       $availability Slots.
	 * @param BookingRepository  $bookings     Booked sessions.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly Availability $availability,
		private readonly BookingRepository $bookings
	) {
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		$args                         = AvailabilityController::lookup_args();
		$args['employee']['required'] = true;
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => '__return_true',
					'args'                => $args + array(
						'start' => array(
							'description'       => __( 'The session\'s start, ISO 8601 with offset.', 'appointease' ),
							'type'              => 'string',
							'required'          => true,
							'validate_callback' => array( Input::class, 'validate_instant' ),
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The counts of one session; a hold store that fails meanwhile answers 503.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		return $this->respond( fn() => $this->counts( $request ) );
	}

	/**
	 * The counts of one session.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function counts( \WP_REST_Request $request ) {
		$found = AvailabilityController::bookable( $this->services, $this->employees, $request );
		if ( $found instanceof \WP_Error ) {
			return $found;
		}
		list( $service, $employees ) = $found;
		$start                       = Input::instant( $request['start'] );
		$now                         = new \DateTimeImmutable( 'now' );
		$slot                        = null === $start ? null : $this->availability->slot_at( $service, $employees[0], $start, $now );
		if ( null === $slot ) {
			return Errors::make( 'SLOT_NOT_FOUND', __( 'No session of this service starts at this time.', 'appointease' ) );
		}
		// Count this session's own seats where it has bookings: after an admin lowered
		// the capacity there may be more of them than the capacity says.
		$booked = 0;
		foreach ( $this->bookings->sessions( $employees[0]->id, $slot->start, $slot->end ) as $session ) {
			if ( $session->is( $service->id, $slot->start ) ) {
				$booked += $session->booked;
			}
		}
		return self::json(
			array(
				'capacity'        => $service->capacity,
				'total_bookings'  => $booked > 0 ? $booked : $service->capacity - $slot->seats_left,
				'available_slots' => $slot->seats_left,
				'is_full'         => 0 === $slot->seats_left,
				'last_checked'    => $now->format( DATE_ATOM ),
			)
		);
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
				'title'      => 'appointease-capacity',
				'type'       => 'object',
				'properties' => array(
					'capacity'        => array(
						'description' => __( 'Seats per session.', 'appointease' ),
						'type'        => 'integer',
					),
					'total_bookings'  => array(
						'description' => __( 'Seats taken at this time, by this session or one that overlaps it.', 'appointease' ),
						'type'        => 'integer',
					),
					'available_slots' => array(
						'description' => __( 'Seats still free.', 'appointease' ),
						'type'        => 'integer',
					),
					'is_full'         => array( 'type' => 'boolean' ),
					'last_checked'    => array(
						'type'   => 'string',
						'format' => 'date-time',
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}
}
