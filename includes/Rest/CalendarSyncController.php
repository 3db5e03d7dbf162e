<?php
/**
 * An employee's calendar sync: their feed address and outside calendars.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Access\EmployeeAccess;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Sync\CalendarSync;
use AppointEase\Sync\ExternalCalendar;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Sync\ExternalCalendars;
use AppointEase\Sync\FeedKeys;

defined( 'ABSPATH' ) || exit;

/**
 * For admins (the employee screen of wp-admin) and, for their own employee
 * only, the user linked to an employee (the My bookings screen):
 * `GET employees/{id}/calendar-sync` the feed's state and the outside calendars,
 * `POST employees/{id}/calendar-sync/feed` a new feed address (the old one stops),
 * `POST calendar-sync/feed` the same for the all-employees feed (admins only),
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
	 * Registers the routes: one endpoint each, so a table of them.
	 */
	public function register_routes(): void {
		$id       = self::id_args();
		$calendar = $id + array(
			'calendar' => array(
				'description' => __( 'The outside calendar.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
		$url      = array(
			'url' => array(
				'description' => __( 'The calendar\'s address (https://, http:// or webcal://).', 'appointease' ),
				'type'        => 'string',
				'required'    => true,
				'maxLength'   => ExternalCalendars::MAX_URL_LENGTH,
			),
		);
		$base     = '/' . $this->rest_base;
		$read     = \WP_REST_Server::READABLE;
		$create   = \WP_REST_Server::CREATABLE;
		// Route, its path arguments, method, callback, who may call it, schema, body arguments.
		$endpoints = array(
			array( $base, $id, $read, 'get_item', 'can_manage_own', 'get_public_item_schema', array() ),
			array( $base . '/feed', $id, $create, 'regenerate_feed', 'can_manage_own', 'get_feed_schema', array() ),
			// The all-employees feed holds every employee's bookings: admins only.
			array( '/calendar-sync/feed', array(), $create, 'regenerate_feed', 'can_manage', 'get_feed_schema', array() ),
			array( $base . '/calendars', $id, $create, 'add_calendar', 'can_manage_own', 'get_public_item_schema', $url ),
			array( $base . '/calendars/(?P<calendar>[^/]+)', $calendar, \WP_REST_Server::DELETABLE, 'remove_calendar', 'can_manage_own', 'get_public_item_schema', array() ),
			array( $base . '/calendars/(?P<calendar>[^/]+)/sync', $calendar, $create, 'sync_calendar', 'can_manage_own', 'get_public_item_schema', array() ),
		);
		foreach ( $endpoints as list( $route, $path_args, $method, $callback, $permission, $schema, $body_args ) ) {
			self::route(
				$route,
				array(
					'args'   => $path_args,
					array(
						'methods'             => $method,
						'callback'            => array( $this, $callback ),
						'permission_callback' => array( $this, $permission ),
						'args'                => $body_args,
					),
					'schema' => array( $this, $schema ),
				)
			);
		}
	}

	/**
	 * Permission callback of an employee's routes: admins, and the WordPress
	 * user linked to that employee, for that employee only. The same routes
	 * serve both (rather than a second set under `me/`), so the one client
	 * and the one panel work on the Employees and the My bookings screens.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function can_manage_own( $request ) {
		if ( current_user_can( Installer::CAPABILITY ) || ! current_user_can( Installer::VIEW_OWN_CAPABILITY ) ) {
			return $this->can_manage();
		}
		if ( EmployeeAccess::employee_id( get_current_user_id() ) === (int) $request['id'] ) {
			return true;
		}
		return Errors::make( 'FORBIDDEN', __( 'You can manage only your own calendar sync.', 'appointease' ) );
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
			return Errors::make( 'VALIDATION_ERROR', __( 'This is not a calendar address. Paste the full https:// or webcal:// address your calendar app shows.', 'appointease' ), array( 'params' => array( 'url' => 'invalid' ) ) );
		}
		if ( ! ExternalCalendars::is_public( $url ) ) {
			return Errors::make( 'URL_NOT_ALLOWED', __( 'This site does not fetch this address: it points inside a private network or to an unusual port. Use the address your calendar service publishes on the internet.', 'appointease' ), array( 'params' => array( 'url' => 'not_allowed' ) ) );
		}
		$limited = RateLimiter::check_calendar_fetch( get_current_user_id() );
		if ( null !== $limited ) {
			return $limited;
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
		$limited = RateLimiter::check_calendar_fetch( get_current_user_id() );
		if ( null !== $limited ) {
			return $limited;
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
