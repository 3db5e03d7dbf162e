<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\Calendars;
use AppointEase\Booking\SeatLedger;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;

final class BookingServiceBookTest extends BookingServiceTestCase {

	public function test_a_booking_is_confirmed_and_stored_with_every_field(): void {
		$result = $this->bookings->book(
			Fixtures::request(
				$this->service,
				$this->employee,
				Fixtures::MONDAY . ' 10:00',
				array(
					'name'  => 'Zoë Customer',
					'email' => 'zoe@example.com',
					'phone' => '+49 30 1234',
					'notes' => 'First visit.',
				)
			),
			Fixtures::now()
		);

		$this->assertTrue( $result->created );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $result->manage_token );
		$booking = ( new BookingRepository() )->find( $result->booking->id );
		$this->assertNotNull( $booking );
		$this->assertEquals( $result->booking, $booking );
		$this->assertSame( Booking::CONFIRMED, $booking->status );
		$this->assertSame( $this->employee->id, $booking->employee_id );
		$this->assertSame( $this->service->id, $booking->service_id );
		$this->assertSame( '2030-01-07 09:00:00', $booking->start->format( 'Y-m-d H:i:s' ), 'Stored in UTC.' );
		$this->assertSame( '2030-01-07 09:30:00', $booking->end->format( 'Y-m-d H:i:s' ) );
		$this->assertSame( 1, $booking->seats );
		$this->assertSame( 'Zoë Customer', $booking->customer_name );
		$this->assertSame( 'zoe@example.com', $booking->customer_email );
		$this->assertSame( '+49 30 1234', $booking->customer_phone );
		$this->assertSame( 'First visit.', $booking->customer_notes );
		$this->assertSame( 1, Fixtures::rows( 'seats', 'booking_id = ' . $booking->id ) );
		$this->assertSame( 6, Fixtures::rows( 'occupancy', 'employee_id = ' . $this->employee->id ) );
	}

	public function test_only_the_hash_of_the_manage_token_is_stored_and_it_finds_the_booking(): void {
		$result = $this->book( '10:00' );
		$repo   = new BookingRepository();

		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $result->manage_token );
		$this->assertSame( 0, Fixtures::rows( 'bookings', "manage_token_hash = '{$result->manage_token}'" ) );
		$found = $repo->find_with_token( $result->booking->id, hash( 'sha256', $result->manage_token ) );
		$this->assertNotNull( $found );
		$this->assertSame( $result->booking->id, $found->id );
		$this->assertNull( $repo->find_with_token( $result->booking->id, hash( 'sha256', 'guess' ) ) );
		$this->assertNotSame( $result->manage_token, $this->book( '11:00' )->manage_token );
	}

	public function test_booking_runs_inside_the_callers_transaction(): void {
		global $wpdb;
		$this->book( '10:00' );

		$this->assertSame( '1', (string) $wpdb->get_var( 'SELECT @@in_transaction' ), 'A nested START TRANSACTION would have committed the test\'s own transaction.' );
	}

	public function test_booking_fires_slot_changed_then_created_then_confirmed_and_bumps_the_calendar(): void {
		$result = $this->book( '10:00' );

		$this->assertSame( array( 'appointease_slot_changed', 'appointease_booking_created', 'appointease_booking_confirmed' ), $this->fixtures->sequence() );
		$this->assertSame( 1, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame(
			array(
				'employee_id'      => $this->employee->id,
				'date'             => Fixtures::MONDAY,
				'previous_version' => 0,
				'version'          => 1,
				'booking_id'       => $result->booking->id,
				'service_id'       => $this->service->id,
				'start'            => '2030-01-07T10:00:00+01:00',
				'end'              => '2030-01-07T10:30:00+01:00',
				'previous'         => null,
				'current'          => Booking::CONFIRMED,
			),
			$this->fixtures->heard( 'appointease_slot_changed' )[0][0]
		);
		$this->assertEquals( $result->booking, $this->fixtures->heard( 'appointease_booking_created' )[0][0] );
		$this->assertEquals( $result->booking, $this->fixtures->heard( 'appointease_booking_confirmed' )[0][0] );
	}

	public function test_each_booking_of_a_day_moves_its_version_on_by_one(): void {
		$this->book( '10:00' );
		$this->book( '14:00' );
		$this->book( '09:00', Fixtures::TUESDAY );

		$changes = array_map(
			static fn( array $args ): array => array( $args[0]['date'], $args[0]['previous_version'], $args[0]['version'] ),
			$this->fixtures->heard( 'appointease_slot_changed' )
		);
		$this->assertSame(
			array(
				array( Fixtures::MONDAY, 0, 1 ),
				array( Fixtures::MONDAY, 1, 2 ),
				array( Fixtures::TUESDAY, 0, 1 ),
			),
			$changes
		);
		$this->assertSame( 2, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
	}

	public function test_the_calendar_date_is_the_employees_local_date(): void {
		$this->employee = $this->fixtures->employees->update(
			$this->employee->id,
			array(
				'timezone' => 'America/New_York',
				'hours'    => array(
					array(
						'weekday' => 1,
						'start'   => '18:00',
						'end'     => '23:00',
					),
				),
			)
		);
		$start          = Fixtures::at( Fixtures::MONDAY . ' 20:00', 'America/New_York' ); // Tuesday 01:00 UTC, 02:00 in Berlin.

		$this->bookings->book( new BookingRequest( $this->service->id, $this->employee->id, $start, 1, 'Maria', 'maria@example.com' ), Fixtures::now() );

		$event = $this->fixtures->heard( 'appointease_slot_changed' )[0][0];
		$this->assertSame( Fixtures::MONDAY, $event['date'] );
		$this->assertSame( '2030-01-07T20:00:00-05:00', $event['start'] );
		$this->assertSame( 1, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( 0, ( new Calendars() )->version( $this->employee->id, Fixtures::TUESDAY ) );
	}

	public function test_with_approval_required_a_booking_is_pending_and_not_confirmed(): void {
		Settings::update( array( 'approval_required' => true ) );

		$result = $this->book( '10:00' );

		$this->assertSame( Booking::PENDING, $result->booking->status );
		$this->assertSame( array( 'appointease_slot_changed', 'appointease_booking_created' ), $this->fixtures->sequence() );
		$this->assertSame( Booking::PENDING, $this->fixtures->heard( 'appointease_slot_changed' )[0][0]['current'] );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:00' ) )?->reason, 'A pending booking holds its seat.' );
	}

	public function test_the_second_booking_of_a_one_to_one_slot_is_refused_and_writes_nothing(): void {
		$this->book( '10:00' );
		$this->fixtures->forget();

		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'other@example.com' ) ) )?->reason );
		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( '10:15' ) )?->reason, 'An overlapping start is taken too.' );

		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats' ) );
		$this->assertSame( array(), $this->fixtures->sequence() );
		$this->assertSame( 1, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
	}

	public function test_another_service_of_the_same_employee_cannot_overlap(): void {
		$consultation   = $this->fixtures->service(
			array(
				'name'     => 'Consultation',
				'duration' => 45,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $consultation->id ) ) );
		$this->book( '10:00' );

		$refusal = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $consultation, $this->employee, Fixtures::MONDAY . ' 09:30' ), Fixtures::now() ) );

		$this->assertSame( 'SLOT_TAKEN', $refusal?->reason );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
	}

	public function test_another_employee_can_take_the_same_time(): void {
		$other = $this->fixtures->employee( array( $this->service->id ), array( 'name' => 'Ben' ) );
		$this->book( '10:00' );

		$result = $this->bookings->book( Fixtures::request( $this->service, $other, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() );

		$this->assertSame( $other->id, $result->booking->employee_id );
		$this->assertSame( 2, Fixtures::rows( 'bookings', "status = 'confirmed'" ) );
	}

	public function test_when_the_database_refuses_the_seats_the_booking_row_is_rolled_back(): void {
		global $wpdb;
		// Cells taken behind the application's back, as a racing process would: availability sees nothing.
		( new SeatLedger() )->claim( 999999, $this->employee->id, 424242, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), Fixtures::at( Fixtures::MONDAY . ' 10:00' ), Fixtures::at( Fixtures::MONDAY . ' 10:30' ), 1, 1 );

		$refusal = Fixtures::refusal( fn() => $this->book( '10:00' ) );

		$this->assertSame( 'SLOT_TAKEN', $refusal?->reason );
		$this->assertSame( 0, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 0, Fixtures::rows( 'seats', 'booking_id <> 999999' ) );
		$this->assertSame( 0, ( new Calendars() )->version( $this->employee->id, Fixtures::MONDAY ) );
		$this->assertSame( array(), $this->fixtures->sequence() );
		$this->assertSame( '1', (string) $wpdb->get_var( 'SELECT @@in_transaction' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats', 'booking_id = 999999' ), 'The rollback went to the savepoint only, not the test\'s transaction.' );
	}

	public function test_a_group_session_takes_exactly_its_capacity_in_single_seats(): void {
		$class          = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $class->id ) ) );

		for ( $i = 1; $i <= 3; $i++ ) {
			$result = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => "guest$i@example.com" ) ), Fixtures::now() );
			$this->assertSame( Booking::CONFIRMED, $result->booking->status );
		}
		$fourth = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'email' => 'guest4@example.com' ) ), Fixtures::now() ) );

		$this->assertSame( 'SLOT_TAKEN', $fourth?->reason );
		$this->assertSame( 3, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 3, Fixtures::rows( 'seats' ) );
		$this->assertSame( 12, Fixtures::rows( 'occupancy' ), 'One set of cells for the whole session.' );
	}

	public function test_several_seats_in_one_booking_count_against_capacity(): void {
		$class          = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 3,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $class->id ) ) );
		$two            = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'seats' => 2 ) ), Fixtures::now() );

		$refusal = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'seats' => 2 ) ), Fixtures::now() ) );
		$last    = $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'seats' => 1 ) ), Fixtures::now() );

		$this->assertSame( 2, $two->booking->seats );
		$this->assertSame( 'SLOT_TAKEN', $refusal?->reason );
		$this->assertSame( 1, $last->booking->seats );
		$this->assertSame( 3, Fixtures::rows( 'seats' ) );
	}

	public function test_more_seats_than_the_capacity_is_a_validation_error(): void {
		$class          = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'capacity' => 3,
			)
		);
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $class->id, $this->service->id ) ) );

		$this->assertSame( 'VALIDATION_ERROR', Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $class, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'seats' => 4 ) ), Fixtures::now() ) )?->reason );
		$this->assertSame( 'VALIDATION_ERROR', Fixtures::refusal( fn() => $this->book( '10:00', Fixtures::MONDAY, array( 'seats' => 2 ) ) )?->reason );
		$this->assertSame( 0, Fixtures::rows( 'bookings' ) );
	}

	public function test_a_time_outside_the_hours_or_off_the_step_is_unavailable(): void {
		foreach ( array( '08:30', '11:45', '12:00', '12:30', '16:45', '17:00', '10:07' ) as $time ) {
			$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->book( $time ) )?->reason, $time );
		}
		$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->book( '10:00', '2030-01-05' ) )?->reason, 'Saturday' );
		$this->assertSame( 0, Fixtures::rows( 'bookings' ) );
	}

	public function test_a_day_off_and_a_time_beyond_the_horizon_are_unavailable(): void {
		$this->employee = $this->fixtures->employees->update(
			$this->employee->id,
			array(
				'days_off' => array(
					array(
						'start' => Fixtures::MONDAY,
						'end'   => Fixtures::MONDAY,
					),
				),
			)
		);
		$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->book( '10:00' ) )?->reason );

		Settings::update( array( 'horizon_days' => 3 ) );
		$this->assertSame( 'SLOT_UNAVAILABLE', Fixtures::refusal( fn() => $this->book( '10:00', Fixtures::TUESDAY ) )?->reason );
	}

	public function test_a_past_time_or_one_within_the_minimum_notice_is_in_the_past(): void {
		Settings::update( array( 'minimum_notice' => 120 ) );
		$now = Fixtures::at( Fixtures::MONDAY . ' 10:00' );

		$past   = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' 09:00' ), $now ) );
		$now_   = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' 10:00' ), $now ) );
		$notice = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' 11:30' ), $now ) );
		$fine   = $this->bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' 13:00' ), $now );

		$this->assertSame( 'SLOT_IN_PAST', $past?->reason );
		$this->assertSame( 'SLOT_IN_PAST', $now_?->reason );
		$this->assertSame( 'SLOT_IN_PAST', $notice?->reason );
		$this->assertSame( Booking::CONFIRMED, $fine->booking->status );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
	}

	public function test_an_unknown_or_inactive_service_or_employee_is_not_found(): void {
		$inactive_service  = $this->fixtures->service(
			array(
				'name'   => 'Retired',
				'active' => false,
			)
		);
		$inactive_employee = $this->fixtures->employee(
			array( $this->service->id, $inactive_service->id ),
			array(
				'name'   => 'Gone',
				'active' => false,
			)
		);
		$this->employee    = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $inactive_service->id ) ) );
		$start             = Fixtures::at( Fixtures::MONDAY . ' 10:00' );
		$cases             = array(
			'unknown service'   => array( 987654, $this->employee->id ),
			'inactive service'  => array( $inactive_service->id, $this->employee->id ),
			'unknown employee'  => array( $this->service->id, 987654 ),
			'inactive employee' => array( $this->service->id, $inactive_employee->id ),
		);

		foreach ( $cases as $case => list( $service_id, $employee_id ) ) {
			$request = new BookingRequest( $service_id, $employee_id, $start, 1, 'Maria', 'maria@example.com' );
			$this->assertSame( 'NOT_FOUND', Fixtures::refusal( fn() => $this->bookings->book( $request, Fixtures::now() ) )?->reason, $case );
		}
		$this->assertSame( 0, Fixtures::rows( 'bookings' ) );
	}

	public function test_an_employee_who_does_not_give_the_service_has_no_such_slot(): void {
		$other = $this->fixtures->service( array( 'name' => 'Massage' ) );

		$refusal = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $other, $this->employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() ) );

		$this->assertSame( 'SLOT_NOT_FOUND', $refusal?->reason );
		$this->assertSame( 0, Fixtures::rows( 'bookings' ) );
	}
}
