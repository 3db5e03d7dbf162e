<?php
/**
 * REST: what wp-admin's booking screens need besides the bookings routes.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Availability;
use AppointEase\Booking\Booking;
use AppointEase\Booking\Bookable;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Schedule\Slot;

defined( 'ABSPATH' ) || exit;

/**
 * Admin-only helpers of the new-booking form and the list: which visitor
 * rules a time breaks (before booking it with `override`), earlier
 * customers to pick from, and the quick filters' counts. Users linked to an
 * employee make no bookings (see docs/admin.md): of these they get only the
 * counts, of their own bookings, for their My bookings list.
 */
final class AdminBookingsController extends Controller {

	/** Most customers one search answers with. */
	private const CUSTOMERS_LIMIT = 10;

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository    $services     Services.
	 * @param EmployeeRepository   $employees    Employees.
	 * @param BookingRepository    $bookings     Booking rows.
	 * @param Availability         $availability Slots, live holds included.
	 * @param array<string, mixed> $list_args  The bookings list's parameters, whose filters the counts take.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly BookingRepository $bookings,
		private readonly Availability $availability,
		private readonly array $list_args
	) {
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$lookup = AvailabilityController::lookup_args();
		self::route(
			'/booking-check',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'check' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'service'  => $lookup['service'],
						'employee' => array( 'required' => true ) + $lookup['employee'],
						'start'    => array(
							'description'       => __( 'The start, ISO 8601 with offset.', 'appointease' ),
							'type'              => 'string',
							'required'          => true,
							'validate_callback' => array( Input::class, 'validate_instant' ),
						),
					),
				),
				'schema' => array( $this, 'check_schema' ),
			)
		);
		self::route(
			'/customers',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'customers' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'search' => array(
							'description' => __( 'Part of the customer\'s name, email or phone; leave out for the latest customers.', 'appointease' ),
							'type'        => 'string',
							'default'     => '',
							'maxLength'   => 100,
						),
					),
				),
				'schema' => array( $this, 'customer_schema' ),
			)
		);
		$list = $this->list_args;
		unset( $list['page'], $list['per_page'], $list['status'], $list['order'] );
		self::route(
			'/booking-counts',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'counts' ),
					'permission_callback' => array( $this, 'can_count' ),
					'args'                => $list,
				),
				'schema' => array( $this, 'counts_schema' ),
			)
		);
	}

	/**
	 * Which of the visitors' rules the time breaks, and whether it is free.
	 * Nothing is written.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function check( $request ) {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				list( $service, $employee ) = ( new Bookable( $this->services, $this->employees ) )->pair( (int) $request['service'], (int) $request['employee'] );
				$start                      = Input::instant( $request['start'] ) ?? new \DateTimeImmutable( '@0' );
				$now                        = new \DateTimeImmutable( 'now' );
				$slot                       = $this->availability->slot_at_any_time( $service, $employee, $start, $now );
				$state                      = $start <= $now ? Slot::PAST : $slot->state;
				return self::json(
					array(
						'start'      => $slot->start->format( DATE_ATOM ),
						'end'        => $slot->end->format( DATE_ATOM ),
						'state'      => $state,
						'seats_left' => Slot::PAST === $state ? 0 : $slot->seats_left,
						'overrides'  => array_map(
							static fn( string $rule ): array => array(
								'rule'    => $rule,
								'message' => self::rule_message( $rule ),
							),
							$this->availability->rules_broken( $service, $employee, $start, $now )
						),
					)
				);
			}
		);
	}

	/**
	 * What breaking a rule means, in the owner's words.
	 *
	 * @param string $rule minimum_notice, horizon or working_hours.
	 */
	private static function rule_message( string $rule ): string {
		switch ( $rule ) {
			case 'minimum_notice':
				return __( 'This is sooner than the minimum notice visitors must give.', 'appointease' );
			case 'horizon':
				return __( 'This is further ahead than visitors can book.', 'appointease' );
			default:
				return __( 'This is outside the employee\'s working hours (or not one of the start times visitors are offered).', 'appointease' );
		}
	}

	/**
	 * Earlier customers matching the search.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function customers( $request ) {
		return self::json( $this->bookings->customers( (string) $request['search'], self::CUSTOMERS_LIMIT ) );
	}

	/**
	 * How many bookings each status has under the list's other filters.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function counts( $request ) {
		$filters = BookingsController::scope_to_own( BookingFilters::from( $request ) );
		if ( $filters instanceof \WP_Error ) {
			return $filters;
		}
		return self::json( $this->bookings->status_counts( $filters ) );
	}

	/**
	 * Counting bookings: whoever may list some (counts() narrows them to the
	 * user's own, as the list does).
	 *
	 * @return true|\WP_Error
	 */
	public function can_count() {
		return current_user_can( Installer::VIEW_OWN_CAPABILITY ) ? true : $this->can_manage();
	}

	/**
	 * The answer of POST booking-check.
	 *
	 * @return array<string, mixed>
	 */
	public function check_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-booking-check',
			'type'       => 'object',
			'required'   => array( 'start', 'end', 'state', 'seats_left', 'overrides' ),
			'properties' => array(
				'start'      => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'end'        => array(
					'type'   => 'string',
					'format' => 'date-time',
				),
				'state'      => array(
					'description' => __( 'As a visitor would see the time, leaving the rules aside: available, booked, held (being booked by a visitor) or past.', 'appointease' ),
					'type'        => 'string',
					'enum'        => Slot::STATES,
				),
				'seats_left' => array( 'type' => 'integer' ),
				'overrides'  => array(
					'description' => __( 'The visitors\' rules the time breaks; booking it takes override: true.', 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'required'   => array( 'rule', 'message' ),
						'properties' => array(
							'rule'    => array(
								'type' => 'string',
								'enum' => array( 'minimum_notice', 'horizon', 'working_hours' ),
							),
							'message' => array( 'type' => 'string' ),
						),
					),
				),
			),
		);
	}

	/**
	 * One customer of GET customers.
	 *
	 * @return array<string, mixed>
	 */
	public function customer_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-customer',
			'type'       => 'object',
			'required'   => array( 'name', 'email', 'phone', 'bookings' ),
			'properties' => array(
				'name'     => array( 'type' => 'string' ),
				'email'    => array( 'type' => 'string' ),
				'phone'    => array( 'type' => 'string' ),
				'bookings' => array(
					'description' => __( 'How many bookings were made with this email address.', 'appointease' ),
					'type'        => 'integer',
				),
			),
		);
	}

	/**
	 * The answer of GET booking-counts.
	 *
	 * @return array<string, mixed>
	 */
	public function counts_schema(): array {
		$counts = array();
		foreach ( Booking::STATUSES as $status ) {
			$counts[ $status ] = array( 'type' => 'integer' );
		}
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-booking-counts',
			'type'       => 'object',
			'required'   => Booking::STATUSES,
			'properties' => $counts,
		);
	}
}
