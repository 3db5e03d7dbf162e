<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Availability;
use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\Service;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Schedule\Slot;
use AppointEase\Tests\Integration\Support\Fixtures;

/**
 * The per-day and per-week limits of a service: the slot engine hides a day
 * an employee's daily limit closes, and the booking service refuses what a
 * limit closes with LIMIT_REACHED, writing nothing. A cancelled booking
 * frees its place; a moved one takes its place on the new day.
 */
final class BookingLimitsTest extends BookingServiceTestCase {

	private const WEDNESDAY = '2030-01-09';

	/**
	 * Sets limits on the fixture service.
	 *
	 * @param array<string, int> $fields Limit fields.
	 */
	private function limit( array $fields ): Service {
		$this->service = $this->fixtures->services->update( $this->service->id, $fields );
		return $this->service;
	}

	/**
	 * The free start times of a local date, "H:i".
	 *
	 * @return string[]
	 */
	private function free_times( string $date ): array {
		$days = ( new Availability( new BookingRepository() ) )->days( $this->service, $this->employee, $date, $date, Fixtures::now() );
		$free = array();
		foreach ( $days[ $date ] ?? array() as $slot ) {
			if ( Slot::AVAILABLE === $slot->state ) {
				$free[] = $slot->start->setTimezone( new \DateTimeZone( Fixtures::TIMEZONE ) )->format( 'H:i' );
			}
		}
		return $free;
	}

