<?php
/**
 * What the security and fuzz tests share: the list of endpoints as the REST
 * index gives it, a small business to aim requests at, a valid request for
 * every endpoint, the four kinds of caller, and a fingerprint of everything
 * a request could write.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Security;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * The scene, built in set_up() inside the test's transaction:
 * - the parent's service and employee (Ana, MONDAY to Friday), and a second
 *   employee, Ben, who gives the same service;
 * - `own`: a booking with Ana, whose WordPress user is the "employee" caller;
 * - `other`: a pending booking with Ben (approval is on when it is made), with
 *   its manage token;
 * - `spare_service` and `spare_employee`, which no booking names (deletable);
 * - a live hold on Ben's calendar, with its token.
 */
abstract class SecurityTestCase extends RestTestCase {

	/** The callers every access test asks as. */
	protected const ROLES = array( 'anonymous', 'subscriber', 'employee', 'administrator' );

	/** The REST namespace as routes are keyed. */
	protected const PREFIX = '/appointease/v1';

	protected Employee $ben;

	protected Service $spare_service;

	protected Employee $spare_employee;

	/** An outside calendar of the spare employee (its address answers 500, so syncing it is quick). */
	protected int $spare_calendar;

	/** An outside calendar of the employee the "employee" caller is linked to (Ana's), for the "(own)" rows. */
	protected int $own_calendar;

	/** An optional booking-form question, for the booking-fields routes. */
	protected string $spare_field;

	/** The secret of the spare employee's calendar feed. */
	protected string $spare_feed_secret;

	/**
	 * Booking ids and tokens of the scene.
	 *
	 * @var array{own: int, own_token: string, other: int, other_token: string}
	 */
	protected array $bookings;

	/**
	 * The scene's hold.
	 *
	 * @var array{id: string, token: string}
	 */
	protected array $hold;

	/**
	 * User ids by role; 0 for anonymous.
	 *
	 * @var array<string, int>
	 */
	protected array $users = array();

	/**
	 * Holds taken during the test, released in tear_down (Redis does not roll back).
	 *
	 * @var array<int, array{id: string, token: string}>
	 */
	private array $taken = array();

