<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Capabilities;

use AppointEase\Infrastructure\Installer;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * Every route of appointease/v1 that is not public, as the REST server lists
 * it, asked by an anonymous visitor, a subscriber, a linked employee (the
 * `appointease_employee` role) and an administrator. What each may do
 * follows from the route's permission callback; a route whose callback this
 * test does not know fails it, so a new route cannot slip through unchecked.
 */
final class RouteCapabilitiesTest extends RestTestCase {

	/**
	 * Permission callbacks (method names) and what they allow:
	 * admin: administrators only; edit: anyone reads, only administrators with context=edit;
	 * token: administrators, or whoever has the booking's token; read: as token, and the
	 * booking's employee; list: administrators all, the employee their own; count: as list,
	 * for the status counts (AccessMatrixTest checks they are the employee's own); public: anyone.
	 */
	private const RULES = array(
		'can_manage'                  => 'admin',
		'get_items_permissions_check' => 'edit',
		'can_manage_or_holds_token'   => 'token',
		'get_item_permissions_check'  => 'token',
		'can_read'                    => 'read',
		'can_list'                    => 'list',
		'can_count'                   => 'count',
		'__return_true'               => 'public',
		// Anyone with the confirm token of the booking's email, admins no more than others (EmailConfirmationTest).
		'can_verify'                  => 'public',
		// Administrators, and the user linked to the booking's employee (NoShowTest).
		'can_mark_no_show'            => 'own',
		// Administrators, and the user linked to the employee of the path, for their own calendar sync (CalendarSyncSelfServiceTest).
		'can_manage_own'              => 'own',
	);

	/**
	 * Every non-public endpoint, as "METHOD route" => [method, route].
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function endpoints(): array {
		global $wp_rest_server;
		$previous = $wp_rest_server;
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- rest_get_server() builds a fresh server with every route; the previous one is put back below.
		$wp_rest_server = null;
		$routes         = rest_get_server()->get_routes( 'appointease/v1' );
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores it.
		$wp_rest_server = $previous;

		$endpoints = array();
		foreach ( $routes as $route => $handlers ) {
			if ( '/appointease/v1' === $route ) {
				continue; // The namespace index, which core serves to anyone.
			}
			foreach ( $handlers as $handler ) {
				$rule = self::rule( $handler );
				if ( 'public' === $rule ) {
					continue;
				}
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$endpoints[ "$method $route" ] = array( (string) $method, (string) $route );
				}
			}
		}
		return $endpoints;
	}

	public function test_the_route_list_covers_the_admin_routes(): void {
		$endpoints = array_keys( $this->endpoints() );
		foreach ( array( 'GET /appointease/v1/bookings', 'POST /appointease/v1/services', 'PATCH /appointease/v1/settings', 'POST /appointease/v1/bookings/(?P<id>[^/]+)/approve' ) as $expected ) {
			$this->assertContains( $expected, $endpoints );
		}
	}

	/**
	 * @dataProvider endpoints
	 *
	 * @param string $method HTTP method.
	 * @param string $route  The route's pattern.
	 */
	public function test_each_role_gets_what_the_route_allows( string $method, string $route ): void {
		update_option( 'appointease_settings', array( 'approval_required' => true ) );
		$booking  = $this->book( '10:00' );
		$handler  = $this->handler( $method, $route );
		$rule     = self::rule( $handler );
		$path     = $this->path( $route, (int) $booking['id'] );
		$query    = 'edit' === $rule ? array( 'context' => 'edit' ) : array();
		$body     = in_array( $method, array( 'GET', 'DELETE' ), true ) ? null : $this->valid_body( $method, $path, $handler );
		$employee = $this->linked_employee_user();

		$before = $this->snapshot();
		$this->log_out();
		$this->assert_refused( $rule, 401, $this->call( $method, $path, $body, $query ), 'anonymous' );
		$this->log_in_as( 'subscriber' );
		$this->assert_refused( $rule, 403, $this->call( $method, $path, $body, $query ), 'subscriber' );
		$this->assertSame( $before, $this->snapshot(), 'A refused request changes nothing.' );
		wp_set_current_user( $employee );
		$as_employee = $this->call( $method, $path, $body, $query );
		if ( 'read' === $rule && is_string( $as_employee->get_data() ) ) {
			// The booking's calendar file: readable by whoever may read the booking.
			$this->assertSame( 200, $as_employee->get_status() );
			$this->assertStringStartsWith( 'BEGIN:VCALENDAR', $as_employee->get_data() );
		} elseif ( in_array( $rule, array( 'read', 'list' ), true ) && 'GET' === $method ) {
			$data = $this->assertOk( 200, $as_employee );
			$rows = 'list' === $rule ? $data : array( $data );
			$this->assertNotSame( array(), $rows );
			$this->assertSame( array( $this->employee->id ), array_values( array_unique( array_column( $rows, 'employee' ) ) ), 'The employee sees their own bookings.' );
		} elseif ( 'count' === $rule ) {
			$this->assertSame( 1, $this->assertOk( 200, $as_employee )['pending'], 'The employee counts their own pending booking.' );
		} elseif ( 'own' === $rule ) {
			$this->assertNotContains( $as_employee->get_status(), array( 401, 403, 404 ), "The booking's own employee may use $method $route: " . wp_json_encode( $as_employee->get_data() ) );
			// Allowed, so it may have changed things (removed the outside calendar): the admin asks on a fresh path.
			$path = $this->path( $route, (int) $booking['id'] );
		} else {
			$this->assert_refused( $rule, 403, $as_employee, 'employee' );
		}
		if ( 'own' !== $rule ) {
			$this->assertSame( $before, $this->snapshot(), 'A refused request changes nothing.' );
		}

		$this->log_in_as_admin();
		$as_admin = $this->call( $method, $path, $body, $query );
		$this->assertNotContains( $as_admin->get_status(), array( 401, 403, 404 ), "An administrator may use $method $route: " . wp_json_encode( $as_admin->get_data() ) );
	}

