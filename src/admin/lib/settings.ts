/**
 * How the settings form shows each setting, decided from the setting's JSON
 * schema alone, so that settings added on the server later appear without a
 * change here.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingSchema, SettingValues } from '../../shared/api';

export type FieldKind = 'toggle' | 'select' | 'number' | 'textarea' | 'text';

/**
 * The schema's type, ignoring a "null" alternative.
 *
 * @param schema The setting's schema.
 */
export function typeOf( schema: SettingSchema ): string {
	const types = Array.isArray( schema.type ) ? schema.type : [ schema.type ];
	return types.find( ( type ) => type && type !== 'null' ) ?? 'string';
}

/**
 * The control that edits a setting.
 *
 * @param key    The setting's key.
 * @param schema The setting's schema.
 */
export function fieldKind( key: string, schema: SettingSchema ): FieldKind {
	const type = typeOf( schema );
	if ( type === 'boolean' ) {
		return 'toggle';
	}
	if ( Array.isArray( schema.enum ) && schema.enum.length > 0 ) {
		return 'select';
	}
	if ( type === 'integer' || type === 'number' ) {
		return 'number';
	}
	// Email bodies and other long texts.
	if ( key.endsWith( '_body' ) || ( schema.maxLength ?? 0 ) > 500 ) {
		return 'textarea';
	}
	return 'text';
}

/**
 * Labels of the settings this version knows; others get one made from
 * their schema's title or their key.
 */
function knownLabels(): Record< string, string > {
	return {
		slot_step: __( 'Slot step (minutes)', 'appointease' ),
		minimum_notice: __( 'Minimum notice (minutes)', 'appointease' ),
		horizon_days: __( 'Booking horizon (days)', 'appointease' ),
		approval_required: __( 'Bookings need approval', 'appointease' ),
		currency: __( 'Currency (ISO 4217 code, like EUR)', 'appointease' ),
		require_email_confirmation: __(
			'Customers confirm bookings by email',
			'appointease'
		),
		confirmation_minutes: __(
			'Time to confirm by email (minutes)',
			'appointease'
		),
		hold_ttl: __(
			'Hold lifetime without a heartbeat (seconds)',
			'appointease'
		),
		hold_max_life: __( 'Longest hold (seconds)', 'appointease' ),
		rate_limit_writes: __(
			'Bookings and holds per IP address a minute',
			'appointease'
		),
		rate_limit_poll: __(
			'Availability checks per IP address a minute',
			'appointease'
		),
		rate_limit_reads: __(
			'Month views per IP address a minute',
			'appointease'
		),
		booking_changes_per_hour: __(
			'Moves of one booking by its customer an hour',
			'appointease'
		),
		min_fill_seconds: __(
			'Shortest time to fill in the booking form (seconds)',
			'appointease'
		),
		bookings_per_email: __(
			'Coming bookings per email address',
			'appointease'
		),
		manage_link_days: __(
			'Manage links work until this many days after the appointment',
			'appointease'
		),
		poll_interval: __(
			'Availability check interval (seconds)',
			'appointease'
		),
		booking_page: __( 'Booking page', 'appointease' ),
		reminder_times: __(
			'Reminder times before the start (e.g. 24h, 2h)',
			'appointease'
		),
		reminder_late_minutes: __(
			'No late reminder closer to the start than (minutes)',
			'appointease'
		),
		email_reminder_employee: __(
			'Send the employee a copy of each reminder',
			'appointease'
		),
		email_follow_up: __(
			'Send customers a follow-up email after the appointment',
			'appointease'
		),
		email_follow_up_hours: __(
			'Follow-up email after the end (hours)',
			'appointease'
		),
		cancel_cutoff_hours: __(
			'Customers cancel online until (hours before the start)',
			'appointease'
		),
		reschedule_cutoff_hours: __(
			'Customers reschedule online until (hours before the start)',
			'appointease'
		),
		change_contact_text: __(
			'How customers reach you when a booking can no longer be changed online',
			'appointease'
		),
	};
}

