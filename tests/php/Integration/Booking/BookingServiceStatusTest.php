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

final class BookingServiceStatusTest extends BookingServiceTestCase {

	public function test_cancelling_frees_the_seat_at_once_and_fires_cancelled(): void {
		$booking = $this->book( '10:00' )->booking;
		$this->fixtures->forget();

		$cancelled = $this->bookings->cancel( $booking->id, Fixtures::now(), false );

		$this->assertSame( Booking::CANCELLED, $cancelled->status );
		$this->assertSame( Booking::CANCELLED, $this->status( $booking->id ) );
		$this->assertSame( 0, Fixtures::rows( 'seats' ) );
		$this->assertSame( 0, Fixtures::rows( 'occupancy' ) );
		$this->assertSame( array( 'appointease_slot_changed', 'appointease_booking_cancelled' ), $this->fixtures->sequence() );
		$this->assertEquals( $cancelled, $this->fixtures->heard( 'appointease_booking_cancelled' )[0][0] );
		$change = $this->fixtures->heard( 'appointease_slot_changed' )[0][0];
		$this->assertSame( Booking::CONFIRMED, $change['previous'] );
		$this->assertNull( $change['current'] );
		$this->assertSame( 1, $change['previous_version'] );
		$this->assertSame( 2, $change['version'] );
		$this->assertSame( $booking->id, $change['booking_id'] );

		$again = $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'next@example.com' ) );
		$this->assertTrue( $again->created, 'The freed time can be booked again right away.' );
	}

	public function test_cancelling_one_booking_of_a_group_keeps_the_others_seats(): void {
		$class          = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 2,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $class->id ) ) );
		$first          = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() );
		$this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'b@example.com' ) ), Fixtures::now() );

		$this->bookings->cancel( $first->booking->id, Fixtures::now(), false );

		$this->assertSame( 1, Fixtures::rows( 'seats' ) );
		$this->assertSame( 12, Fixtures::rows( 'occupancy' ) );
		$this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'c@example.com' ) ), Fixtures::now() );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'd@example.com' ) ), Fixtures::now() ) )?->reason );
	}

	public function test_a_customer_cannot_cancel_after_the_start_but_an_admin_can(): void {
		$booking = $this->book( '10:00' )->booking;
		$later   = Fixtures::at( Fixtures::MONDAY . ' 10:05' );

		$refusal = Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, $later, false ) );
		$this->assertSame( 'SLOT_IN_PAST', $refusal?->reason );
		$this->assertSame( Booking::CONFIRMED, $this->status( $booking->id ) );
		$this->assertSame( 1, Fixtures::rows( 'seats' ) );

		$cancelled = $this->bookings->cancel( $booking->id, $later, true );
		$this->assertSame( Booking::CANCELLED, $cancelled->status );
		$this->assertSame( 0, Fixtures::rows( 'seats' ) );
	}

	public function test_a_customer_cannot_cancel_at_the_very_start(): void {
		$booking = $this->book( '10:00' )->booking;

		$this->assertSame( 'SLOT_IN_PAST', Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), false ) )?->reason );
		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $booking->id, Fixtures::at( Fixtures::MONDAY . ' 09:59' ), false )->status );
	}

	public function test_cancelling_twice_is_a_status_conflict_and_fires_nothing(): void {
		$booking = $this->book( '10:00' )->booking;
		$this->bookings->cancel( $booking->id, Fixtures::now(), false );
		$this->fixtures->forget();

		$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, Fixtures::now(), false ) )?->reason );
		$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, Fixtures::now(), true ) )?->reason );
		$this->assertSame( array(), $this->fixtures->sequence() );
		$this->assertSame( 2, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
	}

	public function test_an_unknown_booking_is_not_found(): void {
		$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->bookings->cancel( 987654, Fixtures::now(), false ) )?->reason );
		$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->bookings->cancel( 987654, Fixtures::now(), true ) )?->reason );
		$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->bookings->approve( 987654 ) )?->reason );
		$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->bookings->reject( 987654 ) )?->reason );
		$this->assertSame( array(), $this->fixtures->sequence() );
	}

	public function test_approving_a_pending_booking_confirms_it_and_keeps_its_seat(): void {
		Settings::update( array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' )->booking;
		$this->assertSame( Booking::PENDING, $booking->status );
		$this->fixtures->forget();

		$approved = $this->bookings->approve( $booking->id );

		$this->assertSame( Booking::CONFIRMED, $approved->status );
		$this->assertSame( Booking::CONFIRMED, $this->status( $booking->id ) );
		$this->assertSame( 1, Fixtures::rows( 'seats', 'booking_id = ' . $booking->id ) );
		$this->assertSame( array( 'appointease_slot_changed', 'appointease_booking_confirmed' ), $this->fixtures->sequence() );
		$this->assertEquals( $approved, $this->fixtures->heard( 'appointease_booking_confirmed' )[0][0] );
		$change = $this->fixtures->heard( 'appointease_slot_changed' )[0][0];
		$this->assertSame( Booking::PENDING, $change['previous'] );
		$this->assertSame( Booking::CONFIRMED, $change['current'] );
		$this->assertSame( 2, $change['version'] );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'other@example.com' ) ) )?->reason );
	}

	public function test_only_a_pending_booking_can_be_approved_or_rejected(): void {
		$confirmed = $this->book( '10:00' )->booking;
		$cancelled = $this->book( '11:00' )->booking;
		$this->bookings->cancel( $cancelled->id, Fixtures::now(), true );
		$this->fixtures->forget();

		foreach ( array( $confirmed->id, $cancelled->id ) as $id ) {
			$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->bookings->approve( $id ) )?->reason );
			$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->bookings->reject( $id ) )?->reason );
		}
		$this->assertSame( Booking::CONFIRMED, $this->status( $confirmed->id ) );
		$this->assertSame( Booking::CANCELLED, $this->status( $cancelled->id ) );
		$this->assertSame( array(), $this->fixtures->sequence() );
	}

	public function test_rejecting_a_pending_booking_frees_its_seat_and_fires_rejected(): void {
		Settings::update( array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' )->booking;
		$this->fixtures->forget();

		$rejected = $this->bookings->reject( $booking->id );

		$this->assertSame( Booking::REJECTED, $rejected->status );
		$this->assertSame( 0, Fixtures::rows( 'seats' ) );
		$this->assertSame( 0, Fixtures::rows( 'occupancy' ) );
		$this->assertSame( array( 'appointease_slot_changed', 'appointease_booking_rejected' ), $this->fixtures->sequence() );
		$this->assertNull( $this->fixtures->heard( 'appointease_slot_changed' )[0][0]['current'] );
		$this->assertTrue( $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'next@example.com' ) )->created );
		$this->assertSame( 'STATUS_CONFLICT', Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, Fixtures::now(), true ) )?->reason, 'A rejected booking stays rejected.' );
	}

	public function test_a_pending_booking_can_be_cancelled(): void {
		Settings::update( array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' )->booking;

		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $booking->id, Fixtures::now(), false )->status );
		$this->assertSame( 0, Fixtures::rows( 'seats' ) );
	}

	public function test_status_changes_of_another_employee_leave_this_calendar_alone(): void {
		$other     = $this->fixtures->employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$mine      = $this->book( '10:00' )->booking;
		$theirs    = $this->bookings->book( Fixtures::request( $this->service, $other, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() )->booking;
		$calendars = new Calendars();

		$this->bookings->cancel( $theirs->id, Fixtures::now(), false );

		$this->assertSame( 1, $calendars->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 2, $calendars->version( $other->id, Fixtures::MONDAY ) );
		$this->assertSame( Booking::CONFIRMED, $this->status( $mine->id ) );
	}

	private function status( int $id ): ?string {
		return ( new BookingRepository() )->find( $id )?->status;
	}
}
