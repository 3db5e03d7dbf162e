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
 * The manage link: the booking page with `?appointease_booking=<id>` and
 * `#appointease_token=<token>`. The token rides in the fragment, which
 * browsers never send to a server nor put in a Referer, so no access log,
 * proxy or analytics script on another site sees it; the booking id in the
 * query lets the page answer with `Referrer-Policy: no-referrer`
 * (ManagePage). Links emailed before the fragment carry the token in the
 * query instead; the app reads both and clears the address bar.
 *
 * A customer's token stops working `manage_link_days` days after the
 * appointment ends (expired(); admins and employees are not bound by it),
 * and dies with a privacy erasure, which replaces the stored hash that
 * every token of the booking derives from (forgotten()).
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

	/** Fragment argument (query argument in older links) carrying the token. */
	public const TOKEN_ARG = 'appointease_token';

	/** The token opens the booking. */
	public const OPEN = 'open';

	/** No booking matches the id and token (or there is no such booking). */
	public const NO_MATCH = 'no_match';

	/** Seconds in a day. */
	private const DAY = 86400;

	/** The token is right but its time is over. */
	public const EXPIRED = 'expired';

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
		$page = add_query_arg( self::BOOKING_ARG, $booking->id, self::booking_page_url() );
		return $page . '#' . self::TOKEN_ARG . '=' . self::link_token( $booking->id, $hash );
	}

	/**
	 * What a token does for a booking: opens it (its manage token, or the
	 * link token of its emails), matches nothing (a wrong token, or no such
	 * booking: one answer for both), or is right but expired.
	 *
	 * @param int                $booking_id Row id.
	 * @param string             $token      What the caller sent.
	 * @param \DateTimeImmutable $now        The time to judge expiry at.
	 * @return string One of self::OPEN, self::NO_MATCH, self::EXPIRED.
	 */
	public function check( int $booking_id, string $token, \DateTimeImmutable $now ): string {
		if ( '' === $token ) {
			return self::NO_MATCH;
		}
		$access = $this->bookings->manage_access( $booking_id );
		if ( null === $access ) {
			return self::NO_MATCH;
		}
		$hash = $access['hash'];
		if ( ! hash_equals( $hash, hash( 'sha256', $token ) ) && ! hash_equals( self::link_token( $booking_id, $hash ), $token ) ) {
			return self::NO_MATCH;
		}
		return self::expired( $access['end'], $now ) ? self::EXPIRED : self::OPEN;
	}

	/**
	 * Whether the customer's links of an appointment that ends then no longer
	 * work: `manage_link_days` days after its end (0: from its end on).
	 *
	 * @param \DateTimeImmutable $end The appointment's end.
	 * @param \DateTimeImmutable $now The time to judge at.
	 */
	public static function expired( \DateTimeImmutable $end, \DateTimeImmutable $now ): bool {
		return $now->getTimestamp() >= $end->getTimestamp() + Settings::int( 'manage_link_days' ) * self::DAY;
	}

	/**
	 * The columns that make every token of a booking useless, for a privacy
	 * erasure: the stored hash becomes the hash of random bytes nobody ever
	 * saw, and link tokens are derived from that hash. The sealed token a
	 * replay of the first request could open goes too.
	 *
	 * @return array{manage_token_hash: string, replay_seal: null}
	 */
	public static function forgotten(): array {
		return array(
			'manage_token_hash' => hash( 'sha256', random_bytes( 32 ) ),
			'replay_seal'       => null,
		);
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
