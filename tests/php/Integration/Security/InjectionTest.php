<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Security;

use AppointEase\Infrastructure\Schema;
use AppointEase\Rest\Errors;

/**
 * Injection attempts on every string parameter of every endpoint, found in
 * the REST index (query parameters, body fields, fields of nested objects
 * and lists, the hold id in the path, and the Idempotency-Key and
 * If-None-Match headers): SQL, HTML and script, header CRLF, overlong text,
 * and awkward Unicode. Each goes into an otherwise valid request, sent as a
 * caller the route lets in (so the handler runs, not just the permission
 * check). For every answer:
 * - no 5xx, and no answer slower than a time-based SQL injection would make it;
 * - a refusal has a reason and leaves the database, settings and holds as they were;
 * - no header carries a line break or an injected header;
 * - no refusal, and no public answer, repeats HTML or script as markup;
 * - what a public write stored holds no markup and no line break in one-line fields.
 */
final class InjectionTest extends SecurityTestCase {

	/** A request that SLEEP(3) got into would take this long at least. */
	private const SLOW_SECONDS = 2.5;

	/**
	 * The attempts, by name.
	 *
	 * @return array<string, string>
	 */
	private static function payloads(): array {
		return array(
			'sql quote'       => "' OR '1'='1",
			'sql stacked'     => '1; DROP TABLE wp_users; --',
			'sql union'       => '" UNION SELECT user_pass FROM wp_users -- ',
			'sql sleep'       => "1' AND SLEEP(3) AND '1'='1",
			'script tag'      => '<script>alert(1)</script>',
			'attribute break' => '"><img src=x onerror=alert(1)>',
			'javascript url'  => 'javascript:alert(1)',
			'template'        => '{{7*7}}${7*7}<%= 7*7 %>',
			'crlf header'     => "a\r\nX-Injected: 1",
			'encoded crlf'    => '%0d%0aX-Injected:%201',
			'overlong'        => str_repeat( 'A', 70000 ),
			'rtl override'    => "\u{202E}gnp.exe",
			'emoji zwj'       => "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}",
			'nul byte'        => "a\0b",
			'control only'    => "\0\x1B\x07\x08",
			'zero width'      => "a\u{200B}\u{FEFF}b",
			'format string'   => '%s%s%n%x',
			'path traversal'  => '../../../../wp-config.php',
			'unicode dots'    => "\u{FF0E}\u{FF0E}\u{2215}etc",
		);
	}

	/**
	 * Markup that must never come back or be stored as is.
	 */
	private const MARKUP = '/<\s*(script|img)\b|onerror\s*=/i';

	public function test_every_string_parameter_withstands_injection(): void {
		global $wpdb;
		$targets = $this->targets();
		$this->assertGreaterThan( 25, count( $targets ), 'The REST index should give many string parameters: ' . implode( ', ', array_keys( $targets ) ) );
		$sent = 0;
		foreach ( $targets as $target => $spec ) {
			foreach ( self::payloads() as $name => $payload ) {
				$what = "$target <- $name";
				$wpdb->query( 'SAVEPOINT injection' );
				$before = $this->fingerprint();
				$this->act_as( $spec['role'] );
				$started  = microtime( true );
				$response = self::serve( $this->injected( $spec, $payload ) );
				$seconds  = microtime( true ) - $started;
				$this->log_out();
				++$sent;

				$status = $response->get_status();
				$data   = $response->get_data();
				$json   = (string) wp_json_encode( $data, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE );
				$this->assertLessThan( 500, $status, "$what: server error $json" );
				$this->assertLessThan( self::SLOW_SECONDS, $seconds, "$what: took {$seconds} s" );
				foreach ( $response->get_headers() as $header => $value ) {
					$this->assertDoesNotMatchRegularExpression( '/[\r\n]|X-Injected/i', $header . ': ' . (string) $value, "$what: header $header" );
				}
				if ( $status >= 400 ) {
					$this->assertArrayHasKey( (string) ( $data['data']['reason'] ?? '' ), Errors::STATUS, "$what: refused without a known reason: $json" );
					$this->assertSame( $before, $this->fingerprint(), "$what was refused ($status), yet something changed." );
				}
				if ( $status >= 400 || 'anonymous' === $spec['role'] ) {
					$this->assertDoesNotMatchRegularExpression( self::MARKUP, $json, "$what: the answer repeats markup: $json" );
				}
				if ( $status < 300 && 'anonymous' === $spec['role'] && in_array( $spec['method'], array( 'POST', 'PATCH', 'PUT', 'DELETE' ), true ) ) {
					$this->assert_stored_safely( $what );
				}
				if ( 201 === $status && 'POST' === $spec['method'] && 'holds' === $spec['path'] ) {
					$this->remember_hold( $data );
				}
				$wpdb->query( 'ROLLBACK TO SAVEPOINT injection' );
			}//end foreach
		}//end foreach
		$this->assertGreaterThanOrEqual( 25 * count( self::payloads() ), $sent );
	}

