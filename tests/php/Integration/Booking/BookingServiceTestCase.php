<?php
/**
 * What the BookingService integration tests share.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\BookingResult;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The real booking service, one service (Fixtures' default) given by one
 * employee, the site on Fixtures' timezone, and every hook the booking
 * service fires recorded in $fixtures.
 */
abstract class BookingServiceTestCase extends TestCase {

	/**
	 * The hooks BookingService fires.
	 */
	protected const HOOKS = array(
		'appointease_slot_changed',
		'appointease_booking_created',
		'appointease_booking_confirmed',
		'appointease_booking_rejected',
		'appointease_booking_cancelled',
		'appointease_booking_rescheduled',
	);

	protected Fixtures $fixtures;

	protected BookingService $bookings;

	protected Service $service;

	protected Employee $employee;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->bookings = BookingService::create_default();
		$this->service  = $this->fixtures->service();
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		$this->fixtures->listen( ...self::HOOKS );
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	/**
	 * Books the fixture service with the fixture employee.
	 *
	 * @param string               $time    Local H:i.
	 * @param string               $date    Local date.
	 * @param array<string, mixed> $options See Fixtures::request().
	 */
	protected function book( string $time, string $date = Fixtures::MONDAY, array $options = array() ): BookingResult {
		return $this->bookings->book( Fixtures::request( $this->service, $this->employee, $date . ' ' . $time, $options ), Fixtures::now() );
	}
}
