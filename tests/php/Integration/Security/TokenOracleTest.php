<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Security;

/**
 * Nothing to learn by guessing. For every route a booking's manage token
 * opens, a wrong token, a missing one, an empty one, another booking's
 * token and an id that does not exist all get the very same answer (status,
 * reason, code, message, body), to visitors and to logged-in users without
 * the admin capability, and change nothing.
 *
 * For holds likewise: a wrong token, a missing or empty one, and a hold
 * that does not exist all get one and the same 404 HOLD_NOT_FOUND.
 *
 * The right token, asked last, does work: the test can tell them apart.
 */
final class TokenOracleTest extends SecurityTestCase {

	/**
	 * @dataProvider booking_routes
	 *
	 * @param string $method HTTP method.
	 * @param string $action Path after bookings/{id}, or '' for the booking itself.
	 */
	public function test_a_wrong_or_missing_manage_token_answers_like_a_booking_that_does_not_exist( string $method, string $action ): void {
		$id      = $this->bookings['other'];
		$unknown = $id + 100000;
		$extra   = 'reschedule' === $action ? array( 'start' => $this->local( '14:00', $this->day( 1 ) ) ) : array();
		$misses  = array(
			'no token'                  => array( $id, null ),
			'empty token'               => array( $id, '' ),
			'wrong token'               => array( $id, str_repeat( 'f', 64 ) ),
			'a token of another length' => array( $id, 'x' ),
			'another booking\'s token'  => array( $id, $this->bookings['own_token'] ),
			'no such booking, no token' => array( $unknown, null ),
			'no such booking, a token'  => array( $unknown, $this->bookings['other_token'] ),
		);
		$before  = $this->fingerprint();
		foreach ( array( 'anonymous', 'subscriber', 'employee' ) as $role ) {
			$first = null;
			foreach ( $misses as $what => list( $booking, $token ) ) {
				$answer = $this->ask( $role, $method, $this->booking_path( $booking, $action ), $token, $extra );
				$this->assertError( 404, 'NOT_FOUND', $answer, "$method $action: $what, as $role" );
				$first = $first ?? $answer->get_data();
				$this->assertSame( $first, $answer->get_data(), "$method $action: $what, as $role, answers like every other miss." );
			}
		}
		$this->assertSame( $before, $this->fingerprint(), 'A miss changes nothing.' );

		$right = $this->ask( 'anonymous', $method, $this->booking_path( $id, $action ), $this->bookings['other_token'], $extra );
		$this->assertSame( 200, $right->get_status(), "The right token is let through: $method $action " . wp_json_encode( $right->get_data() ) );
	}

	/**
	 * The routes a manage token opens.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function booking_routes(): array {
		return array(
			'read'       => array( 'GET', '' ),
			'calendar'   => array( 'GET', 'ics' ),
			'cancel'     => array( 'POST', 'cancel' ),
			'reschedule' => array( 'POST', 'reschedule' ),
		);
	}

	/**
	 * @dataProvider hold_actions
	 *
	 * @param string $method HTTP method.
	 * @param bool   $move   Whether the request moves the hold (sends a start).
	 */
	public function test_a_wrong_hold_token_answers_like_a_hold_that_does_not_exist_and_a_missing_one_tells_nothing_either( string $method, bool $move ): void {
		$id      = $this->hold['id'];
		$unknown = 'h' . str_repeat( '0', 20 );
		$extra   = $move ? array( 'start' => $this->local( '14:00' ) ) : array();
		// Groups of requests that must get one and the same answer.
		$groups = array(
			'a token that opens nothing' => array(
				404,
				array(
					'wrong token'              => array( $id, str_repeat( 'f', 64 ) ),
					'a token of another shape' => array( $id, 'x' ),
					'no such hold, its token'  => array( $unknown, $this->hold['token'] ),
					'no such hold, a token'    => array( $unknown, str_repeat( 'f', 64 ) ),
					'a malformed id'           => array( 'not-a-hold', $this->hold['token'] ),
					'no token'                 => array( $id, null ),
					'no such hold, no token'   => array( $unknown, null ),
					'an empty token'           => array( $id, '' ),
					'no such hold, empty'      => array( $unknown, '' ),
				),
			),
		);
		$before = $this->fingerprint();
		foreach ( array( 'anonymous', 'subscriber', 'administrator' ) as $role ) {
			foreach ( $groups as $group => list( $status, $cases ) ) {
				$first = null;
				foreach ( $cases as $what => list( $hold, $token ) ) {
					$answer = $this->ask( $role, $method, 'holds/' . $hold, $token, $extra );
					$this->assertError( $status, 'HOLD_NOT_FOUND', $answer, "$method holds, $group: $what, as $role" );
					$first = $first ?? $answer->get_data();
					$this->assertSame( $first, $answer->get_data(), "$method holds, $group: $what, as $role, answers like the others." );
				}
			}
		}
		$this->assertSame( $before, $this->fingerprint(), 'A miss changes nothing.' );

		$right = $this->ask( 'anonymous', $method, 'holds/' . $id, $this->hold['token'], $extra );
		$this->assertSame( 200, $right->get_status(), "The right token is let through: $method holds " . wp_json_encode( $right->get_data() ) );
	}

	/**
	 * Heartbeat, move and release.
	 *
	 * @return array<string, array{0: string, 1: bool}>
	 */
	public function hold_actions(): array {
		return array(
			'heartbeat' => array( 'PATCH', false ),
			'move'      => array( 'PATCH', true ),
			'release'   => array( 'DELETE', false ),
		);
	}

	/**
	 * The path of a booking or one of its actions.
	 *
	 * @param int    $id     Booking id.
	 * @param string $action '' or the action.
	 */
	private function booking_path( int $id, string $action ): string {
		return 'bookings/' . $id . ( '' === $action ? '' : '/' . $action );
	}

	/**
	 * Sends a request with a token (or none) as one of the callers.
	 *
	 * @param string               $role   One of ROLES.
	 * @param string               $method HTTP method.
	 * @param string               $path   Path below the namespace.
	 * @param string|null          $token  The token, or null to send none.
	 * @param array<string, mixed> $extra  More body or query fields.
	 */
	private function ask( string $role, string $method, string $path, ?string $token, array $extra ): \WP_REST_Response {
		$this->act_as( $role );
		if ( 'GET' === $method ) {
			// Reads take the token in a header only; a query token is refused outright (ManageTokenTest).
			$request = self::json_request( $method, $path, null, $extra );
			if ( null !== $token ) {
				$request->set_header( 'X-AppointEase-Token', $token );
			}
		} else {
			$request = self::json_request( $method, $path, null === $token ? $extra : array( 'token' => $token ) + $extra );
		}
		$answer = self::serve( $request );
		$this->log_out();
		$this->assertNoServerError( $answer, "$method $path" );
		return $answer;
	}
}
