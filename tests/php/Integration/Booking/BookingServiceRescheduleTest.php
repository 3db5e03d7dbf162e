<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\Calendars;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;

/**
 * Moving a booking: the old time frees up and the new one is taken in one step.
 */
final class BookingServiceRescheduleTest extends BookingServiceTestCase {

	public function test_rescheduling_moves_the_booking_frees_the_old_time_and_takes_the_new_one(): void {
		$before = $this->book( '10:00' )->booking;
		$this->fixtures->forget();

		$after = $this->move( $before->id, '14:00' );

		$this->assertSame( $before->id, $after->id );
		$this->assertSame( Booking::CONFIRMED, $after->status );
		$this->assertSame( '2030-01-07 13:00:00', $after->start->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( '2030-01-07 13:30:00', $after->end->format( 'Y-m-d H:i:s' ) );
		$this->assertEquals( $after, ( new BookingRepository() )->find( $before->id ) );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats', "booking_id = {$before->id} AND session_start_utc = '2030-01-07 13:00:00'" ) );
		$this->assertSame( 0, Fixtures::rows( 'occupancy', "session_start_utc = '2030-01-07 09:00:00'" ) );

		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'x@example.com' ) ) )?->reason, 'The new time is taken.' );
		$this->assertTrue( $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'y@example.com' ) )->created, 'The old time is free.' );
	}

	public function test_rescheduling_fires_two_slot_changes_and_rescheduled_with_after_and_before(): void {
		$before = $this->book( '10:00' )->booking;
		$this->fixtures->forget();

		$after = $this->move( $before->id, '14:00' );

		$this->assertSame( array( 'appointease_slot_changed', 'appointease_slot_changed', 'appointease_booking_rescheduled' ), $this->fixtures->sequence() );
		$this->assertSame( array(), $this->fixtures->heard( 'appointease_booking_created' ) );
		list( $freed, $taken ) = array_column( $this->fixtures->heard( 'appointease_slot_changed' ), 0 );
		$this->assertSame( '2030-01-07T10:00:00+01:00', $freed['start'] );
		$this->assertSame( Booking::CONFIRMED, $freed['previous'] );
		$this->assertNull( $freed['current'] );
		$this->assertSame( array( 1, 2 ), array( $freed['previous_version'], $freed['version'] ) );
		$this->assertSame( '2030-01-07T14:00:00+01:00', $taken['start'] );
		$this->assertNull( $taken['previous'] );
		$this->assertSame( Booking::CONFIRMED, $taken['current'] );
		$this->assertSame( array( 2, 3 ), array( $taken['previous_version'], $taken['version'] ) );
		list( $hook_after, $hook_before ) = $this->fixtures->heard( 'appointease_booking_rescheduled' )[0];
		$this->assertEquals( $after, $hook_after );
		$this->assertEquals( $before, $hook_before );
	}

	public function test_rescheduling_to_another_day_bumps_both_calendars(): void {
		$booking   = $this->book( '10:00' )->booking;
		$calendars = new Calendars();

		$this->move( $booking->id, '09:00', Fixtures::TUESDAY );

		$this->assertSame( 2, $calendars->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 1, $calendars->version( $this->employee->id, Fixtures::TUESDAY ) );
		$dates = array_map( static fn( array $args ): string => $args[0]['date'], $this->fixtures->heard( 'appointease_slot_changed' ) );
		$this->assertSame( array( Fixtures::MONDAY, Fixtures::MONDAY, Fixtures::TUESDAY ), $dates );
	}

	public function test_rescheduling_onto_an_overlapping_later_time_of_the_same_booking_works(): void {
		$booking = $this->book( '10:00' )->booking;

		$moved = $this->move( $booking->id, '10:15' );

		$this->assertSame( '2030-01-07 09:15:00', $moved->start->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats' ) );
		$this->assertSame( 6, Fixtures::rows( 'occupancy' ) );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:30', Fixtures::MONDAY, array( 'email' => 'x@example.com' ) ) )?->reason );
		$this->assertTrue( $this->book( '09:45', Fixtures::MONDAY, array( 'email' => 'y@example.com' ) )->created, 'The first quarter of the old time is free.' );
	}

	public function test_rescheduling_to_its_own_start_or_an_earlier_overlapping_time_works(): void {
		$booking = $this->book( '10:00' )->booking;

		$this->assertSame( '2030-01-07 09:00:00', $this->move( $booking->id, '10:00' )->start->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( '2030-01-07 08:45:00', $this->move( $booking->id, '09:45' )->start->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( 6, Fixtures::rows( 'occupancy' ) );
	}

	public function test_rescheduling_onto_a_taken_time_is_refused_and_changes_nothing(): void {
		$mine   = $this->book( '10:00' )->booking;
		$theirs = $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'other@example.com' ) )->booking;
		$this->fixtures->forget();

		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->move( $mine->id, '14:00' ) )?->reason );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->move( $mine->id, '13:45' ) )?->reason );

		$this->assertEquals( $mine, ( new BookingRepository() )->find( $mine->id ) );
		$this->assertEquals( $theirs, ( new BookingRepository() )->find( $theirs->id ) );
		$this->assertSame( 2, Fixtures::rows( 'seats' ) );
		$this->assertSame( array(), $this->fixtures->sequence() );
		$this->assertSame( 2, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'x@example.com' ) ) )?->reason, 'The booking still holds its time.' );
	}

	public function test_rescheduling_to_an_unworked_or_past_time_is_refused(): void {
		$booking = $this->book( '10:00' )->booking;

		$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->move( $booking->id, '12:00' ) )?->reason );
		$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->move( $booking->id, '10:00', '2030-01-05' ) )?->reason );
		$this->assertSame( 'SLOT_IN_PAST', Fixtures::refusal( fn() => $this->bookings->reschedule( $booking->id, Fixtures::at( '2030-01-01 09:00' ), null, Fixtures::at( '2030-01-01 09:30' ), true ) )?->reason );
		$this->assertSame( 1, Fixtures::rows( 'seats', "session_start_utc = '2030-01-07 09:00:00'" ) );
	}

	public function test_a_customer_cannot_move_a_booking_that_has_started_but_an_admin_can(): void {
		$booking = $this->book( '10:00' )->booking;
		$now     = Fixtures::at( Fixtures::MONDAY . ' 10:10' );

		$this->assertSame( 'SLOT_IN_PAST', Fixtures::refusal( fn() => $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 14:00' ), null, $now, false ) )?->reason );
		$moved = $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 14:00' ), null, $now, true );

		$this->assertSame( '2030-01-07 13:00:00', $moved->start->format( 'Y-m-d H:i:s' ) );
	}

	public function test_an_inactive_or_unknown_booking_cannot_be_moved(): void {
		$booking = $this->book( '10:00' )->booking;
		$this->bookings->cancel( $booking->id, Fixtures::now(), true );

		$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->move( $booking->id, '14:00' ) )?->reason );
		$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->move( 987654, '14:00' ) )?->reason );
		$this->assertSame( 0, Fixtures::rows( 'seats' ) );
	}

	public function test_a_pending_booking_stays_pending_when_moved(): void {
		Settings::update( array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' )->booking;

		$moved = $this->move( $booking->id, '15:00' );

		$this->assertSame( Booking::PENDING, $moved->status );
		$this->assertSame( Booking::PENDING, $this->fixtures->heard( 'appointease_slot_changed' )[2][0]['current'] );
	}

	public function test_an_admin_can_move_a_booking_to_another_employee(): void {
		$other     = $this->fixtures->employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$booking   = $this->book( '10:00' )->booking;
		$calendars = new Calendars();

		$moved = $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), $other->id, Fixtures::now(), true );

		$this->assertSame( $other->id, $moved->employee_id );
		$this->assertSame( 2, $calendars->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 1, $calendars->version( $other->id, Fixtures::MONDAY ) );
		$this->assertTrue( $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'x@example.com' ) )->created, 'The first employee is free again.' );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $this->service, $other, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() ) )?->reason );
	}

	public function test_moving_to_an_employee_who_does_not_give_the_service_is_refused(): void {
		$other   = $this->fixtures->employee( array(), array( 'name' => 'Ben' ) );
		$booking = $this->book( '10:00' )->booking;

		$refusal = Fixtures::refusal( fn() => $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), $other->id, Fixtures::now(), true ) );

		$this->assertSame( 'SLOT_NOT_FOUND', $refusal?->reason );
		$this->assertSame( $this->employee->id, ( new BookingRepository() )->find( $booking->id )?->employee_id );
	}

	public function test_moving_one_booking_out_of_a_group_session_leaves_the_others(): void {
		$class          = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $class->id ) ) );
		$mine           = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() )->booking;
		$theirs         = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'b@example.com' ) ), Fixtures::now() )->booking;

		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->move( $mine->id, '10:30' ) )?->reason, 'The others still hold 10:00-11:00.' );
		$moved = $this->move( $mine->id, '11:00' );

		$this->assertSame( '2030-01-07 10:00:00', $moved->start->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats', "booking_id = {$theirs->id} AND session_start_utc = '2030-01-07 09:00:00'" ) );
		$this->assertSame( 24, Fixtures::rows( 'occupancy' ), 'Two sessions of twelve cells each.' );
	}

	public function test_with_approval_required_a_customers_move_waits_for_approval_again_and_an_admins_does_not(): void {
		Settings::update( array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' )->booking;
		$this->bookings->approve( $booking->id );
		$this->fixtures->forget();

		$moved = $this->move( $booking->id, '14:00' );

		$this->assertSame( Booking::PENDING, $moved->status, 'The customer asks anew.' );
		list( $freed, $taken ) = array_column( $this->fixtures->heard( 'appointease_slot_changed' ), 0 );
		$this->assertSame( array( Booking::CONFIRMED, null ), array( $freed['previous'], $freed['current'] ) );
		$this->assertSame( array( null, Booking::PENDING ), array( $taken['previous'], $taken['current'] ) );
		list( $hook_after, $hook_before ) = $this->fixtures->heard( 'appointease_booking_rescheduled' )[0];
		$this->assertSame( array( Booking::PENDING, Booking::CONFIRMED ), array( $hook_after->status, $hook_before->status ), 'The staff email says what it was and what it is.' );
		$this->assertSame( 1, Fixtures::rows( 'seats', "booking_id = {$booking->id} AND session_start_utc = '2030-01-07 13:00:00'" ), 'A pending booking still holds its time.' );

		$this->bookings->approve( $booking->id );
		$by_admin = $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 15:00' ), null, Fixtures::now(), true );
		$this->assertSame( Booking::CONFIRMED, $by_admin->status, 'An admin\'s move needs no approval.' );
	}

	public function test_without_approval_a_customers_move_stays_confirmed(): void {
		$booking = $this->book( '10:00' )->booking;

		$this->assertSame( Booking::CONFIRMED, $this->move( $booking->id, '14:00' )->status );
	}

	public function test_a_move_decided_on_an_older_state_of_the_booking_is_refused_and_changes_nothing(): void {
		global $wpdb;
		$booking = $this->book( '10:00' )->booking;
		$table   = \AppointEase\Infrastructure\Schema::table( 'bookings' );
		// An admin moves the booking to 15:00 between the customer's checks and the
		// customer's locked read: right before that read reaches the database.
		$admin_moves = static function ( string $query ) use ( $wpdb, $table, $booking, &$admin_moves ): string {
			if ( str_ends_with( $query, ' FOR UPDATE' ) && str_contains( $query, $table ) ) {
				remove_filter( 'query', $admin_moves );
				$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET start_utc = '2030-01-07 14:00:00', end_utc = '2030-01-07 14:30:00' WHERE id = %d", $booking->id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
			}
			return $query;
		};
		add_filter( 'query', $admin_moves );
		$this->fixtures->forget();

		$refusal = Fixtures::refusal( fn() => $this->move( $booking->id, '14:00' ) );
		remove_filter( 'query', $admin_moves );

		$this->assertSame( 'STATUS_CONFLICT', $refusal?->reason, 'The customer reloads and sees the admin\'s time.' );
		// (The stand-in for the admin's move ran inside the refused unit of work, so it
		// was rolled back with it; a real admin's move commits on its own connection.)
		$this->assertSame( 0, Fixtures::rows( 'seats', "booking_id = {$booking->id} AND session_start_utc = '2030-01-07 13:00:00'" ), 'The customer\'s move wrote nothing.' );
		$this->assertSame( array(), $this->fixtures->sequence(), 'Nothing changed, nothing fired.' );
	}

	/**
	 * Moves a booking as its customer would.
	 *
	 * @param int    $id   Booking id.
	 * @param string $time Local H:i.
	 * @param string $date Local date.
	 */
	private function move( int $id, string $time, string $date = Fixtures::MONDAY ): Booking {
		return $this->bookings->reschedule( $id, Fixtures::at( $date . ' ' . $time ), null, Fixtures::now(), false );
	}
}
