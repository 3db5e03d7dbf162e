<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Settings\Settings;

/**
 * The change and cancel policy and the booking limits over REST: a
 * customer's cancel or move inside the cut-off answers 422
 * TOO_LATE_TO_CHANGE naming the cut-off and writes nothing, while an admin's
 * works; the manage view reads the deadlines and the contact text; services
 * show the policy in words; a booking past a limit answers 409 LIMIT_REACHED.
 */
final class ChangePolicyRouteTest extends RestTestCase {

	/** More hours than MONDAY is ever away (at most nine days): every change is inside the cut-off. */
	private const LONG = 240;

	public function test_a_customer_cancel_or_move_inside_the_cut_off_is_refused_and_changes_nothing(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => self::LONG,
				'reschedule_cutoff_hours' => self::LONG,
				'change_contact_text'     => 'Call us on 555 0100.',
			)
		);
		$booking = $this->book( '10:00' );
		$before  = $this->snapshot();

		$cancel = $this->assertError( 422, 'TOO_LATE_TO_CHANGE', $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$this->assertSame( 'appointease_too_late_to_change', $cancel['code'] );
		$this->assertStringContainsString( '240 hours', $cancel['message'] );
		$this->assertStringContainsString( 'Call us on 555 0100.', $cancel['message'] );
		$move = $this->assertError(
			422,
			'TOO_LATE_TO_CHANGE',
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '14:00' ),
				)
			)
		);
		$this->assertStringContainsString( '240 hours', $move['message'] );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_admin_route_is_never_bound_by_the_cut_off(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => self::LONG,
				'reschedule_cutoff_hours' => self::LONG,
			)
		);
		$moving     = $this->book( '10:00' );
		$cancelling = $this->book(
			'11:00',
			array(
				'customer' => array(
					'name'  => 'Other',
					'email' => 'other@example.com',
				),
			)
		);
		$this->log_in_as_admin();

		$moved = $this->assertOk( 200, $this->post( 'bookings/' . $moving['id'] . '/reschedule', array( 'start' => $this->local( '14:00' ) ) ) );
		$this->assertSame( $this->local( '14:00' ), $moved['start'] );
		$this->assertSame( 'cancelled', $this->assertOk( 200, $this->post( 'bookings/' . $cancelling['id'] . '/cancel' ) )['status'] );
	}

	public function test_the_manage_view_reads_the_deadlines_whether_a_change_is_still_possible_and_the_contact_text(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => self::LONG,
				'reschedule_cutoff_hours' => 1,
			)
		);
		$booking = $this->book( '10:00' );

		$read   = $this->assertOk( 200, $this->read( 'bookings/' . $booking['id'], $booking['manage_token'] ) );
		$policy = $read['change_policy'];
		$this->assertFalse( $policy['can_cancel'] );
		$this->assertTrue( $policy['can_reschedule'] );
		$this->assertSame( $this->local( '09:00' ), $policy['reschedule_until'] );
		$this->assertSame( 'Please contact us.', $policy['contact'] );

		Settings::update( array( 'change_contact_text' => 'Write to desk@example.com.' ) );
		$this->assertSame( 'Write to desk@example.com.', $this->assertOk( 200, $this->read( 'bookings/' . $booking['id'], $booking['manage_token'] ) )['change_policy']['contact'] );
	}

	public function test_services_show_the_policy_in_words_and_take_their_own_cut_offs_and_limits(): void {
		Settings::update( array( 'cancel_cutoff_hours' => 24 ) );
		$this->assertSame( 'You can cancel online up to 24 hours before the appointment. You can reschedule online up to the start of the appointment.', $this->assertOk( 200, $this->get( 'services/' . $this->service->id ) )['change_policy'] );

		$this->log_in_as_admin();
		$updated = $this->assertOk(
			200,
			$this->call(
				'PATCH',
				'services/' . $this->service->id,
				array(
					'cancel_cutoff_hours'     => 12,
					'reschedule_cutoff_hours' => 12,
					'daily_limit'             => 3,
					'email_weekly_limit'      => 1,
				)
			)
		);
		$this->assertSame( 12, $updated['cancel_cutoff_hours'] );
		$this->assertSame( 3, $updated['daily_limit'] );
		$this->assertSame( 1, $updated['email_weekly_limit'] );
		$this->assertSame( 0, $updated['email_daily_limit'] );
		$this->assertSame( 'You can cancel or reschedule online up to 12 hours before the appointment.', $updated['change_policy'] );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'services/' . $this->service->id, array( 'daily_limit' => -1 ) ) );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->call( 'PATCH', 'services/' . $this->service->id, array( 'cancel_cutoff_hours' => 'soon' ) ) );
	}

	public function test_a_booking_past_the_daily_limit_is_refused_and_the_day_offers_no_times(): void {
		$this->service = $this->services->update( $this->service->id, array( 'daily_limit' => 1 ) );
		$this->book( '10:00' );
		$before = $this->snapshot();

		$this->assertError(
			409,
			'LIMIT_REACHED',
			$this->post(
				'bookings',
				$this->booking_body(
					'14:00',
					array(
						'customer' => array(
							'name'  => 'Late',
							'email' => 'late@example.com',
						),
					)
				)
			)
		);
		$this->assertSame( $before, $this->snapshot() );
		$days = $this->assertOk(
			200,
			$this->get(
				'availability',
				array(
					'service' => (string) $this->service->id,
					'from'    => $this->monday,
					'to'      => $this->day( 1 ),
				)
			)
		)['days'];
		$this->assertSame( array(), $days[0]['slots'], 'Monday is closed for any employee.' );
		$this->assertNotSame( array(), $days[1]['slots'], 'Tuesday is open.' );
	}
}
