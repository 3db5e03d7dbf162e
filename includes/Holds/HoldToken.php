<?php
/**
 * The secret that proves a visitor holds a hold.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Makes tokens and their hashes. The holder gets the token once; stores keep
 * only the hash, so neither a database dump nor a Redis dump lets anyone act
 * on someone else's hold.
 */
final class HoldToken {

	/**
	 * A new random token: 64 hex digits (256 bits).
	 */
	public static function generate(): string {
		return bin2hex( random_bytes( 32 ) );
	}

	/**
	 * The hash stores keep and look tokens up by.
	 *
	 * @param string $token The holder's token.
	 */
	public static function hash( string $token ): string {
		return hash( 'sha256', $token );
	}

	/**
	 * Whether a string has the shape of a token hash (sha256 in lowercase hex).
	 *
	 * @param string $token_hash Candidate hash.
	 */
	public static function is_hash( string $token_hash ): bool {
		return 1 === preg_match( '/^[0-9a-f]{64}$/', $token_hash );
	}
}
