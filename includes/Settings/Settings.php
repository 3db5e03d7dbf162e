<?php
/**
 * The site owner's booking settings.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Settings;

use AppointEase\Notifications\EmailTemplates;
use AppointEase\Reminders\ReminderTimes;

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
	 * The rules of the booking settings: their JSON schema without the
	 * descriptions. Reading a setting needs only these, so the hot paths (the
	 * poll's rate limit, slot checks) load no translations.
	 */
	private const RULES = array(
		'slot_step'                  => array(
			'type'    => 'integer',
			'enum'    => array( 5, 10, 15, 20, 30, 45, 60 ),
			'default' => 15,
		),
		'minimum_notice'             => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 43200,
			'default' => 60,
		),
		'horizon_days'               => array(
			'type'    => 'integer',
			'minimum' => 1,
			'maximum' => 365,
			'default' => 90,
		),
		'approval_required'          => array(
			'type'    => 'boolean',
			'default' => false,
		),
		'currency'                   => array(
			'type'    => 'string',
			'pattern' => '^([A-Z]{3})?$',
			'default' => '',
		),
		'require_email_confirmation' => array(
			'type'    => 'boolean',
			'default' => false,
		),
		'confirmation_minutes'       => array(
			'type'    => 'integer',
			'minimum' => 5,
			'maximum' => 1440,
			'default' => 30,
		),
		'hold_ttl'                   => array(
			'type'    => 'integer',
			'minimum' => 10,
			'maximum' => 300,
			'default' => 30,
		),
		'hold_max_life'              => array(
			'type'    => 'integer',
			'minimum' => 60,
			'maximum' => 600,
			'default' => 600,
		),
		'rate_limit_writes'          => array(
			'type'    => 'integer',
			'minimum' => 1,
			'maximum' => 10000,
			'default' => 30,
		),
		'rate_limit_poll'            => array(
			'type'    => 'integer',
			'minimum' => 60,
			'maximum' => 100000,
			'default' => 600,
		),
		'rate_limit_reads'           => array(
			'type'    => 'integer',
			'minimum' => 10,
			'maximum' => 10000,
			'default' => 120,
		),
		'booking_changes_per_hour'   => array(
			'type'    => 'integer',
			'minimum' => 1,
			'maximum' => 100,
			'default' => 5,
		),
		'min_fill_seconds'           => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 600,
			'default' => 3,
		),
		'bookings_per_email'         => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 1000,
			'default' => 3,
		),
		'manage_link_days'           => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 365,
			'default' => 7,
		),
		'poll_interval'              => array(
			'type'    => 'integer',
			'minimum' => 1,
			'maximum' => 10,
			'default' => 1,
		),
		'booking_page'               => array(
			'type'    => 'integer',
			'minimum' => 0,
			'default' => 0,
		),
		'reminder_times'             => array(
			'type'      => 'string',
			'maxLength' => 200,
			'default'   => '24h, 2h',
		),
		'reminder_late_minutes'      => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 1440,
			'default' => 15,
		),
		'consent_required'           => array(
			'type'    => 'boolean',
			'default' => false,
		),
		'consent_text'               => array(
			'type'      => 'string',
			'maxLength' => 500,
			'default'   => '',
		),
		'cancel_cutoff_hours'        => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 8760,
			'default' => 0,
		),
		'reschedule_cutoff_hours'    => array(
			'type'    => 'integer',
			'minimum' => 0,
			'maximum' => 8760,
			'default' => 0,
		),
		'change_contact_text'        => array(
			'type'      => 'string',
			'maxLength' => 500,
			'default'   => '',
		),
		'calendar_sync_minutes'      => array(
			'type'    => 'integer',
			'minimum' => 15,
			'maximum' => 1440,
			'default' => 30,
		),
		'feed_customer_details'      => array(
			'type'    => 'boolean',
			'default' => false,
		),
	);

	/**
	 * The JSON schema of the booking settings: the rules with descriptions.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function booking_schema(): array {
		$descriptions = array(
			'slot_step'                  => __( 'Minutes between two offered start times.', 'appointease' ),
			'minimum_notice'             => __( 'Minutes a booking must be made before it starts.', 'appointease' ),
			'horizon_days'               => __( 'How many days ahead visitors may book.', 'appointease' ),
			'approval_required'          => __( 'New bookings wait as pending until an admin approves them.', 'appointease' ),
			'currency'                   => __( 'The currency of the prices, as its three-letter ISO 4217 code such as EUR, USD or GBP; visitors see prices in the site language\'s format, like "€35.00" or "35,00 €". Empty shows prices as plain numbers.', 'appointease' ),
			'require_email_confirmation' => __( 'Customers confirm each booking by opening a link sent to their email address. Until then the booking holds its time; unconfirmed, it expires and the time is free again. Keeps made-up bookings from filling the calendar.', 'appointease' ),
			'confirmation_minutes'       => __( 'Minutes a booking waiting for its customer\'s email confirmation holds its time before it expires.', 'appointease' ),
			'hold_ttl'                   => __( 'Seconds a visitor\'s hold on a time lasts without a heartbeat.', 'appointease' ),
			'hold_max_life'              => __( 'Seconds a hold may last at most, heartbeats included.', 'appointease' ),
			'rate_limit_writes'          => __( 'Holds and bookings one IP address may send per minute.', 'appointease' ),
			'rate_limit_poll'            => __( 'Live-availability polls one IP address may send per minute (a page polls once a second).', 'appointease' ),
			'rate_limit_reads'           => __( 'Month views of free times (availability and seats left) one IP address may ask for per minute.', 'appointease' ),
			'booking_changes_per_hour'   => __( 'Times a customer may move one booking per hour. Moves and cancels close together send one email.', 'appointease' ),
			'min_fill_seconds'           => __( 'Seconds a visitor must take at least from choosing a time to booking it; faster bookings are refused as automated (0: no minimum). Bookings made by admins are never checked.', 'appointease' ),
			'bookings_per_email'         => __( 'Coming bookings one email address may have at once; a visitor asking for more is refused (0: no limit). Addresses are compared without letter case, a +tag, or the dots of a Gmail address. Bookings made by admins are never refused.', 'appointease' ),
			'manage_link_days'           => __( 'Days after an appointment ends that the customer\'s link to see, change or cancel it keeps working (0: until it ends). After that the link tells them to contact you.', 'appointease' ),
			'poll_interval'              => __( 'Seconds between two live-availability checks of an open booking page.', 'appointease' ),
			'booking_page'               => __( 'The page with the booking form, where the manage links in emails lead (0: the first published page with the form).', 'appointease' ),
			'reminder_times'             => __( 'When confirmed bookings get a reminder email before they start: hours (h) or minutes (m) before the start, separated by commas, such as "24h, 2h" (empty: no reminders). A service can have its own.', 'appointease' ),
			'reminder_late_minutes'      => __( 'A reminder that could not go out on time (the site was asleep) is still sent late, but not when the appointment starts in fewer minutes than this.', 'appointease' ),
			'consent_required'           => __( 'Visitors must tick a consent box, beside a link to the site\'s privacy policy page, before they book; each booking records when they agreed and the exact text.', 'appointease' ),
			'consent_text'               => __( 'The text of the consent box (empty: "I agree to the privacy policy.").', 'appointease' ),
			'cancel_cutoff_hours'        => __( 'Hours before the start up to which customers may cancel a booking online (0: up to the start). A service can have its own. Admins can always cancel.', 'appointease' ),
			'reschedule_cutoff_hours'    => __( 'Hours before the start up to which customers may move a booking online (0: up to the start). A service can have its own. Admins can always move bookings.', 'appointease' ),
			'change_contact_text'        => __( 'How customers reach you once a booking can no longer be changed online, such as "Call us on 555 0100." Shown on their booking page instead of the cancel and reschedule buttons (empty: "Please contact us.").', 'appointease' ),
			'calendar_sync_minutes'      => __( 'Minutes between two fetches of an employee\'s outside calendars (their busy times are not offered to visitors).', 'appointease' ),
			'feed_customer_details'      => __( 'The all-employees calendar feed shows the customers\' names and contact details too. Each employee\'s own feed always does.', 'appointease' ),
		);
		$schema       = array();
		foreach ( self::RULES as $key => $rule ) {
			$schema[ $key ] = array( 'description' => $descriptions[ $key ] ) + $rule;
		}
		return $schema;
	}

	/**
	 * Every setting, stored values over defaults.
	 *
	 * @return array<string, mixed>
	 */
	public static function all(): array {
		$stored = self::stored();
		$values = array();
		foreach ( self::schema() as $key => $schema ) {
			$values[ $key ] = self::resolve( $stored, $key, $schema );
		}
		return $values;
	}

	/**
	 * The stored option: only the settings an admin changed.
	 *
	 * @return array<string, mixed>
	 */
	private static function stored(): array {
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * A stored value when its schema accepts it, else the default; sanitized
	 * too, so that a value stored as "30" comes back as the integer its schema says.
	 *
	 * @param array<string, mixed> $stored The stored option.
	 * @param string               $key    The setting.
	 * @param array<string, mixed> $schema Its schema.
	 * @return mixed
	 */
	private static function resolve( array $stored, string $key, array $schema ) {
		$value = $stored[ $key ] ?? $schema['default'];
		return true === rest_validate_value_from_schema( $value, $schema, $key ) ? rest_sanitize_value_from_schema( $value, $schema, $key ) : $schema['default'];
	}

	/**
	 * One integer setting.
	 *
	 * @param string $key A key of self::schema() whose type is integer.
	 */
	public static function int( string $key ): int {
		return (int) self::value( $key );
	}

	/**
	 * One text setting.
	 *
	 * @param string $key A key of self::schema() whose type is string.
	 */
	public static function text( string $key ): string {
		return (string) self::value( $key );
	}

	/**
	 * One boolean setting.
	 *
	 * @param string $key A key of self::schema() whose type is boolean.
	 */
	public static function bool( string $key ): bool {
		return (bool) self::value( $key );
	}

	/**
	 * One setting, stored value over default. A booking setting is resolved
	 * from its rule alone; the others (email templates, whose defaults are
	 * translated) through all().
	 *
	 * @param string $key A key of self::schema().
	 * @return mixed
	 */
	private static function value( string $key ) {
		if ( ! isset( self::RULES[ $key ] ) ) {
			return self::all()[ $key ];
		}
		$stored = self::stored();
		if ( null === self::$resolved || self::$resolved[0] !== $stored ) {
			self::$resolved = array( $stored, array() );
		}
		if ( ! array_key_exists( $key, self::$resolved[1] ) ) {
			self::$resolved[1][ $key ] = self::resolve( $stored, $key, self::RULES[ $key ] );
		}
		return self::$resolved[1][ $key ];
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
		$stored = self::stored();
		foreach ( $changes as $key => $value ) {
			if ( ! isset( $schema[ $key ] ) ) {
				throw new \InvalidArgumentException( esc_html( sprintf( '"%s" is not a setting.', $key ) ) );
			}
			$valid = rest_validate_value_from_schema( $value, $schema[ $key ], $key );
			if ( is_wp_error( $valid ) ) {
				throw new \InvalidArgumentException( esc_html( $valid->get_error_message() ) );
			}
			$stored[ $key ] = rest_sanitize_value_from_schema( $value, $schema[ $key ], $key );
			if ( 'reminder_times' === $key ) {
				// Throws a message for people; stored in the one way it is written back.
				$stored[ $key ] = ReminderTimes::normalise( (string) $stored[ $key ] );
			}
		}
		$ttl      = self::resolve( $stored, 'hold_ttl', self::RULES['hold_ttl'] );
		$max_life = self::resolve( $stored, 'hold_max_life', self::RULES['hold_max_life'] );
		if ( $ttl > $max_life ) {
			throw new \InvalidArgumentException( 'A hold cannot last longer per heartbeat than at most.' );
		}
		// Only what was changed is stored, so that a setting left alone keeps following the plugin's default.
		update_option( self::OPTION, $stored, true );
		return self::all();
	}
}
