<?php
/**
 * REST: visitors' holds on a time while they fill in the form.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Holds\Hold;
use AppointEase\Holds\HoldService;

defined( 'ABSPATH' ) || exit;

/**
 * `POST holds` answers the hold's public id and its secret token; `PATCH`
 * and `DELETE holds/{id}` need that token. A wrong token answers exactly
 * like an unknown id.
 */
final class HoldsController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'holds';

	/**
	 * Builds it.
	 *
	 * @param callable(): HoldService $holds     Gives the hold service (it connects to the store when built).
	 * @param EmployeeRepository      $employees Employees, for their timezones.
	 */
	public function __construct( private $holds, private readonly EmployeeRepository $employees ) {
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$lookup = AvailabilityController::lookup_args();
		$start  = array(
			'description'       => __( 'The slot\'s start, ISO 8601 with offset.', 'appointease' ),
			'type'              => 'string',
			'validate_callback' => array( Input::class, 'validate_instant' ),
		);
		// Not required: a missing token answers exactly like a wrong one (404 HOLD_NOT_FOUND), so a caller learns nothing from leaving it out.
		$token = array(
			'description' => __( 'The hold\'s secret token, from POST holds.', 'appointease' ),
			'type'        => 'string',
			'maxLength'   => 128,
		);
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => '__return_true',
					'args'                => array(
						'service'  => $lookup['service'],
						'employee' => array( 'required' => true ) + $lookup['employee'],
						'start'    => array( 'required' => true ) + $start,
						'seats'    => array(
							'description' => __( 'Seats to hold.', 'appointease' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => 1000,
							'default'     => 1,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The hold\'s public id.', 'appointease' ),
						'type'        => 'string',
						'maxLength'   => 64,
					),
				),
				array(
					'methods'             => 'PATCH',
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => '__return_true',
					'args'                => array(
						'token' => $token,
						'start' => array( 'description' => __( 'Move the hold to this start; leave out for a heartbeat.', 'appointease' ) ) + $start,
					),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => '__return_true',
					'args'                => array( 'token' => $token ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Takes a hold.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$start = Input::instant( $request['start'] ) ?? new \DateTimeImmutable( '@0' );
		return $this->respond(
			function () use ( $request, $start ): \WP_REST_Response {
				list( $hold, $token ) = $this->service()->acquire( (int) $request['service'], (int) $request['employee'], $start, (int) $request['seats'], new \DateTimeImmutable( 'now' ) );
				return self::json( $this->present( $hold ) + array( 'token' => $token ), 201 );
			}
		);
	}

	/**
	 * Renews a hold, or moves it when a start is given.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		$id    = (string) $request['id'];
		$token = (string) $request['token'];
		$start = isset( $request['start'] ) ? Input::instant( $request['start'] ) : null;
		return $this->respond(
			function () use ( $id, $token, $start ): \WP_REST_Response {
				$now  = new \DateTimeImmutable( 'now' );
				$hold = null === $start ? $this->service()->renew( $id, $token, $now ) : $this->service()->move( $id, $token, $start, $now );
				return self::json( $this->present( $hold ) );
			}
		);
	}

	/**
	 * Releases a hold.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$id    = (string) $request['id'];
		$token = (string) $request['token'];
		return $this->respond(
			function () use ( $id, $token ): \WP_REST_Response {
				$this->service()->release( $id, $token, new \DateTimeImmutable( 'now' ) );
				return self::json(
					array(
						'id'       => $id,
						'released' => true,
					)
				);
			}
		);
	}

	/**
	 * The hold schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$time         = array(
				'type'   => 'string',
				'format' => 'date-time',
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-hold',
				'type'       => 'object',
				// What every answer carries (token only the one to POST holds); the
				// generated front-end types read it.
				'required'   => array( 'id', 'start', 'end', 'seats', 'expires_at' ),
				'properties' => array(
					'id'         => array(
						'description' => __( 'Public id, shown to every visitor of the calendar.', 'appointease' ),
						'type'        => 'string',
					),
					'start'      => $time,
					'end'        => $time,
					'seats'      => array( 'type' => 'integer' ),
					'expires_at' => $time,
					'token'      => array(
						'description' => __( 'Only in the answer to POST holds: the secret that renews, moves, releases and books the hold.', 'appointease' ),
						'type'        => 'string',
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The hold with times in its calendar's timezone.
	 *
	 * @param Hold $hold The hold.
	 * @return array<string, mixed>
	 */
	private function present( Hold $hold ): array {
		$employee = $this->employees->find( $hold->employee_id );
		$timezone = null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() );
		return array(
			'id'         => $hold->id,
			'start'      => $hold->start->setTimezone( $timezone )->format( DATE_ATOM ),
			'end'        => $hold->end->setTimezone( $timezone )->format( DATE_ATOM ),
			'seats'      => $hold->seats,
			'expires_at' => Hold::time_at( $hold->expires_at )->setTimezone( $timezone )->format( DATE_ATOM ),
		);
	}

	/**
	 * The hold service.
	 */
	private function service(): HoldService {
		return ( $this->holds )();
	}
}
