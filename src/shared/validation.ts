/**
 * Checks the visitor's details before they are sent, with the same limits as
 * `POST bookings` (docs/rest-api.md), and reads the server's own
 * validation errors back into field messages.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FieldErrors } from './store';
import type { Customer, CustomerField } from './types';

export const LIMITS = Object.freeze( {
	name: 100,
	email: 191,
	phone: 50,
	notes: 2000,
} );

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const PHONE = /^[0-9+() .-]*$/;

/**
 * The details with surrounding spaces trimmed, as they are sent.
 *
 * @param customer The form's values.
 */
export function cleanCustomer( customer: Customer ): Customer {
	return {
		name: customer.name.trim(),
		email: customer.email.trim(),
		phone: customer.phone.trim(),
		notes: customer.notes.trim(),
	};
}

/**
 * The message for one field, or undefined when it is fine.
 *
 * @param field The field.
 * @param value Its trimmed value.
 */
export function validateField(
	field: CustomerField,
	value: string
): string | undefined {
	switch ( field ) {
		case 'name':
			if ( value === '' ) {
				return __( 'Please enter your name.', 'appointease' );
			}
			if ( value.length > LIMITS.name ) {
				return __(
					'Please shorten your name to 100 characters or fewer.',
					'appointease'
				);
			}
			return undefined;
		case 'email':
			if ( value === '' ) {
				return __(
					'Please enter your email address: your confirmation goes there.',
					'appointease'
				);
			}
			if ( value.length > LIMITS.email || ! EMAIL.test( value ) ) {
				return __(
					'Please enter a valid email address, such as name@example.com.',
					'appointease'
				);
			}
			return undefined;
		case 'phone':
			if ( value.length > LIMITS.phone || ! PHONE.test( value ) ) {
				return __(
					'Please use only digits, spaces and + ( ) . - in the phone number, 50 characters at most.',
					'appointease'
				);
			}
			return undefined;
		case 'notes':
			if ( value.length > LIMITS.notes ) {
				return __(
					'Please shorten your notes to 2000 characters or fewer.',
					'appointease'
				);
			}
			return undefined;
	}
}

/** The fields in form order. */
export const FIELDS: readonly CustomerField[] = [
	'name',
	'email',
	'phone',
	'notes',
];

/**
 * Every field's message (only the fields at fault).
 *
 * @param customer The form's values.
 */
export function validateCustomer( customer: Customer ): FieldErrors {
	const clean = cleanCustomer( customer );
	const errors: FieldErrors = {};
	for ( const field of FIELDS ) {
		const message = validateField( field, clean[ field ] );
		if ( message ) {
			errors[ field ] = message;
		}
	}
	return errors;
}

/**
 * Field messages from a server validation error (`data.params`), whose keys
 * name the parameter (`customer`, `customer.email`) and whose values say
 * what is wrong (`customer[email] is not a valid email address.`).
 *
 * @param params   The error's params.
 * @param customer What was sent, to check it against our own rules.
 */
export function fieldErrorsFromServer(
	params: Readonly< Record< string, unknown > >,
	customer: Customer
): FieldErrors {
	const errors: FieldErrors = {};
	for ( const [ key, value ] of Object.entries( params ) ) {
		const text = `${ key } ${ typeof value === 'string' ? value : '' }`;
		for ( const field of FIELDS ) {
			if ( text.includes( field ) ) {
				errors[ field ] =
					validateField(
						field,
						cleanCustomer( customer )[ field ]
					) ??
					( typeof value === 'string'
						? value
						: __( 'Please check this field.', 'appointease' ) );
			}
		}
	}
	return errors;
}
