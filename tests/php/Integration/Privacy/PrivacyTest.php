<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Privacy;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Privacy\BookingExporter;
use AppointEase\Privacy\Privacy;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The exporter and eraser as WordPress's privacy tools find and call them,
 * over bookings made through the booking service.
 */
final class PrivacyTest extends TestCase {

	private Fixtures $fixtures;

	private BookingService $bookings;

	private Service $service;

	private Employee $employee;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->bookings = BookingService::create_default();
		$this->service  = $this->fixtures->service();
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_the_exporter_returns_every_booking_of_the_address_and_no_one_elses(): void {
		$first = $this->book(
			'2030-01-07 10:00',
			'maria@example.com',
			array(
				'phone' => '+49 30 1234',
				'notes' => 'First visit',
			)
		);
		$this->book( '2030-01-07 11:00', 'MARIA@example.com' );
		$this->book( '2030-01-07 13:00', 'someone@example.com' );

		$export = $this->exporter()( 'maria@example.com', 1 );

		$this->assertTrue( $export['done'] );
		$this->assertCount( 2, $export['data'] );
		$item = $export['data'][0];
		$this->assertSame( 'appointease-bookings', $item['group_id'] );
		$this->assertSame( 'appointease-booking-' . $first->id, $item['item_id'] );
		$this->assertSame(
			array(
				'Booking number' => (string) $first->id,
				'Service'        => 'Haircut',
				'With'           => 'Ana Silva',
				'Start'          => 'January 7, 2030 10:00 am (Europe/Berlin)',
				'End'            => 'January 7, 2030 10:30 am (Europe/Berlin)',
				'Seats'          => '1',
				'Status'         => 'confirmed',
				'Name'           => 'Maria Customer',
				'Email'          => 'maria@example.com',
				'Phone'          => '+49 30 1234',
				'Notes'          => 'First visit',
			),
			array_diff_key( array_column( $item['data'], 'value', 'name' ), array( 'Booked on' => true ) )
		);
		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			$this->exporter()( 'nobody@example.com', 1 )
		);
	}

	public function test_the_exporter_pages_through_many_bookings(): void {
		$this->assertSame( 50, BookingExporter::PER_PAGE );
		$exporter = new BookingExporter( new BookingRepository(), $this->fixtures->services, $this->fixtures->employees );
		$this->book( '2030-01-07 10:00', 'maria@example.com' );

		$this->assertCount( 1, $exporter->export( 'maria@example.com', 1 )['data'] );
		$this->assertSame(
			array(
				'data' => array(),
				'done' => true,
			),
			$exporter->export( 'maria@example.com', 2 )
		);
	}

	public function test_the_eraser_anonymises_past_and_ended_bookings_and_keeps_upcoming_ones(): void {
		$past      = $this->book( '2025-01-06 10:00', 'maria@example.com', array( 'notes' => 'Allergic to lavender' ), new \DateTimeImmutable( '2025-01-01T08:00:00Z' ) );
		$cancelled = $this->bookings->cancel( $this->book( '2030-01-07 10:00', 'maria@example.com' )->id, Fixtures::now(), false );
		$upcoming  = $this->book( '2030-01-07 11:00', 'maria@example.com', array( 'phone' => '+49 30 1234' ) );
		$other     = $this->book( '2030-01-07 13:00', 'someone@example.com' );

		$result = $this->eraser()( 'maria@example.com', 1 );

		$this->assertTrue( $result['items_removed'] );
		$this->assertTrue( $result['items_retained'] );
		$this->assertTrue( $result['done'] );
		$this->assertCount( 1, $result['messages'] );
		$this->assertStringContainsString( 'Booking ' . $upcoming->id . ' on January 7, 2030 is still to come', $result['messages'][0] );

		foreach ( array( $past, $cancelled ) as $booking ) {
			$erased = $this->reload( $booking );
			$this->assertSame( '[deleted]', $erased->customer_name );
			$this->assertSame( 'deleted@site.invalid', $erased->customer_email );
			$this->assertSame( '', $erased->customer_phone );
			$this->assertSame( '', $erased->customer_notes );
			$this->assertSame( $booking->start->getTimestamp(), $erased->start->getTimestamp(), 'What was booked and when stays on record.' );
			$this->assertSame( $booking->status, $erased->status );
		}
		$this->assertSame( 'Maria Customer', $this->reload( $upcoming )->customer_name );
		$this->assertSame( '+49 30 1234', $this->reload( $upcoming )->customer_phone );
		$this->assertSame( 'someone@example.com', $this->reload( $other )->customer_email );
		$this->assertSame( array( 'appointease-booking-' . $upcoming->id ), array_column( $this->exporter()( 'maria@example.com', 1 )['data'], 'item_id' ) );

		$again = $this->eraser()( 'maria@example.com', 1 );
		$this->assertFalse( $again['items_removed'], 'Nothing is left to erase.' );
		$this->assertTrue( $again['items_retained'] );
	}

	public function test_the_eraser_removes_the_address_hashes_of_erased_bookings_under_the_limits(): void {
		$this->service = $this->fixtures->services->update( $this->service->id, array( 'email_weekly_limit' => 5 ) );
		$past          = $this->book( '2025-01-06 10:00', 'maria@example.com', array(), new \DateTimeImmutable( '2025-01-01T08:00:00Z' ) );
		$upcoming      = $this->book( '2030-01-07 11:00', 'maria@example.com' );
		$this->assertSame( 1, Fixtures::rows( 'limit_claims', 'booking_id = ' . $past->id ) );

		$this->eraser()( 'maria@example.com', 1 );

		$this->assertSame( 0, Fixtures::rows( 'limit_claims', 'booking_id = ' . $past->id ) );
		$this->assertSame( 1, Fixtures::rows( 'limit_claims', 'booking_id = ' . $upcoming->id ), 'A coming booking is kept, and still counts.' );
	}

	public function test_the_policy_text_is_suggested_on_admin_init_and_covers_the_data_kept(): void {
		$this->assertSame( 10, has_action( 'admin_init', array( Privacy::class, 'suggest_policy_text' ) ) );
		$text = Privacy::policy_text();

		$this->assertSame( $text, wp_kses_post( $text ) );
		foreach ( array( 'name', 'email address', 'phone number', 'erase', 'IP address' ) as $subject ) {
			$this->assertStringContainsString( $subject, $text );
		}
	}

	/**
	 * The exporter callback as WordPress finds it.
	 *
	 * @return callable(string, int): array<string, mixed>
	 */
	private function exporter(): callable {
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$this->assertSame( 'AppointEase bookings', $exporters[ Privacy::KEY ]['exporter_friendly_name'] ?? null );
		return $exporters[ Privacy::KEY ]['callback'];
	}

	/**
	 * The eraser callback as WordPress finds it.
	 *
	 * @return callable(string, int): array<string, mixed>
	 */
	private function eraser(): callable {
		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertSame( 'AppointEase bookings', $erasers[ Privacy::KEY ]['eraser_friendly_name'] ?? null );
		return $erasers[ Privacy::KEY ]['callback'];
	}

	/**
	 * Books a time for a customer.
	 *
	 * @param string                  $local   "Y-m-d H:i" in Berlin.
	 * @param string                  $email   The customer's email.
	 * @param array<string, mixed>    $options More of Fixtures::request()'s options.
	 * @param \DateTimeImmutable|null $now     "Now" for the booking; Fixtures::now() by default.
	 */
	private function book( string $local, string $email, array $options = array(), ?\DateTimeImmutable $now = null ): Booking {
		return $this->bookings->book( Fixtures::request( $this->service, $this->employee, $local, array( 'email' => $email ) + $options ), $now ?? Fixtures::now() )->booking;
	}

	/**
	 * A booking as stored now.
	 *
	 * @param Booking $booking The booking.
	 */
	private function reload( Booking $booking ): Booking {
		$found = ( new BookingRepository() )->find( $booking->id );
		$this->assertNotNull( $found );
		return $found;
	}
}
