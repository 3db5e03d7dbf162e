/**
 * The form that adds or changes a service.
 */

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FormActions } from '../../components/FormActions';
import { HStack, VStack } from '../../components/Stack';
import { createService, updateService } from '../../../shared/api';
import { useEntityForm } from '../../hooks/useEntityForm';
import type { Notices } from '../../hooks/useNotices';
import { errorProps, toInteger } from '../../lib/form';
import type { ServiceFields } from '../../../shared/api';
import type { Service } from '../../../shared/types';
import {
	policyFromForm,
	policyToForm,
	ServicePolicyFields,
	type PolicyForm,
} from './ServicePolicyFields';

/** What the form holds: numbers as the text of their fields. */
interface FormState extends PolicyForm {
	name: string;
	description: string;
	duration: string;
	buffer_before: string;
	buffer_after: string;
	capacity: string;
	price: string;
	active: boolean;
	/** Empty for the site's reminder times. */
	reminders: string;
}

export const NEW_SERVICE: ServiceFields = {
	name: '',
	description: '',
	duration: 30,
	buffer_before: 0,
	buffer_after: 0,
	capacity: 1,
	price: null,
	active: true,
	reminders: null,
	cancel_cutoff_hours: null,
	reschedule_cutoff_hours: null,
	daily_limit: 0,
	email_daily_limit: 0,
	email_weekly_limit: 0,
};

function toForm( service: ServiceFields ): FormState {
	return {
		name: service.name,
		description: service.description,
		duration: String( service.duration ),
		buffer_before: String( service.buffer_before ),
		buffer_after: String( service.buffer_after ),
		capacity: String( service.capacity ),
		price: service.price ?? '',
		active: service.active,
		reminders: service.reminders ?? '',
		...policyToForm( service ),
	};
}

/**
 * The fields to send, or the problems found before sending.
 *
 * @param form The form.
 */
export function serviceFromForm(
	form: FormState
): { fields: ServiceFields } | { errors: Record< string, string > } {
	const errors: Record< string, string > = {};
	const numbers: Record< string, number > = {};
	for ( const key of [
		'duration',
		'buffer_before',
		'buffer_after',
		'capacity',
	] as const ) {
		const value = toInteger( form[ key ] );
		if ( value === null ) {
			errors[ key ] = __( 'Enter a whole number.', 'appointease' );
		} else {
			numbers[ key ] = value;
		}
	}
	if ( form.name.trim() === '' ) {
		errors.name = __( 'Enter a name.', 'appointease' );
	}
	const policy = policyFromForm( form );
	Object.assign( errors, policy.errors );
	if ( Object.keys( errors ).length > 0 ) {
		return { errors };
	}
	return {
		fields: {
			name: form.name.trim(),
			description: form.description,
			duration: numbers.duration ?? 0,
			buffer_before: numbers.buffer_before ?? 0,
			buffer_after: numbers.buffer_after ?? 0,
			capacity: numbers.capacity ?? 1,
			price: form.price.trim() === '' ? null : form.price.trim(),
			active: form.active,
			// Empty follows the site's reminder times; "off" sends none.
			reminders:
				form.reminders.trim() === '' ? null : form.reminders.trim(),
			...policy.fields,
		},
	};
}

interface Props {
	/** The service to change, or null to add one. */
	service: Service | null;
	notices: Notices;
	onSaved: ( service: Service ) => void;
	onClose: () => void;
}

