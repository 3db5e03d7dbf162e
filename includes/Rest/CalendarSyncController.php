<?php
/**
 * An employee's calendar sync: their feed address and outside calendars.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Sync\CalendarSync;
use AppointEase\Sync\ExternalCalendar;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Sync\ExternalCalendars;
use AppointEase\Sync\FeedKeys;

defined( 'ABSPATH' ) || exit;

/**
 * For admins (the employee screen of wp-admin):
 * `GET employees/{id}/calendar-sync` the feed's state and the outside calendars,
 * `POST employees/{id}/calendar-sync/feed` a new feed address (the old one stops),
 * `POST calendar-sync/feed` the same for the all-employees feed,
 * `POST employees/{id}/calendar-sync/calendars` adds an outside calendar and syncs it,
 * `POST employees/{id}/calendar-sync/calendars/{calendar}/sync` syncs one now,
 * `DELETE employees/{id}/calendar-sync/calendars/{calendar}` removes one.
 */
final class CalendarSyncController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'employees/(?P<id>[^/]+)/calendar-sync';

	/**
	 * Builds it.
	 *
	 * @param EmployeeRepository         $employees Employees.
	 * @param ExternalCalendarRepository $calendars Outside calendars.
	 */
	public function __construct(
		private readonly EmployeeRepository $employees = new EmployeeRepository(),
		private readonly ExternalCalendarRepository $calendars = new ExternalCalendarRepository()
	) {
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$id       = self::id_args();
		$calendar = array(
			'calendar' => array(
				'description' => __( 'The outside calendar.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
		self::route(
			'/' . $this->rest_base,
			array(
				'args'   => $id,
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/feed',
			array(
				'args'   => $id,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'regenerate_feed' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_feed_schema' ),
			)
		);
		self::route(
			'/calendar-sync/feed',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'regenerate_feed' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_feed_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/calendars',
			array(
				'args'   => $id,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'add_calendar' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'url' => array(
							'description' => __( 'The calendar\'s address (https://, http:// or webcal://).', 'appointease' ),
							'type'        => 'string',
							'required'    => true,
							'maxLength'   => ExternalCalendars::MAX_URL_LENGTH,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/calendars/(?P<calendar>[^/]+)',
			array(
				'args'   => $id + $calendar,
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'remove_calendar' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/calendars/(?P<calendar>[^/]+)/sync',
			array(
				'args'   => $id + $calendar,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'sync_calendar' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The employee's calendar sync state.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$employee_id = (int) $request['id'];
		if ( null === $this->employees->find( $employee_id ) ) {
			return self::no_employee();
		}
		return self::json( $this->state( $employee_id ) );
	}

	/**
	 * A new feed address; the old one answers 404 from now on.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function regenerate_feed( $request ) {
		$owner = FeedKeys::ALL;
		if ( isset( $request['id'] ) ) {
			if ( null === $this->employees->find( (int) $request['id'] ) ) {
				return self::no_employee();
			}
			$owner = (string) (int) $request['id'];
		}
		return self::json( FeedKeys::urls( FeedKeys::regenerate( $owner ) ), 201 );
	}

	/**
	 * Adds an outside calendar and syncs it at once.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function add_calendar( $request ) {
		$employee_id = (int) $request['id'];
		if ( null === $this->employees->find( $employee_id ) ) {
			return self::no_employee();
		}
		$url = ExternalCalendars::normalise( (string) $request['url'] );
		if ( null === $url ) {
			return Errors::make( 'VALIDATION_ERROR', __( 'This is not a calendar address this site may fetch. Paste the full https:// or webcal:// address your calendar app shows.', 'appointease' ), array( 'params' => array( 'url' => 'invalid' ) ) );
		}
		return $this->respond(
			function () use ( $employee_id, $url ): \WP_REST_Response {
				$sync = new CalendarSync( $this->calendars, $this->employees );
				$sync->sync( $this->calendars->insert( $employee_id, $url ) );
				$sync->schedule_next();
				return self::json( $this->state( $employee_id ), 201 );
			}
		);
	}

	/**
	 * Fetches one outside calendar now.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function sync_calendar( $request ) {
		$calendar = $this->own_calendar( $request );
		if ( null === $calendar ) {
			return self::no_calendar();
		}
		return $this->respond(
			function () use ( $calendar ): \WP_REST_Response {
				( new CalendarSync( $this->calendars, $this->employees ) )->sync( $calendar );
				return self::json( $this->state( $calendar->employee_id ) );
			}
		);
	}

	/**
	 * Removes an outside calendar and its busy times.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function remove_calendar( $request ) {
		$calendar = $this->own_calendar( $request );
		if ( null === $calendar ) {
			return self::no_calendar();
		}
		$this->calendars->delete( $calendar->id );
		return self::json( $this->state( $calendar->employee_id ) );
	}

	/**
	 * The schema of the sync state.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$time = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-calendar-sync',
			'type'       => 'object',
			'properties' => array(
				'feed_created' => array(
					'description' => __( 'When the employee\'s current feed address was made (UTC); null when there is none. The address itself is shown only when it is made.', 'appointease' ),
				) + $time,
				'calendars'    => array(
					'description' => __( 'The employee\'s outside calendars, whose busy times are not offered.', 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'id'           => array( 'type' => 'integer' ),
							'employee'     => array( 'type' => 'integer' ),
							'url'          => array(
								'description' => __( 'Where the address points; its secret part is hidden.', 'appointease' ),
								'type'        => 'string',
							),
							'last_attempt' => $time,
							'last_success' => $time,
							'next_try'     => $time,
							'error'        => array(
								'description' => __( 'Why the last fetch failed; empty when it did not.', 'appointease' ),
								'type'        => 'string',
							),
						),
						'required'   => array( 'id', 'employee', 'url', 'last_attempt', 'last_success', 'next_try', 'error' ),
					),
				),
			),
			'required'   => array( 'feed_created', 'calendars' ),
		);
	}

	/**
	 * The schema of a new feed address.
	 *
	 * @return array<string, mixed>
	 */
	public function get_feed_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'appointease-feed-address',
			'type'       => 'object',
			'properties' => array(
				'https'  => array(
					'description' => __( 'The feed\'s address, for apps that ask for a URL.', 'appointease' ),
					'type'        => 'string',
				),
				'webcal' => array(
					'description' => __( 'The same address as webcal://, which opens a subscription in calendar apps.', 'appointease' ),
					'type'        => 'string',
				),
			),
			'required'   => array( 'https', 'webcal' ),
		);
	}

	/**
	 * The sync state of one employee.
	 *
	 * @param int $employee_id Employee.
	 * @return array{feed_created: string|null, calendars: array<int, array<string, mixed>>}
	 */
	private function state( int $employee_id ): array {
		$created = FeedKeys::created( (string) $employee_id );
		return array(
			'feed_created' => null === $created ? null : gmdate( 'Y-m-d\TH:i:s\Z', $created ),
			'calendars'    => array_map( static fn( ExternalCalendar $calendar ): array => $calendar->to_array(), $this->calendars->all( $employee_id ) ),
		);
	}

	/**
	 * The calendar of the route, when it belongs to the route's employee.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private function own_calendar( \WP_REST_Request $request ): ?ExternalCalendar {
		$calendar = $this->calendars->find( (int) $request['calendar'] );
		return null !== $calendar && $calendar->employee_id === (int) $request['id'] ? $calendar : null;
	}

	/**
	 * The answer for an employee that does not exist.
	 */
	private static function no_employee(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'This employee does not exist.', 'appointease' ) );
	}

	/**
	 * The answer for an outside calendar that does not exist.
	 */
	private static function no_calendar(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'This outside calendar does not exist. It may have been removed.', 'appointease' ) );
	}
}
