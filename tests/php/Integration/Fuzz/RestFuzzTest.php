<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Fuzz;

use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\HoldToken;
use AppointEase\Rest\Errors;
use AppointEase\Tests\Integration\Security\SecurityTestCase;

/**
 * A REST fuzzer: REQUESTS random and malformed requests across every
 * endpoint of appointease/v1 as the REST index lists it (and paths and
 * methods it does not list), from random callers. Requests start from a
 * valid one or from nothing, then get mutated: fields of the wrong type or
 * out of range, impossible dates and times, missing and unknown fields,
 * deep nesting, huge strings and numbers, odd ids in the path, other
 * methods, broken JSON, form bodies, stray headers. Each request is served
 * as HTTP serves it (dispatch, then `rest_post_dispatch`).
 *
 * Every answer must be below 500; every refusal must carry the envelope
 * (a code, data.status equal to the HTTP status, a known data.reason); and
 * a refused request must leave the plugin's tables, its settings and the
 * live holds exactly as they were. Each request runs inside a savepoint
 * that is rolled back afterwards, so every request meets the same scene.
 *
 * The generator is seeded: the seed is printed to STDERR and named in every
 * failure with the request that failed; APPOINTEASE_FUZZ_SEED=<n> replays it.
 */
final class RestFuzzTest extends SecurityTestCase {

	/** Requests per run. */
	private const REQUESTS = 1200;

	/** The seed when APPOINTEASE_FUZZ_SEED does not name one. */
	private const DEFAULT_SEED = 7;

