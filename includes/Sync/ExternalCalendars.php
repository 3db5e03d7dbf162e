<?php
/**
 * The rules for outside calendar addresses.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

defined( 'ABSPATH' ) || exit;

/**
 * Checks an address before it is stored, so that the REST API and the CLI
 * take the same ones, and before it is fetched.
 */
final class ExternalCalendars {

	/** The longest address taken. */
	public const MAX_URL_LENGTH = 2000;

	/**
	 * The address as it will be fetched, or null when it is not a full web
	 * address: webcal:// (what Apple and Outlook hand out) becomes https://;
	 * only http and https with a host and no user name or password are taken.
	 * Whether the site may fetch it is is_public()'s question.
	 *
	 * @param string $url What was entered.
	 */
	public static function normalise( string $url ): ?string {
		$url = trim( $url );
		if ( '' === $url || strlen( $url ) > self::MAX_URL_LENGTH ) {
			return null;
		}
		$url   = (string) preg_replace( '#^webcals?://#i', 'https://', $url );
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) || empty( $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return null;
		}
		return $url;
	}

	/**
	 * Whether the site may fetch an address: WordPress's own rule for
	 * requests on a user's behalf (wp_http_validate_url, which
	 * wp_safe_remote_get applies again to the fetch and to every redirect):
	 * the host must not be or resolve to a loopback, private, link-local
	 * (cloud metadata) or reserved IPv4 address, and the port must be 80, 443
	 * or 8080, or the site's own. Asked when an address is added and before
	 * each fetch, since a name can point elsewhere by then. A site that must
	 * read a calendar inside its network allows that host with core's
	 * `http_request_host_is_external` filter (see docs/admin.md).
	 *
	 * @param string $url A normalised address.
	 */
	public static function is_public( string $url ): bool {
		return false !== wp_http_validate_url( $url );
	}
}
