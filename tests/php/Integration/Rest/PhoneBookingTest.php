<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Infrastructure\Installer;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\QueuedEmails;

/**
 * A booking an admin types in wp-admin (taken on the phone): POST bookings
 * with `override` and `notify`, POST booking-check to learn which visitor
 * rules a time breaks, GET customers to find an earlier customer, and
 * GET booking-counts for the list's quick filters (a linked employee's own).
 */
final class PhoneBookingTest extends RestTestCase {

	/**
	 * A booking's body.
	 *
	 * @param string               $time  "H:i" on MONDAY, or a full ISO time.
	 * @param array<string, mixed> $more  Fields to add.
	 * @return array<string, mixed>
	 */
	private function body( string $time, array $more = array() ): array {
		return $more + array(
			'service'  => $this->service->id,
			'employee' => $this->employee->id,
			'start'    => str_contains( $time, 'T' ) ? $time : $this->local( $time ),
			'customer' => array(
				'name'  => 'Maria Keller',
				'email' => 'maria@example.com',
				'phone' => '+49 30 1234',
			),
		);
	}

	public function test_an_admin_books_outside_working_hours_only_with_override_and_the_check_names_the_rule(): void {
		$this->log_in_as_admin();
		$before = $this->snapshot();
		$this->assertError( 409, 'SLOT_UNAVAILABLE', $this->post( 'bookings', $this->body( '07:30' ) ), 'Without override the visitors\' rules apply.' );
		$this->assertSame( $before, $this->snapshot(), 'A refusal writes nothing.' );

		$check = $this->assertOk( 200, $this->post( 'booking-check', array_diff_key( $this->body( '07:30' ), array( 'customer' => 1 ) ) ) );
		$this->assertSame( array( 'working_hours' ), array_column( $check['overrides'], 'rule' ) );
		$this->assertStringContainsString( 'working hours', $check['overrides'][0]['message'] );
		$this->assertSame( 'available', $check['state'] );
		$this->assertSame( $before, $this->snapshot(), 'A check writes nothing.' );

		$booked = $this->assertOk( 201, $this->post( 'bookings', $this->body( '07:30', array( 'override' => true ) ) ) );
		$this->assertSame( $this->local( '07:30' ), $booked['start'] );
		$this->assertSame( 'confirmed', $booked['status'] );
		$this->assertSame( 6, self::rows( 'occupancy', "session_start_utc = '" . gmdate( 'Y-m-d H:i:s', (int) strtotime( $this->local( '07:30' ) ) ) . "'" ), 'Its 30 minutes are claimed in the ledger, in 5-minute cells.' );

		$within = $this->assertOk( 200, $this->post( 'booking-check', array_diff_key( $this->body( '10:00' ), array( 'customer' => 1 ) ) ) );
		$this->assertSame( array(), $within['overrides'], 'A time visitors are offered breaks no rule.' );
	}

