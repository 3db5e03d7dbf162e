/**
 * The business's own questions of a service's booking form, and the consent
 * box: one control per field type, each with its label, hint and message
 * (aria-invalid, aria-describedby). `CustomFields` is controlled, so any
 * form can hold it (the visitor's details step here; a wp-admin form that
 * makes a booking can too); `DetailsCustomFields` connects it to the
 * booking app's store.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	CONSENT,
	MAX_LENGTH,
	checkAnswer,
	type AnswerErrors,
	type AnswerValue,
	type Answers,
	type ConsentBox,
	type FormField,
} from '../../../shared/custom-fields';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { selectedService } from '../../../shared/store';

interface CustomFieldsProps {
	/** Prefix for element ids. */
	id: string;
	fields: readonly FormField[];
	consent: ConsentBox | null;
	answers: Answers;
	agreed: boolean;
	errors: AnswerErrors;
	onAnswer: ( field: string, value: AnswerValue ) => void;
	onConsent: ( agreed: boolean ) => void;
	/** Called when the visitor leaves a field (to check it then). */
	onLeave?: ( field: FormField ) => void;
}

/**
 * The element id of a field's control (of its first option for a group).
 *
 * @param id    Prefix for element ids.
 * @param field A field id, or `consent`.
 */
export function customFieldId( id: string, field: string ): string {
	return `${ id }-cf-${ field }`;
}

/**
 * The fields and the consent box.
 *
 * @param props Component props.
 */
export function CustomFields( props: CustomFieldsProps ) {
	const { id, fields, consent, agreed, errors, onConsent } = props;
	if ( fields.length === 0 && ! consent ) {
		return null;
	}
	const consentId = customFieldId( id, CONSENT );
	const consentError = errors[ CONSENT ];
	return (
		<>
			{ fields.map( ( field ) => (
				<OneField key={ field.id } field={ field } { ...props } />
			) ) }
			{ consent && (
				<div
					className={ `appointease-field appointease-field--consent${
						consentError ? ' has-error' : ''
					}` }
				>
					<input
						id={ consentId }
						type="checkbox"
						checked={ agreed }
						required
						aria-invalid={ consentError ? true : undefined }
						aria-describedby={
							consentError ? `${ consentId }-error` : undefined
						}
						onChange={ ( event ) =>
							onConsent( event.currentTarget.checked )
						}
					/>{ ' ' }
					<label htmlFor={ consentId }>
						{ consent.text }
						<span aria-hidden="true"> *</span>
					</label>
					{ consent.privacy_url && (
						<>
							{ ' ' }
							<a
								href={ consent.privacy_url }
								target="_blank"
								rel="noopener noreferrer"
							>
								{ __(
									'Privacy policy (opens in a new tab)',
									'appointease'
								) }
							</a>
						</>
					) }
					{ consentError && (
						<p
							id={ `${ consentId }-error` }
							className="appointease-field__error"
						>
							{ consentError }
						</p>
					) }
				</div>
			) }
		</>
	);
}

/**
 * One field with its label, hint and message.
 *
 * @param props       Component props.
 * @param props.field The field.
 */