/**
 * A setting's label.
 *
 * @param key    The setting's key.
 * @param schema The setting's schema.
 */
export function fieldLabel( key: string, schema: SettingSchema ): string {
	const known = knownLabels()[ key ];
	if ( known ) {
		return known;
	}
	const template = templateOf( key );
	if ( template ) {
		return template.part === 'subject'
			? sprintf(
					/* translators: %s: an email, such as "New booking: email to the customer". */
					__( 'Subject (%s)', 'appointease' ),
					templateLabel( template.template )
				)
			: sprintf(
					/* translators: %s: an email, such as "New booking: email to the customer". */
					__( 'Message (%s)', 'appointease' ),
					templateLabel( template.template )
				);
	}
	if ( typeof schema.title === 'string' && schema.title !== '' ) {
		return schema.title;
	}
	return humanize( key );
}

/**
 * The email template a setting is part of: `email_created_customer_body` is
 * the body of the template `email_created_customer`. Null for other settings.
 *
 * @param key The setting's key.
 */
export function templateOf(
	key: string
): { template: string; part: 'subject' | 'body' } | null {
	const match = /^(.+)_(subject|body)$/.exec( key );
	if ( ! match || ! match[ 1 ] ) {
		return null;
	}
	return {
		template: match[ 1 ],
		part: match[ 2 ] === 'subject' ? 'subject' : 'body',
	};
}

/**
 * A key in words: "email_created_customer" → "Email created customer".
 *
 * @param key A key.
 */
export function humanize( key: string ): string {
	const words = key.replace( /_/g, ' ' );
	return words.charAt( 0 ).toUpperCase() + words.slice( 1 );
}

/** The form's groups, in the order they appear. */
export const SETTING_GROUPS = [
	'rules',
	'form',
	'emails',
	'reminders',
	'store',
] as const;

export type SettingGroup = ( typeof SETTING_GROUPS )[ number ];

/** The group of each setting this version knows. */
const GROUPS: Record< string, SettingGroup > = {
	slot_step: 'rules',
	minimum_notice: 'rules',
	horizon_days: 'rules',
	approval_required: 'rules',
	currency: 'rules',
	booking_changes_per_hour: 'rules',
	manage_link_days: 'rules',
	booking_page: 'form',
	require_email_confirmation: 'form',
	confirmation_minutes: 'form',
	min_fill_seconds: 'form',
	bookings_per_email: 'form',
	reminder_times: 'reminders',
	reminder_late_minutes: 'reminders',
	email_reminder_employee: 'reminders',
	email_follow_up: 'reminders',
	email_follow_up_hours: 'reminders',
	hold_ttl: 'store',
	hold_max_life: 'store',
	rate_limit_writes: 'store',
	rate_limit_poll: 'store',
	rate_limit_reads: 'store',
	poll_interval: 'store',
};

/**
 * Which group a setting belongs to on the form. The reminder and
 * follow-up emails' templates go with the reminders; other emails' with the
 * emails; a setting this version does not know, with the booking rules.
 *
 * @param key The setting's key.
 */
export function groupOf( key: string ): SettingGroup {
	const known = GROUPS[ key ];
	if ( known ) {
		return known;
	}
	if ( /^email_(reminder|follow_up)_/.test( key ) ) {
		return 'reminders';
	}
	if (
		key.endsWith( '_subject' ) ||
		key.endsWith( '_body' ) ||
		key.startsWith( 'email' )
	) {
		return 'emails';
	}
	return 'rules';
}

/**
 * A group's heading.
 *
 * @param group The group.
 */
export function groupLabel( group: SettingGroup ): string {
	switch ( group ) {
		case 'rules':
			return __( 'Booking rules', 'appointease' );
		case 'form':
			return __( 'Booking form', 'appointease' );
		case 'emails':
			return __( 'Emails', 'appointease' );
		case 'reminders':
			return __( 'Reminders', 'appointease' );
		case 'store':
			return __( 'Store & performance', 'appointease' );
	}
	return group;
}

