<?php
/**
 * Reminder times as people write them: "24h, 2h, 30m".
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Reminders;

defined( 'ABSPATH' ) || exit;

/**
 * The `reminder_times` setting and a service's `reminders` field hold a list
 * of times before the start, written as text: numbers with `h` (hours) or
 * `m` (minutes), separated by commas, e.g. `24h, 2h` or `90m`. One text field
 * edits it in wp-admin, it reads the same in the REST API and WP-CLI, and it
 * says its unit. A service's field may also be `off` (no reminders for it)
 * or null (the site's setting). Internally a list is whole minutes, largest
 * first.
 */
final class ReminderTimes {

	/** A service's value that turns its reminders off. */
	public const OFF = 'off';

	/** Most reminders one booking may get. */
	public const MAX_COUNT = 10;

	/** The earliest a reminder may go out: 30 days before the start, in minutes. */
	public const MAX_MINUTES = 43200;

	/**
	 * The minutes a list stands for, largest first, without repeats.
	 *
	 * @param string $text Such as "24h, 2h"; empty for none.
	 * @return int[]
	 * @throws \InvalidArgumentException With a message for people when the text is not such a list.
	 */
	public static function parse( string $text ): array {
		$text = strtolower( trim( $text ) );
		if ( '' === $text || self::OFF === $text ) {
			return array();
		}
		$minutes = array();
		foreach ( explode( ',', $text ) as $part ) {
			if ( 1 !== preg_match( '/^\s*(\d{1,5})\s*(h|m)\s*$/', $part, $match ) ) {
				throw new \InvalidArgumentException( esc_html( self::problem() ) );
			}
			$value = (int) $match[1] * ( 'h' === $match[2] ? 60 : 1 );
			if ( $value < 1 || $value > self::MAX_MINUTES ) {
				throw new \InvalidArgumentException( esc_html( self::problem() ) );
			}
			$minutes[ $value ] = $value;
		}
		if ( count( $minutes ) > self::MAX_COUNT ) {
			throw new \InvalidArgumentException( esc_html( self::problem() ) );
		}
		rsort( $minutes );
		return $minutes;
	}

	/**
	 * A list written the one way it is stored: whole hours as `h`, the rest as `m`.
	 *
	 * @param int[] $minutes Minutes before the start.
	 */
	public static function format( array $minutes ): string {
		return implode( ', ', array_map( array( self::class, 'one' ), $minutes ) );
	}

	/**
	 * One time before the start, as written in a list: "24h", "90m".
	 *
	 * @param int $minutes Minutes.
	 */
	public static function one( int $minutes ): string {
		return 0 === $minutes % 60 ? ( intdiv( $minutes, 60 ) . 'h' ) : ( $minutes . 'm' );
	}

	/**
	 * A list as stored: normalised, or `off` for a service's empty list.
	 *
	 * @param string $text What someone typed; already known to parse.
	 * @param bool   $service Whether it is a service's field (where empty means off).
	 */
	public static function normalise( string $text, bool $service = false ): string {
		$minutes = self::parse( $text );
		if ( $service && array() === $minutes ) {
			return self::OFF;
		}
		return self::format( $minutes );
	}

	/**
	 * Whether a text is a valid list, as a REST `validate_callback`.
	 *
	 * @param mixed $value The value.
	 * @return true|\WP_Error
	 */
	public static function validate( $value ) {
		if ( null === $value ) {
			return true;
		}
		if ( ! is_string( $value ) ) {
			return new \WP_Error( 'rest_invalid_param', self::problem(), array( 'status' => 400 ) );
		}
		try {
			self::parse( $value );
			return true;
		} catch ( \InvalidArgumentException $invalid ) {
			return new \WP_Error( 'rest_invalid_param', self::problem(), array( 'status' => 400 ) );
		}
	}

	/**
	 * A service's field as stored, as a REST `sanitize_callback`: null
	 * stays null (the site's setting), an empty list becomes `off`.
	 *
	 * @param mixed $value A value validate() accepted.
	 */
	public static function sanitize_for_service( $value ): ?string {
		return is_string( $value ) ? self::normalise( $value, true ) : null;
	}

	/**
	 * What a valid list looks like, for people.
	 */
	public static function problem(): string {
		/* translators: 1: most reminders, 2: most days before the start. */
		return sprintf( __( 'Write reminder times as hours (h) or minutes (m) before the start, separated by commas, such as 24h, 2h or 30m: at most %1$d of them, none earlier than %2$d days before.', 'appointease' ), self::MAX_COUNT, intdiv( self::MAX_MINUTES, 1440 ) );
	}
}