	private const METHODS = array( 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD' );

	public function test_random_and_malformed_requests_never_break_the_rules(): void {
		global $wpdb;
		$replay = getenv( 'APPOINTEASE_FUZZ_SEED' );
		$seed   = is_string( $replay ) && '' !== $replay ? (int) $replay : self::DEFAULT_SEED;
		mt_srand( $seed );
		fwrite( STDERR, sprintf( "\nRestFuzzTest: seed %d, %d requests (APPOINTEASE_FUZZ_SEED=%d replays them)\n", $seed, self::REQUESTS, $seed ) );

		$endpoints = array_values( self::endpoints() );
		$baseline  = $this->fingerprint();
		$statuses  = array();
		for ( $n = 1; $n <= self::REQUESTS; $n++ ) {
			$role    = self::pick( array( 'anonymous', 'anonymous', 'anonymous', 'subscriber', 'employee', 'administrator', 'administrator' ) );
			$request = $this->random_request( $endpoints );
			$what    = "seed $seed, request $n as $role: " . self::describe( $request );

			$wpdb->query( 'SAVEPOINT fuzz' );
			$this->act_as( $role );
			$response = self::serve( $request );
			$this->log_out();
			$status              = $response->get_status();
			$data                = $response->get_data();
			$json                = (string) wp_json_encode( $data, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR );
			$statuses[ $status ] = ( $statuses[ $status ] ?? 0 ) + 1;

			$this->assertLessThan( 500, $status, "$what answered $status: $json" );
			if ( $status >= 400 ) {
				$this->assertIsArray( $data, "$what: an error without a body" );
				$this->assertIsString( $data['code'] ?? null, "$what: an error without a code: $json" );
				$this->assertSame( $status, $data['data']['status'] ?? null, "$what: data.status: $json" );
				$this->assertArrayHasKey( (string) ( $data['data']['reason'] ?? '' ), Errors::STATUS, "$what: no known reason: $json" );
				$this->assertSame( $baseline, $this->fingerprint(), "$what was refused ($status), yet something changed." );
			}
			$wpdb->query( 'ROLLBACK TO SAVEPOINT fuzz' );
			wp_cache_flush();
			if ( 201 === $status && is_array( $data ) && isset( $data['token'], $data['id'] ) ) {
				HoldStoreFactory::shared()->store()->release( (string) $data['id'], HoldToken::hash( (string) $data['token'] ) );
			}
		}//end for
		$this->assertSame( $baseline, $this->fingerprint(), "seed $seed: the scene after the run" );

		// The run must reach past validation: successes and refusals of several kinds.
		ksort( $statuses );
		fwrite( STDERR, 'RestFuzzTest statuses: ' . (string) wp_json_encode( $statuses ) . "\n" );
		$this->assertGreaterThan( self::REQUESTS / 20, array_sum( array_filter( $statuses, static fn( int $status ): bool => $status < 300, ARRAY_FILTER_USE_KEY ) ), "seed $seed: too few requests got through: " . wp_json_encode( $statuses ) );
		$this->assertGreaterThanOrEqual( 4, count( array_filter( array_keys( $statuses ), static fn( int $status ): bool => $status >= 400 ) ), "seed $seed: too few kinds of refusal: " . wp_json_encode( $statuses ) );
	}

	/**
	 * One random request.
	 *
	 * @param array<int, array{method: string, route: string, args: array<string, array<string, mixed>>, permission: mixed}> $endpoints The index.
	 */
	private function random_request( array $endpoints ): \WP_REST_Request {
		$endpoint = self::pick( $endpoints );
		$method   = mt_rand( 1, 100 ) <= 85 ? $endpoint['method'] : self::pick( self::METHODS );
		$base     = mt_rand( 1, 100 ) <= 70 ? $this->valid_request( $endpoint['method'], $endpoint['route'], mt_rand( 0, 7 ) ) : array(
			'path'  => substr( (string) preg_replace( '#\(\?P<id>[^)]+\)#', '1', $endpoint['route'] ), strlen( self::PREFIX ) + 1 ),
			'query' => array(),
			'body'  => array(),
		);
		$path     = $base['path'];
		if ( mt_rand( 1, 100 ) <= 25 && 1 === preg_match( '#^(bookings|services|employees|holds)/[^/]+#', $path ) ) {
			$path = (string) preg_replace( '#^(bookings|services|employees|holds)/[^/]+#', '$1/' . rawurlencode( (string) self::odd_id() ), $path );
		}
		if ( mt_rand( 1, 100 ) <= 4 ) {
			$path = self::pick( array( 'nope', 'bookings/1/explode', 'holds', 'slots', 'slots/poll/extra', 'services/1/2', '../wp/v2/users', 'bookings//cancel' ) );
		}
		$fields = in_array( $method, array( 'GET', 'HEAD', 'DELETE', 'OPTIONS' ), true ) && ! str_starts_with( $path, 'holds/' ) ? $base['query'] : (array) ( $base['body'] ?? array() );
		for ( $i = mt_rand( 0, 4 ); $i > 0; $i-- ) {
			$fields = $this->mutate( $fields, $endpoint['args'] );
		}
		$query   = in_array( $method, array( 'GET', 'HEAD', 'DELETE', 'OPTIONS' ), true ) && ! str_starts_with( $path, 'holds/' ) ? $fields : $base['query'];
		$request = new \WP_REST_Request( $method, self::PREFIX . '/' . $path );
		$request->set_query_params( $query );
		if ( $query !== $fields ) {
			$this->set_body( $request, $fields );
		}
		$this->add_headers( $request );
		return $request;
	}

	/**
	 * Puts a body on the request: JSON mostly, else broken JSON or a form.
	 *
	 * @param \WP_REST_Request     $request The request.
	 * @param array<string, mixed> $fields  The fields.
	 */
	private function set_body( \WP_REST_Request $request, array $fields ): void {
		$kind = mt_rand( 1, 100 );
		if ( $kind <= 80 ) {
			$json = wp_json_encode( $fields );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( false === $json ? '{' : $json );
			return;
		}
		if ( $kind <= 92 ) {
			$request->set_header( 'Content-Type', self::pick( array( 'application/json', 'application/json; charset=utf-8', 'text/plain' ) ) );
			$request->set_body(
				self::pick(
					array(
						'{',
						'{"service": }',
						'[1, 2, 3]',
						'"just a string"',
						'null',
						'12',
						'{"customer": {"name": "' . "\xC3\x28" . '"}}',
						(string) wp_json_encode( $fields ) . 'trailing',
						str_repeat( '[', 5000 ) . str_repeat( ']', 5000 ),
						'{"a":' . str_repeat( '{"a":', 600 ) . '1' . str_repeat( '}', 601 ),
					)
				)
			);
			return;
		}
		$request->set_header( 'Content-Type', 'application/x-www-form-urlencoded' );
		$request->set_body_params( $fields );
	}

	/**
	 * Adds stray headers now and then.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private function add_headers( \WP_REST_Request $request ): void {
		if ( mt_rand( 1, 100 ) <= 20 ) {
			$request->set_header( 'Idempotency-Key', self::pick( array( 'fuzz-' . mt_rand(), 'short', str_repeat( 'k', 200 ), "bad key\r\nX: 1", 'ünïcode-key-123', '' ) ) );
		}
		if ( mt_rand( 1, 100 ) <= 10 ) {
			$request->set_header( 'If-None-Match', self::pick( array( '*', '"abc"', 'W/"abc"', '', str_repeat( '"x",', 500 ) ) ) );
		}
	}

	/**
	 * One mutation of the fields.
	 *
	 * @param array<mixed>                        $fields The fields.
	 * @param array<string, array<string, mixed>> $args   The route's arguments.
	 * @return array<mixed>
	 */
	private function mutate( array $fields, array $args ): array {
		$names = array_merge( array_keys( $args ), array_keys( $fields ), array( 'customer', 'start', 'token' ) );
		$name  = (string) self::pick( $names );
		switch ( mt_rand( 1, 7 ) ) {
			case 1:
				unset( $fields[ $name ] );
				return $fields;
			case 2:
				$fields[ self::pick( array( 'status', 'id', 'manage_token', 'created_at', '__proto__', 'x' . mt_rand() ) ) ] = self::garbage();
				return $fields;
			case 3:
				if ( isset( $fields[ $name ] ) && is_array( $fields[ $name ] ) && array() !== $fields[ $name ] ) {
					$keys                                   = array_keys( $fields[ $name ] );
					$fields[ $name ][ self::pick( $keys ) ] = self::garbage();
					return $fields;
				}
				$fields[ $name ] = self::garbage();
				return $fields;
			default:
				$fields[ $name ] = self::garbage();
				return $fields;
		}
	}

	/**
	 * A value of any type, mostly awkward.
	 *
	 * @param int $depth How deep nesting has gone.
	 * @return mixed
	 */
	private static function garbage( int $depth = 0 ) {
		switch ( mt_rand( 1, 16 ) ) {
			case 1:
				return self::pick( array( 0, -1, 1, 2, 7, 999999, 2147483648, PHP_INT_MAX, -PHP_INT_MAX - 1 ) );
			case 2:
				return self::pick( array( 0.5, -0.0, 1e308, -1e308, 3.14159 ) );
			case 3:
				return self::pick( array( true, false, null ) );
			case 4:
				return self::pick( array( '', ' ', '0', '-1', '1e3', 'NaN', 'Infinity', 'null', 'true', '[]', '{}' ) );
			case 5:
				return self::pick( array( '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-11-24T25:61:00+01:00', '2026-11-24T10:00:00', '2026-11-24T10:00:00+99:99', '2026-11-24T10:00:00Z', '2030-01-07T10:00:00+01:00', '1970-01-01T00:00:00Z', 'tomorrow', '@0', 'P1D' ) );
			case 6:
				return self::pick( array( '00:00', '24:00', '24:01', '9:00', '09:03', '12:00:00', '-1:00', 'noon' ) );
			case 7:
				return self::pick( array( 'Europe/Berlin', 'Mars/Olympus', 'UTC', 'utc', '+02:00', '../../etc', '' ) );
			case 8:
				return str_repeat( self::pick( array( 'a', 'é', '😀', "\0", '<', '%' ) ), self::pick( array( 1, 64, 65, 129, 192, 2001, 100001 ) ) );
			case 9:
				$chars = '';
				for ( $i = mt_rand( 1, 40 ); $i > 0; $i-- ) {
					$chars .= mb_chr( self::pick( array( mt_rand( 0, 127 ), mt_rand( 128, 0xD7FF ), mt_rand( 0xE000, 0x10FFFF ) ) ) );
				}
				return $chars;
			case 10:
				return self::pick( array( 'a@b', 'user@example.com', 'x@[127.0.0.1]', '"q"@example.com', '@@', str_repeat( 'a', 200 ) . '@example.com' ) );
			case 11:
				return self::pick( array( 'pending', 'confirmed', 'cancelled', 'edit', 'view', 'embed' ) );
			case 12:
				if ( $depth > 3 ) {
					return 'deep';
				}
				$list = array();
				for ( $i = mt_rand( 0, 4 ); $i > 0; $i-- ) {
					$list[] = self::garbage( $depth + 1 );
				}
				return $list;
			case 13:
				if ( $depth > 3 ) {
					return 'deep';
				}
				return array(
					'weekday' => self::garbage( $depth + 1 ),
					'start'   => self::garbage( $depth + 1 ),
					'end'     => self::garbage( $depth + 1 ),
					'name'    => self::garbage( $depth + 1 ),
					'email'   => self::garbage( $depth + 1 ),
				);
			case 14:
				return array_fill( 0, mt_rand( 100, 3000 ), mt_rand( 1, 3 ) );
			default:
				return mt_rand( -5, 50 );
		}//end switch
	}

	/**
	 * An id for a path: real ones of the scene are added by the caller; these are not.
	 *
	 * @return int|string
	 */
	private static function odd_id() {
		return self::pick( array( 0, -1, 99999999, '18446744073709551616', 'abc', '1.5', '1e3', ' 1', "1\0", 'é', '%2F', 'h' . str_repeat( '0', 20 ), str_repeat( '9', 300 ) ) );
	}

	/**
	 * A readable line for a failure message.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function describe( \WP_REST_Request $request ): string {
		$body = (string) $request->get_body();
		if ( '' === $body && array() !== $request->get_body_params() ) {
			$body = 'form ' . (string) wp_json_encode( $request->get_body_params(), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR );
		}
		return sprintf(
			'%s %s?%s body %s headers %s',
			$request->get_method(),
			$request->get_route(),
			(string) wp_json_encode( $request->get_query_params(), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR ),
			mb_strimwidth( $body, 0, 400, '...' ),
			(string) wp_json_encode( $request->get_headers(), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR )
		);
	}

	/**
	 * One element of a list, from the seeded generator.
	 *
	 * @template T
	 * @param array<int, T> $list A non-empty list.
	 * @return T
	 */
	private static function pick( array $list ) {
		return $list[ mt_rand( 0, count( $list ) - 1 ) ];
	}
}
