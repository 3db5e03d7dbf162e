<?php
/**
 * Answers the poll while the plugin file loads, before the rest of WordPress.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Poll;

defined( 'ABSPATH' ) || exit;

/**
 * The poll is the one request every watching visitor sends each second. By
 * the time plugins load, WordPress has its database, options and the object
 * cache, which is all the answer needs; the theme, `init`, the rewrite rules
 * and the REST server would only add cost. So when the request is exactly a
 * GET of `/wp-json/appointease/v1/slots/poll` (or `?rest_route=` to it), this
 * answers and ends the request.
 *
 * Define APPOINTEASE_EARLY_POLL as false to leave it to the REST route, for
 * example when another plugin must see every REST request.
 */
final class EarlyPoll {

	/**
	 * The REST route this answers for.
	 */
	private const ROUTE = '/appointease/v1/slots/poll';

	/**
	 * Answers and exits when the current request is a poll.
	 */
	public static function maybe_answer(): void {
		if ( ! self::applies() ) {
			return;
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- a public, read-only answer.
		$employee = isset( $_GET['employee'] ) ? sanitize_text_field( wp_unslash( $_GET['employee'] ) ) : null;
		$date     = isset( $_GET['date'] ) ? sanitize_text_field( wp_unslash( $_GET['date'] ) ) : null;
		// phpcs:enable
		$if_none_match = isset( $_SERVER['HTTP_IF_NONE_MATCH'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_IF_NONE_MATCH'] ) ) : null;

		list( $status, $headers, $body ) = ( new PollResponder( PollService::create_default() ) )->respond( $employee, $date, $if_none_match );

		status_header( $status );
		header( 'Content-Type: application/json; charset=' . get_option( 'blog_charset' ) );
		header( 'X-Content-Type-Options: nosniff' );
		foreach ( $headers as $name => $value ) {
			header( $name . ': ' . $value );
		}
		if ( null !== $body && 'HEAD' !== self::method() ) {
			echo wp_json_encode( $body ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for a JSON response.
		}
		exit;
	}

	/**
	 * The request's method, sanitised like any other input before it is compared.
	 */
	private static function method(): string {
		return isset( $_SERVER['REQUEST_METHOD'] ) ? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) ) : '';
	}

	/**
	 * Whether this request is a GET (or HEAD) of the poll route.
	 */
	private static function applies(): bool {
		if ( ( defined( 'APPOINTEASE_EARLY_POLL' ) && ! APPOINTEASE_EARLY_POLL ) || ! isset( $_SERVER['REQUEST_METHOD'], $_SERVER['REQUEST_URI'] ) ) {
			return false;
		}
		if ( ! in_array( self::method(), array( 'GET', 'HEAD' ), true ) ) {
			return false;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only compared.
		if ( isset( $_GET['rest_route'] ) && self::ROUTE === $_GET['rest_route'] ) {
			return true;
		}
		$path = (string) wp_parse_url( wp_unslash( $_SERVER['REQUEST_URI'] ), PHP_URL_PATH ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared with a fixed path.
		$home = rtrim( (string) wp_parse_url( home_url(), PHP_URL_PATH ), '/' );
		// Only the default REST prefix: a filter that changes it may not have loaded yet.
		return $home . '/wp-json' . self::ROUTE === $path;
	}
}
