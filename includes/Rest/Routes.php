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
use AppointEase\Booking\Calendars;
use AppointEase\Holds\HoldService;
use AppointEase\Holds\HoldStore;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Poll\PollController;
use AppointEase\Poll\PollResponder;
use AppointEase\Poll\PollService;

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
		$services  = new ServiceRepository();
		$employees = new EmployeeRepository();
		$bookings  = new BookingRepository();
		// Connecting to the hold store is left until a route needs it.
		$store        = static fn(): HoldStore => HoldStoreFactory::shared()->store();
		$availability = new Availability( $bookings, $store );
		$holds        = static fn(): HoldService => new HoldService( $services, $employees, $availability, $store(), new Calendars() );

		$booking_routes = new BookingsController( BookingService::create_default(), $bookings, $employees );
		$controllers    = array(
			new ServicesController( $services ),
			new EmployeesController( $employees, $services ),
			new AvailabilityController( $services, $employees, $availability ),
			new CapacityController( $services, $employees, $availability, $bookings ),
			$booking_routes,
			new BookingCalendarController( $bookings, $services, $employees, array( $booking_routes, 'can_read' ) ),
			new SettingsController(),
			new HoldsController( $holds, $employees ),
			new PollController( static fn(): PollResponder => new PollResponder( PollService::create_default() ) ),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}

		add_filter( 'rest_pre_dispatch', array( UnknownFields::class, 'reject_non_object_body' ), 10, 3 );
		add_filter( 'rest_request_before_callbacks', array( ManageTokens::class, 'refuse_early' ), 5, 3 );
		add_filter( 'rest_request_before_callbacks', array( UnknownFields::class, 'reject' ), 10, 3 );
		add_filter( 'rest_request_before_callbacks', array( RateLimiter::class, 'guard' ), 20, 3 );
		add_filter( 'rest_post_dispatch', array( RateLimiter::class, 'add_retry_after' ) );
		add_filter( 'rest_request_after_callbacks', array( Errors::class, 'add_reason' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( Errors::class, 'add_reason_to_answer' ), 10, 3 );
		add_filter( 'rest_post_dispatch', array( PrivateAnswers::class, 'mark' ), 10, 3 );
		add_filter( 'rest_allowed_cors_headers', array( self::class, 'allow_headers' ) );
	}

	/**
	 * Lets a browser on another origin that the site allows send this
	 * plugin's own request headers. Hooked to `rest_allowed_cors_headers`.
	 *
	 * @param string[] $headers The headers core allows.
	 * @return string[]
	 */
	public static function allow_headers( $headers ): array {
		return array_merge( (array) $headers, array( ManageTokens::HEADER, 'Idempotency-Key' ) );
	}
}
