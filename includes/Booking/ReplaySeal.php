<?php
/**
 * Keeps a booking's manage token for a replay of the request that made it.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * A double submit (a retry after a lost answer) must get the same booking
 * and its manage token back, yet only the token's hash is stored. So the
 * token is kept sealed: encrypted (libsodium's secretbox) under a key made
 * from the idempotency key, a hash of the whole request and the site's
 * secret salt. Only the same request again opens it. Knowing the key, the
 * time and the customer's email is not enough, and the site's database
 * alone is not either.
 */
final class ReplaySeal {

	/**
	 * The token sealed for replays of this request, as stored text.
	 *
	 * @param string         $token   The manage token.
	 * @param BookingRequest $request The request that made the booking; it has an idempotency key.
	 */
	public static function seal( string $token, BookingRequest $request ): string {
		$nonce = random_bytes( SODIUM_CRYPTO_SECRETBOX_NONCEBYTES );
		return base64_encode( $nonce . sodium_crypto_secretbox( $token, $nonce, self::key( $request ) ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- binary ciphertext stored as text.
	}

	/**
	 * The token, when this request is the one that sealed it; otherwise null.
	 *
	 * @param string         $seal    What seal() made.
	 * @param BookingRequest $request The request now.
	 */
	public static function open( string $seal, BookingRequest $request ): ?string {
		$raw = base64_decode( $seal, true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- see seal().
		if ( false === $raw || strlen( $raw ) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ) {
			return null;
		}
		$token = sodium_crypto_secretbox_open( substr( $raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), substr( $raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES ), self::key( $request ) );
		return false === $token ? null : $token;
	}

	/**
	 * The sealing key of a request: everything it asked for, as the booking
	 * service reads it (the email without regard to case, as mail treats it;
	 * the answers as Form\Answers cleaned them, in the form's order, so keys
	 * sent in another order are the same request). Consent counts as given or
	 * not: its recorded time is the clock's, not the request's.
	 *
	 * @param BookingRequest $request The request.
	 */
	private static function key( BookingRequest $request ): string {
		$fields = array(
			(string) $request->idempotency_key,
			$request->service_id,
			$request->employee_id,
			$request->start->getTimestamp(),
			$request->seats,
			$request->customer_name,
			strtolower( $request->customer_email ),
			$request->customer_phone,
			$request->customer_notes,
			(string) $request->hold_token,
			$request->override,
			self::answers( $request->form_answers ),
		);
		return hash_hmac( 'sha256', 'replay-seal|' . wp_json_encode( $fields ), wp_salt( 'auth' ), true );
	}

	/**
	 * The answers part of the sealing key: the cleaned answers and whether consent was given.
	 *
	 * @param string|null $form_answers JSON of the checked answers (Form\Answers), or null.
	 * @return array{fields: mixed, consent: bool}
	 */
	private static function answers( ?string $form_answers ): array {
		$answers = null === $form_answers ? null : json_decode( $form_answers, true );
		$answers = is_array( $answers ) ? $answers : array();
		return array(
			'fields'  => $answers['fields'] ?? array(),
			'consent' => isset( $answers['consent'] ),
		);
	}
}
