<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Reminders;

use AppointEase\Booking\Booking;
use AppointEase\Infrastructure\Installer;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * Issue 15: `POST bookings/{id}/no-show` marks a booking whose customer did
 * not come. Admins may mark any, the user linked to the booking's employee
 * only that employee's, nobody else any; never before the start.
 */
final class NoShowTest extends RestTestCase {

	protected function set_up(): void {
		parent::set_up();
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		parent::tear_down();
	}

	public function test_admins_and_the_linked_employee_mark_a_started_booking_a_no_show_and_nobody_else(): void {
		$ben    = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben Barber' ) );
		$mine   = $this->book( '10:00' )['id'];
		$his    = $this->book( '10:00', array( 'employee' => $ben->id ) )['id'];
		$coming = $this->book( '11:00' )['id'];
		RemindersTest::move_to_the_past( $mine );
		RemindersTest::move_to_the_past( $his );

		$this->assertError( 401, 'FORBIDDEN', $this->post( 'bookings/' . $mine . '/no-show' ), 'Visitors may not.' );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings/' . $mine . '/no-show' ) );

		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $his . '/no-show' ), 'Another employee\'s booking answers like one that does not exist.' );
		$this->assertError( 422, 'TOO_EARLY', $this->post( 'bookings/' . $coming . '/no-show' ), 'Not before the start.' );
		$marked = $this->assertOk( 200, $this->post( 'bookings/' . $mine . '/no-show' ) );
		$this->assertSame( Booking::NO_SHOW, $marked['status'] );
		$this->assertSame( 0, self::rows( 'seats', 'booking_id = ' . $mine ) );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $mine . '/no-show' ), 'Once.' );

		$this->log_in_as_admin();
		$this->assertSame( Booking::NO_SHOW, $this->assertOk( 200, $this->post( 'bookings/' . $his . '/no-show' ) )['status'] );
		$this->assertOk( 200, $this->post( 'bookings/' . $coming . '/cancel' ) );
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $coming . '/no-show' ), 'A cancelled booking cannot be a no-show.' );
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/999999/no-show' ) );
	}

	public function test_the_list_filters_by_the_new_statuses(): void {
		$missed = $this->book( '10:00' )['id'];
		$next   = $this->book( '11:00' )['id'];
		$other  = $this->book(
			'13:00',
			array(
				'customer' => array(
					'name'  => 'Otto',
					'email' => 'otto@example.com',
				),
			)
		)['id'];
		RemindersTest::move_to_the_past( $missed );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $missed . '/no-show' ) );

		$this->assertSame( array( $missed ), array_column( $this->assertOk( 200, $this->get( 'bookings', array( 'status' => 'no_show' ) ) ), 'id' ) );
		$this->assertSame( array(), $this->assertOk( 200, $this->get( 'bookings', array( 'status' => 'completed' ) ) ) );

		$this->assertSame( 1, $this->assertOk( 200, $this->get( 'bookings/' . $next ) )['customer_no_shows'], 'An admin sees the customer\'s earlier no-show.' );
		$this->assertSame( 0, $this->assertOk( 200, $this->get( 'bookings/' . $other ) )['customer_no_shows'] );
		$listed = array_column( $this->assertOk( 200, $this->get( 'bookings' ) ), 'customer_no_shows', 'id' );
		$this->assertSame(
			array(
				$other  => 0,
				$next   => 1,
				$missed => 0,
			),
			$listed
		);
	}
}