	public function test_control_characters_never_reach_a_stored_booking(): void {
		$before = $this->fingerprint();
		$this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'customer' => array(
							'name'  => "\0\x1B\x07",
							'email' => 'c@example.com',
						),
					)
				)
			),
			'A name of control characters only is no name.'
		);
		$this->assertSame( $before, $this->fingerprint() );

		$booking = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => "Zo\0e\x1B[31m",
					'email' => 'zoe@example.com',
					'phone' => '+49 30 1234',
					'notes' => "Line one\nLine\x07 two\ttabbed\0",
				),
			)
		);
		$this->assertSame( 'Zoe[31m', $booking['customer']['name'] );
		$this->assertSame( "Line one\nLine two\ttabbed", $booking['customer']['notes'] );
	}

	/**
	 * No plugin table holds markup, and one-line customer fields hold no line break.
	 *
	 * @param string $what The attempt, for the message.
	 */
	private function assert_stored_safely( string $what ): void {
		global $wpdb;
		foreach ( Schema::TABLES as $name ) {
			$rows = (string) wp_json_encode( $wpdb->get_results( 'SELECT * FROM `' . Schema::table( $name ) . '`', ARRAY_A ), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE );
			$this->assertDoesNotMatchRegularExpression( self::MARKUP, $rows, "$what: stored markup in $name" );
		}
		$lines = $wpdb->get_col( 'SELECT CONCAT(customer_name, customer_email, customer_phone) FROM `' . Schema::table( 'bookings' ) . '`' );
		foreach ( $lines as $line ) {
			$this->assertDoesNotMatchRegularExpression( '/[\r\n\0]/', (string) $line, "$what: a line break or NUL in a one-line field" );
		}
	}

	/**
	 * Every string parameter, as "METHOD route field" => how to reach it.
	 *
	 * @return array<string, array{method: string, route: string, path: string, role: string, field: array<int, int|string>, in: string, base: array{path: string, query: array<string, mixed>, body: array<string, mixed>|null}}>
	 */
	private function targets(): array {
		$targets   = array();
		$endpoints = self::endpoints();
		foreach ( $endpoints as $endpoint ) {
			$method = $endpoint['method'];
			// POST and PUT share PATCH's arguments and handler where a route takes all three.
			if ( in_array( $method, array( 'POST', 'PUT' ), true ) && isset( $endpoints[ 'PATCH ' . $endpoint['route'] ] ) ) {
				continue;
			}
			$base = $this->valid_request( $method, $endpoint['route'] );
			$base = $this->with_token( $base, $endpoint['route'] );
			$role = $this->role_for( $method, $endpoint );
			$in   = in_array( $method, array( 'GET', 'DELETE' ), true ) && 'DELETE /holds' !== $method . ' ' . substr( $endpoint['route'], strlen( self::PREFIX ), 6 ) ? 'query' : 'body';
			foreach ( self::string_fields( $endpoint['args'] ) as $field ) {
				if ( array( 'id' ) === $field && ! str_contains( $endpoint['route'], '/holds/' ) ) {
					continue;
				}
				$targets[ "$method {$endpoint['route']} " . implode( '.', $field ) ] = array(
					'method' => $method,
					'route'  => $endpoint['route'],
					'path'   => $base['path'],
					'role'   => $role,
					'field'  => $field,
					'in'     => array( 'id' ) === $field ? 'path' : $in,
					'base'   => $base,
				);
			}
			$headers = array(
				'POST /bookings'                      => 'Idempotency-Key',
				'GET /slots/poll'                     => 'If-None-Match',
				'GET /bookings/(?P<id>[^/]+)'         => 'X-AppointEase-Token',
				'GET /bookings/(?P<id>[^/]+)/ics'     => 'X-AppointEase-Token',
				'POST /bookings/(?P<id>[^/]+)/cancel' => 'X-AppointEase-Token',
			);
			$short   = $method . ' ' . substr( $endpoint['route'], strlen( self::PREFIX ) );
			if ( isset( $headers[ $short ] ) ) {
				$targets[ "$short header {$headers[ $short ]}" ] = array(
					'method' => $method,
					'route'  => $endpoint['route'],
					'path'   => $base['path'],
					'role'   => $role,
					'field'  => array( $headers[ $short ] ),
					'in'     => 'header',
					'base'   => $base,
				);
			}
		}//end foreach
		return $targets;
	}

	/**
	 * The request of a target with the payload in place.
	 *
	 * @param array<string, mixed> $spec    From targets().
	 * @param string               $payload The attempt.
	 */
	private function injected( array $spec, string $payload ): \WP_REST_Request {
		$base  = $spec['base'];
		$path  = $base['path'];
		$query = $base['query'];
		$body  = $base['body'];
		switch ( $spec['in'] ) {
			case 'path':
				$path = (string) preg_replace( '#^holds/[^/]+#', 'holds/' . rawurlencode( $payload ), $path );
				break;
			case 'query':
				$query = self::set( $query, $spec['field'], $payload );
				break;
			case 'body':
				$body = self::set( $body ?? array(), $spec['field'], $payload );
				break;
		}
		// json_encode cannot carry invalid UTF-8; such a body is sent as the raw bytes.
		$encoded = null === $body ? null : wp_json_encode( $body );
		$request = self::json_request( $spec['method'], $path, false === $encoded ? '{"broken": "' . $payload . '"}' : $encoded, $query );
		if ( 'header' === $spec['in'] ) {
			$request->set_header( (string) $spec['field'][0], $payload );
		}
		return $request;
	}

	/**
	 * A copy of a value with a field set at a path of keys.
	 *
	 * @param array<mixed>           $value The base.
	 * @param array<int, int|string> $path  Keys.
	 * @param mixed                  $leaf  The new value.
	 * @return array<mixed>
	 */
	private static function set( array $value, array $path, $leaf ): array {
		$key = array_shift( $path );
		if ( array() === $path ) {
			$value[ $key ] = $leaf;
			return $value;
		}
		$value[ $key ] = self::set( is_array( $value[ $key ] ?? null ) ? $value[ $key ] : array(), $path, $leaf );
		return $value;
	}

	/**
	 * Key paths of every string field in a route's arguments; lists of
	 * objects get one valid element whose fields are reached through it.
	 *
	 * @param array<string, array<string, mixed>> $args The route's arguments.
	 * @return array<int, array<int, int|string>>
	 */
	private static function string_fields( array $args ): array {
		$fields = array();
		foreach ( $args as $name => $schema ) {
			foreach ( self::string_paths( $schema ) as $rest ) {
				$fields[] = array_merge( array( $name ), $rest );
			}
		}
		return $fields;
	}

	/**
	 * Key paths below one schema that end at a string.
	 *
	 * @param array<string, mixed> $schema A JSON schema.
	 * @return array<int, array<int, int|string>>
	 */
	private static function string_paths( array $schema ): array {
		$types = (array) ( $schema['type'] ?? array() );
		$paths = array();
		if ( in_array( 'string', $types, true ) ) {
			$paths[] = array();
		}
		if ( in_array( 'object', $types, true ) && isset( $schema['properties'] ) && is_array( $schema['properties'] ) ) {
			foreach ( $schema['properties'] as $name => $property ) {
				foreach ( self::string_paths( (array) $property ) as $rest ) {
					$paths[] = array_merge( array( $name ), $rest );
				}
			}
		}
		if ( in_array( 'array', $types, true ) && isset( $schema['items'] ) && is_array( $schema['items'] ) ) {
			foreach ( self::string_paths( $schema['items'] ) as $rest ) {
				$paths[] = array_merge( array( 0 ), $rest );
			}
		}
		return $paths;
	}

	/**
	 * A base request with the token that lets its handler run, for routes reached by a token.
	 *
	 * @param array{path: string, query: array<string, mixed>, body: array<string, mixed>|null} $base  The valid request.
	 * @param string                                                                            $route The route pattern.
	 * @return array{path: string, query: array<string, mixed>, body: array<string, mixed>|null}
	 */
	private function with_token( array $base, string $route ): array {
		if ( str_contains( $route, '/holds/' ) ) {
			$base['body'] = array( 'token' => $this->hold['token'] ) + (array) $base['body'];
		} elseif ( 1 === preg_match( '#/bookings/\(\?P<id>[^)]+\)(/(cancel|reschedule|ics))?$#', $route, $parts ) ) {
			// Reads take the token in the X-AppointEase-Token header, which the header targets fill.
			if ( isset( $parts[2] ) && 'ics' !== $parts[2] ) {
				$base['body'] = array( 'token' => $this->bookings['other_token'] ) + (array) $base['body'];
			}
		}
		if ( str_contains( $route, '/employees' ) && is_array( $base['body'] ) ) {
			// Lists of objects need a valid element for their fields to be reached.
			$base['body'] += array(
				'hours'    => array(
					array(
						'weekday' => 1,
						'start'   => '09:00',
						'end'     => '12:00',
					),
				),
				'days_off' => array(
					array(
						'start'  => $this->day( 14 ),
						'end'    => $this->day( 14 ),
						'reason' => 'Holiday',
					),
				),
			);
		}
		return $base;
	}

	/**
	 * Who sends a route's requests: anonymous where anyone may, else an administrator.
	 *
	 * @param string               $method   HTTP method.
	 * @param array<string, mixed> $endpoint From endpoints().
	 */
	private function role_for( string $method, array $endpoint ): string {
		$public = array( 'GET /', 'GET /availability', 'GET /capacity', 'GET /slots/poll', 'GET /services', 'GET /services/{id}', 'GET /employees', 'GET /employees/{id}', 'POST /bookings', 'POST /holds', 'PATCH /holds/{id}', 'DELETE /holds/{id}', 'GET /bookings/{id}', 'POST /bookings/{id}/cancel', 'POST /bookings/{id}/reschedule', 'GET /bookings/{id}/ics' );
		$short  = substr( (string) $endpoint['route'], strlen( self::PREFIX ) );
		$key    = $method . ' ' . ( '' === $short ? '/' : str_replace( '(?P<id>[^/]+)', '{id}', $short ) );
		return in_array( $key, $public, true ) ? 'anonymous' : 'administrator';
	}
}
