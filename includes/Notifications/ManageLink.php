<?php
/**
 * The link in emails where customers see, cancel or reschedule a booking.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The manage link: the booking page with `appointease_booking=<id>` and
 * `appointease_token=<token>`.
 *
 * The raw manage token exists only in the answer to `POST bookings`; the
 * database keeps its SHA-256. Emails are sent later too (approval, a move),
 * when no raw token is at hand, and issuing a fresh one would silently break
 * the link the customer already has. So every email carries a *link token*
 * instead: HMAC-SHA256, keyed with the site's auth salt, of the booking id and
 * the stored token hash. It is the same for every email of a booking, it can
 * be computed again whenever one is sent, and nothing new is stored. Reading
 * the database alone is not enough to forge it: the salt lives in
 * wp-config.php. The booking routes accept either token. Changing the auth
 * salt invalidates the links in earlier emails (the original token keeps
 * working), just as it logs everyone out.
 */
final class ManageLink {

	/** Query argument naming the booking. */
	public const BOOKING_ARG = 'appointease_booking';

	/** Query argument carrying the token. */
	public const TOKEN_ARG = 'appointease_token';

	/**
	 * Builds it.
	 *
	 * @param BookingRepository $bookings Booking rows, for the stored token hash.
	 */
	public function __construct( private readonly BookingRepository $bookings ) {
	}

	/**
	 * The manage link of a booking, or '' when the booking no longer exists.
	 *
	 * @param Booking $booking The booking.
	 */
	public function url( Booking $booking ): string {
		$hash = $this->bookings->manage_token_hash( $booking->id );
		if ( null === $hash ) {
			return '';
		}
		return add_query_arg(
			array(
				self::BOOKING_ARG => $booking->id,
				self::TOKEN_ARG   => self::link_token( $booking->id, $hash ),
			),
			self::booking_page_url()
		);
	}

	/**
	 * Whether a token opens a booking: its manage token, or the link token of
	 * its emails. A booking that does not exist opens with none.
	 *
	 * @param int    $booking_id Row id.
	 * @param string $token      What the caller sent.
	 */
	public function accepts( int $booking_id, string $token ): bool {
		if ( '' === $token ) {
			return false;
		}
		$hash = $this->bookings->manage_token_hash( $booking_id );
		if ( null === $hash ) {
			return false;
		}
		return hash_equals( $hash, hash( 'sha256', $token ) ) || hash_equals( self::link_token( $booking_id, $hash ), $token );
	}

	/**
	 * The token in a booking's email links.
	 *
	 * @param int    $booking_id Row id.
	 * @param string $token_hash The stored SHA-256 of its manage token.
	 */
	public static function link_token( int $booking_id, string $token_hash ): string {
		return hash_hmac( 'sha256', 'manage-link|' . $booking_id . '|' . $token_hash, wp_salt( 'auth' ) );
	}

	/**
	 * The page with the booking form: the `booking_page` setting when it names
	 * a published page, else the first published page holding the block or
	 * the shortcode, else the home page.
	 */
	public static function booking_page_url(): string {
		$chosen = Settings::int( 'booking_page' );
		if ( $chosen > 0 && 'publish' === get_post_status( $chosen ) ) {
			$url = get_permalink( $chosen );
			if ( is_string( $url ) ) {
				return $url;
			}
		}
		$found = self::first_page_with_form();
		if ( null !== $found ) {
			$url = get_permalink( $found );
			if ( is_string( $url ) ) {
				return $url;
			}
		}
		return home_url( '/' );
	}

	/**
	 * The id of the first published page whose content holds the booking
	 * block or the `[appointease]` shortcode, or null.
	 */
	private static function first_page_with_form(): ?int {
		global $wpdb;
		$id = $wpdb->get_var( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a LIKE over post content, which no core query function offers; called once per email.
			$wpdb->prepare(
				"SELECT ID FROM {$wpdb->posts} WHERE post_type = 'page' AND post_status = 'publish' AND ( post_content LIKE %s OR post_content LIKE %s OR post_content LIKE %s ) ORDER BY ID LIMIT 1",
				'%' . $wpdb->esc_like( '<!-- wp:appointease/booking' ) . '%',
				'%' . $wpdb->esc_like( '[appointease]' ) . '%',
				'%' . $wpdb->esc_like( '[appointease ' ) . '%'
			)
		);
		return null === $id ? null : (int) $id;
	}
}
