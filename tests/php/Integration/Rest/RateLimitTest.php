<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Holds\HoldNotFoundException;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\HoldToken;
use AppointEase\Holds\StoreUnavailableException;
use AppointEase\Settings\Settings;
use AppointEase\Sync\FeedKeys;

/**
 * Per-IP limits on the public writes (POST holds, POST bookings, PATCH and
 * DELETE holds) and on the poll, counted in the site's store (Redis on the
 * local site). The integration TestCase turns limiting off; these tests turn
 * it back on, each from an address of its own (IPv6 documentation range,
 * random), because the counters outlive the per-test rollback.
 */
final class RateLimitTest extends RestTestCase {

	private const WRITES = 3;

	/**
	 * REMOTE_ADDR before the test.
	 *
	 * @var mixed
	 */
	private $remote_addr;

	/**
	 * Holds taken by the test: id => token, released in tear_down().
	 *
	 * @var array<string, string>
	 */
	private array $taken = array();

	/**
	 * The filter a test adds to lift the limit, removed in tear_down().
	 *
	 * @var (\Closure(mixed, string, string): bool)|null
	 */
	private ?\Closure $lift = null;

	protected function set_up(): void {
		parent::set_up();
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		$this->remote_addr      = $_SERVER['REMOTE_ADDR'] ?? null;
		$_SERVER['REMOTE_ADDR'] = sprintf( '2001:db8:%x:%x::%x', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ), wp_rand( 1, 0xffff ) );
		Settings::update( array( 'rate_limit_writes' => self::WRITES ) );
		self::start_of_a_window();
	}

	protected function tear_down(): void {
		$store = HoldStoreFactory::shared()->store();
		foreach ( $this->taken as $id => $token ) {
			try {
				$store->release( $id, HoldToken::hash( $token ) );
			} catch ( HoldNotFoundException | StoreUnavailableException $gone ) {
				unset( $gone ); // Released by the test itself.
			}
		}
		$this->taken = array();
		if ( null === $this->remote_addr ) {
			unset( $_SERVER['REMOTE_ADDR'] );
		} else {
			$_SERVER['REMOTE_ADDR'] = $this->remote_addr;
		}
		if ( null !== $this->lift ) {
			remove_filter( 'appointease_rate_limit_enabled', $this->lift, 10 );
			$this->lift = null;
		}
		parent::tear_down();
	}

	public function test_the_write_after_the_limit_is_429_with_retry_after_and_writes_nothing(): void {
		$this->hold( '10:00' );
		$this->hold( '11:00' );
		$this->hold( '14:00' );
		$before = $this->state();

		$response = $this->dispatch( 'POST', 'holds', $this->hold_body( '15:00' ) );

		$this->assertError( 429, 'RATE_LIMITED', $response );
		$this->assertRetryAfter( $response );
		$this->assertSame( $before, $this->state(), 'A limited request writes nothing.' );
		$this->assertError( 429, 'RATE_LIMITED', $this->dispatch( 'POST', 'bookings', $this->booking_body( '15:00' ) ), 'Bookings share the write limit.' );
		$this->assertSame( $before, $this->state() );
	}

	/**
	 * WordPress matches routes without regard to letter case and in both URL
	 * forms; each spelling reaches the same handler and so meets the same limit.
	 */
	public function test_no_spelling_of_a_route_slips_past_the_write_limit(): void {
		$this->use_up_the_writes();
		$before = $this->state();
		$routes = array( '/appointease/v1/Holds', '/AppointEase/v1/holds', '/APPOINTEASE/V1/HOLDS', '/appointease/v1/Bookings' );

		foreach ( $routes as $route ) {
			$request = new \WP_REST_Request( 'POST', $route );
			$request->set_header( 'Content-Type', 'application/json' );
			$body = str_ends_with( strtolower( $route ), 'bookings' ) ? $this->booking_body( '16:00' ) : $this->hold_body( '16:00' );
			$request->set_body( (string) wp_json_encode( $body ) );
			$response = rest_do_request( $request );
			$this->assertError( 429, 'RATE_LIMITED', $response, "POST $route" );
		}
		$this->assertSame( $before, $this->state(), 'No spelling wrote anything.' );
	}

	public function test_cancelling_and_moving_a_booking_count_as_writes(): void {
		$booking = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '09:00' ) ) );
		$this->hold( '10:00' );
		$this->hold( '11:00' );
		$before = $this->state();

		$this->assertError(
			429,
			'RATE_LIMITED',
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '14:00' ),
				)
			)
		);
		$this->assertError( 429, 'RATE_LIMITED', $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$this->assertSame( $before, $this->state(), 'Neither changed the booking.' );
	}

	public function test_an_ipv6_client_is_counted_per_64_network_not_per_address(): void {
		$this->use_up_the_writes();
		$network = implode( ':', array_slice( explode( ':', (string) $_SERVER['REMOTE_ADDR'] ), 0, 4 ) );

		$_SERVER['REMOTE_ADDR'] = $network . ':1234:5678:9abc:def0';
		$this->assertError( 429, 'RATE_LIMITED', $this->post( 'holds', $this->hold_body( '16:00' ) ), 'Another address of the same /64 shares the count.' );

		$_SERVER['REMOTE_ADDR'] = sprintf( '2001:db8:%x:%x::1', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ) );
		$this->hold( '16:00' );
	}

	public function test_behind_trusted_proxies_each_forwarded_client_has_its_own_count_and_nobody_else_can_forge_one(): void {
		if ( ! defined( 'APPOINTEASE_TRUSTED_PROXIES' ) ) {
			define( 'APPOINTEASE_TRUSTED_PROXIES', '192.0.2.0/24' ); // As in wp-config.php; no other test sends from there.
		}
		$client = static fn(): string => sprintf( '2001:db8:%x:%x::1', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ) );
		$first  = $client();
		try {
			$_SERVER['REMOTE_ADDR']          = '192.0.2.10';
			$_SERVER['HTTP_X_FORWARDED_FOR'] = '203.0.113.5, ' . $first;
			$this->use_up_the_writes();

			$_SERVER['HTTP_X_FORWARDED_FOR'] = $first . ', ' . $client();
			$this->hold( '16:00' );

			// The limited client itself, no longer through the proxy, names a fresh address: ignored.
			$_SERVER['REMOTE_ADDR']          = $first;
			$_SERVER['HTTP_X_FORWARDED_FOR'] = $client();
			$this->assertError( 429, 'RATE_LIMITED', $this->post( 'holds', $this->hold_body( '15:00' ) ) );
		} finally {
			unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		}
	}

	public function test_availability_and_capacity_have_a_read_limit_of_their_own(): void {
		Settings::update( array( 'rate_limit_reads' => 10 ) );
		$query = array(
			'service'  => $this->service->id,
			'employee' => $this->employee->id,
			'from'     => $this->monday,
			'to'       => $this->monday,
		);
		for ( $i = 1; $i <= 9; $i++ ) {
			$this->assertOk( 200, $this->get( 'availability', $query ) );
		}
		$this->assertOk(
			200,
			$this->get(
				'capacity',
				array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $this->local( '10:00' ),
				)
			)
		);

		$this->assertError( 429, 'RATE_LIMITED', $this->dispatch( 'GET', 'availability', null, $query ) );
		// The catalogue is not a computed read.
		$this->assertOk( 200, $this->get( 'services' ) );
		$this->hold( '10:00' );
	}

	public function test_wrong_feed_addresses_count_against_the_read_limit_and_the_real_one_never_does(): void {
		Settings::update( array( 'rate_limit_reads' => 10 ) );
		$secret = (string) preg_replace( '#^.*/feeds/([0-9a-f]{40})\.ics$#', '$1', FeedKeys::urls( FeedKeys::regenerate( (string) $this->employee->id ) )['https'] );
		for ( $i = 1; $i <= 12; $i++ ) {
			$this->assertSame( 200, $this->get( 'feeds/' . $secret . '.ics' )->get_status(), 'A subscriber is never limited.' );
		}
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertError( 404, 'NOT_FOUND', $this->get( 'feeds/' . str_repeat( (string) $i, 40 ) . '.ics' ) );
		}

		$refused = $this->dispatch( 'GET', 'feeds/' . str_repeat( 'b', 40 ) . '.ics' );
		$this->assertError( 429, 'RATE_LIMITED', $refused );
		$this->assertRetryAfter( $refused );
		$this->assertError( 429, 'RATE_LIMITED', $this->dispatch( 'GET', 'feeds/' . strtoupper( str_repeat( 'c', 40 ) ) . '.ICS' ), 'Another spelling counts the same.' );
		$this->assertSame( 200, $this->get( 'feeds/' . $secret . '.ics' )->get_status(), 'The real address still answers.' );
	}

	public function test_a_booking_can_be_moved_only_so_often_an_hour_by_its_customer(): void {
		Settings::update(
			array(
				'rate_limit_writes'        => 100,
				'booking_changes_per_hour' => 2,
			)
		);
		$booking = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '09:00' ) ) );
		$other   = $this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->booking_body(
					'15:00',
					array(
						'customer' => array(
							'name'  => 'Other',
							'email' => 'other@example.com',
						),
					)
				)
			)
		);
		$move    = fn( array $b, string $time ): \WP_REST_Response => $this->post(
			'bookings/' . $b['id'] . '/reschedule',
			array(
				'token' => $b['manage_token'],
				'start' => $this->local( $time ),
			)
		);

		$this->assertOk( 200, $move( $booking, '10:00' ) );
		$this->assertOk( 200, $move( $booking, '11:00' ) );
		$before  = $this->state();
		$refused = $this->dispatch(
			'POST',
			'bookings/' . $booking['id'] . '/reschedule',
			array(
				'token' => $booking['manage_token'],
				'start' => $this->local( '09:00' ),
			)
		);

		$this->assertError( 429, 'RATE_LIMITED', $refused );
		$retry = (int) ( $refused->get_headers()['Retry-After'] ?? 0 );
		$this->assertGreaterThanOrEqual( 1, $retry, 'It says when the hour is over.' );
		$this->assertLessThanOrEqual( 3600, $retry );
		$this->assertSame( $before, $this->state(), 'The third move changed nothing.' );
		// Another booking has its own count, and cancelling stays possible.
		$this->assertOk( 200, $move( $other, '16:00' ) );
		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
	}

	public function test_the_database_counter_drops_ended_windows_at_once(): void {
		global $wpdb;
		$table = \AppointEase\Infrastructure\Schema::table( 'rate_limits' );
		$wpdb->insert(
			$table,
			array(
				'bucket'       => 'write:ended',
				'window_start' => time() - 120,
				'expires_at'   => time() - 60,
				'hits'         => 7,
			)
		);
		\AppointEase\Holds\HoldStoreFactory::use_shared( new \AppointEase\Holds\HoldStoreFactory( null, new \AppointEase\Holds\RedisOutage() ) );
		try {
			$this->use_up_the_writes();
		} finally {
			\AppointEase\Holds\HoldStoreFactory::use_shared( null );
		}

		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$table` WHERE bucket = %s", 'write:ended' ) ), 'The ended window is gone.' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$this->assertSame( '0', (string) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM `$table` WHERE expires_at <= %d", time() ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table` WHERE expires_at > UNIX_TIMESTAMP()" ), 'The current window is counted in the database.' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery
	}

	public function test_bookings_and_changes_to_holds_count_as_writes_too(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '09:00' ) ) );
		$hold = $this->hold( '10:00' );
		$this->assertOk( 200, $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );
		$before = $this->state();

		$this->assertError( 429, 'RATE_LIMITED', $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );
		$this->assertError( 429, 'RATE_LIMITED', $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );

		$this->assertSame( $before, $this->state() );
		$this->assertArrayHasKey( $hold['id'], $before['live_holds'], 'The hold was not released.' );
	}

	public function test_reads_are_not_counted_as_writes(): void {
		for ( $i = 0; $i < self::WRITES + 2; $i++ ) {
			$this->assertOk( 200, $this->get( 'services' ) );
			$this->assertOk(
				200,
				$this->get(
					'availability',
					array(
						'service'  => $this->service->id,
						'employee' => $this->employee->id,
						'from'     => $this->monday,
						'to'       => $this->monday,
					)
				)
			);
		}

		$this->hold( '10:00' );
	}

	public function test_each_address_has_its_own_count(): void {
		$this->use_up_the_writes();

		$_SERVER['REMOTE_ADDR'] = sprintf( '2001:db8:%x:%x::%x', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ), wp_rand( 1, 0xffff ) );

		$this->hold( '16:00' );
	}

	public function test_admins_are_not_limited(): void {
		$this->log_in_as_admin();

		foreach ( array( '09:00', '10:00', '11:00', '13:00', '14:00', '15:00' ) as $time ) {
			$this->hold( $time );
		}
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '16:00' ) ) );
	}

	public function test_the_filter_returning_false_lifts_the_limit(): void {
		$this->use_up_the_writes();
		$this->assertError( 429, 'RATE_LIMITED', $this->post( 'holds', $this->hold_body( '16:00' ) ) );

		$seen       = array();
		$this->lift = static function ( $enabled, $kind, $ip ) use ( &$seen ) {
			$seen[] = array( $kind, $ip );
			return false;
		};
		add_filter( 'appointease_rate_limit_enabled', $this->lift, 10, 3 );

		$this->hold( '16:00' );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '15:00' ) ) );
		$this->assertContains( array( 'write', $_SERVER['REMOTE_ADDR'] ), $seen, 'The filter hears the kind and the address.' );
	}

	public function test_the_poll_after_its_limit_is_429_with_retry_after_and_no_store(): void {
		Settings::update( array( 'rate_limit_poll' => 60 ) );
		$this->assertSame( 60, Settings::int( 'rate_limit_poll' ) );
		$query = array(
			'employee' => $this->employee->id,
			'date'     => $this->monday,
		);

		for ( $i = 1; $i <= 60; $i++ ) {
			$this->assertSame( 200, $this->call( 'GET', 'slots/poll', null, $query )->get_status(), "Poll $i of 60." );
		}
		$response = $this->dispatch( 'GET', 'slots/poll', null, $query );

		$this->assertError( 429, 'RATE_LIMITED', $response );
		$this->assertRetryAfter( $response );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		$this->assertArrayNotHasKey( 'ETag', $response->get_headers() );
		$this->hold( '10:00' );
	}

	public function test_the_poll_and_the_writes_are_counted_apart(): void {
		$this->use_up_the_writes();

		$this->assertSame(
			200,
			$this->call(
				'GET',
				'slots/poll',
				null,
				array(
					'employee' => $this->employee->id,
					'date'     => $this->monday,
				)
			)->get_status()
		);
	}

	public function test_admins_may_poll_beyond_the_limit(): void {
		Settings::update( array( 'rate_limit_poll' => 60 ) );
		$this->log_in_as_admin();
		$query = array(
			'employee' => $this->employee->id,
			'date'     => $this->monday,
		);

		for ( $i = 1; $i <= 65; $i++ ) {
			$this->assertSame( 200, $this->call( 'GET', 'slots/poll', null, $query )->get_status(), "Poll $i." );
		}
	}

	/**
	 * Sends the writes the limit allows, and checks the next one is refused.
	 */
	private function use_up_the_writes(): void {
		for ( $i = 0; $i < self::WRITES; $i++ ) {
			$this->hold( sprintf( '%02d:00', 9 + $i ) );
		}
		$this->assertError( 429, 'RATE_LIMITED', $this->post( 'holds', $this->hold_body( '14:00' ) ) );
	}

	/**
	 * A request through rest_do_request() with the `rest_post_dispatch`
	 * filter applied afterwards, as WP_REST_Server::serve_request() does for
	 * a real HTTP request (that is where Retry-After is added).
	 *
	 * @param string                   $method HTTP method.
	 * @param string                   $route  Route below the namespace.
	 * @param array<mixed>|null        $body   JSON body.
	 * @param array<int|string, mixed> $query  Query parameters.
	 */
	private function dispatch( string $method, string $route, ?array $body = null, array $query = array() ): \WP_REST_Response {
		$response = $this->call( $method, $route, $body, $query );
		$request  = new \WP_REST_Request( $method, '/appointease/v1/' . $route );
		$response = apply_filters( 'rest_post_dispatch', rest_ensure_response( $response ), rest_get_server(), $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * Asserts a Retry-After header of 1 to 60 seconds, which agrees with data.retry_after where that is given.
	 *
	 * @param \WP_REST_Response $response A 429.
	 */
	private function assertRetryAfter( \WP_REST_Response $response ): void {
		$retry = $response->get_headers()['Retry-After'] ?? null;
		$this->assertIsString( $retry, 'A 429 says when to try again.' );
		$this->assertMatchesRegularExpression( '/^\d+$/', $retry );
		$this->assertGreaterThanOrEqual( 1, (int) $retry );
		$this->assertLessThanOrEqual( 60, (int) $retry );
		$data = $response->get_data();
		if ( is_array( $data ) && isset( $data['data']['retry_after'] ) ) {
			$this->assertSame( (int) $retry, (int) $data['data']['retry_after'] );
		}
	}

	/**
	 * Waits for a fresh one-minute window when the current one ends within
	 * a few seconds, so that a test's requests all fall into one window.
	 */
	private static function start_of_a_window(): void {
		$left = 60 - time() % 60;
		if ( $left < 5 ) {
			sleep( $left );
		}
	}

	/**
	 * Takes a hold on MONDAY as the current user; it is released in tear_down().
	 *
	 * @param string $time "H:i" on MONDAY.
	 * @return array<string, mixed> The answer.
	 */
	private function hold( string $time ): array {
		$body = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( $time ) ) );
		$this->assertIsString( $body['id'] ?? null );
		$this->assertIsString( $body['token'] ?? null );
		$this->taken[ $body['id'] ] = $body['token'];
		return $body;
	}

	/**
	 * The database and the employee's live holds on MONDAY.
	 *
	 * @return array<string, mixed>
	 */
	private function state(): array {
		$from  = new \DateTimeImmutable( $this->monday . ' 00:00', new \DateTimeZone( self::TIMEZONE ) );
		$holds = array();
		foreach ( HoldStoreFactory::shared()->store()->live( $this->employee->id, $from->getTimestamp(), $from->modify( '+1 day' )->getTimestamp(), time() ) as $hold ) {
			$holds[ $hold->id ] = array( $hold->start->getTimestamp(), $hold->expires_at );
		}
		ksort( $holds );
		return $this->snapshot() + array( 'live_holds' => $holds );
	}
}
