<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Security;

/**
 * What anyone may read holds no personal data. Customers with distinctive
 * names, emails, phones and notes book (and hold) times; then every public
 * answer that shows those times (availability for one employee and for
 * "any available", slots/poll, capacity) and the catalogue (services,
 * employees) is searched for any of it, for any email address at all, for
 * secret tokens, and for field names that would carry such data. The poll
 * and availability answers are also held to their exact documented shape,
 * so that a new field cannot slip in unnoticed.
 */
final class PersonalDataTest extends SecurityTestCase {

	/** Customer data that must never show in a public answer. */
	private const SECRETS = array( 'Priya Privatova', 'priya.private@example.org', '+49 30 5550199', 'Secret note 7731', 'Quentin Quiet', 'quentin@example.net', '+1 212 5550100' );

	/** Field names that would carry personal data or secrets. */
	private const FORBIDDEN_KEYS = array( 'customer', 'name_of_customer', 'email', 'phone', 'notes', 'token', 'manage_token', 'token_hash', 'wp_user', 'user', 'user_id', 'ip' );

	public function test_public_answers_about_booked_and_held_times_hold_no_personal_data(): void {
		$this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Priya Privatova',
					'email' => 'priya.private@example.org',
					'phone' => '+49 30 5550199',
					'notes' => 'Secret note 7731',
				),
			)
		);
		$this->book(
			'14:00',
			array(
				'customer' => array(
					'name'  => 'Quentin Quiet',
					'email' => 'quentin@example.net',
					'phone' => '+1 212 5550100',
				),
			)
		);
		$hold    = $this->take_hold( $this->employee->id, '15:00' );
		$secrets = array_merge( self::SECRETS, array( $hold['token'], $this->bookings['own_token'], $this->bookings['other_token'], 'ana@example.com', 'ben@example.com', 'olga@example.com', 'otto@example.com' ) );
		$user    = get_userdata( $this->users['employee'] );
		$this->assertInstanceOf( \WP_User::class, $user );
		$secrets[] = $user->user_email;
		$secrets[] = $user->user_login;

		$answers = array(
			'availability of one employee' => $this->get(
				'availability',
				array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'from'     => $this->monday,
					'to'       => $this->monday,
				)
			),
			'availability, any employee'   => $this->get(
				'availability',
				array(
					'service' => $this->service->id,
					'from'    => $this->monday,
					'to'      => $this->monday,
				)
			),
			'slots/poll'                   => $this->get(
				'slots/poll',
				array(
					'employee' => $this->employee->id,
					'date'     => $this->monday,
				)
			),
			'capacity'                     => $this->get(
				'capacity',
				array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $this->local( '10:00' ),
				)
			),
			'services'                     => $this->get( 'services' ),
			'employees'                    => $this->get( 'employees' ),
			'one employee'                 => $this->get( 'employees/' . $this->employee->id ),
		);

		foreach ( $answers as $what => $response ) {
			$body = $this->assertOk( 200, $response );
			$json = (string) wp_json_encode( $body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
			foreach ( $secrets as $secret ) {
				$this->assertStringNotContainsStringIgnoringCase( $secret, $json, "$what shows \"$secret\"." );
			}
			$this->assertStringNotContainsString( '@', $json, "$what shows an email address: $json" );
			$this->assertSame( array(), array_values( array_intersect( self::keys( $body ), self::FORBIDDEN_KEYS ) ), "$what has a field for personal data: $json" );
		}

		// The booked and held times are there, in their documented shape and nothing more.
		$poll = $answers['slots/poll']->get_data();
		$this->assertSame( array( 'booked', 'date', 'employee', 'held', 'server_time', 'version' ), self::sorted( array_keys( $poll ) ) );
		$this->assertCount( 3, $poll['booked'], 'The own booking at 09:00 and the two at 10:00 and 14:00.' );
		foreach ( $poll['booked'] as $session ) {
			$this->assertSame( array( 'end', 'seats_left', 'start' ), self::sorted( array_keys( $session ) ) );
		}
		$this->assertSame( array( $hold['id'] ), array_column( $poll['held'], 'id' ) );
		$this->assertSame( array( 'end', 'id', 'seats', 'start' ), self::sorted( array_keys( $poll['held'][0] ) ) );
		$this->assertNotSame( $hold['token'], $hold['id'], 'The public id is not the secret.' );

		foreach ( array( 'availability of one employee', 'availability, any employee' ) as $what ) {
			$availability = $answers[ $what ]->get_data();
			$states       = array();
			foreach ( $availability['days'][0]['slots'] as $slot ) {
				$expected = 'availability, any employee' === $what ? array( 'employees', 'end', 'seats_left', 'start', 'state' ) : array( 'end', 'seats_left', 'start', 'state' );
				$this->assertSame( $expected, self::sorted( array_keys( $slot ) ), "$what: a slot's fields" );
				$states[ $slot['start'] ] = $slot['state'];
			}
			if ( 'availability of one employee' === $what ) {
				$this->assertSame( 'booked', $states[ $this->local( '10:00' ) ] );
				$this->assertSame( 'held', $states[ $this->local( '15:00' ) ] );
			}
		}
	}

	/**
	 * Every key at any depth of an answer.
	 *
	 * @param mixed $value The answer.
	 * @return string[]
	 */
	private static function keys( $value ): array {
		if ( ! is_array( $value ) ) {
			return array();
		}
		$keys = array();
		foreach ( $value as $key => $item ) {
			if ( is_string( $key ) ) {
				$keys[] = $key;
			}
			$keys = array_merge( $keys, self::keys( $item ) );
		}
		return array_values( array_unique( $keys ) );
	}

	/**
	 * Strings, sorted.
	 *
	 * @param array<int, int|string> $list The list.
	 * @return array<int, int|string>
	 */
	private static function sorted( array $list ): array {
		sort( $list );
		return $list;
	}
}
