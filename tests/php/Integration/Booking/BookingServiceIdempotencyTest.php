<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingResult;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class BookingServiceIdempotencyTest extends TestCase {

	private Fixtures $fixtures;

	private BookingService $bookings;

	private Service $service;

	private Employee $employee;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->bookings = BookingService::create_default();
		$this->service  = $this->fixtures->service(
			array(
				'name'     => 'Yoga',
				'duration' => 60,
				'capacity' => 4,
			)
		);
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		$this->fixtures->listen( 'appointease_booking_created', 'appointease_slot_changed' );
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_the_same_key_and_request_return_the_same_booking_and_token_once(): void {
		$first  = $this->book( 'key-1' );
		$second = $this->book( 'key-1' );

		$this->assertTrue( $first->created );
		$this->assertFalse( $second->created );
		$this->assertSame( $first->booking->id, $second->booking->id );
		$this->assertSame( $first->manage_token, $second->manage_token );
		$this->assertEquals( $first->booking, $second->booking );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 1, Fixtures::rows( 'seats' ), 'Even in a group session with seats left, a replay takes no seat.' );
		$this->assertCount( 1, $this->fixtures->heard( 'appointease_booking_created' ) );
		$this->assertCount( 1, $this->fixtures->heard( 'appointease_slot_changed' ) );
	}

	public function test_the_replayed_token_manages_the_booking(): void {
		$first  = $this->book( 'key-1' );
		$replay = $this->book( 'key-1' );

		$found = ( new BookingRepository() )->find_with_token( $first->booking->id, hash( 'sha256', $replay->manage_token ) );

		$this->assertNotNull( $found );
		$this->assertSame( $first->booking->id, $found->id );
	}

	public function test_the_email_is_compared_without_case(): void {
		$first  = $this->book( 'key-1', '10:00', array( 'email' => 'Maria@Example.com' ) );
		$second = $this->book( 'key-1', '10:00', array( 'email' => 'maria@example.com' ) );

		$this->assertSame( $first->booking->id, $second->booking->id );
		$this->assertFalse( $second->created );
	}

	public function test_a_replay_is_answered_even_when_the_slot_is_full_or_past_by_now(): void {
		$first = $this->book( 'key-1', '10:00', array( 'seats' => 4 ) );

		$later = $this->bookings->book(
			Fixtures::request(
				$this->service,
				$this->employee,
				Fixtures::MONDAY . ' 10:00',
				array(
					'key'   => 'key-1',
					'seats' => 4,
				)
			),
			Fixtures::at( Fixtures::MONDAY . ' 10:30' )
		);

		$this->assertSame( $first->booking->id, $later->booking->id );
		$this->assertFalse( $later->created );
	}

	public function test_the_same_key_for_another_start_is_refused(): void {
		$this->book( 'key-1', '10:00' );

		$refusal = Fixtures::refusal( fn() => $this->book( 'key-1', '14:00' ) );

		$this->assertSame( 'IDEMPOTENCY_KEY_REUSED', $refusal?->reason );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
	}

	public function test_the_same_key_for_another_customer_is_refused(): void {
		$this->book( 'key-1', '10:00' );

		$refusal = Fixtures::refusal( fn() => $this->book( 'key-1', '10:00', array( 'email' => 'someone.else@example.com' ) ) );

		$this->assertSame( 'IDEMPOTENCY_KEY_REUSED', $refusal?->reason );
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
	}

	public function test_the_same_key_for_another_number_of_seats_is_refused(): void {
		$this->book( 'key-1', '10:00', array( 'seats' => 1 ) );

		$refusal = Fixtures::refusal( fn() => $this->book( 'key-1', '10:00', array( 'seats' => 3 ) ) );

		$this->assertSame( 'IDEMPOTENCY_KEY_REUSED', $refusal?->reason );
		$this->assertSame( 1, Fixtures::rows( 'seats' ) );
	}

	public function test_the_same_key_for_another_service_is_refused(): void {
		$other          = $this->fixtures->service( array( 'name' => 'Haircut' ) );
		$this->employee = $this->fixtures->employees->update( $this->employee->id, array( 'services' => array( $this->service->id, $other->id ) ) );
		$this->book( 'key-1', '10:00' );

		$refusal = Fixtures::refusal( fn() => $this->bookings->book( Fixtures::request( $other, $this->employee, Fixtures::MONDAY . ' 10:00', array( 'key' => 'key-1' ) ), Fixtures::now() ) );

		$this->assertSame( 'IDEMPOTENCY_KEY_REUSED', $refusal?->reason );
	}

	public function test_different_keys_make_different_bookings_with_different_tokens(): void {
		$first  = $this->book( 'key-1' );
		$second = $this->book( 'key-2' );

		$this->assertNotSame( $first->booking->id, $second->booking->id );
		$this->assertNotSame( $first->manage_token, $second->manage_token );
		$this->assertTrue( $second->created );
		$this->assertSame( 2, Fixtures::rows( 'bookings' ) );
	}

	public function test_a_refused_request_does_not_use_up_its_key(): void {
		$this->book( 'key-1', '10:00', array( 'seats' => 4 ) );

		$this->assertSame( 'SLOT_TAKEN', Fixtures::refusal( fn() => $this->book( 'key-2', '10:00' ) )?->reason );
		$retry = $this->book( 'key-2', '13:00' );

		$this->assertTrue( $retry->created );
		$this->assertSame( 2, Fixtures::rows( 'bookings' ) );
	}

	public function test_a_replay_that_knows_the_key_time_and_email_but_not_the_rest_gets_nothing(): void {
		$this->book( 'key-1', '10:00', array( 'phone' => '+49 30 1234' ) );

		foreach ( array( array( 'name' => 'Mallory' ), array( 'phone' => '' ), array( 'notes' => 'guessing' ) ) as $guess ) {
			$refusal = Fixtures::refusal( fn() => $this->book( 'key-1', '10:00', $guess + array( 'phone' => '+49 30 1234' ) ) );
			$this->assertSame( 'IDEMPOTENCY_KEY_REUSED', $refusal?->reason, 'Refused, with no booking and no token: ' . wp_json_encode( $guess ) );
		}
		$this->assertSame( 1, Fixtures::rows( 'bookings' ) );
	}

	public function test_the_manage_token_is_random_not_made_from_the_key(): void {
		$first = $this->book( 'key-1' );
		global $wpdb;
		// Forget the booking entirely, then make it again with the same key and request.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM `' . \AppointEase\Infrastructure\Schema::table( 'seats' ) . '` WHERE booking_id = %d', $first->booking->id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery
		$wpdb->query( 'DELETE FROM `' . \AppointEase\Infrastructure\Schema::table( 'occupancy' ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery
		$wpdb->query( $wpdb->prepare( 'DELETE FROM `' . \AppointEase\Infrastructure\Schema::table( 'bookings' ) . '` WHERE id = %d', $first->booking->id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery

		$again = $this->book( 'key-1' );

		$this->assertTrue( $again->created );
		$this->assertNotSame( $first->manage_token, $again->manage_token, 'Whoever knows a key cannot work out the token.' );
		$this->assertSame( 64, strlen( $again->manage_token ) );
	}

	public function test_the_key_itself_is_not_stored(): void {
		$this->book( 'key-visible-in-db?' );

		$this->assertSame( 0, Fixtures::rows( 'bookings', "idempotency_key_hash = 'key-visible-in-db?'" ) );
		$this->assertSame( 1, Fixtures::rows( 'bookings', 'CHAR_LENGTH(idempotency_key_hash) = 64' ) );
		$this->book( 'key-2', '14:00', array( 'key' => null ) );
		$this->assertSame( 1, Fixtures::rows( 'bookings', 'idempotency_key_hash IS NULL' ), 'No key, no hash.' );
	}

	/**
	 * @param string               $key     Idempotency key.
	 * @param string               $time    Local H:i on MONDAY.
	 * @param array<string, mixed> $options See Fixtures::request().
	 */
	private function book( string $key, string $time = '10:00', array $options = array() ): BookingResult {
		return $this->bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' ' . $time, $options + array( 'key' => $key ) ), Fixtures::now() );
	}
}
