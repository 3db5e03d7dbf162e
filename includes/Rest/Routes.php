<?php
/**
 * Wires the REST controllers.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Availability;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Registers every route of `appointease/v1` and the filters that keep their
 * answers in one envelope.
 */
final class Routes {

	/**
	 * Hooked to `rest_api_init`.
	 */
	public static function register(): void {
		$services     = new ServiceRepository();
		$employees    = new EmployeeRepository();
		$bookings     = new BookingRepository();
		$availability = new Availability( $bookings );

		$controllers = array(
			new ServicesController( $services ),
			new EmployeesController( $employees, $services ),
			new AvailabilityController( $services, $employees, $availability ),
			new CapacityController( $services, $employees, $availability ),
			new BookingsController( BookingService::create_default(), $bookings, $employees ),
			new SettingsController(),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}

		add_filter( 'rest_request_before_callbacks', array( UnknownFields::class, 'reject' ), 10, 3 );
		add_filter( 'rest_request_after_callbacks', array( Errors::class, 'add_reason' ), 10, 3 );
	}
}