	public function test_a_full_day_for_the_employee_shows_no_times_and_refuses_the_next_booking(): void {
		$this->limit( array( 'daily_limit' => 2 ) );
		$this->book( '09:00', Fixtures::MONDAY, array( 'email' => 'a@example.com' ) );
		$this->assertContains( '14:00', $this->free_times( Fixtures::MONDAY ), 'One place is left.' );
		$this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'b@example.com' ) );

		$this->assertSame( array(), $this->free_times( Fixtures::MONDAY ), 'The limit closes the day.' );
		$this->assertContains( '09:00', $this->free_times( Fixtures::TUESDAY ), 'Other days stay open.' );
		$before  = Fixtures::rows( 'bookings' );
		$refusal = Fixtures::refusal( fn() => $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'c@example.com' ) ) );
		$this->assertSame( 'LIMIT_REACHED', $refusal?->reason );
		$this->assertSame( $before, Fixtures::rows( 'bookings' ), 'Nothing was written.' );
		$this->assertSame( 2, Fixtures::rows( 'limit_claims' ) );
	}

	public function test_bookings_made_before_a_limit_count_against_it(): void {
		$this->book( '09:00', Fixtures::MONDAY, array( 'email' => 'ann@example.com' ) );
		$this->book( '10:00', Fixtures::MONDAY, array( 'email' => 'Ann@Example.com' ) );
		$this->assertSame( 0, Fixtures::rows( 'limit_claims' ), 'Without a limit no booking takes a claim.' );

		$this->limit(
			array(
				'daily_limit'       => 2,
				'email_daily_limit' => 1,
			)
		);

		$this->assertSame( array(), $this->free_times( Fixtures::MONDAY ), 'The two earlier bookings fill the new limit.' );
		$before  = Fixtures::rows( 'bookings' );
		$refusal = Fixtures::refusal( fn() => $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'bob@example.com' ) ) );
		$this->assertSame( 'LIMIT_REACHED', $refusal?->reason );
		$this->assertSame( $before, Fixtures::rows( 'bookings' ), 'Nothing was written.' );
		$this->assertSame( 4, Fixtures::rows( 'limit_claims' ), 'Each booking counts once per limit, even above the per-address limit it already passes.' );

		$this->limit( array( 'daily_limit' => 2 ) );
		$this->assertSame( 4, Fixtures::rows( 'limit_claims' ), 'Saving the service again adds no claim twice.' );
	}

	public function test_the_upgrade_to_schema_10_counts_older_bookings_against_limits(): void {
		$this->limit( array( 'daily_limit' => 1 ) );
		$this->book( '09:00', Fixtures::MONDAY, array( 'email' => 'ann@example.com' ) );
		// A booking schema 9 made before its service had a limit has no claim.
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . Schema::table( 'limit_claims' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- test set-up.
		$this->assertContains( '14:00', $this->free_times( Fixtures::MONDAY ) );
		update_option( Installer::VERSION_OPTION, 9 );

		Installer::maybe_upgrade();

		$this->assertSame( Schema::VERSION, (int) get_option( Installer::VERSION_OPTION ) );
		$this->assertSame( 1, Fixtures::rows( 'limit_claims' ) );
		$this->assertSame( 'LIMIT_REACHED', Fixtures::refusal( fn() => $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'bob@example.com' ) ) )?->reason );
	}

	public function test_the_limit_counts_one_service_and_one_employee(): void {
		$this->limit( array( 'daily_limit' => 1 ) );
		$other_service  = $this->fixtures->service( array( 'name' => 'Colour' ) );
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $other_service->id ) ) );
		$other_employee = $this->fixtures->employee( array( $this->service->id ), array( 'name' => 'Bo Berg' ) );
		$this->book( '09:00' );

		$this->assertSame( 'confirmed', $this->bookings->book( Fixtures::request( $other_service, $this->employee, Fixtures::MONDAY . ' 14:00', array( 'email' => 'x@example.com' ) ), Fixtures::now() )->booking->status );
		$this->assertSame( 'confirmed', $this->bookings->book( Fixtures::request( $this->service, $other_employee, Fixtures::MONDAY . ' 14:00', array( 'email' => 'y@example.com' ) ), Fixtures::now() )->booking->status );
		$this->assertSame( 'LIMIT_REACHED', Fixtures::refusal( fn() => $this->book( '15:00', Fixtures::MONDAY, array( 'email' => 'z@example.com' ) ) )?->reason );
	}

	public function test_a_cancelled_booking_frees_its_place_and_a_move_takes_one_on_the_new_day(): void {
		$this->limit( array( 'daily_limit' => 1 ) );
		$first = $this->book( '09:00' )->booking;
		$this->bookings->cancel( $first->id, Fixtures::now(), false );
		$this->assertContains( '10:00', $this->free_times( Fixtures::MONDAY ), 'The cancel freed the day.' );

		$second = $this->book( '10:00' )->booking;
		$moved  = $this->bookings->reschedule( $second->id, Fixtures::at( Fixtures::MONDAY . ' 15:00' ), null, Fixtures::now(), false );
		$this->assertEquals( Fixtures::at( Fixtures::MONDAY . ' 15:00' ), $moved->start, 'A move within its own day does not count itself.' );

		$tuesday = $this->book( '09:00', Fixtures::TUESDAY, array( 'email' => 'other@example.com' ) )->booking;
		$this->assertSame( 'LIMIT_REACHED', Fixtures::refusal( fn() => $this->bookings->reschedule( $tuesday->id, Fixtures::at( Fixtures::MONDAY . ' 11:00' ), null, Fixtures::now(), false ) )?->reason, 'Monday is full.' );
		$this->assertSame( 'LIMIT_REACHED', Fixtures::refusal( fn() => $this->bookings->reschedule( $tuesday->id, Fixtures::at( Fixtures::MONDAY . ' 11:00' ), null, Fixtures::now(), true ) )?->reason, 'Limits bind admins too, as capacity does.' );

		$this->bookings->reschedule( $moved->id, Fixtures::at( self::WEDNESDAY . ' 09:00' ), null, Fixtures::now(), false );
		$this->assertContains( '11:00', $this->free_times( Fixtures::MONDAY ), 'The moved booking freed Monday.' );
		$this->assertSame( array(), $this->free_times( self::WEDNESDAY ), 'and took Wednesday.' );
	}

	public function test_one_address_books_a_service_at_most_the_email_daily_limit_per_day(): void {
		$this->limit( array( 'email_daily_limit' => 1 ) );
		$this->book( '09:00', Fixtures::MONDAY, array( 'email' => 'Ann@Example.com' ) );

		$refusal = Fixtures::refusal( fn() => $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'ann+2@example.com' ) ) );
		$this->assertSame( 'LIMIT_REACHED', $refusal?->reason, 'The same address written another way.' );
		$this->assertStringContainsString( 'per day', $refusal->getMessage() );
		$this->assertContains( '14:00', $this->free_times( Fixtures::MONDAY ), 'The day stays open to others.' );
		$this->assertSame( 'confirmed', $this->book( '14:00', Fixtures::MONDAY, array( 'email' => 'bob@example.com' ) )->booking->status );
		$this->assertSame( 'confirmed', $this->book( '09:00', Fixtures::TUESDAY, array( 'email' => 'ann@example.com' ) )->booking->status, 'Another day is fine.' );
	}

	public function test_one_address_books_a_service_at_most_the_email_weekly_limit_per_week(): void {
		update_option( 'start_of_week', 1 );
		$this->limit( array( 'email_weekly_limit' => 2 ) );
		$this->book( '09:00', Fixtures::MONDAY, array( 'email' => 'ann@example.com' ) );
		$this->book( '09:00', Fixtures::TUESDAY, array( 'email' => 'ann@example.com' ) );

		$refusal = Fixtures::refusal( fn() => $this->book( '09:00', self::WEDNESDAY, array( 'email' => 'ann@example.com' ) ) );
		$this->assertSame( 'LIMIT_REACHED', $refusal?->reason );
		$this->assertStringContainsString( 'per week', $refusal->getMessage() );
		$this->assertSame( 'confirmed', $this->book( '09:00', '2030-01-14', array( 'email' => 'ann@example.com' ) )->booking->status, 'The next week (Monday 14 January) is fine.' );
	}
}
