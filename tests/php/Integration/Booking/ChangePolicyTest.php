<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;

/**
 * The change and cancel cut-offs: a customer may cancel up to
 * cancel_cutoff_hours and move up to reschedule_cutoff_hours before the
 * start, the service's own value over the site's; later the booking service
 * refuses with TOO_LATE_TO_CHANGE, naming the cut-off, and changes nothing.
 * Admins are never bound.
 */
final class ChangePolicyTest extends BookingServiceTestCase {

	/** The booking's start, MONDAY 10:00 in Berlin. */
	private const START = Fixtures::MONDAY . ' 10:00';

	private function at_hours_before( int $hours, int $seconds_later ): \DateTimeImmutable {
		return Fixtures::at( self::START )->modify( sprintf( '-%d hours', $hours ) )->modify( sprintf( '%+d seconds', $seconds_later ) );
	}

	public function test_a_customer_cancels_until_the_cut_off_and_not_a_second_later(): void {
		Settings::update( array( 'cancel_cutoff_hours' => 24 ) );
		$early = $this->book( '10:00' )->booking;
		$late  = $this->book( '11:00' )->booking;

		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $early->id, $this->at_hours_before( 24, -1 ), false )->status );

		$refusal = Fixtures::refusal( fn() => $this->bookings->cancel( $late->id, Fixtures::at( Fixtures::MONDAY . ' 11:00' )->modify( '-24 hours' )->modify( '+1 second' ), false ) );
		$this->assertNotNull( $refusal, 'A cancel a second past the cut-off is refused.' );
		$this->assertSame( 'TOO_LATE_TO_CHANGE', $refusal->reason );
		$this->assertStringContainsString( '24 hours', $refusal->getMessage(), 'The message names the cut-off.' );
		$this->assertSame( Booking::CONFIRMED, ( new BookingRepository() )->find( $late->id )?->status, 'Nothing changed.' );
		$this->assertSame( 1, Fixtures::rows( 'seats', 'booking_id = ' . $late->id ) );
	}

	public function test_a_customer_moves_until_the_reschedule_cut_off_which_is_its_own(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => 2,
				'reschedule_cutoff_hours' => 48,
			)
		);
		$booking = $this->book( '10:00' )->booking;

		$refusal = Fixtures::refusal( fn() => $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::TUESDAY . ' 10:00' ), null, $this->at_hours_before( 48, 1 ), false ) );
		$this->assertSame( 'TOO_LATE_TO_CHANGE', $refusal?->reason );
		$this->assertStringContainsString( '48 hours', $refusal->getMessage() );
		$this->assertEquals( Fixtures::at( self::START ), ( new BookingRepository() )->find( $booking->id )?->start, 'The booking did not move.' );

		$moved = $this->bookings->reschedule( $booking->id, Fixtures::at( Fixtures::TUESDAY . ' 10:00' ), null, $this->at_hours_before( 48, -1 ), false );
		$this->assertEquals( Fixtures::at( Fixtures::TUESDAY . ' 10:00' ), $moved->start );
	}

	public function test_a_services_own_cut_off_wins_over_the_sites_either_way(): void {
		Settings::update( array( 'cancel_cutoff_hours' => 48 ) );
		$this->fixtures->services->update( $this->service->id, array( 'cancel_cutoff_hours' => 2 ) );
		$booking = $this->book( '10:00' )->booking;
		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $booking->id, $this->at_hours_before( 3, 0 ), false )->status, 'The service allows up to 2 hours before.' );

		$this->fixtures->services->update( $this->service->id, array( 'cancel_cutoff_hours' => 0 ) );
		$again = $this->book( '11:00' )->booking;
		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $again->id, Fixtures::at( Fixtures::MONDAY . ' 10:59' ), false )->status, '0 on the service is up to the start, whatever the site says.' );

		$this->fixtures->services->update( $this->service->id, array( 'cancel_cutoff_hours' => null ) );
		$third   = $this->book( '14:00' )->booking;
		$refusal = Fixtures::refusal( fn() => $this->bookings->cancel( $third->id, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), false ) );
		$this->assertSame( 'TOO_LATE_TO_CHANGE', $refusal?->reason, 'null follows the site again.' );
		$this->assertStringContainsString( '48 hours', $refusal->getMessage() );
	}

	public function test_admins_cancel_and_move_inside_the_cut_off(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => 72,
				'reschedule_cutoff_hours' => 72,
			)
		);
		$moving     = $this->book( '10:00' )->booking;
		$cancelling = $this->book( '11:00' )->booking;
		$now        = $this->at_hours_before( 1, 0 );

		$moved = $this->bookings->reschedule( $moving->id, Fixtures::at( Fixtures::TUESDAY . ' 10:00' ), null, $now, true );
		$this->assertEquals( Fixtures::at( Fixtures::TUESDAY . ' 10:00' ), $moved->start );
		$this->assertSame( Booking::CANCELLED, $this->bookings->cancel( $cancelling->id, $now, true )->status );
	}

	public function test_the_contact_text_follows_the_refusal_and_defaults_to_a_plain_sentence(): void {
		Settings::update( array( 'cancel_cutoff_hours' => 24 ) );
		$booking = $this->book( '10:00' )->booking;
		$now     = $this->at_hours_before( 1, 0 );
		$this->assertStringEndsWith( 'Please contact us.', (string) Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, $now, false ) )?->getMessage() );

		Settings::update( array( 'change_contact_text' => 'Call us on 555 0100.' ) );
		$this->assertStringEndsWith( 'Call us on 555 0100.', (string) Fixtures::refusal( fn() => $this->bookings->cancel( $booking->id, $now, false ) )?->getMessage() );
	}
}
