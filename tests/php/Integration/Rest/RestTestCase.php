<?php
/**
 * What the REST integration tests share: a fresh REST server, users, a
 * service and an employee, times relative to the real clock, requests
 * through rest_do_request(), and checks of the error envelope.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\TestCase;

/**
 * The booking routes check times against the real clock, so the tests book
 * on MONDAY: the first Monday at least two days from now (inside the default
 * 90-day horizon, well past the 60-minute minimum notice). The site runs on
 * Europe/Berlin; the employee works Monday to Friday 09:00-12:00 and
 * 13:00-17:00; the service takes 30 minutes for one person.
 */
abstract class RestTestCase extends TestCase {

	protected const TIMEZONE = 'Europe/Berlin';

	protected ServiceRepository $services;

	protected EmployeeRepository $employees;

	protected Service $service;

	protected Employee $employee;

	/**
	 * The Monday the tests book on, Y-m-d in the site's timezone.
	 */
	protected string $monday;

	protected function set_up(): void {
		parent::set_up();
		global $wp_rest_server;
		update_option( 'timezone_string', self::TIMEZONE );
		update_option( 'gmt_offset', '' );
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- a fresh server per test, as core's REST tests make.
		$wp_rest_server = new \WP_REST_Server();
		do_action( 'rest_api_init', $wp_rest_server );

		$this->services  = new ServiceRepository();
		$this->employees = new EmployeeRepository();
		$this->monday    = self::next_monday();
		$this->service   = $this->make_service();
		$this->employee  = $this->make_employee( array( $this->service->id ) );
	}

	protected function tear_down(): void {
		global $wp_rest_server;
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- undoes set_up().
		$wp_rest_server = null;
		parent::tear_down();
	}

	/**
	 * The first Monday at least two days after today in the site's timezone.
	 */
	protected static function next_monday(): string {
		$day = new \DateTimeImmutable( 'today', new \DateTimeZone( self::TIMEZONE ) );
		$day = $day->modify( '+2 days' );
		while ( '1' !== $day->format( 'N' ) ) {
			$day = $day->modify( '+1 day' );
		}
		return $day->format( 'Y-m-d' );
	}

	/**
	 * A date some days from MONDAY, Y-m-d.
	 *
	 * @param int $days Days after (or, negative, before) MONDAY.
	 */
	protected function day( int $days ): string {
		return ( new \DateTimeImmutable( $this->monday . ' 12:00', new \DateTimeZone( self::TIMEZONE ) ) )->modify( sprintf( '%+d days', $days ) )->format( 'Y-m-d' );
	}

	/**
	 * A wall-clock time in the site's timezone as it goes on the wire.
	 *
	 * @param string      $time "H:i".
	 * @param string|null $date Y-m-d; MONDAY when null.
	 */
	protected function local( string $time, ?string $date = null ): string {
		return ( new \DateTimeImmutable( ( $date ?? $this->monday ) . ' ' . $time, new \DateTimeZone( self::TIMEZONE ) ) )->format( DATE_ATOM );
	}

	/**
	 * A 30-minute one-to-one service unless $fields says otherwise.
	 *
	 * @param array<string, mixed> $fields Fields keyed like Service::to_array().
	 */
	protected function make_service( array $fields = array() ): Service {
		return $this->services->insert(
			array_merge(
				array(
					'name'     => 'Haircut',
					'duration' => 30,
					'capacity' => 1,
					'price'    => '35.00',
					'active'   => true,
				),
				$fields
			)
		);
	}

	/**
	 * An employee who gives these services, Monday to Friday 09:00-12:00 and 13:00-17:00.
	 *
	 * @param int[]                $service_ids Services they give.
	 * @param array<string, mixed> $fields      Fields keyed like Employee::to_array().
	 */
	protected function make_employee( array $service_ids, array $fields = array() ): Employee {
		$hours = array();
		for ( $weekday = 1; $weekday <= 5; $weekday++ ) {
			$hours[] = array(
				'weekday' => $weekday,
				'start'   => '09:00',
				'end'     => '12:00',
			);
			$hours[] = array(
				'weekday' => $weekday,
				'start'   => '13:00',
				'end'     => '17:00',
			);
		}
		return $this->employees->insert(
			array_merge(
				array(
					'name'     => 'Ana Silva',
					'email'    => 'ana@example.com',
					'active'   => true,
					'services' => $service_ids,
					'hours'    => $hours,
				),
				$fields
			)
		);
	}

