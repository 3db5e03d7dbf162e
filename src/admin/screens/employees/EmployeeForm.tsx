/**
 * The form that adds or changes an employee: details, linked user,
 * services, weekly hours with breaks, and days off.
 */

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FormActions } from '../../components/FormActions';
import { HStack, VStack } from '../../components/Stack';
import { createEmployee, updateEmployee } from '../../../shared/api';
import { useEntityForm } from '../../hooks/useEntityForm';
import type { Notices } from '../../hooks/useNotices';
import { errorProps } from '../../lib/form';
import {
	dayProblem,
	flattenHours,
	groupHours,
	WEEKDAYS,
	type WeekHours,
} from '../../lib/hours';
import type { EmployeeFields } from '../../../shared/api';
import type { DayOff, Employee, Service } from '../../../shared/types';
import { DaysOffEditor, dayOffProblem } from './DaysOffEditor';
import { HoursEditor } from './HoursEditor';
import { UserField } from './UserField';

interface FormState {
	name: string;
	email: string;
	wp_user: number | null;
	timezone: string;
	active: boolean;
	services: number[];
	week: WeekHours;
	days_off: DayOff[];
}

export const NEW_EMPLOYEE: EmployeeFields = {
	name: '',
	email: '',
	wp_user: null,
	timezone: '',
	active: true,
	services: [],
	hours: [],
	days_off: [],
};

function toForm( employee: EmployeeFields ): FormState {
	return {
		name: employee.name,
		email: employee.email,
		wp_user: employee.wp_user,
		timezone: employee.timezone,
		active: employee.active,
		services: [ ...employee.services ],
		week: groupHours( employee.hours ),
		days_off: employee.days_off.map( ( dayOff ) => ( {
			start: dayOff.start,
			end: dayOff.end,
			reason: dayOff.reason ?? '',
		} ) ),
	};
}

/**
 * The fields to send, or the problems found before sending.
 *
 * @param form The form.
 */
export function employeeFromForm(
	form: FormState
): { fields: EmployeeFields } | { errors: Record< string, string > } {
	const errors: Record< string, string > = {};
	if ( form.name.trim() === '' ) {
		errors.name = __( 'Enter a name.', 'appointease' );
	}
	if (
		WEEKDAYS.some( ( weekday ) => dayProblem( form.week[ weekday ] ?? [] ) )
	) {
		errors.hours = __(
			'Correct the working hours marked below.',
			'appointease'
		);
	}
	if ( form.days_off.some( ( dayOff ) => dayOffProblem( dayOff ) ) ) {
		errors.days_off = __(
			'Correct the days off marked below.',
			'appointease'
		);
	}
	if ( Object.keys( errors ).length > 0 ) {
		return { errors };
	}
	return {
		fields: {
			name: form.name.trim(),
			email: form.email.trim(),
			wp_user: form.wp_user,
			timezone: form.timezone,
			active: form.active,
			services: form.services,
			hours: flattenHours( form.week ),
			days_off: form.days_off.map( ( dayOff ) => ( {
				start: dayOff.start,
				end: dayOff.end,
				reason: ( dayOff.reason ?? '' ).trim(),
			} ) ),
		},
	};
}

interface Props {
	/** The employee to change, or null to add one. */
	employee: Employee | null;
	services: Service[];
	timezones: string[];
	canListUsers: boolean;
	today: string;
	notices: Notices;
	onSaved: ( employee: Employee ) => void;
	onClose: () => void;
}

