<?php
/**
 * The secrets of the calendar feeds.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

defined( 'ABSPATH' ) || exit;

/**
 * One secret per feed: each employee's own, and the all-employees feed
 * ('all'). Only a SHA-256 hash of each secret is stored, so a feed address
 * is shown once, when it is made; making a new one replaces the hash, and
 * the old address answers 404 from that moment.
 *
 * The secret sits in the address's path because calendar apps subscribe to
 * a bare URL and send no header we could put it in. That is the one place a
 * capability URL is the format, with its trade-off: whoever sees the address
 * can read the feed. The plugin never logs it and the stack's nginx keeps no
 * access log; a site whose server logs request paths keeps it there too.
 */
final class FeedKeys {

	/** The option that holds the hashes. */
	public const OPTION = 'appointease_feed_keys';

	/** The owner name of the all-employees feed. */
	public const ALL = 'all';

	/**
	 * Makes a new secret for a feed, replacing any earlier one at once.
	 *
	 * @param string $owner An employee id as a string, or self::ALL.
	 * @return string The secret (40 hex characters), to be shown once.
	 */
	public static function regenerate( string $owner ): string {
		$secret         = bin2hex( random_bytes( 20 ) );
		$keys           = self::stored();
		$keys[ $owner ] = array(
			'hash'    => hash( 'sha256', $secret ),
			'created' => time(),
		);
		update_option( self::OPTION, $keys, false );
		return $secret;
	}

	/**
	 * Whose feed a secret opens, or null when it opens none.
	 *
	 * @param string $secret The secret from the address.
	 */
	public static function owner( string $secret ): ?string {
		$hash = hash( 'sha256', $secret );
		foreach ( self::stored() as $owner => $key ) {
			if ( hash_equals( $key['hash'], $hash ) ) {
				return (string) $owner;
			}
		}
		return null;
	}

	/**
	 * When a feed's current address was made, or null when it has none.
	 *
	 * @param string $owner An employee id as a string, or self::ALL.
	 */
	public static function created( string $owner ): ?int {
		return self::stored()[ $owner ]['created'] ?? null;
	}

	/**
	 * Stops a feed: its address answers 404 from now on.
	 *
	 * @param string $owner An employee id as a string, or self::ALL.
	 */
	public static function revoke( string $owner ): void {
		$keys = self::stored();
		unset( $keys[ $owner ] );
		update_option( self::OPTION, $keys, false );
	}

	/**
	 * The feed's addresses for a secret: https (or http on a site without
	 * TLS) and the same as webcal://, which calendar apps open as a subscription.
	 *
	 * @param string $secret The secret.
	 * @return array{https: string, webcal: string}
	 */
	public static function urls( string $secret ): array {
		$url = rest_url( 'appointease/v1/feeds/' . $secret . '.ics' );
		return array(
			'https'  => $url,
			'webcal' => (string) preg_replace( '#^https?://#', 'webcal://', $url ),
		);
	}

	/**
	 * The stored hashes.
	 *
	 * @return array<string, array{hash: string, created: int}>
	 */
	private static function stored(): array {
		$keys = get_option( self::OPTION, array() );
		return is_array( $keys ) ? $keys : array();
	}
}
