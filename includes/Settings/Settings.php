<?php
/**
 * The site owner's booking settings.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Settings;

use AppointEase\Notifications\EmailTemplates;

defined( 'ABSPATH' ) || exit;

/**
 * One option, `appointease_settings`, described by one JSON schema that both
 * this class and the REST settings route validate with. Missing keys fall back
 * to the defaults, so adding a setting needs no migration.
 */
final class Settings {

	public const OPTION = 'appointease_settings';

	/**
	 * The stored option last resolved, and what it resolved to.
	 *
	 * @var array{0: array<mixed>, 1: array<string, mixed>}|null
	 */
	private static ?array $resolved = null;

	/**
	 * The JSON schema of every setting, with its default. The email switches
	 * and templates come from EmailTemplates.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function schema(): array {
		return self::booking_schema() + EmailTemplates::settings_schema();
	}

	/**
	 * The JSON schema of the booking settings.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function booking_schema(): array {
		return array(
			'slot_step'         => array(
				'description' => __( 'Minutes between two offered start times.', 'appointease' ),
				'type'        => 'integer',
				'enum'        => array( 5, 10, 15, 20, 30, 45, 60 ),
				'default'     => 15,
			),
			'minimum_notice'    => array(
				'description' => __( 'Minutes a booking must be made before it starts.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 43200,
				'default'     => 60,
			),
			'horizon_days'      => array(
				'description' => __( 'How many days ahead visitors may book.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 365,
				'default'     => 90,
			),
			'approval_required' => array(
				'description' => __( 'New bookings wait as pending until an admin approves them.', 'appointease' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'hold_ttl'          => array(
				'description' => __( 'Seconds a visitor\'s hold on a time lasts without a heartbeat.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 10,
				'maximum'     => 300,
				'default'     => 30,
			),
			'hold_max_life'     => array(
				'description' => __( 'Seconds a hold may last at most, heartbeats included.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 60,
				'maximum'     => 600,
				'default'     => 600,
			),
			'rate_limit_writes' => array(
				'description' => __( 'Holds and bookings one IP address may send per minute.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 10000,
				'default'     => 30,
			),
			'rate_limit_poll'   => array(
				'description' => __( 'Live-availability polls one IP address may send per minute (a page polls once a second).', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 60,
				'maximum'     => 100000,
				'default'     => 600,
			),
			'poll_interval'     => array(
				'description' => __( 'Seconds between two live-availability checks of an open booking page.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 10,
				'default'     => 1,
			),
			'booking_page'      => array(
				'description' => __( 'The page with the booking form, where the manage links in emails lead (0: the first published page with the form).', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
		);
	}

	/**
	 * Every setting, stored values over defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function all(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		// Slot checks ask for settings several times a request; validate each stored value once.
		if ( null !== self::$resolved && self::$resolved[0] === $stored ) {
			return self::$resolved[1];
		}
		$values = array();
		foreach ( self::schema() as $key => $schema ) {
			$value = $stored[ $key ] ?? $schema['default'];
			// Sanitized too, so that a value stored as "30" comes back as the integer its schema says.
			$values[ $key ] = true === rest_validate_value_from_schema( $value, $schema, $key ) ? rest_sanitize_value_from_schema( $value, $schema, $key ) : $schema['default'];
		}
		self::$resolved = array( $stored, $values );
		return $values;
	}

	/**
	 * One integer setting.
	 *
	 * @param string $key A key of self::schema() whose type is integer.
	 */
	public static function int( string $key ): int {
		return (int) self::all()[ $key ];
	}

	/**
	 * One boolean setting.
	 *
	 * @param string $key A key of self::schema() whose type is boolean.
	 */
	public static function bool( string $key ): bool {
		return (bool) self::all()[ $key ];
	}

	/**
	 * Validates and stores some settings; the others keep their values.
	 *
	 * @param array<string, mixed> $changes Setting => new value.
	 * @return array<string, mixed> Every setting after the change.
	 * @throws \InvalidArgumentException When a key is unknown or a value invalid; nothing is stored then.
	 */
	public static function update( array $changes ): array {
		$schema = self::schema();
		$values = self::all();
		foreach ( $changes as $key => $value ) {
			if ( ! isset( $schema[ $key ] ) ) {
				throw new \InvalidArgumentException( esc_html( sprintf( '"%s" is not a setting.', $key ) ) );
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $key ], $key );
			if ( is_wp_error( $valid ) ) {
				throw new \InvalidArgumentException( esc_html( $valid->get_error_message() ) );
			}
			$values[ $key ] = rest_sanitize_value_from_schema( $value, $schema[ $key ], $key );
		}
		if ( $values['hold_ttl'] > $values['hold_max_life'] ) {
			throw new \InvalidArgumentException( 'A hold cannot last longer per heartbeat than at most.' );
		}
		update_option( self::OPTION, $values, true );
		return $values;
	}
}