	protected function set_up(): void {
		parent::set_up();
		$this->ben               = $this->make_employee(
			array( $this->service->id ),
			array(
				'name'  => 'Ben Okafor',
				'email' => 'ben@example.com',
			)
		);
		$this->spare_service     = $this->make_service( array( 'name' => 'Spare' ) );
		$this->spare_employee    = $this->make_employee( array(), array( 'name' => 'Spare Person' ) );
		$this->spare_calendar    = ( new \AppointEase\Sync\ExternalCalendarRepository() )->insert( $this->spare_employee->id, APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' )->id;
		$this->spare_feed_secret = \AppointEase\Sync\FeedKeys::regenerate( (string) $this->spare_employee->id );
		$this->own_calendar      = ( new \AppointEase\Sync\ExternalCalendarRepository() )->insert( $this->employee->id, APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' )->id;
		$this->spare_field       = \AppointEase\Form\Fields::create(
			array(
				'label' => 'Spare question',
				'type'  => 'text',
			)
		)['id'];

		$this->users = array(
			'anonymous'     => 0,
			'subscriber'    => $this->log_in_as( 'subscriber' ),
			'employee'      => $this->log_in_as( Installer::EMPLOYEE_ROLE ),
			'administrator' => $this->log_in_as_admin(),
		);
		$this->employees->update( $this->employee->id, array( 'wp_user' => $this->users['employee'] ) );
		$this->log_out();

		$own = $this->book(
			'09:00',
			array(
				'customer' => array(
					'name'  => 'Olga Own',
					'email' => 'olga@example.com',
				),
			)
		);
		Settings::update( array( 'approval_required' => true ) );
		$other = $this->book(
			'09:00',
			array(
				'employee' => $this->ben->id,
				'customer' => array(
					'name'  => 'Otto Other',
					'email' => 'otto@example.com',
				),
			)
		);
		Settings::update( array( 'approval_required' => false ) );
		$this->bookings = array(
			'own'         => (int) $own['id'],
			'own_token'   => (string) $own['manage_token'],
			'other'       => (int) $other['id'],
			'other_token' => (string) $other['manage_token'],
		);
		$this->hold     = $this->take_hold( $this->ben->id, '11:00' );
	}

	protected function tear_down(): void {
		foreach ( $this->taken as $hold ) {
			$this->log_out();
			rest_do_request( self::json_request( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );
		}
		$this->taken = array();
		parent::tear_down();
	}

	/**
	 * Takes a hold as a visitor and remembers it for tear_down().
	 *
	 * @param int    $employee Employee id.
	 * @param string $time     "H:i" on MONDAY.
	 * @return array{id: string, token: string}
	 */
	protected function take_hold( int $employee, string $time ): array {
		$user = get_current_user_id();
		$this->log_out();
		$body = $this->assertOk(
			201,
			$this->post(
				'holds',
				array(
					'service'  => $this->service->id,
					'employee' => $employee,
					'start'    => $this->local( $time ),
				)
			)
		);
		wp_set_current_user( $user );
		return $this->remember_hold( $body );
	}

	/**
	 * Remembers a hold an answer created, so that tear_down() releases it.
	 *
	 * @param mixed $body The answer of POST holds.
	 * @return array{id: string, token: string}
	 */
	protected function remember_hold( $body ): array {
		$hold          = array(
			'id'    => (string) ( is_array( $body ) ? $body['id'] : '' ),
			'token' => (string) ( is_array( $body ) ? $body['token'] : '' ),
		);
		$this->taken[] = $hold;
		return $hold;
	}

	/**
	 * Acts as one of ROLES.
	 *
	 * @param string $role One of ROLES.
	 */
	protected function act_as( string $role ): void {
		wp_set_current_user( $this->users[ $role ] );
	}

	/**
	 * Every endpoint of the namespace as the REST index lists it: "METHOD route" => details.
	 *
	 * @return array<string, array{method: string, route: string, args: array<string, array<string, mixed>>, permission: mixed}>
	 */
	protected static function endpoints(): array {
		global $wp_rest_server;
		$endpoints = array();
		foreach ( $wp_rest_server->get_routes( 'appointease/v1' ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$endpoints[ "$method $route" ] = array(
						'method'     => (string) $method,
						'route'      => (string) $route,
						'args'       => (array) ( $handler['args'] ?? array() ),
						'permission' => $handler['permission_callback'] ?? null,
					);
				}
			}
		}
		ksort( $endpoints );
		return $endpoints;
	}

	/**
	 * Makes a booking confirmed and two hours old: one that can be marked a
	 * no-show. (Not part of valid_request(), which must change nothing.)
	 *
	 * @param int $id The booking.
	 */
	protected function confirmed_in_the_past( int $id ): void {
		global $wpdb;
		$table = Schema::table( 'bookings' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET status = 'confirmed', start_utc = %s, end_utc = %s WHERE id = %d", gmdate( 'Y-m-d H:i:s', time() - 7200 ), gmdate( 'Y-m-d H:i:s', time() - 5400 ), $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- test scene.
	}

	/**
	 * A request to an endpoint that passes validation: ids of the scene, a free
	 * time, a complete body. Route patterns take the ids of the scene:
	 * bookings/{id} the other employee's booking, services/{id} and
	 * employees/{id} the spare ones, holds/{id} the scene's hold.
	 *
	 * @param string $method  HTTP method.
	 * @param string $route   Route pattern from the index.
	 * @param int    $variant Picks another free time, so that repeated creates do not collide.
	 * @return array{path: string, query: array<string, mixed>, body: array<string, mixed>|null}
	 */
	protected function valid_request( string $method, string $route, int $variant = 0 ): array {
		$short = substr( $route, strlen( self::PREFIX ) );
		$ids   = array(
			'/bookings/'       => $this->bookings['other'],
			'/services/'       => $this->spare_service->id,
			'/employees/'      => $this->spare_employee->id,
			'/holds/'          => $this->hold['id'],
			'/booking-fields/' => $this->spare_field,
		);
		$path  = $short;
		foreach ( $ids as $base => $id ) {
			if ( str_starts_with( $short, $base ) ) {
				$path = (string) preg_replace( '#\(\?P<id>[^)]+\)#', (string) $id, $short );
			}
		}
		$path = ltrim( $path, '/' );
		$path = str_replace( '(?P<calendar>[^/]+)', (string) $this->spare_calendar, $path );
		$path = str_replace( '(?P<secret>[0-9a-f]{40})\\.ics', $this->spare_feed_secret . '.ics', $path );
		// Bookings and moves on Tuesday afternoon, holds on Monday afternoon: never in each other's way.
		$time  = sprintf( '%02d:%02d', 13 + intdiv( $variant % 8, 2 ), 30 * ( $variant % 2 ) );
		$free  = $this->local( $time, $this->day( 1 ) );
		$query = array();
		$body  = null;
		switch ( "$method $short" ) {
			case 'GET /availability':
				$query = array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'from'     => $this->monday,
					'to'       => $this->day( 1 ),
				);
				break;
			case 'GET /capacity':
				$query = array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $this->local( '10:00' ),
				);
				break;
			case 'GET /slots/poll':
				$query = array(
					'employee' => $this->employee->id,
					'date'     => $this->monday,
				);
				break;
			case 'POST /holds':
				$body = array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $this->local( $time ),
				);
				break;
			case 'PATCH /holds/(?P<id>[^/]+)':
			case 'DELETE /holds/(?P<id>[^/]+)':
				// A caller without the hold's token: access to a hold goes by token alone.
				$body = array( 'token' => 'not-the-token' );
				break;
			case 'POST /bookings':
				$body = $this->booking_body( '10:00', array( 'start' => $free ) );
				break;
			case 'POST /booking-fields':
				$body = array(
					'label' => 'Another question',
					'type'  => 'text',
				);
				break;
			case 'POST /booking-fields/(?P<id>[^/]+)':
			case 'PUT /booking-fields/(?P<id>[^/]+)':
			case 'PATCH /booking-fields/(?P<id>[^/]+)':
				$body = array( 'label' => 'Renamed question' );
				break;
			case 'POST /booking-check':
				$body = array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $free,
				);
				break;
			case 'POST /bookings/(?P<id>[^/]+)/reschedule':
				$body = array( 'start' => $free );
				break;
			case 'POST /bookings/(?P<id>[^/]+)/verify':
				// A caller without the confirm token of the booking's email: it goes by token alone.
				$body = array( 'token' => 'not-the-token' );
				break;
			case 'POST /services':
				$body = array(
					'name'     => 'Created',
					'duration' => 30,
				);
				break;
			case 'POST /employees':
				$body = array( 'name' => 'Created Person' );
				break;
			case 'POST /employees/(?P<id>[^/]+)/calendar-sync/calendars':
				$body = array( 'url' => APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' );
				break;
			case 'POST /employees/(?P<id>[^/]+)/calendar-sync/feed':
			case 'POST /employees/(?P<id>[^/]+)/calendar-sync/calendars/(?P<calendar>[^/]+)/sync':
			case 'POST /calendar-sync/feed':
				$body = array();
				break;
			case 'POST /settings':
			case 'PUT /settings':
			case 'PATCH /settings':
				$body = array( 'slot_step' => 15 );
				break;
			default:
				if ( in_array( $method, array( 'POST', 'PUT', 'PATCH' ), true ) && 1 === preg_match( '#^/(services|employees)/#', $short ) ) {
					$body = array( 'name' => 'Renamed' );
				} elseif ( 'POST' === $method ) {
					$body = array();
				}
		}//end switch
		return array(
			'path'  => $path,
			'query' => $query,
			'body'  => $body,
		);
	}

