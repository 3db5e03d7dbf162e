<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

/**
 * Answers with personal data or secrets are `private, no-store` for anonymous
 * customers too (WordPress adds its no-cache headers for logged-in users
 * only); the public reads keep their own caching.
 */
final class PrivateAnswersTest extends RestTestCase {

	public function test_a_customers_booking_and_tokens_are_never_stored_by_a_cache(): void {
		$booking = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00' ) ) );
		$token   = array( 'token' => $booking['manage_token'] );
		$header  = array( 'X-AppointEase-Token' => $booking['manage_token'] );

		$answers = array(
			'POST bookings'       => array(
				'POST',
				'bookings',
				$this->booking_body(
					'11:00',
					array(
						'customer' => array(
							'name'  => 'Ines',
							'email' => 'ines@example.com',
						),
					)
				),
				array(),
			),
			'GET bookings/{id}'   => array( 'GET', 'bookings/' . $booking['id'], null, array(), $header ),
			'GET the .ics'        => array( 'GET', 'bookings/' . $booking['id'] . '/ics', null, array(), $header ),
			'POST holds'          => array( 'POST', 'holds', $this->hold_body( '14:00' ), array() ),
			'a wrong token (404)' => array( 'GET', 'bookings/' . $booking['id'], null, array(), array( 'X-AppointEase-Token' => str_repeat( 'a', 64 ) ) ),
			'POST .../reschedule' => array( 'POST', 'bookings/' . $booking['id'] . '/reschedule', $token + array( 'start' => $this->local( '15:00' ) ), array() ),
		);
		foreach ( $answers as $what => $ask ) {
			list( $method, $route, $body, $query ) = $ask;
			$this->assertSame( 'private, no-store', $this->answer( $method, $route, $body, $query, $ask[4] ?? array() )->get_headers()['Cache-Control'] ?? null, $what );
		}
	}

	public function test_the_public_reads_keep_their_own_caching(): void {
		$public = array(
			'services'     => array(),
			'employees'    => array(),
			'availability' => array(
				'service'  => $this->service->id,
				'employee' => $this->employee->id,
				'from'     => $this->monday,
				'to'       => $this->monday,
			),
		);
		foreach ( $public as $route => $query ) {
			$this->assertArrayNotHasKey( 'Cache-Control', $this->answer( 'GET', $route, null, $query )->get_headers(), $route );
		}
		$poll = $this->answer(
			'GET',
			'slots/poll',
			null,
			array(
				'employee' => $this->employee->id,
				'date'     => $this->monday,
			)
		);
		$this->assertStringStartsWith( 'public', (string) ( $poll->get_headers()['Cache-Control'] ?? '' ), 'The poll stays cacheable for a second.' );
	}

	/**
	 * A request as WP_REST_Server::serve_request() makes it: dispatched, then
	 * the `rest_post_dispatch` filter, which is where headers are added.
	 *
	 * @param string                   $method HTTP method.
	 * @param string                   $route  Route below the namespace.
	 * @param array<mixed>|null        $body   JSON body.
	 * @param array<int|string, mixed> $query  Query parameters.
	 * @param array<string, string>    $headers Request headers.
	 */
	private function answer( string $method, string $route, ?array $body, array $query, array $headers = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, '/appointease/v1/' . $route );
		$request->set_query_params( $query );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		$server   = rest_get_server();
		$response = apply_filters( 'rest_post_dispatch', rest_ensure_response( $server->dispatch( $request ) ), $server, $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		$this->assertNoServerError( $response, "$method $route" );
		return $response;
	}
}
