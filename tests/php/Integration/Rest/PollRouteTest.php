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

/**
 * The REST route GET slots/poll: one public answer per calendar, the same
 * for every visitor, with an ETag that changes exactly when the calendar
 * does, 304 to If-None-Match, and a one-second cache lifetime. Errors are
 * never cached.
 *
 * Holds live in the site's hold store (Redis on the local site), which the
 * per-test rollback does not reach, so every hold is released in tear_down().
 */
final class PollRouteTest extends RestTestCase {

	private const CACHE_CONTROL = 'public, max-age=1, s-maxage=1';

	/**
	 * Holds taken by the test: id => token, released in tear_down().
	 *
	 * @var array<string, string>
	 */
	private array $taken = array();

	protected function tear_down(): void {
		$store = HoldStoreFactory::shared()->store();
		foreach ( $this->taken as $id => $token ) {
			try {
				$store->release( $id, HoldToken::hash( $token ) );
			} catch ( HoldNotFoundException | StoreUnavailableException $gone ) {
				unset( $gone ); // Released or booked by the test itself.
			}
		}
		$this->taken = array();
		parent::tear_down();
	}

	public function test_the_answer_has_the_shared_shape_with_booked_and_held_times(): void {
		$class = $this->make_service(
			array(
				'name'     => 'Group class',
				'duration' => 60,
				'capacity' => 4,
			)
		);
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $class->id ) ) );
		$this->book( '10:00' );
		$this->book( '14:00', array( 'service' => $class->id ) );
		$hold = $this->hold( '11:00' );
		$now  = time();

		$response = $this->poll();

		$body = $this->assertOk( 200, $response );
		$this->assertSame( array( 'version', 'employee', 'date', 'booked', 'held', 'server_time' ), array_keys( $body ) );
		$this->assertIsInt( $body['version'] );
		$this->assertGreaterThan( 0, $body['version'] );
		$this->assertSame( $this->employee->id, $body['employee'] );
		$this->assertSame( $this->monday, $body['date'] );
		$this->assertSame(
			array(
				array(
					'start'      => $this->local( '10:00' ),
					'end'        => $this->local( '10:30' ),
					'seats_left' => 0,
				),
				array(
					'start'      => $this->local( '14:00' ),
					'end'        => $this->local( '15:00' ),
					'seats_left' => 3,
				),
			),
			$body['booked']
		);
		$this->assertSame(
			array(
				array(
					'start' => $this->local( '11:00' ),
					'end'   => $this->local( '11:30' ),
					'id'    => $hold['id'],
					'seats' => 1,
				),
			),
			$body['held']
		);
		$server_time = \DateTimeImmutable::createFromFormat( DATE_ATOM, $body['server_time'] );
		$this->assertInstanceOf( \DateTimeImmutable::class, $server_time, 'server_time is ISO 8601 with its offset.' );
		$this->assertEqualsWithDelta( $now, $server_time->getTimestamp(), 5 );
		$this->assertSame( ( new \DateTimeImmutable( 'now', new \DateTimeZone( self::TIMEZONE ) ) )->format( 'P' ), $server_time->format( 'P' ), 'In the calendar\'s timezone.' );
	}

	public function test_an_empty_calendar_answers_version_zero_and_empty_lists(): void {
		$body = $this->assertOk( 200, $this->poll( array( 'date' => $this->day( 1 ) ) ) );

		$this->assertSame( 0, $body['version'] );
		$this->assertSame( array(), $body['booked'] );
		$this->assertSame( array(), $body['held'] );
		$this->assertSame( $this->day( 1 ), $body['date'] );
	}

	public function test_only_the_asked_day_is_in_the_answer(): void {
		$this->book( '10:00' );
		$this->hold( '11:00' );

		$tuesday = $this->assertOk( 200, $this->poll( array( 'date' => $this->day( 1 ) ) ) );
		$sunday  = $this->assertOk( 200, $this->poll( array( 'date' => $this->day( -1 ) ) ) );

		foreach ( array( $tuesday, $sunday ) as $other ) {
			$this->assertSame( array(), $other['booked'] );
			$this->assertSame( array(), $other['held'] );
			$this->assertSame( 0, $other['version'] );
		}
	}

	public function test_the_answer_holds_no_personal_data_and_no_hold_secrets(): void {
		$booking = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Zelda Private',
					'email' => 'zelda.private@example.org',
					'phone' => '+49 30 555 0199',
					'notes' => 'Secret note',
				),
			)
		);
		$hold    = $this->hold( '11:00' );

		$json = (string) wp_json_encode( $this->assertOk( 200, $this->poll() ) );

		foreach ( array( 'Zelda', 'zelda.private@example.org', 'example.org', '555 0199', 'Secret note', 'ana@example.com', $booking['manage_token'], $hold['token'], HoldToken::hash( $hold['token'] ) ) as $secret ) {
			$this->assertStringNotContainsStringIgnoringCase( $secret, $json );
		}
		foreach ( array( 'customer', 'email', 'name', 'phone', 'notes', 'token', 'expires_at', 'status' ) as $key ) {
			$this->assertStringNotContainsString( '"' . $key . '"', $json, "No $key in the public answer." );
		}
	}

	public function test_a_200_carries_an_etag_and_a_one_second_public_cache_lifetime(): void {
		$response = $this->poll();

		$this->assertOk( 200, $response );
		$headers = $response->get_headers();
		$this->assertMatchesRegularExpression( '/^"[^"]+"$/', $headers['ETag'] ?? '', 'A strong, quoted entity tag.' );
		$this->assertSame( self::CACHE_CONTROL, $headers['Cache-Control'] ?? null );
		$this->assertSame( $headers['ETag'], $this->poll()->get_headers()['ETag'], 'Nothing changed: the same tag, although server_time moves on.' );
	}

	public function test_if_none_match_with_the_current_etag_answers_304_without_a_body(): void {
		$this->book( '10:00' );
		$etag = $this->etag();

		$response = $this->poll( array(), $etag );

		$this->assertSame( 304, $response->get_status() );
		$this->assertNull( $response->get_data() );
		$this->assertSame( $etag, $response->get_headers()['ETag'] ?? null );
		$this->assertSame( self::CACHE_CONTROL, $response->get_headers()['Cache-Control'] ?? null );
		$this->assertSame( 304, $this->poll( array(), '"other", ' . $etag )->get_status(), 'One of several tags matches.' );
		$this->assertSame( 200, $this->poll( array(), '"0123456789abcdef0123456789abcdef"' )->get_status() );
		$this->assertSame( 200, $this->poll( array( 'date' => $this->day( 1 ) ), $etag )->get_status(), 'Another calendar\'s tag does not match.' );
	}

	/**
	 * HTTP (RFC 9110, 13.1.2) compares If-None-Match weakly. nginx's gzip
	 * (on in this site's config), Apache's mod_deflate and many CDNs turn
	 * `"abc"` into `W/"abc"` when they compress, and the browser sends that
	 * back: it must still match.
	 */
	public function test_if_none_match_with_the_weak_form_of_the_etag_answers_304(): void {
		$etag = $this->etag();

		$this->assertSame( 304, $this->poll( array(), 'W/' . $etag )->get_status(), 'W/' . $etag . ' should match ' . $etag . ' (weak comparison).' );
	}

	public function test_the_etag_and_version_change_when_a_booking_a_hold_or_a_release_changes_the_calendar(): void {
		$start   = $this->poll_body();
		$etags   = array( $this->etag() );
		$version = array( $start['version'] );

		$booking   = $this->book( '10:00' );
		$etags[]   = $this->etag();
		$version[] = $this->poll_body()['version'];

		$hold      = $this->hold( '11:00' );
		$etags[]   = $this->etag();
		$version[] = $this->poll_body()['version'];

		$this->assertOk(
			200,
			$this->call(
				'PATCH',
				'holds/' . $hold['id'],
				array(
					'token' => $hold['token'],
					'start' => $this->local( '14:00' ),
				)
			)
		);
		$etags[]   = $this->etag();
		$version[] = $this->poll_body()['version'];

		$this->assertOk( 200, $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );
		$etags[]   = $this->etag();
		$version[] = $this->poll_body()['version'];

		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$etags[]   = $this->etag();
		$version[] = $this->poll_body()['version'];

		$this->assertCount( count( $etags ), array_unique( $etags ), 'Each change gives a new ETag: ' . implode( ' ', $etags ) );
		$rising = $version;
		sort( $rising, SORT_NUMERIC );
		$this->assertSame( $rising, $version, 'The version rises with every change: ' . implode( ', ', $version ) );
		$this->assertSame( $version, array_values( array_unique( $version ) ), 'The version rises with every change: ' . implode( ', ', $version ) );
		$this->assertSame( 200, $this->poll( array(), $etags[0] )->get_status(), 'A tag from before the changes is stale.' );
		$this->assertSame( 304, $this->poll( array(), end( $etags ) )->get_status() );
	}

	public function test_a_renewal_changes_nothing_a_visitor_sees(): void {
		$hold = $this->hold( '11:00' );
		$etag = $this->etag();

		$this->assertOk( 200, $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );

		$this->assertSame( 304, $this->poll( array(), $etag )->get_status() );
	}

	public function test_a_refused_write_changes_neither_etag_nor_version(): void {
		$this->book( '10:00' );
		$hold    = $this->hold( '11:00' );
		$etag    = $this->etag();
		$version = $this->poll_body()['version'];

		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->booking_body( '10:00' ) ) );
		$this->assertError( 409, 'SLOT_HELD', $this->post( 'holds', $this->hold_body( '11:00' ) ) );
		$this->assertError( 404, 'HOLD_NOT_FOUND', $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => str_repeat( 'b', 64 ) ) ) );

		$this->assertSame( 304, $this->poll( array(), $etag )->get_status() );
		$this->assertSame( $version, $this->poll_body()['version'] );
	}

	/**
	 * Parameters the poll refuses.
	 *
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function bad_queries(): array {
		return array(
			'employee missing'      => array( array( 'employee' => '@unset' ) ),
			'employee a word'       => array( array( 'employee' => 'abc' ) ),
			'employee zero'         => array( array( 'employee' => '0' ) ),
			'employee negative'     => array( array( 'employee' => '-3' ) ),
			'employee a fraction'   => array( array( 'employee' => '1.5' ) ),
			'employee huge'         => array( array( 'employee' => '99999999999999999999' ) ),
			'employee a list'       => array( array( 'employee' => array( '1' ) ) ),
			'date missing'          => array( array( 'date' => '@unset' ) ),
			'date not a date'       => array( array( 'date' => 'tomorrow' ) ),
			'date 30 February'      => array( array( 'date' => '2026-02-30' ) ),
			'date with a time'      => array( array( 'date' => '2026-12-01T10:00:00+01:00' ) ),
			'date in another shape' => array( array( 'date' => '01.12.2026' ) ),
			'date a list'           => array( array( 'date' => array( '2026-12-01' ) ) ),
		);
	}

	/**
	 * @dataProvider bad_queries
	 *
	 * @param array<string, mixed> $patch Changes to a valid query.
	 */
	public function test_bad_parameters_are_a_validation_error_without_an_etag( array $patch ): void {
		$query = $this->resolve( self::patched( $this->day_query(), $patch ) );

		$response = $this->call( 'GET', 'slots/poll', null, $query );

		$this->assertError( 400, 'VALIDATION_ERROR', $response );
		$this->assertArrayNotHasKey( 'ETag', $response->get_headers() );
	}

	/**
	 * The early path (PollResponder) sends `no-store` with every error; the
	 * REST route must too, so that no HTTP cache in front keeps an error.
	 */
	public function test_a_validation_error_says_no_store(): void {
		$answers = array();
		foreach ( array(
			'bad_employee' => array( 'employee' => 'abc' ),
			'bad_date'     => array( 'date' => '2026-02-30' ),
			'no_date'      => array( 'date' => '@unset' ),
		) as $what => $patch ) {
			$response = $this->call( 'GET', 'slots/poll', null, $this->resolve( self::patched( $this->day_query(), $patch ) ) );
			$this->assertError( 400, 'VALIDATION_ERROR', $response, $what );
			$answers[ $what ] = $response->get_headers()['Cache-Control'] ?? null;
		}

		$this->assertSame( array_fill_keys( array_keys( $answers ), 'no-store' ), $answers, 'Cache-Control of each 400.' );
	}

	public function test_an_unknown_or_inactive_employee_is_404_that_no_cache_keeps(): void {
		$away = $this->make_employee( array( $this->service->id ), array( 'active' => false ) );

		foreach ( array( 999999, $away->id ) as $employee ) {
			$response = $this->poll( array( 'employee' => $employee ) );

			$this->assertError( 404, 'NOT_FOUND', $response, "employee $employee" );
			$this->assertArrayNotHasKey( 'ETag', $response->get_headers() );
			$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] ?? null );
		}
	}

	public function test_the_poll_is_a_get_only_route(): void {
		$this->assertSame( 404, $this->call( 'POST', 'slots/poll', array(), $this->day_query() )->get_status() );
	}

	/**
	 * GET slots/poll for the employee's MONDAY unless the query says otherwise.
	 *
	 * @param array<string, mixed> $query         Changes to the query.
	 * @param string|null          $if_none_match The If-None-Match header, if any.
	 */
	private function poll( array $query = array(), ?string $if_none_match = null ): \WP_REST_Response {
		return $this->call( 'GET', 'slots/poll', null, array_merge( $this->day_query(), $query ), null === $if_none_match ? array() : array( 'If-None-Match' => $if_none_match ) );
	}

	/**
	 * The body of a 200 poll of MONDAY.
	 *
	 * @return array<mixed>
	 */
	private function poll_body(): array {
		return $this->assertOk( 200, $this->poll() );
	}

	/**
	 * The ETag of MONDAY's poll now.
	 */
	private function etag(): string {
		$etag = $this->poll()->get_headers()['ETag'] ?? null;
		$this->assertIsString( $etag );
		return $etag;
	}

	/**
	 * The poll's query for MONDAY.
	 *
	 * @return array<string, mixed>
	 */
	private function day_query(): array {
		return array(
			'employee' => (string) $this->employee->id,
			'date'     => $this->monday,
		);
	}

	/**
	 * Takes a hold on MONDAY as an anonymous visitor; it is released in tear_down().
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
}
