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
	 * Whether the full routes are registered on the current REST server.
	 *
	 * @var bool
	 */
	private static $complete = false;

	/**
	 * Hooked to `rest_api_init`: the full routes, or only the namespace when the request
	 * being served is for another namespace (see NamespaceStub).
	 */
	public static function register(): void {
		self::add_envelope_filters();
		if ( NamespaceStub::request_is_elsewhere() ) {
			self::$complete = false;
			NamespaceStub::register();
			// Before WordPress matches a handler and before core answers OPTIONS (10).
			add_filter( 'rest_pre_dispatch', array( self::class, 'complete_before_dispatch' ), 0, 3 );
			return;
		}
		self::register_all();
	}

	/**
	 * Registers the full routes when the first dispatch into the
	 * plugin's namespace comes.
	 *
	 * @param mixed            $result  A response to send instead, from an earlier filter.
	 * @param \WP_REST_Server  $server  The server.
	 * @param \WP_REST_Request $request The request being dispatched.
	 * @return mixed The result, unchanged.
	 */
	public static function complete_before_dispatch( $result, $server, $request ) {
		if ( ! self::$complete && NamespaceStub::is_ours( $request->get_route() ) ) {
			self::register_all();
		}
		return $result;
	}

	/**
	 * Registers every route in full, replacing the stub.
	 */
	private static function register_all(): void {
		self::$complete = true;
		$services       = new ServiceRepository();
		$employees      = new EmployeeRepository();
		$bookings       = new BookingRepository();
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
			new AdminBookingsController( $services, $employees, $bookings, $availability, $booking_routes->get_collection_params() ),
			new SettingsController(),
			new HoldsController( $holds, $employees ),
			new PollController( static fn(): PollResponder => new PollResponder( PollService::create_default() ) ),
			new BookingFieldsController(),
			new BookingResendController( $bookings ),
			new DashboardController(),
			new FeedController(),
			new CalendarSyncController( $employees ),
		);
		foreach ( $controllers as $controller ) {
			$controller->register_routes();
		}
	}

	/**
	 * The filters that keep every answer of the namespace in one envelope and
	 * within its limits.
	 */
	private static function add_envelope_filters(): void {
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