	public function test_the_check_names_minimum_notice_and_horizon(): void {
		$this->log_in_as_admin();
		Settings::update(
			array(
				'minimum_notice' => 60 * 24 * 30,
				'horizon_days'   => 7,
			)
		);
		$far   = ( new \DateTimeImmutable( $this->monday . ' 10:00', new \DateTimeZone( self::TIMEZONE ) ) )->modify( '+35 days' )->format( DATE_ATOM );
		$check = $this->assertOk( 200, $this->post( 'booking-check', array_diff_key( $this->body( $far ), array( 'customer' => 1 ) ) ) );
		$this->assertSame( array( 'horizon' ), array_column( $check['overrides'], 'rule' ) );
		$check = $this->assertOk( 200, $this->post( 'booking-check', array_diff_key( $this->body( '10:00' ), array( 'customer' => 1 ) ) ) );
		$this->assertSame( array( 'minimum_notice' ), array_column( $check['overrides'], 'rule' ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00', array( 'override' => true ) ) ) );
	}

	public function test_override_never_books_over_another_booking_or_a_live_hold(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) );
		$this->log_in_as_admin();
		$before = $this->snapshot();
		// 09:45-10:15 overlaps 10:00-10:30.
		$this->assertError( 409, 'SLOT_TAKEN', $this->post( 'bookings', $this->body( '09:45', array( 'override' => true ) ) ) );
		$this->assertSame( $before, $this->snapshot() );
		$check = $this->assertOk( 200, $this->post( 'booking-check', array_diff_key( $this->body( '09:45' ), array( 'customer' => 1 ) ) ) );
		$this->assertSame( 'booked', $check['state'] );

		$this->log_out();
		$this->assertOk(
			201,
			$this->post(
				'holds',
				array(
					'service'  => $this->service->id,
					'employee' => $this->employee->id,
					'start'    => $this->local( '11:00' ),
				)
			)
		);
		$this->log_in_as_admin();
		$this->assertError( 409, 'SLOT_HELD', $this->post( 'bookings', $this->body( '11:15', array( 'override' => true ) ) ), 'A visitor\'s live hold counts as the visitor sees it.' );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $this->body( '07:32', array( 'override' => true ) ) ), 'Starts stay on the 5-minute grid.' );
		$this->assertError( 422, 'SLOT_IN_PAST', $this->post( 'bookings', $this->body( gmdate( 'Y-m-d\TH:i:00+00:00', time() - 3600 ), array( 'override' => true ) ) ) );
	}

	public function test_visitors_cannot_override_or_mute_the_customer_email(): void {
		$before = $this->snapshot();
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings', $this->body( '07:30', array( 'override' => true ) ) ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings', $this->body( '10:00', array( 'notify' => false ) ) ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings', $this->body( '07:30', array( 'override' => true ) ) ) );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_notify_false_emails_the_staff_but_not_the_customer(): void {
		update_option( 'admin_email', 'owner@example.com' );
		QueuedEmails::take();
		$this->log_in_as_admin();
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00', array( 'notify' => false ) ) ) );
		$to = array_merge( ...array_map( static fn( array $mail ): array => (array) $mail['to'], QueuedEmails::take() ) );
		$this->assertNotContains( 'maria@example.com', $to );
		$this->assertNotSame( array(), $to, 'The staff are still emailed.' );

		$this->assertOk( 201, $this->post( 'bookings', $this->body( '11:00' ) ) );
		$to = array_merge( ...array_map( static fn( array $mail ): array => (array) $mail['to'], QueuedEmails::take() ) );
		$this->assertContains( 'maria@example.com', $to, 'Notify is on by default.' );
	}

	public function test_an_admins_booking_needs_no_email_confirmation(): void {
		Settings::update( array( 'require_email_confirmation' => true ) );
		$this->assertSame( 'unverified', $this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) )['status'], 'A visitor\'s booking waits for the link.' );
		$this->log_in_as_admin();
		$this->assertSame( 'confirmed', $this->assertOk( 201, $this->post( 'bookings', $this->body( '11:00', array( 'notify' => false ) ) ) )['status'] );
	}

	public function test_customer_search_finds_earlier_customers_once_with_wildcards_matched_literally(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) );
		$this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->body(
					'11:00',
					array(
						'customer' => array(
							'name'  => 'Maria Keller',
							'email' => 'MARIA@example.com',
							'phone' => '+49 30 9999',
						),
					)
				)
			)
		);
		$this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->body(
					'13:00',
					array(
						'customer' => array(
							'name'  => '100% Hair_Salon',
							'email' => 'salon@example.com',
						),
					)
				)
			)
		);
		$this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->body(
					'14:00',
					array(
						'customer' => array(
							'name'  => '1000 HairXSalon',
							'email' => 'other@example.com',
						),
					)
				)
			)
		);
		$this->log_in_as_admin();

		$found = $this->assertOk( 200, $this->get( 'customers', array( 'search' => 'keller' ) ) );
		$this->assertCount( 1, $found, 'One customer per email address, whatever its case.' );
		$this->assertSame( 2, $found[0]['bookings'] );
		$this->assertSame( '+49 30 9999', $found[0]['phone'], 'The latest booking\'s phone.' );
		$this->assertSame( array( 'Maria Keller' ), array_column( $this->assertOk( 200, $this->get( 'customers', array( 'search' => '30 99' ) ) ), 'name' ), 'Phones are searched.' );
		$this->assertSame( array( '100% Hair_Salon' ), array_column( $this->assertOk( 200, $this->get( 'customers', array( 'search' => '0% Hair_' ) ) ), 'name' ), '% and _ match themselves.' );
		$this->assertSame( array(), $this->assertOk( 200, $this->get( 'customers', array( 'search' => '%%' ) ) ) );
		$this->assertCount( 3, $this->assertOk( 200, $this->get( 'customers' ) ), 'Without a search, the latest customers.' );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->get( 'customers', array( 'search' => str_repeat( 'a', 101 ) ) ) );
	}

	public function test_only_administrators_reach_the_admin_routes(): void {
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) );
		$check = array_diff_key( $this->body( '07:30' ), array( 'customer' => 1 ) );
		$calls = array(
			'check'     => fn() => $this->post( 'booking-check', $check ),
			'customers' => fn() => $this->get( 'customers', array( 'search' => 'maria' ) ),
			'override'  => fn() => $this->post( 'bookings', $this->body( '07:30', array( 'override' => true ) ) ),
		);
		$user  = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		foreach ( array(
			'anonymous'       => 401,
			'subscriber'      => 403,
			'linked employee' => 403,
		) as $who => $status ) {
			if ( 'anonymous' === $who ) {
				$this->log_out();
			} elseif ( 'subscriber' === $who ) {
				$this->log_in_as( 'subscriber' );
			} else {
				wp_set_current_user( $user );
			}
			foreach ( $calls as $name => $call ) {
				$expected = 'override' === $name ? 403 : $status;
				$this->assertError( $expected, 'FORBIDDEN', $call(), "$name as $who" );
			}
		}
		$this->log_in_as_admin();
		$this->assertOk( 200, $calls['check']() );
		$this->assertOk( 200, $calls['customers']() );
		$this->assertOk( 201, $calls['override']() );
	}

	public function test_a_linked_employee_counts_only_their_own_bookings(): void {
		$other = $this->make_employee( array( $this->service->id ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '11:00' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00', array( 'employee' => $other->id ) ) ) );
		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'booking-counts' ), 'Not linked yet: no bookings to count.' );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		wp_set_current_user( $user );

		$this->assertSame( 2, $this->assertOk( 200, $this->get( 'booking-counts' ) )['confirmed'], 'Their own two, not the other employee\'s.' );
		$this->assertSame( 2, $this->assertOk( 200, $this->get( 'booking-counts', array( 'employee' => $this->employee->id ) ) )['confirmed'] );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'booking-counts', array( 'employee' => $other->id ) ), 'Another employee\'s counts are refused.' );
		$this->log_out();
		$this->assertError( 401, 'FORBIDDEN', $this->get( 'booking-counts' ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'booking-counts' ) );
		$this->log_in_as_admin();
		$this->assertSame( 3, $this->assertOk( 200, $this->get( 'booking-counts' ) )['confirmed'], 'Admins count everyone\'s.' );
	}

	public function test_the_list_hides_closed_bookings_soonest_first_and_counts_each_status(): void {
		$first  = $this->assertOk( 201, $this->post( 'bookings', $this->body( '10:00' ) ) );
		$second = $this->assertOk( 201, $this->post( 'bookings', $this->body( '09:00' ) ) );
		$third  = $this->assertOk( 201, $this->post( 'bookings', $this->body( '11:00' ) ) );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $third['id'] . '/cancel' ) );

		$query = array(
			'from'        => $this->monday,
			'order'       => 'asc',
			'hide_closed' => true,
		);
		$this->assertSame( array( $second['id'], $first['id'] ), array_column( $this->assertOk( 200, $this->get( 'bookings', $query ) ), 'id' ) );
		$this->assertSame( array( $third['id'] ), array_column( $this->assertOk( 200, $this->get( 'bookings', $query + array( 'status' => 'cancelled' ) ) ), 'id' ), 'A status filter shows closed ones.' );
		$this->assertSame( array( $third['id'], $first['id'], $second['id'] ), array_column( $this->assertOk( 200, $this->get( 'bookings' ) ), 'id' ), 'The old default stays: latest first, everything.' );

		$counts = $this->assertOk( 200, $this->get( 'booking-counts', array( 'from' => $this->monday ) ) );
		$this->assertSame( 2, $counts['confirmed'] );
		$this->assertSame( 1, $counts['cancelled'] );
		$this->assertSame( 0, $counts['pending'] );
		$this->assertSame( 0, $this->assertOk( 200, $this->get( 'booking-counts', array( 'from' => $this->day( 1 ) ) ) )['confirmed'], 'The counts follow the other filters.' );
	}

}
