<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Holds\HoldClaim;
use AppointEase\Holds\HoldNotFoundException;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\HoldToken;
use AppointEase\Holds\StoreUnavailableException;
use AppointEase\Settings\Settings;

/**
 * Holds through REST against the site's real hold store (Redis on the local
 * site): take, conflict, show as held, book with the token, renew, move,
 * release, and bad input refused with a reason and nothing written.
 *
 * The per-test rollback does not reach Redis, so every hold a test takes is
 * released in tear_down(), and each test works on a fresh employee (a new
 * row id, hence a calendar no earlier test used in this run).
 */
final class HoldsRouteTest extends RestTestCase {

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
				unset( $gone ); // Released, booked or moved away by the test itself.
			}
		}
		$this->taken = array();
		parent::tear_down();
	}

	public function test_a_hold_answers_201_with_its_public_id_secret_token_time_seats_and_expiry(): void {
		$before = time();

		$hold = $this->hold( '10:00' );

		$this->assertSame( array( 'end', 'expires_at', 'id', 'seats', 'start', 'token' ), self::sorted_keys( $hold ) );
		$this->assertMatchesRegularExpression( '/^h[0-9a-f]{20}$/', $hold['id'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $hold['token'] );
		$this->assertSame( $this->local( '10:00' ), $hold['start'] );
		$this->assertSame( $this->local( '10:30' ), $hold['end'] );
		$this->assertSame( 1, $hold['seats'] );
		$expires = ( new \DateTimeImmutable( $hold['expires_at'] ) )->getTimestamp();
		$ttl     = Settings::int( 'hold_ttl' );
		$this->assertSame( 30, $ttl, 'The default hold TTL.' );
		$this->assertGreaterThanOrEqual( $before + $ttl - 1, $expires, 'expires_at is hold_ttl ahead.' );
		$this->assertLessThanOrEqual( time() + $ttl, $expires, 'expires_at is hold_ttl ahead.' );
		$this->assertSame( ( new \DateTimeImmutable( '@' . $expires ) )->setTimezone( new \DateTimeZone( self::TIMEZONE ) )->format( DATE_ATOM ), $hold['expires_at'], 'In the calendar\'s timezone.' );
	}

	public function test_a_start_sent_in_utc_is_answered_in_the_calendars_timezone(): void {
		$utc = ( new \DateTimeImmutable( $this->local( '11:00' ) ) )->setTimezone( new \DateTimeZone( 'UTC' ) )->format( 'Y-m-d\TH:i:s\Z' );

		$hold = $this->hold( '11:00', array( 'start' => $utc ) );

		$this->assertSame( $this->local( '11:00' ), $hold['start'] );
		$this->assertSame( $this->local( '11:30' ), $hold['end'] );
	}

	public function test_a_second_visitor_cannot_hold_the_same_one_to_one_time_nor_an_overlapping_one(): void {
		$empty = $this->state();
		$this->hold( '10:00' );
		$before = $this->state();
		$this->assertNotSame( $empty, $before, 'The state a refusal must keep includes the live holds.' );

		$this->assertError( 409, 'SLOT_HELD', $this->post( 'holds', $this->hold_body( '10:00' ) ) );
		$this->assertError( 409, 'SLOT_HELD', $this->post( 'holds', $this->hold_body( '09:45' ) ), 'Overlaps the held half hour.' );

		$this->assertSame( $before, $this->state() );
	}

	public function test_availability_shows_a_held_time_as_held_with_no_seats_left(): void {
		$this->hold( '10:00' );

		$slots = $this->slots();

		$this->assertSame( 'held', $slots[ $this->local( '10:00' ) ]['state'] );
		$this->assertSame( 0, $slots[ $this->local( '10:00' ) ]['seats_left'] );
		$this->assertSame( 'held', $slots[ $this->local( '09:45' ) ]['state'], 'A session starting at 09:45 would overlap the hold.' );
		$this->assertSame( 'available', $slots[ $this->local( '10:30' ) ]['state'] );
		$this->assertSame( 1, $slots[ $this->local( '10:30' ) ]['seats_left'] );
	}

	public function test_a_booking_without_the_token_on_a_held_time_is_slot_held_and_writes_nothing(): void {
		$this->hold( '10:00' );
		$before = $this->state();

		$this->assertError( 409, 'SLOT_HELD', $this->post( 'bookings', $this->booking_body( '10:00' ) ) );

		$this->assertSame( $before, $this->state() );
	}

	public function test_the_holder_books_with_the_hold_token_and_the_hold_is_gone(): void {
		$hold = $this->hold( '10:00' );

		$booking = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'hold_token' => $hold['token'] ) ) ) );

		$this->assertSame( $this->local( '10:00' ), $booking['start'] );
		$this->assertSame( 'confirmed', $booking['status'] );
		$this->assertSame( array(), $this->held_ids(), 'Booking released the hold.' );
		$poll = $this->assertOk( 200, $this->get( 'slots/poll', $this->day_query() ) );
		$this->assertSame( array(), $poll['held'] );
		$this->assertSame( array( $this->local( '10:00' ) ), array_column( $poll['booked'], 'start' ) );
		$this->assertSame( 'booked', $this->slots()[ $this->local( '10:00' ) ]['state'] );
		$this->assertError( 404, 'HOLD_NOT_FOUND', $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ), 'The hold no longer exists.' );
	}

	public function test_a_hold_token_for_another_time_is_slot_changed_and_books_nothing(): void {
		$hold   = $this->hold( '10:00' );
		$before = $this->state();

		$this->assertError( 409, 'SLOT_CHANGED', $this->post( 'bookings', $this->booking_body( '11:00', array( 'hold_token' => $hold['token'] ) ) ) );

		$this->assertSame( $before, $this->state() );
		$this->assertSame( array( $hold['id'] ), $this->held_ids(), 'The hold stays.' );
	}

	public function test_the_holder_renews_with_the_token(): void {
		$hold = $this->hold( '10:00' );

		$renewed = $this->assertOk( 200, $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );

		$this->assertSame( $hold['id'], $renewed['id'] );
		$this->assertSame( $hold['start'], $renewed['start'] );
		$this->assertSame( $hold['end'], $renewed['end'] );
		$this->assertSame( 1, $renewed['seats'] );
		$this->assertArrayNotHasKey( 'token', $renewed, 'The token is only ever in the answer to POST holds.' );
		$this->assertGreaterThanOrEqual( ( new \DateTimeImmutable( $hold['expires_at'] ) )->getTimestamp(), ( new \DateTimeImmutable( $renewed['expires_at'] ) )->getTimestamp() );
		$this->assertSame( array( $hold['id'] ), $this->held_ids() );
	}

	public function test_a_hold_that_ran_out_answers_410_to_a_heartbeat_or_a_move_and_no_longer_counts(): void {
		// Taken 60 s ago with the 30 s lifetime: it ran out half a minute ago, and no cron ran since.
		$start                    = new \DateTimeImmutable( $this->local( '10:00' ) );
		$claim                    = new HoldClaim( $this->employee->id, $this->service->id, $start, $start->modify( '+30 minutes' ), $start, $start->modify( '+30 minutes' ), 1, 1 );
		$token                    = HoldToken::generate();
		$hold                     = HoldStoreFactory::shared()->store()->acquire( $claim, HoldToken::hash( $token ), 30, 600, time() - 60 );
		$this->taken[ $hold->id ] = $token;

		$this->assertError( 410, 'HOLD_EXPIRED', $this->call( 'PATCH', 'holds/' . $hold->id, array( 'token' => $token ) ), 'Heartbeat.' );
		$this->assertError(
			410,
			'HOLD_EXPIRED',
			$this->call(
				'PATCH',
				'holds/' . $hold->id,
				array(
					'token' => $token,
					'start' => $this->local( '11:00' ),
				)
			),
			'Move.'
		);
		$this->assertSame( array(), $this->held_ids(), 'The poll no longer shows it.' );
		$this->hold( '10:00' ); // The time is free for the next visitor.
		$this->assertError( 404, 'HOLD_NOT_FOUND', $this->call( 'PATCH', 'holds/' . $hold->id, array( 'token' => HoldToken::generate() ) ), 'A wrong token learns nothing about the hold.' );
	}

	public function test_the_holder_moves_the_hold_and_the_old_time_is_free_again(): void {
		$hold = $this->hold( '10:00' );

		$moved = $this->assertOk(
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

		$this->assertSame( $hold['id'], $moved['id'], 'A move keeps the id.' );
		$this->assertSame( $this->local( '14:00' ), $moved['start'] );
		$this->assertSame( $this->local( '14:30' ), $moved['end'] );
		$slots = $this->slots();
		$this->assertSame( 'available', $slots[ $this->local( '10:00' ) ]['state'] );
		$this->assertSame( 'held', $slots[ $this->local( '14:00' ) ]['state'] );
		$poll = $this->assertOk( 200, $this->get( 'slots/poll', $this->day_query() ) );
		$this->assertSame(
			array(
				array(
					'start' => $this->local( '14:00' ),
					'end'   => $this->local( '14:30' ),
					'id'    => $hold['id'],
					'seats' => 1,
				),
			),
			$poll['held']
		);
		// Someone else may now hold the old time; the holder books the new one with the same token.
		$this->hold( '10:00' );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '14:00', array( 'hold_token' => $hold['token'] ) ) ) );
	}

	public function test_a_move_onto_a_time_someone_else_holds_is_refused_and_the_hold_stays(): void {
		$mine   = $this->hold( '10:00' );
		$theirs = $this->hold( '11:00' );
		$before = $this->state();

		$this->assertError(
			409,
			'SLOT_HELD',
			$this->call(
				'PATCH',
				'holds/' . $mine['id'],
				array(
					'token' => $mine['token'],
					'start' => $this->local( '11:00' ),
				)
			)
		);
		$this->assertError(
			409,
			'SLOT_UNAVAILABLE',
			$this->call(
				'PATCH',
				'holds/' . $mine['id'],
				array(
					'token' => $mine['token'],
					'start' => $this->local( '12:30' ),
				)
			),
			'The lunch break.'
		);
		$this->assertError(
			422,
			'SLOT_IN_PAST',
			$this->call(
				'PATCH',
				'holds/' . $mine['id'],
				array(
					'token' => $mine['token'],
					'start' => $this->local(
						'10:00',
						$this->day( -14 )
					),
				)
			)
		);
		$this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->call(
				'PATCH',
				'holds/' . $mine['id'],
				array(
					'token' => $mine['token'],
					'start' => $this->monday . 'T11:00:00',
				)
			)
		);

		$this->assertSame( $before, $this->state() );
		$this->assertSame( $this->local( '10:00' ), $this->poll_held()[ $mine['id'] ]['start'] );
		$this->assertSame( $this->local( '11:00' ), $this->poll_held()[ $theirs['id'] ]['start'] );
	}

	public function test_a_wrong_token_answers_exactly_like_an_unknown_hold_and_changes_nothing(): void {
		$hold    = $this->hold( '10:00' );
		$wrong   = str_repeat( 'a', 64 );
		$unknown = 'h' . str_repeat( '0', 20 );
		$before  = $this->state();

		$answers = array(
			'renew, wrong token'   => $this->call( 'PATCH', 'holds/' . $hold['id'], array( 'token' => $wrong ) ),
			'renew, unknown id'    => $this->call( 'PATCH', 'holds/' . $unknown, array( 'token' => $hold['token'] ) ),
			'renew, malformed id'  => $this->call( 'PATCH', 'holds/not-a-hold', array( 'token' => $hold['token'] ) ),
			'move, wrong token'    => $this->call(
				'PATCH',
				'holds/' . $hold['id'],
				array(
					'token' => $wrong,
					'start' => $this->local( '14:00' ),
				)
			),
			'move, unknown id'     => $this->call(
				'PATCH',
				'holds/' . $unknown,
				array(
					'token' => $hold['token'],
					'start' => $this->local( '14:00' ),
				)
			),
			'release, wrong token' => $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $wrong ) ),
			'release, unknown id'  => $this->call( 'DELETE', 'holds/' . $unknown, array( 'token' => $hold['token'] ) ),
			'release, short token' => $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => 'x' ) ),
		);

		$first = null;
		foreach ( $answers as $what => $response ) {
			$body  = $this->assertError( 404, 'HOLD_NOT_FOUND', $response, $what );
			$first = $first ?? $body;
			$this->assertSame( $first, $body, "$what answers like every other miss." );
		}
		$this->assertSame( $before, $this->state() );
		$this->assertSame( array( $hold['id'] ), $this->held_ids() );
		$this->assertSame( $this->local( '10:00' ), $this->poll_held()[ $hold['id'] ]['start'] );
	}

	public function test_the_holder_releases_the_hold_and_the_time_is_free(): void {
		$hold = $this->hold( '10:00' );

		$released = $this->assertOk( 200, $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ) );

		$this->assertSame( $hold['id'], $released['id'] );
		$this->assertTrue( $released['released'] );
		$this->assertSame( array(), $this->held_ids() );
		$this->assertSame( 'available', $this->slots()[ $this->local( '10:00' ) ]['state'] );
		$this->assertSame( array(), $this->assertOk( 200, $this->get( 'slots/poll', $this->day_query() ) )['held'] );
		$this->assertError( 404, 'HOLD_NOT_FOUND', $this->call( 'DELETE', 'holds/' . $hold['id'], array( 'token' => $hold['token'] ) ), 'Released already.' );
		// And anyone may take it now.
		$this->hold( '10:00' );
	}

	public function test_the_token_may_come_in_the_query_string_of_a_release(): void {
		$hold = $this->hold( '10:00' );

		$this->assertOk( 200, $this->call( 'DELETE', 'holds/' . $hold['id'], null, array( 'token' => $hold['token'] ) ) );

		$this->assertSame( array(), $this->held_ids() );
	}

	public function test_a_group_session_takes_holds_until_its_seats_are_held(): void {
		$class = $this->make_service(
			array(
				'name'     => 'Yoga class',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $class->id ) ) );

		$this->hold(
			'10:00',
			array(
				'service' => $class->id,
				'seats'   => 2,
			)
		);
		$this->hold( '10:00', array( 'service' => $class->id ) );
		$before = $this->state();

		$this->assertError( 409, 'SLOT_HELD', $this->post( 'holds', $this->hold_body( '10:00', array( 'service' => $class->id ) ) ) );
		$this->assertError( 409, 'SLOT_HELD', $this->post( 'holds', $this->hold_body( '10:00' ) ), 'The employee is busy with the class.' );
		$this->assertSame( $before, $this->state() );
	}

	/**
	 * Bad hold requests, with placeholders (RestTestCase::resolve()).
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: int, 2: string}>
	 */
	public static function bad_holds(): array {
		return array(
			'start without offset'   => array( array( 'start' => '2030-01-07T10:00:00' ), 400, 'VALIDATION_ERROR' ),
			'start with a space'     => array( array( 'start' => '2030-01-07 10:00:00+01:00' ), 400, 'VALIDATION_ERROR' ),
			'start as a date'        => array( array( 'start' => '@date:+0' ), 400, 'VALIDATION_ERROR' ),
			'start missing'          => array( array( 'start' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'start off the grid'     => array( array( 'start' => '@time:+0 10:07' ), 409, 'SLOT_UNAVAILABLE' ),
			'start in the break'     => array( array( 'start' => '@time:+0 12:15' ), 409, 'SLOT_UNAVAILABLE' ),
			'start before hours'     => array( array( 'start' => '@time:+0 07:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start on a Saturday'    => array( array( 'start' => '@time:+5 10:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start beyond horizon'   => array( array( 'start' => '@time:+371 10:00' ), 409, 'SLOT_UNAVAILABLE' ),
			'start in the past'      => array( array( 'start' => '@time:-14 10:00' ), 422, 'SLOT_IN_PAST' ),
			'seats zero'             => array( array( 'seats' => 0 ), 400, 'VALIDATION_ERROR' ),
			'seats negative'         => array( array( 'seats' => -1 ), 400, 'VALIDATION_ERROR' ),
			'seats above capacity'   => array( array( 'seats' => 2 ), 400, 'VALIDATION_ERROR' ),
			'seats above maximum'    => array( array( 'seats' => 1001 ), 400, 'VALIDATION_ERROR' ),
			'seats as a word'        => array( array( 'seats' => 'two' ), 400, 'VALIDATION_ERROR' ),
			'service missing'        => array( array( 'service' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'service unknown'        => array( array( 'service' => 999999 ), 404, 'NOT_FOUND' ),
			'employee missing'       => array( array( 'employee' => '@unset' ), 400, 'VALIDATION_ERROR' ),
			'employee zero'          => array( array( 'employee' => 0 ), 400, 'VALIDATION_ERROR' ),
			'employee unknown'       => array( array( 'employee' => 999999 ), 404, 'NOT_FOUND' ),
			'unknown field token'    => array( array( 'token' => 'mine' ), 400, 'VALIDATION_ERROR' ),
			'unknown field id'       => array( array( 'id' => 'h00000000000000000000' ), 400, 'VALIDATION_ERROR' ),
			'unknown field expires'  => array( array( 'expires_at' => '@time:+0 23:00' ), 400, 'VALIDATION_ERROR' ),
			'unknown field customer' => array( array( 'customer' => array( 'name' => 'A' ) ), 400, 'VALIDATION_ERROR' ),
		);
	}

	/**
	 * @dataProvider bad_holds
	 *
	 * @param array<string, mixed> $patch  Changes to a valid body.
	 * @param int                  $status Expected status.
	 * @param string               $reason Expected reason.
	 */
	public function test_a_bad_hold_request_is_refused_with_a_reason_and_writes_nothing( array $patch, int $status, string $reason ): void {
		$body   = $this->resolve( self::patched( $this->hold_body( '10:00' ), $patch ) );
		$before = $this->state();

		$this->assertError( $status, $reason, $this->post( 'holds', $body ) );

		$this->assertSame( $before, $this->state(), 'A refused hold writes nothing.' );
	}

	public function test_renew_move_and_release_need_the_token_and_take_no_other_fields(): void {
		$hold   = $this->hold( '10:00' );
		$route  = 'holds/' . $hold['id'];
		$before = $this->state();

		$missing = array(
			'renew without token'   => $this->call( 'PATCH', $route, array() ),
			'renew, empty token'    => $this->call( 'PATCH', $route, array( 'token' => '' ) ),
			'move without token'    => $this->call( 'PATCH', $route, array( 'start' => $this->local( '14:00' ) ) ),
			'release without token' => $this->call( 'DELETE', $route, array() ),
		);
		$wrong   = $this->assertError( 404, 'HOLD_NOT_FOUND', $this->call( 'PATCH', $route, array( 'token' => HoldToken::generate() ) ) );
		foreach ( $missing as $what => $response ) {
			$this->assertSame( $wrong, $this->assertError( 404, 'HOLD_NOT_FOUND', $response, $what ), "$what answers exactly like a wrong token." );
		}

		$cases = array(
			'renew, token too long' => $this->call( 'PATCH', $route, array( 'token' => str_repeat( 'a', 129 ) ) ),
			'move, bad start'       => $this->call(
				'PATCH',
				$route,
				array(
					'token' => $hold['token'],
					'start' => 'tomorrow',
				)
			),
			'renew, unknown field'  => $this->call(
				'PATCH',
				$route,
				array(
					'token' => $hold['token'],
					'seats' => 2,
				)
			),
			'release, extra field'  => $this->call(
				'DELETE',
				$route,
				array(
					'token'  => $hold['token'],
					'reason' => 'bored',
				)
			),
			'id too long'           => $this->call( 'PATCH', 'holds/h' . str_repeat( '0', 64 ), array( 'token' => $hold['token'] ) ),
		);
		foreach ( $cases as $what => $response ) {
			$this->assertError( 400, 'VALIDATION_ERROR', $response, $what );
		}

		$this->assertSame( $before, $this->state() );
		$this->assertSame( array( $hold['id'] ), $this->held_ids() );
	}

	/**
	 * Takes a hold on MONDAY as an anonymous visitor; it is released in tear_down().
	 *
	 * @param string               $time  "H:i" on MONDAY.
	 * @param array<string, mixed> $extra Fields to add or replace.
	 * @return array<string, mixed> The answer.
	 */
	private function hold( string $time, array $extra = array() ): array {
		$body = $this->assertOk( 201, $this->post( 'holds', $this->hold_body( $time, $extra ) ) );
		$this->assertIsString( $body['id'] ?? null );
		$this->assertIsString( $body['token'] ?? null );
		$this->taken[ $body['id'] ] = $body['token'];
		return $body;
	}

	/**
	 * The poll's query for MONDAY.
	 *
	 * @return array<string, mixed>
	 */
	private function day_query(): array {
		return array(
			'employee' => $this->employee->id,
			'date'     => $this->monday,
		);
	}

	/**
	 * MONDAY's slots of the service by start.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function slots(): array {
		$body = $this->assertOk(
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
		return array_column( $body['days'][0]['slots'], null, 'start' );
	}

	/**
	 * The poll's held times by hold id.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function poll_held(): array {
		return array_column( $this->assertOk( 200, $this->get( 'slots/poll', $this->day_query() ) )['held'], null, 'id' );
	}

	/**
	 * Ids of the live holds on the employee's MONDAY, straight from the store.
	 *
	 * @return string[]
	 */
	private function held_ids(): array {
		$timezone = new \DateTimeZone( self::TIMEZONE );
		$from     = new \DateTimeImmutable( $this->monday . ' 00:00', $timezone );
		$holds    = HoldStoreFactory::shared()->store()->live( $this->employee->id, $from->getTimestamp(), $from->modify( '+1 day' )->getTimestamp(), time() );
		return array_map( static fn( $hold ): string => $hold->id, $holds );
	}

	/**
	 * What a refused request must leave as it was: the database and the live holds.
	 *
	 * @return array<string, mixed>
	 */
	private function state(): array {
		$timezone = new \DateTimeZone( self::TIMEZONE );
		$from     = new \DateTimeImmutable( $this->monday . ' 00:00', $timezone );
		$holds    = array();
		foreach ( HoldStoreFactory::shared()->store()->live( $this->employee->id, $from->getTimestamp(), $from->modify( '+1 day' )->getTimestamp(), time() ) as $hold ) {
			$holds[ $hold->id ] = array( $hold->service_id, $hold->start->getTimestamp(), $hold->end->getTimestamp(), $hold->seats );
		}
		ksort( $holds );
		return $this->snapshot() + array( 'live_holds' => $holds );
	}

	/**
	 * The keys of an answer, sorted.
	 *
	 * @param array<mixed> $body The answer.
	 * @return array<int, int|string>
	 */
	private static function sorted_keys( array $body ): array {
		$keys = array_keys( $body );
		sort( $keys );
		return $keys;
	}
}
