<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Capabilities;

use AppointEase\Infrastructure\Installer;
use AppointEase\Tests\Integration\Rest\RestTestCase;

/**
 * A WordPress user linked to an employee sees that employee's bookings
 * through the admin booking routes, and nobody else's.
 */
final class EmployeeAccessTest extends RestTestCase {

	public function test_activation_adds_the_employee_role_with_reading_and_its_own_bookings_only(): void {
		$role = $this->role( Installer::EMPLOYEE_ROLE );

		$this->assertSame( array( 'read', Installer::VIEW_OWN_CAPABILITY ), array_keys( array_filter( $role->capabilities ) ) );
		$this->assertFalse( $this->role( 'administrator' )->has_cap( Installer::VIEW_OWN_CAPABILITY ), 'Administrators see everything through appointease_manage.' );
		$this->assertFalse( $this->role( 'subscriber' )->has_cap( Installer::VIEW_OWN_CAPABILITY ) );
	}

	public function test_a_missing_role_comes_back_on_the_next_request(): void {
		remove_role( Installer::EMPLOYEE_ROLE );

		Installer::maybe_upgrade();

		$this->assertTrue( $this->role( Installer::EMPLOYEE_ROLE )->has_cap( Installer::VIEW_OWN_CAPABILITY ) );
	}

	public function test_a_linked_employee_lists_and_reads_their_own_bookings_only(): void {
		$ben  = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben Barber' ) );
		$mine = array( $this->book( '10:00' )['id'], $this->book( '11:00' )['id'] );
		$his  = $this->book( '10:00', array( 'employee' => $ben->id ) )['id'];
		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );

		$list = $this->get( 'bookings' );
		$this->assertSame( $mine, array_reverse( array_column( $this->assertOk( 200, $list ), 'id' ) ) );
		$this->assertSame( '2', $list->get_headers()['X-WP-Total'] ?? null );
		$this->assertSame( $mine, array_reverse( array_column( $this->assertOk( 200, $this->get( 'bookings', array( 'employee' => (string) $this->employee->id ) ) ), 'id' ) ) );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'bookings', array( 'employee' => (string) $ben->id ) ) );

		$this->assertSame( $mine[0], $this->assertOk( 200, $this->get( 'bookings/' . $mine[0] ) )['id'] );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'bookings/' . $his ), 'Another employee\'s booking answers like one that does not exist.' );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'bookings/999999' ) );

		$before = $this->snapshot();
		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/' . $mine[0] . '/cancel' ), 'Employees read; they do not act.' );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings/' . $mine[0] . '/approve' ) );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_linking_is_enough_whatever_the_role_and_unlinking_ends_it(): void {
		$mine = $this->book( '10:00' )['id'];
		$user = $this->log_in_as( 'editor' );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'bookings' ) );

		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		$this->assertTrue( current_user_can( Installer::VIEW_OWN_CAPABILITY ) );
		$this->assertFalse( current_user_can( Installer::CAPABILITY ) );
		$this->assertSame( array( $mine ), array_column( $this->assertOk( 200, $this->get( 'bookings' ) ), 'id' ) );

		$this->employees->update( $this->employee->id, array( 'wp_user' => null ) );
		$this->assertFalse( current_user_can( Installer::VIEW_OWN_CAPABILITY ) );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'bookings' ) );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'bookings/' . $mine ) );
	}

	public function test_the_employee_role_without_a_link_shows_no_booking(): void {
		$this->book( '10:00' );
		$this->log_in_as( Installer::EMPLOYEE_ROLE );

		$refusal = $this->assertError( 403, 'FORBIDDEN', $this->get( 'bookings' ) );

		$this->assertStringContainsString( 'not linked to an employee', $refusal['message'] );
	}

	public function test_administrators_still_list_everyone(): void {
		$ben = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben Barber' ) );
		$this->book( '10:00' );
		$this->book( '10:00', array( 'employee' => $ben->id ) );
		$this->log_in_as_admin();

		$this->assertCount( 2, $this->assertOk( 200, $this->get( 'bookings' ) ) );
	}
}