export function EmployeeForm( {
	employee,
	services,
	timezones,
	canListUsers,
	today,
	notices,
	onSaved,
	onClose,
}: Props ) {
	const { initial, form, set, errors, saving, dirty, mayLeave, save } =
		useEntityForm( {
			load: () => toForm( employee ?? NEW_EMPLOYEE ),
			check: employeeFromForm,
			send: ( fields: EmployeeFields ) =>
				employee
					? updateEmployee( employee.id, fields )
					: createEmployee( fields ),
			notices,
			notSaved: __( 'The employee was not saved.', 'appointease' ),
			savedText: ( saved: Employee ) =>
				sprintf(
					/* translators: %s: employee name. */
					__( 'Employee "%s" saved.', 'appointease' ),
					saved.name
				),
			onSaved,
		} );

	const title = employee
		? sprintf(
				/* translators: %s: employee name. */
				__( 'Edit employee: %s', 'appointease' ),
				employee.name
			)
		: __( 'Add an employee', 'appointease' );

	// Inactive services only where the employee still has them.
	const offered = services.filter(
		( service ) => service.active || initial.services.includes( service.id )
	);

	const toggleService = ( id: number, on: boolean ) =>
		set(
			'services',
			on
				? [ ...form.services, id ]
				: form.services.filter( ( service ) => service !== id )
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
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Name', 'appointease' ) }
						value={ form.name }
						required
						maxLength={ 191 }
						onChange={ ( value: string ) => set( 'name', value ) }
						{ ...errorProps(
							errors,
							'name',
							__( 'Shown to visitors.', 'appointease' )
						) }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Email', 'appointease' ) }
						type="email"
						value={ form.email }
						maxLength={ 191 }
						onChange={ ( value: string ) => set( 'email', value ) }
						{ ...errorProps(
							errors,
							'email',
							__(
								'Where their notifications go. Never shown to visitors.',
								'appointease'
							)
						) }
					/>
				</HStack>
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					<UserField
						value={ form.wp_user }
						canListUsers={ canListUsers }
						errors={ errors }
						onChange={ ( user ) => set( 'wp_user', user ) }
					/>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Timezone', 'appointease' ) }
						value={ form.timezone }
						options={ [
							{
								value: '',
								label: __(
									"The site's timezone",
									'appointease'
								),
							},
							...( timezones.includes( form.timezone ) ||
							form.timezone === ''
								? []
								: [
										{
											value: form.timezone,
											label: form.timezone,
										},
									] ),
							...timezones.map( ( zone ) => ( {
								value: zone,
								label: zone,
							} ) ),
						] }
						onChange={ ( value: string ) =>
							set( 'timezone', value )
						}
						{ ...errorProps(
							errors,
							'timezone',
							__(
								'Working hours are in this timezone.',
								'appointease'
							)
						) }
					/>
				</HStack>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Active: visitors can book them',
						'appointease'
					) }
					checked={ form.active }
					onChange={ ( value: boolean ) => set( 'active', value ) }
				/>
				<fieldset>
					<legend>
						{ __( 'Services they give', 'appointease' ) }
					</legend>
					<VStack spacing={ 2 }>
						{ offered.length === 0 && (
							<p className="description">
								{ __(
									'No services yet: add them under Services.',
									'appointease'
								) }
							</p>
						) }
						<div className="appointease-admin__checkboxes">
							{ offered.map( ( service ) => (
								<CheckboxControl
									__nextHasNoMarginBottom
									key={ service.id }
									label={
										service.active
											? service.name
											: sprintf(
													/* translators: %s: service name. */
													__(
														'%s (inactive)',
														'appointease'
													),
													service.name
												)
									}
									checked={ form.services.includes(
										service.id
									) }
									onChange={ ( on: boolean ) =>
										toggleService( service.id, on )
									}
								/>
							) ) }
						</div>
						{ errors.services && (
							<p className="appointease-admin__error">
								{ errors.services }
							</p>
						) }
					</VStack>
				</fieldset>
				{ errors.hours && (
					<p className="appointease-admin__error">{ errors.hours }</p>
				) }
				<HoursEditor
					week={ form.week }
					onChange={ ( week ) => set( 'week', week ) }
				/>
				{ errors.days_off && (
					<p className="appointease-admin__error">
						{ errors.days_off }
					</p>
				) }
				<DaysOffEditor
					daysOff={ form.days_off }
					today={ today }
					onChange={ ( daysOff ) => set( 'days_off', daysOff ) }
				/>
				<FormActions
					saveLabel={ __( 'Save employee', 'appointease' ) }
					saving={ saving }
					dirty={ dirty }
					onCancel={ () => mayLeave() && onClose() }
				/>
			</VStack>
		</form>
	);
}