	/**
	 * Asserts the refusal a rule gives someone without the right.
	 *
	 * @param string            $rule     From RULES.
	 * @param int               $status   401 for visitors, 403 for users, on admin routes.
	 * @param \WP_REST_Response $response The answer.
	 * @param string            $who      For the message.
	 */
	private function assert_refused( string $rule, int $status, \WP_REST_Response $response, string $who ): void {
		if ( in_array( $rule, array( 'token', 'read' ), true ) ) {
			// Routes opened by a booking's token answer like a booking that does not exist.
			$this->assertError( 404, 'NOT_FOUND', $response, $who );
			return;
		}
		$this->assertError( $status, 'FORBIDDEN', $response, $who );
	}

	/**
	 * A user with the employee role, linked to the test's employee.
	 */
	private function linked_employee_user(): int {
		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		$this->log_out();
		return $user;
	}

	/**
	 * What a handler's permission callback allows.
	 *
	 * @param array<string, mixed> $handler A handler from the REST server.
	 */
	private static function rule( array $handler ): string {
		$callback = $handler['permission_callback'] ?? null;
		$name     = is_array( $callback ) ? (string) $callback[1] : ( is_string( $callback ) ? $callback : 'a closure' );
		if ( ! isset( self::RULES[ $name ] ) ) {
			self::fail( "The permission callback $name is not known to this test; add what it allows to RULES." );
		}
		return self::RULES[ $name ];
	}

	/**
	 * The server's handler for a method and route.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route pattern.
	 * @return array<string, mixed>
	 */
	private function handler( string $method, string $route ): array {
		foreach ( rest_get_server()->get_routes( 'appointease/v1' )[ $route ] ?? array() as $handler ) {
			if ( ! empty( $handler['methods'][ $method ] ) ) {
				return $handler;
			}
		}
		self::fail( "No handler for $method $route." );
	}

	/**
	 * A route with its id filled in: the test's service, employee or booking.
	 *
	 * @param string $route      Route pattern.
	 * @param int    $booking_id The booking the test made.
	 */
	private function path( string $route, int $booking_id ): string {
		// A booking-form field is made here when the route names one.
		$path = substr( $route, strlen( '/appointease/v1/' ) );
		$id   = match ( strtok( $path, '/' ) ) {
			'services' => $this->service->id,
			'employees' => $this->employee->id,
			'booking-fields' => \AppointEase\Form\Fields::create(
				array(
					'label' => 'Capability check',
					'type'  => 'text',
				)
			)['id'],
			default => $booking_id,
		};
		$path = str_replace( '(?P<id>[^/]+)', (string) $id, $path );
		if ( str_contains( $path, '(?P<calendar>[^/]+)' ) ) {
			// An outside calendar of the test's employee (its address answers 500: syncing it is quick and stores nothing).
			$calendar = ( new ExternalCalendarRepository() )->insert( $this->employee->id, APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' );
			$path     = str_replace( '(?P<calendar>[^/]+)', (string) $calendar->id, $path );
		}
		return $path;
	}

	/**
	 * A body whose required fields pass validation, so that the permission
	 * check, which comes after validation, is what answers.
	 *
	 * @param string               $method  HTTP method.
	 * @param string               $path    The path.
	 * @param array<string, mixed> $handler The handler.
	 * @return array<string, mixed>
	 */
	private function valid_body( string $method, string $path, array $handler ): array {
		$request = new \WP_REST_Request( $method, '/appointease/v1/' . $path );
		$request->set_attributes( $handler );
		$body = array();
		foreach ( $handler['args'] as $name => $arg ) {
			if ( empty( $arg['required'] ) || 'id' === $name ) {
				continue;
			}
			// The test's own service and employee first, so that a route which looks them up finds them.
			$known = array(
				'service'  => array( $this->service->id ),
				'employee' => array( $this->employee->id ),
			);
			foreach ( array_merge( $known[ $name ] ?? array(), array( 'Capability check', 60, $this->local( '14:00' ), true, array(), 'text' ) ) as $candidate ) {
				$valid = rest_validate_value_from_schema( $candidate, $arg, $name );
				if ( true === $valid && isset( $arg['validate_callback'] ) ) {
					$valid = call_user_func( $arg['validate_callback'], $candidate, $request, $name );
				}
				if ( true === $valid ) {
					$body[ $name ] = $candidate;
					$request->set_param( $name, $candidate );
					break;
				}
			}
			$this->assertArrayHasKey( $name, $body, "No valid value for $name of $method $path; add a candidate." );
		}
		return $body;
	}
}