export function ServiceForm( { service, notices, onSaved, onClose }: Props ) {
	const { form, set, errors, saving, dirty, mayLeave, save } = useEntityForm(
		{
			load: () => toForm( service ?? NEW_SERVICE ),
			check: serviceFromForm,
			send: ( fields: ServiceFields ) =>
				service
					? updateService( service.id, fields )
					: createService( fields ),
			notices,
			notSaved: __( 'The service was not saved.', 'appointease' ),
			savedText: ( saved: Service ) =>
				sprintf(
					/* translators: %s: service name. */
					__( 'Service "%s" saved.', 'appointease' ),
					saved.name
				),
			onSaved,
		}
	);

	const title = service
		? sprintf(
				/* translators: %s: service name. */
				__( 'Edit service: %s', 'appointease' ),
				service.name
			)
		: __( 'Add a service', 'appointease' );

	const minutesField = (
		key: 'duration' | 'buffer_before' | 'buffer_after',
		label: string,
		help: string
	) => (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			type="number"
			min={ key === 'duration' ? 5 : 0 }
			max={ key === 'duration' ? 1440 : 240 }
			step={ 5 }
			value={ form[ key ] }
			onChange={ ( value: string ) => set( key, value ) }
			{ ...errorProps( errors, key, help ) }
		/>
	);

	return (
		<form
			className="appointease-admin__form"
			// The forms say what is wrong in words next to each field, for every field at once.
			noValidate
			aria-label={ title }
			onSubmit={ ( event ) => {
				event.preventDefault();
				save();
			} }
		>
			{ /* The controls add no margins of their own: the stacks space them. */ }
			<VStack spacing={ 4 }>
				<h2>{ title }</h2>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Name', 'appointease' ) }
					value={ form.name }
					required
					maxLength={ 191 }
					onChange={ ( value: string ) => set( 'name', value ) }
					{ ...errorProps( errors, 'name' ) }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Description', 'appointease' ) }
					value={ form.description }
					onChange={ ( value: string ) =>
						set( 'description', value )
					}
					{ ...errorProps(
						errors,
						'description',
						__( 'Shown to visitors under the name.', 'appointease' )
					) }
				/>
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					{ minutesField(
						'duration',
						__( 'Duration (minutes)', 'appointease' ),
						__( 'A multiple of 5.', 'appointease' )
					) }
					{ minutesField(
						'buffer_before',
						__( 'Buffer before (minutes)', 'appointease' ),
						__( 'Kept free before each session.', 'appointease' )
					) }
					{ minutesField(
						'buffer_after',
						__( 'Buffer after (minutes)', 'appointease' ),
						__( 'Kept free after each session.', 'appointease' )
					) }
				</HStack>
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Capacity (seats)', 'appointease' ) }
						type="number"
						min={ 1 }
						max={ 1000 }
						value={ form.capacity }
						onChange={ ( value: string ) =>
							set( 'capacity', value )
						}
						{ ...errorProps(
							errors,
							'capacity',
							__(
								'1 for one-to-one; more for a class.',
								'appointease'
							)
						) }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Price', 'appointease' ) }
						value={ form.price }
						inputMode="decimal"
						onChange={ ( value: string ) => set( 'price', value ) }
						{ ...errorProps(
							errors,
							'price',
							__(
								'Like 35 or 35.50; empty shows no price.',
								'appointease'
							)
						) }
					/>
				</HStack>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						'Reminder emails before the start',
						'appointease'
					) }
					value={ form.reminders }
					placeholder={ __(
						'The site’s reminder times',
						'appointease'
					) }
					onChange={ ( value: string ) => set( 'reminders', value ) }
					{ ...errorProps(
						errors,
						'reminders',
						__(
							'Hours (h) or minutes (m) before the start, such as 24h, 2h; "off" for none; empty for the site’s reminder times (Settings).',
							'appointease'
						)
					) }
				/>
				<ServicePolicyFields
					form={ form }
					errors={ errors }
					set={ set }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Active: visitors can book it',
						'appointease'
					) }
					checked={ form.active }
					onChange={ ( value: boolean ) => set( 'active', value ) }
				/>
				<FormActions
					saveLabel={ __( 'Save service', 'appointease' ) }
					saving={ saving }
					dirty={ dirty }
					onCancel={ () => mayLeave() && onClose() }
				/>
			</VStack>
		</form>
	);
}
