<?php
/**
 * The link in the email that asks a customer to confirm a booking.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * The confirm link: the booking page with `#appointease_confirm=<id>.<token>`.
 *
 * The token is random (BookingService makes it; the table keeps only its
 * SHA-256) and travels in the URL's fragment, which browsers never send to
 * a server: it stays out of web-server, proxy and CDN logs and out of
 * Referer headers. The booking block reads the fragment, removes it from
 * the address bar and sends the token in the body of
 * `POST bookings/{id}/verify`. Opening a link has to do something a page can
 * act on, and a page cannot read a header; a fragment is what it can read
 * without the server seeing it.
 */
final class ConfirmLink {

	/** The fragment's key. */
	public const FRAGMENT_KEY = 'appointease_confirm';

	/**
	 * The confirm link of a booking.
	 *
	 * @param int    $booking_id Row id.
	 * @param string $token      The raw confirm token.
	 */
	public static function url( int $booking_id, string $token ): string {
		$page = (string) strtok( ManageLink::booking_page_url(), '#' );
		return $page . '#' . self::FRAGMENT_KEY . '=' . $booking_id . '.' . rawurlencode( $token );
	}
}