/**
 * An email template's name for people: `email_created_customer` →
 * "New booking: email to the customer".
 *
 * @param template The template's key (without _subject or _body).
 */
export function templateLabel( template: string ): string {
	const match = /^email_(.+)_(customer|staff)$/.exec( template );
	const events: Record< string, string > = {
		created: __( 'New booking', 'appointease' ),
		confirmed: __( 'Booking approved', 'appointease' ),
		rejected: __( 'Booking declined', 'appointease' ),
		cancelled: __( 'Booking cancelled', 'appointease' ),
		rescheduled: __( 'Booking moved', 'appointease' ),
		reminder: __( 'Reminder', 'appointease' ),
		verify: __( 'Please confirm your booking', 'appointease' ),
		follow_up: __( 'After the appointment', 'appointease' ),
	};
	const event = match?.[ 1 ] ? events[ match[ 1 ] ] : undefined;
	if ( ! match || ! event ) {
		return humanize( template );
	}
	return match[ 2 ] === 'customer'
		? sprintf(
				/* translators: %s: when the email goes out, such as "New booking". */
				__( '%s: email to the customer', 'appointease' ),
				event
			)
		: sprintf(
				/* translators: %s: when the email goes out, such as "New booking". */
				__( '%s: email to the employee and you', 'appointease' ),
				event
			);
}

/**
 * The value a control's text stands for: a number for number fields (or
 * the text itself while it is not a number, for the server to refuse with
 * a clear message), the enum member for selects.
 *
 * @param schema The setting's schema.
 * @param text   What the control holds.
 */
export function fromControl( schema: SettingSchema, text: string ): unknown {
	if ( Array.isArray( schema.enum ) ) {
		return (
			schema.enum.find( ( option ) => String( option ) === text ) ?? text
		);
	}
	const type = typeOf( schema );
	if ( ( type === 'integer' || type === 'number' ) && text.trim() !== '' ) {
		const number = Number( text );
		return Number.isFinite( number ) ? number : text;
	}
	return text;
}

/**
 * What a number field's value breaks, or null: the browser's own check of
 * min/max is only a hint, so the form says it in words before sending.
 *
 * @param schema The setting's schema.
 * @param value  The value.
 */
export function rangeProblem(
	schema: SettingSchema,
	value: unknown
): string | null {
	const type = typeOf( schema );
	if ( type !== 'integer' && type !== 'number' ) {
		return null;
	}
	if ( typeof value !== 'number' ) {
		return __( 'Enter a number.', 'appointease' );
	}
	if ( type === 'integer' && ! Number.isInteger( value ) ) {
		return __( 'Enter a whole number.', 'appointease' );
	}
	const { minimum, maximum } = schema;
	const below = minimum !== undefined && value < minimum;
	const above = maximum !== undefined && value > maximum;
	if ( ! below && ! above ) {
		return null;
	}
	if ( minimum !== undefined && maximum !== undefined ) {
		return sprintf(
			/* translators: 1: smallest allowed number, 2: largest. */
			__( 'Enter a number from %1$s to %2$s.', 'appointease' ),
			String( minimum ),
			String( maximum )
		);
	}
	return below
		? sprintf(
				/* translators: %s: smallest allowed number. */
				__( 'Enter a number of at least %s.', 'appointease' ),
				String( minimum )
			)
		: sprintf(
				/* translators: %s: largest allowed number. */
				__( 'Enter a number of at most %s.', 'appointease' ),
				String( maximum )
			);
}

/**
 * The settings whose values differ from the saved ones.
 *
 * @param saved   The values the server has.
 * @param current The form's values.
 */
export function changedSettings(
	saved: SettingValues,
	current: SettingValues
): SettingValues {
	const changes: SettingValues = {};
	for ( const [ key, value ] of Object.entries( current ) ) {
		if ( saved[ key ] !== value ) {
			changes[ key ] = value;
		}
	}
	return changes;
}
