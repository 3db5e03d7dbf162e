/**
 * The business's own booking-form fields and the consent box: the client's
 * checks, with the same rules and the same messages as the server
 * (includes/Form/Answers.php), which decides. Both apps use them.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Service } from './types';

/** One field of a service's form, as `GET services` gives it. */
export type FormField = Service[ 'fields' ][ number ];

/** The consent box of the form, when the site asks for one. */
export type ConsentBox = NonNullable< Service[ 'consent' ] >;

/** An answer as the form holds it: text, a tick, or ticked options. */
export type AnswerValue = string | boolean | string[];

/** Answers by field id. */
export type Answers = Record< string, AnswerValue >;

/** Messages by field id (`consent` for the consent box). */
export type AnswerErrors = Record< string, string >;

/** The key of the consent box in AnswerErrors, as the server names it. */
export const CONSENT = 'consent';

/** Longest answer of each text type, in characters (as the server counts). */
export const MAX_LENGTH: Readonly< Record< string, number > > = Object.freeze( {
	text: 200,
	long_text: 2000,
	email: 191,
	phone: 50,
	number: 50,
	date: 10,
} );

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^[0-9+() .-]+$/;
// What PHP's is_numeric() takes for a trimmed decimal number.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether text is a real calendar date written YYYY-MM-DD.
 *
 * @param text The answer.
 */
function isDate( text: string ): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec( text );
	if ( ! match ) {
		return false;
	}
	const [ year, month, day ] = match.slice( 1 ).map( Number ) as [
		number,
		number,
		number,
	];
	const date = new Date( Date.UTC( year, month - 1, day ) );
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
}

/**
 * Whether an answer counts as not given.
 *
 * @param value The answer.
 */
function isEmpty( value: AnswerValue | undefined ): boolean {
	return (
		value === undefined ||
		value === false ||
		( typeof value === 'string' && value.trim() === '' ) ||
		( Array.isArray( value ) && value.length === 0 )
	);
}

/**
 * The message for an answer that is not one of the field's options.
 *
 * @param field The field.
 */
function notAnOption( field: FormField ): string {
	return sprintf(
		/* translators: %s: a field's label. */
		__( 'Please choose one of the choices of "%s".', 'appointease' ),
		field.label
	);
}

/**
 * The message for one answer, or undefined when it is fine.
 *
 * @param field The field.
 * @param value The answer.
 */
export function checkAnswer(
	field: FormField,
	value: AnswerValue | undefined
): string | undefined {
	if ( isEmpty( value ) ) {
		return field.required
			? sprintf(
					/* translators: %s: a field's label. */
					__( 'Please answer "%s".', 'appointease' ),
					field.label
				)
			: undefined;
	}
	switch ( field.type ) {
		case 'checkbox':
			return undefined;
		case 'checkboxes':
		case 'select':
		case 'radio':
			return ( Array.isArray( value ) ? value : [ value ] ).every(
				( option ) =>
					typeof option === 'string' &&
					field.options.includes( option )
			) &&
				( field.type === 'checkboxes' || ! Array.isArray( value ) )
				? undefined
				: notAnOption( field );
	}
	const text = typeof value === 'string' ? value.trim() : '';
	const max = MAX_LENGTH[ field.type ] ?? 200;
	if ( [ ...text ].length > max ) {
		return sprintf(
			/* translators: 1: a field's label, 2: a number of characters. */
			__( '"%1$s" is too long: at most %2$d characters.', 'appointease' ),
			field.label,
			max
		);
	}
	switch ( field.type ) {
		case 'number':
			return NUMBER.test( text )
				? undefined
				: sprintf(
						/* translators: %s: a field's label. */
						__( '"%s" needs a number.', 'appointease' ),
						field.label
					);
		case 'email':
			return EMAIL.test( text )
				? undefined
				: sprintf(
						/* translators: %s: a field's label. */
						__(
							'"%s" needs an email address, like name@example.com.',
							'appointease'
						),
						field.label
					);
		case 'phone':
			return PHONE.test( text )
				? undefined
				: sprintf(
						/* translators: %s: a field's label. */
						__(
							'"%s" needs a phone number: digits, spaces and + ( ) . - only.',
							'appointease'
						),
						field.label
					);
		case 'date':
			return isDate( text )
				? undefined
				: sprintf(
						/* translators: %s: a field's label. */
						__(
							'"%s" needs a date written YYYY-MM-DD.',
							'appointease'
						),
						field.label
					);
	}
	return undefined;
}

/**
 * The message of the consent box when it is required and not ticked.
 */
export function consentMessage(): string {
	return __( 'Please agree to the privacy policy to book.', 'appointease' );
}

/**
 * Every message of a form (only the fields at fault), in form order.
 *
 * @param fields  The service's fields.
 * @param answers The answers.
 * @param consent The consent box, or null when there is none.
 * @param agreed  Whether the box is ticked.
 */
export function checkAnswers(
	fields: readonly FormField[],
	answers: Answers,
	consent: ConsentBox | null,
	agreed: boolean
): AnswerErrors {
	const errors: AnswerErrors = {};
	for ( const field of fields ) {
		const message = checkAnswer( field, answers[ field.id ] );
		if ( message ) {
			errors[ field.id ] = message;
		}
	}
	if ( consent && ! agreed ) {
		errors[ CONSENT ] = consentMessage();
	}
	return errors;
}

/**
 * The answers as `POST bookings` takes them: only the form's fields, text
 * trimmed, empty answers left out.
 *
 * @param fields  The service's fields.
 * @param answers The answers.
 */
export function answersToSend(
	fields: readonly FormField[],
	answers: Answers
): Record< string, AnswerValue > {
	const sent: Record< string, AnswerValue > = {};
	for ( const field of fields ) {
		const value = answers[ field.id ];
		if ( value === undefined || isEmpty( value ) ) {
			continue;
		}
		sent[ field.id ] = typeof value === 'string' ? value.trim() : value;
	}
	return sent;
}

/**
 * The field the server's VALIDATION_ERROR names, with its message: the
 * server puts `fields.<id>` (or `consent`) in `data.params`.
 *
 * @param params  The error's `data.params`.
 * @param message The error's message.
 */
export function answerErrorsFromServer(
	params: Readonly< Record< string, unknown > >,
	message: string
): AnswerErrors {
	const errors: AnswerErrors = {};
	for ( const key of Object.keys( params ) ) {
		if ( key === CONSENT ) {
			errors[ CONSENT ] = message;
		} else if ( key.startsWith( 'fields.' ) ) {
			errors[ key.slice( 'fields.'.length ) ] = message;
		}
	}
	return errors;
}
