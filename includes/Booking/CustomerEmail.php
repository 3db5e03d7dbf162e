<?php
/**
 * The form of a customer's email address that the booking cap compares.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * One person's address written many ways counts as one address. The cap on
 * coming bookings per address (SpamGuard) compares these keys, so that
 * `Ann@Example.com `, `ann+1@example.com` and `ann+2@example.com` share one
 * count, and so do `a.n.n@gmail.com` and `ann@googlemail.com`.
 *
 * - Letter case and surrounding spaces never tell two mailboxes apart in practice.
 * - A `+tag` is dropped at every domain: nearly every mail service delivers
 *   `name+anything` to `name`, and an address that differs from another only
 *   after a `+` is, in practice, the same person.
 * - Dots are dropped only at Gmail (gmail.com and googlemail.com, one
 *   service), which ignores them; elsewhere `a.b` and `ab` may be two people.
 *
 * Stored addresses stay as the customer typed them: this is only for comparing.
 */
final class CustomerEmail {

	/** Domains whose mailboxes ignore dots, each mapped to its one name. */
	private const DOTLESS = array(
		'gmail.com'      => 'gmail.com',
		'googlemail.com' => 'gmail.com',
	);

	/**
	 * The comparable form of an address.
	 *
	 * @param string $email An address.
	 */
	public static function key( string $email ): string {
		$email = strtolower( trim( $email ) );
		$at    = strrpos( $email, '@' );
		if ( false === $at ) {
			return $email;
		}
		$local  = substr( $email, 0, $at );
		$domain = substr( $email, $at + 1 );
		$plus   = strpos( $local, '+' );
		if ( false !== $plus && $plus > 0 ) {
			$local = substr( $local, 0, $plus );
		}
		if ( isset( self::DOTLESS[ $domain ] ) ) {
			$local  = str_replace( '.', '', $local );
			$domain = self::DOTLESS[ $domain ];
		}
		return $local . '@' . $domain;
	}

	/**
	 * Every domain an address with this key may have been stored with.
	 *
	 * @param string $key What key() gave.
	 * @return string[]
	 */
	public static function domains( string $key ): array {
		$at     = strrpos( $key, '@' );
		$domain = false === $at ? '' : substr( $key, $at + 1 );
		if ( in_array( $domain, self::DOTLESS, true ) ) {
			return array_keys( self::DOTLESS, $domain, true );
		}
		return array( $domain );
	}
}
