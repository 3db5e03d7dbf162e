<?php
/**
 * Checks a customer's answers to a service's booking form.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Form;

defined( 'ABSPATH' ) || exit;

/**
 * Turns what a booking request sent in `fields` and `consent` into what is
 * stored with the booking, or refuses it naming the first field at fault.
 * The block and wp-admin check the same rules with the same messages
 * (src/shared/custom-fields.ts), for speed; this is the one that decides.
 *
 * @phpstan-import-type Field from Fields
 */
final class Answers {

	/** Longest answer of each text type, in characters. */
	public const MAX_LENGTH = array(
		'text'      => 200,
		'long_text' => 2000,
		'email'     => 191,
		'phone'     => 50,
		'number'    => 50,
		'date'      => 10,
	);

	/**
	 * The answers to store with a booking: `{fields: {id: value}, consent?: {at, text}}`.
	 *
	 * @param int   $service_id  The service booked.
	 * @param mixed $sent        The request's `fields` (an object), or null.
	 * @param mixed $consent     The request's `consent`, or null.
	 * @param bool  $by_visitor  Whether a visitor books (consent is asked of visitors; an admin may record it).
	 * @param int   $now         The current Unix time, recorded with consent.
	 * @return array{fields: array<string, mixed>, consent?: array{at: string, text: string}}
	 * @throws InvalidAnswer When an answer is missing or invalid.
	 */
	public static function check( int $service_id, $sent, $consent, bool $by_visitor, int $now ): array {
		$sent   = is_array( $sent ) ? $sent : array();
		$form   = Fields::for_service( $service_id );
		$stored = array( 'fields' => array() );
		foreach ( array_keys( $sent ) as $id ) {
			if ( ! isset( $form[ (string) $id ] ) ) {
				/* translators: %s: a field id. */
				throw new InvalidAnswer( (string) $id, 'unknown', sprintf( __( 'This booking form has no field "%s".', 'appointease' ), (string) $id ) );
			}
		}
		foreach ( $form as $id => $field ) {
			$value = self::value( $field, $sent[ $id ] ?? null );
			if ( null !== $value ) {
				$stored['fields'][ $id ] = $value;
			}
		}
		if ( true === $consent || ( $by_visitor && Consent::required() ) ) {
			if ( true !== $consent ) {
				throw new InvalidAnswer( 'consent', 'required', __( 'Please agree to the privacy policy to book.', 'appointease' ) );
			}
			$stored['consent'] = array(
				'at'   => gmdate( 'Y-m-d\TH:i:s\Z', $now ),
				'text' => Consent::text(),
			);
		}
		return $stored;
	}

	/**
	 * One answer, cleaned, or null when it is empty and may be.
	 *
	 * @param array<string, mixed> $field The field.
	 * @param mixed                $value What was sent.
	 * @return mixed
	 * @throws InvalidAnswer When it is missing or invalid.
	 *
	 * @phpstan-param Field $field
	 */
	private static function value( array $field, $value ) {
		if ( is_string( $value ) ) {
			$value = trim( $value );
		}
		if ( null === $value || '' === $value || array() === $value || ( false === $value && 'checkbox' === $field['type'] ) ) {
			if ( $field['required'] ) {
				self::refuse( $field, 'required', /* translators: %s: a field's label. */ __( 'Please answer "%s".', 'appointease' ) );
			}
			return null;
		}
		switch ( $field['type'] ) {
			case 'checkbox':
				if ( true !== $value ) {
					self::refuse( $field, 'invalid', /* translators: %s: a field's label. */ __( '"%s" is ticked or not: send true or false.', 'appointease' ) );
				}
				return true;
			case 'checkboxes':
				$chosen = is_array( $value ) && array_is_list( $value ) ? $value : array( $value );
				foreach ( $chosen as $option ) {
					self::option( $field, $option );
				}
				return array_values( array_unique( $chosen ) );
			case 'select':
			case 'radio':
				return self::option( $field, $value );
			case 'number':
				if ( ! is_int( $value ) && ! is_float( $value ) && ! ( is_string( $value ) && is_numeric( $value ) ) ) {
					self::refuse( $field, 'invalid', /* translators: %s: a field's label. */ __( '"%s" needs a number.', 'appointease' ) );
				}
				return is_string( $value ) ? $value + 0 : $value;
		}//end switch
		if ( ! is_string( $value ) ) {
			self::refuse( $field, 'invalid', /* translators: %s: a field's label. */ __( '"%s" needs text.', 'appointease' ) );
		}
		$clean = 'long_text' === $field['type'] ? sanitize_textarea_field( $value ) : sanitize_text_field( $value );
		if ( mb_strlen( $clean ) > self::MAX_LENGTH[ $field['type'] ] ) {
			/* translators: 1: a field's label, 2: a number of characters. */
			throw new InvalidAnswer( $field['id'], 'too_long', sprintf( __( '"%1$s" is too long: at most %2$d characters.', 'appointease' ), $field['label'], self::MAX_LENGTH[ $field['type'] ] ) );
		}
		$valid = match ( $field['type'] ) {
			'email' => false !== is_email( $clean ),
			'phone' => 1 === preg_match( '/^[0-9+() .\-]+$/', $clean ),
			'date'  => self::is_date( $clean ),
			default => true,
		};
		if ( ! $valid ) {
			$messages = array(
				/* translators: %s: a field's label. */
				'email' => __( '"%s" needs an email address, like name@example.com.', 'appointease' ),
				/* translators: %s: a field's label. */
				'phone' => __( '"%s" needs a phone number: digits, spaces and + ( ) . - only.', 'appointease' ),
				/* translators: %s: a field's label. */
				'date'  => __( '"%s" needs a date written YYYY-MM-DD.', 'appointease' ),
			);
			self::refuse( $field, 'invalid', $messages[ $field['type'] ] );
		}
		return $clean;
	}

	/**
	 * One of the field's options, or a refusal.
	 *
	 * @param array<string, mixed> $field The field.
	 * @param mixed                $value What was sent.
	 * @throws InvalidAnswer When it is not one of the options.
	 *
	 * @phpstan-param Field $field
	 */
	private static function option( array $field, $value ): string {
		if ( ! is_string( $value ) || ! in_array( $value, $field['options'], true ) ) {
			self::refuse( $field, 'not_an_option', /* translators: %s: a field's label. */ __( 'Please choose one of the choices of "%s".', 'appointease' ) );
		}
		return $value;
	}

	/**
	 * Whether text is a real calendar date written YYYY-MM-DD.
	 *
	 * @param string $text The answer.
	 */
	private static function is_date( string $text ): bool {
		return 1 === preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $text, $parts ) && checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] );
	}

	/**
	 * Refuses an answer, the field's label in the message.
	 *
	 * @param array<string, mixed> $field   The field.
	 * @param string               $reason  Machine reason: required, invalid, not_an_option.
	 * @param string               $message A message with %s for the label.
	 * @throws InvalidAnswer Always.
	 *
	 * @phpstan-param Field $field
	 */
	private static function refuse( array $field, string $reason, string $message ): never {
		throw new InvalidAnswer( $field['id'], $reason, sprintf( $message, $field['label'] ) );
	}
}