	/**
	 * Makes a user with a role and logs them in.
	 *
	 * @param string $role A role name.
	 * @return int The user id.
	 */
	protected function log_in_as( string $role ): int {
		$id = wp_insert_user(
			array(
				'user_login' => 'rest_' . $role . '_' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password( 16 ),
				'user_email' => 'rest_' . $role . '_' . wp_generate_password( 8, false ) . '@example.com',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id, 'The user could not be made.' );
		wp_set_current_user( $id );
		return $id;
	}

	/**
	 * Logs in a new administrator.
	 */
	protected function log_in_as_admin(): int {
		return $this->log_in_as( 'administrator' );
	}

	/**
	 * Logs the current user out.
	 */
	protected function log_out(): void {
		wp_set_current_user( 0 );
	}

	/**
	 * Sends a request to appointease/v1 and fails the test on any 5xx.
	 *
	 * @param string                    $method  HTTP method.
	 * @param string                    $route   Route below the namespace, e.g. "bookings/5/cancel".
	 * @param array<mixed>|string|null  $body    The JSON body (an array is encoded; a string is sent as is), or null for none.
	 * @param array<int|string, mixed>  $query   Query parameters.
	 * @param array<string, string>     $headers Request headers.
	 */
	protected function call( string $method, string $route, $body = null, array $query = array(), array $headers = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, '/appointease/v1/' . $route );
		if ( array() !== $query ) {
			$request->set_query_params( $query );
		}
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		}
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$response = rest_do_request( $request );
		$this->assertNoServerError( $response, "$method $route" );
		return $response;
	}

	/**
	 * GET with query parameters.
	 *
	 * @param string               $route Route below the namespace.
	 * @param array<string, mixed> $query Query parameters.
	 */
	protected function get( string $route, array $query = array() ): \WP_REST_Response {
		return $this->call( 'GET', $route, null, $query );
	}

	/**
	 * GET with a booking's manage token in the X-AppointEase-Token header,
	 * the way the app sends it (never in the query string).
	 *
	 * @param string $route Route below the namespace.
	 * @param string $token The token.
	 */
	protected function read( string $route, string $token ): \WP_REST_Response {
		return $this->call( 'GET', $route, null, array(), array( 'X-AppointEase-Token' => $token ) );
	}

	/**
	 * POST with a JSON body.
	 *
	 * @param string                $route   Route below the namespace.
	 * @param array<mixed>|string   $body    The body.
	 * @param array<string, string> $headers Request headers.
	 */
	protected function post( string $route, $body = array(), array $headers = array() ): \WP_REST_Response {
		return $this->call( 'POST', $route, $body, array(), $headers );
	}

	/**
	 * Fails the test when the answer is a 5xx: no input may cause one.
	 *
	 * @param \WP_REST_Response $response The answer.
	 * @param string            $what     What was asked, for the message.
	 */
	protected function assertNoServerError( \WP_REST_Response $response, string $what = '' ): void {
		$this->assertLessThan( 500, $response->get_status(), "$what answered with a server error: " . wp_json_encode( $response->get_data() ) );
	}

	/**
	 * Asserts a success status and returns the body.
	 *
	 * @param int               $status   The expected status.
	 * @param \WP_REST_Response $response The answer.
	 * @return array<mixed>
	 */
	protected function assertOk( int $status, \WP_REST_Response $response ): array {
		$this->assertSame( $status, $response->get_status(), 'Unexpected answer: ' . wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		return $data;
	}

	/**
	 * Asserts the error envelope: the status, an appointease_* or core code,
	 * a message, and data {status, reason}.
	 *
	 * @param int               $status   The expected HTTP status.
	 * @param string            $reason   The expected reason.
	 * @param \WP_REST_Response $response The answer.
	 * @param string            $message  What is being checked, for the failure message.
	 * @return array<string, mixed> The error body.
	 */
	protected function assertError( int $status, string $reason, \WP_REST_Response $response, string $message = '' ): array {
		$data = $response->get_data();
		$json = $message . ' ' . wp_json_encode( $data );
		$this->assertSame( $status, $response->get_status(), "Unexpected status; body: $json" );
		$this->assertIsArray( $data, $json );
		$this->assertIsString( $data['code'] ?? null, $json );
		$this->assertNotSame( '', $data['message'] ?? '', "An error has a message for people: $json" );
		$this->assertIsArray( $data['data'] ?? null, $json );
		$this->assertSame( $status, $data['data']['status'] ?? null, "data.status: $json" );
		$this->assertSame( $reason, $data['data']['reason'] ?? null, "data.reason: $json" );
		return $data;
	}

	/**
	 * Row counts of every plugin table and the settings option: what a
	 * refused request must leave as it was.
	 *
	 * @return array<string, mixed>
	 */
	protected function snapshot(): array {
		global $wpdb;
		$state = array();
		foreach ( Schema::TABLES as $table ) {
			$state[ $table ] = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( $table ) );
		}
		$state['calendar_versions'] = (int) $wpdb->get_var( 'SELECT COALESCE(SUM(version), 0) FROM ' . Schema::table( 'calendars' ) );
		$state['booking_rows']      = $wpdb->get_results( 'SELECT id, employee_id, start_utc, status, updated_at FROM ' . Schema::table( 'bookings' ) . ' ORDER BY id', ARRAY_A );
		$state['service_rows']      = $wpdb->get_results( 'SELECT * FROM ' . Schema::table( 'services' ) . ' ORDER BY id', ARRAY_A );
		$state['employee_rows']     = $wpdb->get_results( 'SELECT * FROM ' . Schema::table( 'employees' ) . ' ORDER BY id', ARRAY_A );
		wp_cache_delete( Settings::OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		$state['settings'] = get_option( Settings::OPTION );
		return $state;
	}

	/**
	 * Rows in one plugin table.
	 *
	 * @param string $table Unprefixed table name.
	 * @param string $where SQL condition.
	 */
	protected static function rows( string $table, string $where = '1 = 1' ): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( $table ) . ' WHERE ' . $where );
	}

	/**
	 * Data providers run before set_up(), so they name times and ids with
	 * placeholders that this resolves, at any depth:
	 * "@time:+5 10:00" is 10:00 five days after MONDAY (as sent on the wire),
	 * "@date:-1" the day before MONDAY, "@id:service" / "@id:employee" the
	 * fixtures' ids. A key whose value is "@unset" is removed.
	 *
	 * @param mixed $value A value from a data provider.
	 * @return mixed
	 */
	protected function resolve( $value ) {
		if ( is_array( $value ) ) {
			$resolved = array();
			foreach ( $value as $key => $item ) {
				if ( '@unset' !== $item ) {
					$resolved[ $key ] = $this->resolve( $item );
				}
			}
			return $resolved;
		}
		if ( ! is_string( $value ) || ! str_starts_with( $value, '@' ) ) {
			return $value;
		}
		if ( 1 === preg_match( '/^@time:([+-]\d+) (\d{2}:\d{2})$/', $value, $parts ) ) {
			return $this->local( $parts[2], $this->day( (int) $parts[1] ) );
		}
		if ( 1 === preg_match( '/^@date:([+-]\d+)$/', $value, $parts ) ) {
			return $this->day( (int) $parts[1] );
		}
		if ( '@id:service' === $value ) {
			return $this->service->id;
		}
		if ( '@id:employee' === $value ) {
			return $this->employee->id;
		}
		return $value;
	}

	/**
	 * A patch over a base value: arrays merge key by key, anything else replaces.
	 *
	 * @param array<mixed> $base  The valid value.
	 * @param array<mixed> $patch What a data provider changes.
	 * @return array<mixed>
	 */
	protected static function patched( array $base, array $patch ): array {
		foreach ( $patch as $key => $value ) {
			$base[ $key ] = is_array( $value ) && isset( $base[ $key ] ) && is_array( $base[ $key ] ) && ! array_is_list( $value ) ? self::patched( $base[ $key ], $value ) : $value;
		}
		return $base;
	}

	/**
	 * A valid POST holds body for the fixture service and employee.
	 *
	 * @param string               $time  "H:i" on the test's Monday.
	 * @param array<string, mixed> $extra Fields to add or replace.
	 * @return array<string, mixed>
	 */
	protected function hold_body( string $time, array $extra = array() ): array {
		return array_merge(
			array(
				'service'  => $this->service->id,
				'employee' => $this->employee->id,
				'start'    => $this->local( $time ),
			),
			$extra
		);
	}

	/**
	 * A valid booking body for MONDAY at a time.
	 *
	 * @param string               $time  "H:i" on MONDAY.
	 * @param array<string, mixed> $extra Fields to add or replace.
	 * @return array<string, mixed>
	 */
	protected function booking_body( string $time = '10:00', array $extra = array() ): array {
		return array_merge(
			array(
				'service'  => $this->service->id,
				'employee' => $this->employee->id,
				'start'    => $this->local( $time ),
				'customer' => array(
					'name'  => 'Maria Customer',
					'email' => 'maria@example.com',
				),
			),
			$extra
		);
	}

	/**
	 * Books MONDAY at a time as an anonymous visitor and returns the answer body.
	 *
	 * @param string               $time  "H:i" on MONDAY.
	 * @param array<string, mixed> $extra Fields to add or replace.
	 * @return array<mixed>
	 */
	protected function book( string $time = '10:00', array $extra = array() ): array {
		$user = get_current_user_id();
		$this->log_out();
		$body = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( $time, $extra ) ) );
		wp_set_current_user( $user );
		return $body;
	}
}