function OneField( props: CustomFieldsProps & { field: FormField } ) {
	const { id, field, answers, errors, onAnswer, onLeave } = props;
	const inputId = customFieldId( id, field.id );
	const hintId = `${ inputId }-hint`;
	const errorId = `${ inputId }-error`;
	const error = errors[ field.id ];
	const value = answers[ field.id ];
	const describedBy =
		[ field.help ? hintId : '', error ? errorId : '' ]
			.filter( Boolean )
			.join( ' ' ) || undefined;
	const aria = {
		'aria-invalid': error ? true : undefined,
		'aria-describedby': describedBy,
	} as const;
	const marker = field.required && <span aria-hidden="true"> *</span>;
	const text = typeof value === 'string' ? value : '';
	const leave = () => onLeave?.( field );
	const extras = (
		<>
			{ field.help && (
				<p id={ hintId } className="appointease-field__hint">
					{ field.help }
				</p>
			) }
			{ error && (
				<p id={ errorId } className="appointease-field__error">
					{ error }
				</p>
			) }
		</>
	);
	const className = `appointease-field${ error ? ' has-error' : '' }`;

	if ( field.type === 'radio' || field.type === 'checkboxes' ) {
		const chosen = Array.isArray( value ) ? value : [];
		return (
			<fieldset className={ className } { ...aria } onBlur={ leave }>
				<legend>
					{ field.label }
					{ marker }
				</legend>
				{ field.options.map( ( option, index ) => {
					const optionId =
						index === 0 ? inputId : `${ inputId }-${ index }`;
					const checked =
						field.type === 'radio'
							? value === option
							: chosen.includes( option );
					return (
						<div key={ option } className="appointease-choice">
							<input
								id={ optionId }
								type={
									field.type === 'radio'
										? 'radio'
										: 'checkbox'
								}
								name={ inputId }
								value={ option }
								checked={ checked }
								onChange={ ( event ) => {
									if ( field.type === 'radio' ) {
										onAnswer( field.id, option );
										return;
									}
									onAnswer(
										field.id,
										event.currentTarget.checked
											? [ ...chosen, option ]
											: chosen.filter(
													( one ) => one !== option
												)
									);
								} }
							/>{ ' ' }
							<label htmlFor={ optionId }>{ option }</label>
						</div>
					);
				} ) }
				{ extras }
			</fieldset>
		);
	}

	if ( field.type === 'checkbox' ) {
		return (
			<div className={ className }>
				<input
					id={ inputId }
					type="checkbox"
					checked={ value === true }
					required={ field.required }
					{ ...aria }
					onChange={ ( event ) =>
						onAnswer( field.id, event.currentTarget.checked )
					}
				/>{ ' ' }
				<label htmlFor={ inputId }>
					{ field.label }
					{ marker }
				</label>
				{ extras }
			</div>
		);
	}

	const common = {
		id: inputId,
		value: text,
		required: field.required,
		onBlur: leave,
		...aria,
	};
	const onChange = ( event: { currentTarget: { value: string } } ) =>
		onAnswer( field.id, event.currentTarget.value );
	let control;
	if ( field.type === 'select' ) {
		control = (
			<select { ...common } onChange={ onChange }>
				<option value="">{ __( 'Choose…', 'appointease' ) }</option>
				{ field.options.map( ( option ) => (
					<option key={ option } value={ option }>
						{ option }
					</option>
				) ) }
			</select>
		);
	} else if ( field.type === 'long_text' ) {
		control = (
			<textarea
				{ ...common }
				rows={ 3 }
				maxLength={ MAX_LENGTH.long_text }
				onChange={ onChange }
			/>
		);
	} else {
		const types: Record< string, string > = {
			email: 'email',
			phone: 'tel',
			date: 'date',
		};
		control = (
			<input
				{ ...common }
				type={ types[ field.type ] ?? 'text' }
				inputMode={ field.type === 'number' ? 'decimal' : undefined }
				maxLength={ MAX_LENGTH[ field.type ] }
				onChange={ onChange }
			/>
		);
	}
	return (
		<div className={ className }>
			<label htmlFor={ inputId }>
				{ field.label }
				{ marker }
			</label>
			{ control }
			{ extras }
		</div>
	);
}

/**
 * The selected service's fields in the booking app's details step.
 *
 * @param props    Component props.
 * @param props.id Prefix for element ids.
 */
export function DetailsCustomFields( { id }: { id: string } ) {
	const store = useBookingStoreApi();
	const service = useBookingStore( selectedService );
	const answers = useBookingStore( ( state ) => state.answers );
	const agreed = useBookingStore( ( state ) => state.consent );
	const errors = useBookingStore( ( state ) => state.answerErrors );
	const onLeave = ( field: FormField ) => {
		const value = store.getState().answers[ field.id ];
		// Leaving an empty field is not yet a mistake; submitting is.
		if ( value === undefined || value === '' ) {
			return;
		}
		const message = checkAnswer( field, value );
		const next = { ...store.getState().answerErrors };
		if ( message ) {
			next[ field.id ] = message;
		} else {
			delete next[ field.id ];
		}
		store.getState().setAnswerErrors( next );
	};
	return (
		<CustomFields
			id={ id }
			fields={ service?.fields ?? [] }
			consent={ service?.consent ?? null }
			answers={ answers }
			agreed={ agreed }
			errors={ errors }
			onAnswer={ ( field, value ) =>
				store.getState().setAnswer( field, value )
			}
			onConsent={ ( value ) => store.getState().setConsent( value ) }
			onLeave={ onLeave }
		/>
	);
}

/**
 * The element id of the first field at fault, to move focus to.
 *
 * @param id     Prefix for element ids.
 * @param fields The service's fields, in form order.
 * @param errors The messages.
 */
export function firstCustomFieldAtFault(
	id: string,
	fields: readonly FormField[],
	errors: AnswerErrors
): string | undefined {
	const field = fields.find( ( one ) => errors[ one.id ] );
	if ( field ) {
		return customFieldId( id, field.id );
	}
	return errors[ CONSENT ] ? customFieldId( id, CONSENT ) : undefined;
}
