<?php
/**
 * REST: a booking's calendar file.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\Ics;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;

defined( 'ABSPATH' ) || exit;

/**
 * `GET bookings/{id}/ics` answers the booking as a `text/calendar`
 * download, for the "add to calendar" buttons of the booking form and its
 * manage page, which fetch it with the token in the `X-AppointEase-Token`
 * header and save it from a Blob. Whoever may read the booking may read its
 * file: the same permission check guards both (BookingsController::can_read()).
 */
final class BookingCalendarController extends Controller {

	/** The media type of the answer. */
	public const CONTENT_TYPE = 'text/calendar; charset=utf-8';

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'bookings';

	/**
	 * Builds it.
	 *
	 * @param BookingRepository  $bookings  Booking rows.
	 * @param ServiceRepository  $services  Services, for the event's title.
	 * @param EmployeeRepository $employees Employees, for the event's title.
	 * @param callable           $can_read  The permission check of reading the booking itself.
	 */
	public function __construct(
		private readonly BookingRepository $bookings,
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private $can_read
	) {
	}

	/**
	 * Registers the route and the filter that sends its answer unencoded.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)/ics',
			array(
				'args' => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					// The token comes in the X-AppointEase-Token header, never the query (ManageTokens).
					'permission_callback' => $this->can_read,
				),
			)
		);
		add_filter( 'rest_pre_serve_request', array( self::class, 'serve_calendar' ), 10, 2 );
	}

	/**
	 * The calendar file.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$booking = $this->bookings->find( (int) $request['id'] );
		if ( null === $booking ) {
			return self::not_found();
		}
		$service  = $this->services->find( $booking->service_id );
		$employee = $this->employees->find( $booking->employee_id );
		if ( null === $service || null === $employee ) {
			return self::not_found();
		}
		$response = new \WP_REST_Response( Ics::for_booking( $booking, $service, $employee ) );
		$response->header( 'Content-Type', self::CONTENT_TYPE );
		$response->header( 'Content-Disposition', 'attachment; filename="' . Ics::file_name( $booking ) . '"' );
		// The file holds a customer's appointment: no shared cache may keep it.
		$response->header( 'Cache-Control', 'private, no-store' );
		return $response;
	}

	/**
	 * Sends a calendar answer as it is: the REST server would JSON-encode it.
	 *
	 * @param bool              $served  Whether the answer was sent already.
	 * @param \WP_HTTP_Response $result  The answer.
	 */
	public static function serve_calendar( $served, $result ): bool {
		if ( $served || ! $result instanceof \WP_HTTP_Response ) {
			return (bool) $served;
		}
		$headers = $result->get_headers();
		$data    = $result->get_data();
		if ( ! isset( $headers['Content-Type'] ) || self::CONTENT_TYPE !== $headers['Content-Type'] || ! is_string( $data ) ) {
			return false;
		}
		echo $data; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- an iCalendar file, not HTML; its text values are escaped by Ics.
		return true;
	}

	/**
	 * The answer for a booking that does not exist or whose token is wrong.
	 */
	private static function not_found(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'No booking matches this link. It may have been removed.', 'appointease' ) );
	}
}
