<?php
/**
 * The page answer that shows a customer's booking to manage.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Blocks;

use AppointEase\Notifications\ManageLink;

defined( 'ABSPATH' ) || exit;

/**
 * A manage link opens the booking page with `?appointease_booking=<id>`.
 * Its token lives in the fragment, but the page still loads fonts, scripts
 * and images, and its visitor may follow a link away: so that no Referer
 * carries even the page's address with the booking id, such a page answers
 * `Referrer-Policy: no-referrer`, and says so again in a meta tag for pages a
 * static cache serves without PHP's headers.
 *
 * A link emailed before tokens moved to the fragment has the token in the
 * query. That request has reached the server already, but the page at once
 * answers `303 See Other` to the same address with the token in the
 * fragment, so it stays out of the address bar, the history and every
 * request the page makes from then on. (The app reads a query token too, for
 * a page served without PHP.)
 *
 * Every check is one `isset()` on the query, on front-end page requests
 * only; REST and the 1-second poll never reach these hooks.
 */
final class ManagePage {

	/**
	 * Adds the hooks, on a request that carries a manage link's arguments only:
	 * other pages pay one check.
	 */
	public static function register(): void {
		if ( ! self::is_manage_request() ) {
			return;
		}
		add_action( 'send_headers', array( self::class, 'send_headers' ) );
		add_action( 'template_redirect', array( self::class, 'move_token_to_fragment' ), 1 );
		add_action( 'wp_head', array( self::class, 'referrer_meta' ), 1 );
	}

	/**
	 * Whether this page request opens a booking to manage.
	 */
	public static function is_manage_request(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only whether the argument is there; nothing is read or changed.
		return isset( $_GET[ ManageLink::BOOKING_ARG ] ) || isset( $_GET[ ManageLink::TOKEN_ARG ] );
	}

	/**
	 * Sends the Referrer-Policy header on a manage page. Hooked to `send_headers`.
	 */
	public static function send_headers(): void {
		if ( self::is_manage_request() && ! headers_sent() ) {
			header( 'Referrer-Policy: no-referrer' );
		}
	}

	/**
	 * The same policy as a meta tag, first in the head. Hooked to `wp_head`.
	 */
	public static function referrer_meta(): void {
		if ( self::is_manage_request() ) {
			echo '<meta name="referrer" content="no-referrer" />' . "\n";
		}
	}

	/**
	 * Sends an old link's query token to the fragment. Hooked to `template_redirect`.
	 */
	public static function move_token_to_fragment(): void {
		$token = self::query_token();
		if ( null === $token ) {
			return;
		}
		$url = remove_query_arg( ManageLink::TOKEN_ARG );
		// The redirect's Location holds the token: no cache may keep it.
		nocache_headers();
		if ( wp_safe_redirect( $url . '#' . ManageLink::TOKEN_ARG . '=' . $token, 303, 'AppointEase' ) ) {
			exit;
		}
	}

	/**
	 * The token in the query string when it has a token's shape, else null.
	 */
	private static function query_token(): ?string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a link from an email, checked against the booking by the REST routes; matched against a strict pattern below.
		$token = isset( $_GET[ ManageLink::TOKEN_ARG ] ) ? wp_unslash( $_GET[ ManageLink::TOKEN_ARG ] ) : null;
		return is_string( $token ) && 1 === preg_match( '/^[A-Za-z0-9_.:-]{1,128}$/', $token ) ? $token : null;
	}
}
