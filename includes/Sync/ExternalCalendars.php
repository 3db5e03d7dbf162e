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
 * take the same ones.
 */
final class ExternalCalendars {

	/** The longest address taken. */
	public const MAX_URL_LENGTH = 2000;

	/**
	 * The address as it will be fetched, or null when it cannot be: webcal://
	 * (what Apple and Outlook hand out) becomes https://, and only addresses
	 * WordPress would fetch safely (no private network, usual ports) are taken.
	 *
	 * @param string $url What was entered.
	 */
	public static function normalise( string $url ): ?string {
		$url = trim( $url );
		if ( '' === $url || strlen( $url ) > self::MAX_URL_LENGTH ) {
			return null;
		}
		$url    = (string) preg_replace( '#^webcals?://#i', 'https://', $url );
		$scheme = strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) );
		if ( ! in_array( $scheme, array( 'http', 'https' ), true ) ) {
			return null;
		}
		return false === wp_http_validate_url( $url ) ? null : $url;
	}
}
