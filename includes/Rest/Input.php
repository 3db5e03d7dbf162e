<?php
/**
 * Strict parsing of the times and dates callers send.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * Core's `date-time` format lets PHP roll 2026-02-30 over into March and
 * accepts times without an offset; a booking needs neither, so these rules
 * are stricter: an exact calendar date, an explicit offset, a sane year.
 */
final class Input {

	/**
	 * Years outside this range are refused as typos or probes.
	 */
	private const FIRST_YEAR = 2000;
	private const LAST_YEAR  = 2100;

	/**
	 * An ISO 8601 time with its offset, e.g. 2026-12-01T10:00:00+01:00, or null.
	 *
	 * @param mixed $value What the caller sent.
	 */
	public static function instant( $value ): ?\DateTimeImmutable {
		if ( ! is_string( $value ) || 1 !== preg_match( '/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/', $value, $parts ) ) {
			return null;
		}
		if ( ! self::is_date( (int) $parts[1], (int) $parts[2], (int) $parts[3] ) || (int) $parts[4] > 23 || (int) $parts[5] > 59 || (int) ( '' === $parts[6] ? 0 : $parts[6] ) > 59 ) {
			return null;
		}
		$offset = 'Z' === $parts[7] ? '+00:00' : $parts[7];
		if ( (int) substr( $offset, 1, 2 ) > 14 || (int) substr( $offset, 4, 2 ) > 59 ) {
			return null;
		}
		$seconds = '' === $parts[6] ? '00' : $parts[6];
		$parsed  = \DateTimeImmutable::createFromFormat( '!Y-m-d\TH:i:sP', "{$parts[1]}-{$parts[2]}-{$parts[3]}T{$parts[4]}:{$parts[5]}:{$seconds}{$offset}" );
		return false === $parsed ? null : $parsed;
	}

	/**
	 * Whether a value is a calendar date, YYYY-MM-DD.
	 *
	 * @param mixed $value What the caller sent.
	 */
	public static function is_local_date( $value ): bool {
		return is_string( $value )
			&& 1 === preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $value, $parts )
			&& self::is_date( (int) $parts[1], (int) $parts[2], (int) $parts[3] );
	}

	/**
	 * Argument validator for instants.
	 *
	 * @param mixed            $value   The value.
	 * @param \WP_REST_Request $request The request.
	 * @param string           $param   The parameter's name.
	 * @return true|\WP_Error
	 */
	public static function validate_instant( $value, $request, $param ) {
		if ( null !== self::instant( $value ) ) {
			return true;
		}
		return Errors::make(
			'VALIDATION_ERROR',
			/* translators: %s: a parameter name. */
			sprintf( __( '%s must be a time with its offset, like 2026-12-01T10:00:00+01:00.', 'appointease' ), $param ),
			array( 'params' => array( $param => 'invalid_time' ) )
		);
	}

	/**
	 * Argument validator for local dates.
	 *
	 * @param mixed            $value   The value.
	 * @param \WP_REST_Request $request The request.
	 * @param string           $param   The parameter's name.
	 * @return true|\WP_Error
	 */
	public static function validate_local_date( $value, $request, $param ) {
		if ( self::is_local_date( $value ) ) {
			return true;
		}
		return Errors::make(
			'VALIDATION_ERROR',
			/* translators: %s: a parameter name. */
			sprintf( __( '%s must be a date that exists, like 2026-12-01.', 'appointease' ), $param ),
			array( 'params' => array( $param => 'invalid_date' ) )
		);
	}

	/**
	 * Sanitizer for required one-line text: validates by the schema, strips
	 * tags and extra spaces, and refuses what is empty afterwards (core checks
	 * minLength before sanitizing, so "<p></p>" would pass as a name).
	 *
	 * @param mixed            $value   The value.
	 * @param \WP_REST_Request $request The request.
	 * @param string           $param   The parameter's name.
	 * @return string|\WP_Error
	 */
	public static function required_text( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}
		$clean = sanitize_text_field( (string) $value );
		if ( '' === $clean ) {
			return Errors::make(
				'VALIDATION_ERROR',
				/* translators: %s: a parameter name. */
				sprintf( __( '%s cannot be empty.', 'appointease' ), $param ),
				array( 'params' => array( $param => 'empty' ) )
			);
		}
		return $clean;
	}

	/**
	 * Whether year, month and day name a real date in the accepted years.
	 *
	 * @param int $year  Year.
	 * @param int $month Month.
	 * @param int $day   Day.
	 */
	private static function is_date( int $year, int $month, int $day ): bool {
		return $year >= self::FIRST_YEAR && $year <= self::LAST_YEAR && checkdate( $month, $day, $year );
	}
}