	/**
	 * A request object with a JSON body.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $path   Path below the namespace.
	 * @param array<mixed>|string|null  $body   Body (an array is JSON-encoded).
	 * @param array<string, mixed>      $query  Query parameters.
	 */
	protected static function json_request( string $method, string $path, $body = null, array $query = array() ): \WP_REST_Request {
		$path    = ltrim( $path, '/' );
		$request = new \WP_REST_Request( $method, self::PREFIX . ( '' === $path ? '' : '/' . $path ) );
		$request->set_query_params( $query );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		}
		return $request;
	}

	/**
	 * Sends a request the way an HTTP request is served: dispatched, then
	 * through `rest_post_dispatch` (which rest_do_request() skips).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	protected static function serve( \WP_REST_Request $request ): \WP_REST_Response {
		$server   = rest_get_server();
		$response = rest_ensure_response( $server->dispatch( $request ) );
		if ( $response instanceof \WP_Error ) {
			$response = rest_convert_error_to_response( $response );
		}
		$served = apply_filters( 'rest_post_dispatch', $response, $server, $request );
		return $served instanceof \WP_REST_Response ? $served : $response;
	}

	/**
	 * A fingerprint of everything a request could write: the plugin's tables
	 * (rows and a checksum of each), its settings, and the live holds of the
	 * scene's employees.
	 *
	 * @return array<string, string>
	 */
	protected function fingerprint(): array {
		global $wpdb;
		$state = array();
		foreach ( Schema::TABLES as $name ) {
			$table          = Schema::table( $name );
			$rows           = $wpdb->get_results( "SELECT * FROM `$table`", ARRAY_N );
			$state[ $name ] = count( (array) $rows ) . ':' . md5( (string) wp_json_encode( $rows ) );
		}
		wp_cache_delete( Settings::OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		$state['settings'] = md5( (string) wp_json_encode( get_option( Settings::OPTION ) ) );
		$store             = HoldStoreFactory::shared()->store();
		$now               = time();
		foreach ( array( $this->employee->id, $this->ben->id, $this->spare_employee->id ) as $id ) {
			$state[ "holds of $id" ] = implode( ',', array_map( static fn( $hold ): string => $hold->id, $store->live( $id, $now - 86400, $now + 400 * 86400, $now ) ) );
		}
		return $state;
	}
}
