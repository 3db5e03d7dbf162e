<?php
/**
 * REST: send a booking's email to its customer again.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Notifications\Notifier;

defined( 'ABSPATH' ) || exit;

/**
 * `POST bookings/{id}/resend`, managers only: the customer gets the email
 * of their pending or confirmed booking again, say after they lost it.
 */
final class BookingResendController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'bookings';

	/**
	 * Builds it.
	 *
	 * @param BookingRepository $bookings Booking rows.
	 */
	public function __construct( private readonly BookingRepository $bookings ) {
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)/resend',
			array(
				'args' => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'resend' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
			)
		);
	}

	/**
	 * Sends the email again.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function resend( $request ) {
		$booking = $this->bookings->find( (int) $request['id'] );
		if ( null === $booking ) {
			return Errors::make( 'NOT_FOUND', __( 'There is no such booking.', 'appointease' ) );
		}
		if ( Booking::PENDING !== $booking->status && Booking::CONFIRMED !== $booking->status ) {
			return Errors::make( 'STATUS_CONFLICT', __( 'Only a pending or confirmed booking has a confirmation to send again.', 'appointease' ) );
		}
		Notifier::shared()->resend( $booking );
		return self::json(
			array(
				'id'     => $booking->id,
				'resent' => true,
			)
		);
	}
}
