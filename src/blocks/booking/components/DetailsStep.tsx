/**
 * The details step: name, email, phone and notes, each with its own
 * message when it is not right (aria-invalid, aria-describedby). The form
 * checks a field when the visitor leaves it and every field on submit, and
 * then moves focus to the first field at fault. A hidden `website` field is
 * the honeypot (see BookingScreening on the server).
 */

/**
 * External dependencies
 */
import type { FormEvent } from 'react';

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { checkDetails } from '../../../shared/actions';
import { selectedService } from '../../../shared/store';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import type { CustomerField } from '../../../shared/types';
import { FIELDS, LIMITS, validateField } from '../../../shared/validation';
import { DetailsCustomFields, firstCustomFieldAtFault } from './CustomFields';

interface FieldSpec {
	label: string;
	type: 'text' | 'email' | 'tel' | 'textarea';
	autoComplete?: string;
	required: boolean;
	hint?: string;
}

/**
 * The label, input type and hint of each field.
 */
function fieldSpecs(): Record< CustomerField, FieldSpec > {
	return {
		name: {
			label: __( 'Name', 'appointease' ),
			type: 'text',
			autoComplete: 'name',
			required: true,
		},
		email: {
			label: __( 'Email', 'appointease' ),
			type: 'email',
			autoComplete: 'email',
			required: true,
			hint: __(
				'Your confirmation and the link to change or cancel go here.',
				'appointease'
			),
		},
		phone: {
			label: __( 'Phone (optional)', 'appointease' ),
			type: 'tel',
			autoComplete: 'tel',
			required: false,
		},
		notes: {
			label: __( 'Notes (optional)', 'appointease' ),
			type: 'textarea',
			required: false,
		},
	};
}

interface DetailsStepProps {
	/** Prefix for element ids. */
	id: string;
}

/**
 * The step.
 *
 * @param props    Component props.
 * @param props.id Prefix for element ids.
 */
export function DetailsStep( { id }: DetailsStepProps ) {
	const store = useBookingStoreApi();
	const customer = useBookingStore( ( state ) => state.customer );
	const trap = useBookingStore( ( state ) => state.trap );
	const errors = useBookingStore( ( state ) => state.fieldErrors );
	const specs = fieldSpecs();

	const onSubmit = ( event: FormEvent ) => {
		event.preventDefault();
		if ( checkDetails( store ) ) {
			store.getState().next();
			return;
		}
		const state = store.getState();
		const { fieldErrors } = state;
		const first = FIELDS.find( ( field ) => fieldErrors[ field ] );
		const target = first
			? `${ id }-${ first }`
			: firstCustomFieldAtFault(
					id,
					selectedService( state )?.fields ?? [],
					state.answerErrors
				);
		if ( target ) {
			document.getElementById( target )?.focus();
		}
	};

	const onBlur = ( field: CustomerField ) => {
		const value = store.getState().customer[ field ].trim();
		if ( value === '' && ! specs[ field ].required ) {
			return;
		}
		if ( value === '' && errors[ field ] === undefined ) {
			// Leaving an empty required field is not yet a mistake.
			return;
		}
		const message = validateField( field, value );
		const next = { ...store.getState().fieldErrors };
		if ( message ) {
			next[ field ] = message;
		} else {
			delete next[ field ];
		}
		store.getState().setFieldErrors( next );
	};

	return (
		<form className="appointease-form" noValidate onSubmit={ onSubmit }>
			<p className="appointease-hint">
				{ __( 'Fields marked * are required.', 'appointease' ) }
			</p>
			{ FIELDS.map( ( field ) => {
				const spec = specs[ field ];
				const inputId = `${ id }-${ field }`;
				const errorId = `${ inputId }-error`;
				const hintId = `${ inputId }-hint`;
				const error = errors[ field ];
				const describedBy =
					[ spec.hint ? hintId : '', error ? errorId : '' ]
						.filter( Boolean )
						.join( ' ' ) || undefined;
				const common = {
					id: inputId,
					name: field,
					value: customer[ field ],
					required: spec.required,
					'aria-invalid': error ? true : undefined,
					'aria-describedby': describedBy,
					maxLength: LIMITS[ field ],
					onBlur: () => onBlur( field ),
				};
				return (
					<div
						key={ field }
						className={ `appointease-field${
							error ? ' has-error' : ''
						}` }
					>
						<label htmlFor={ inputId }>
							{ spec.label }
							{ spec.required && (
								<span aria-hidden="true"> *</span>
							) }
						</label>
						{ spec.type === 'textarea' ? (
							<textarea
								{ ...common }
								rows={ 3 }
								onChange={ ( event ) =>
									store
										.getState()
										.setCustomerField(
											field,
											event.currentTarget.value
										)
								}
							/>
						) : (
							<input
								{ ...common }
								type={ spec.type }
								autoComplete={ spec.autoComplete }
								onChange={ ( event ) =>
									store
										.getState()
										.setCustomerField(
											field,
											event.currentTarget.value
										)
								}
							/>
						) }
						{ spec.hint && (
							<p
								id={ hintId }
								className="appointease-field__hint"
							>
								{ spec.hint }
							</p>
						) }
						{ error && (
							<p
								id={ errorId }
								className="appointease-field__error"
							>
								{ error }
							</p>
						) }
					</div>
				);
			} ) }
			<DetailsCustomFields id={ id } />
			{ /* The honeypot: hidden from eyes, screen readers and the Tab key, so only a script that fills every field fills it. */ }
			<div className="appointease-trap" aria-hidden="true">
				<label htmlFor={ `${ id }-website` }>
					{ __( 'Website', 'appointease' ) }
				</label>
				<input
					id={ `${ id }-website` }
					name="website"
					type="text"
					tabIndex={ -1 }
					autoComplete="off"
					value={ trap }
					onChange={ ( event ) =>
						store.getState().setTrap( event.currentTarget.value )
					}
				/>
			</div>
			<div className="appointease-app__actions">
				<button type="submit" className="appointease-button">
					{ __( 'Continue', 'appointease' ) }
				</button>
			</div>
		</form>
	);
}
