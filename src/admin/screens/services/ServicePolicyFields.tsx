/**
 * The service form's change policy and limits: its own cancel and
 * reschedule cut-offs (empty follows the site's settings) and its limits
 * per employee and day and per customer email address and day or week
 * (empty or 0: no limit).
 */

/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack, VStack } from '../../components/Stack';
import { errorProps, toInteger } from '../../lib/form';
import type { ServiceFields } from '../../../shared/api';

/** The fields, as the text of their number fields. */
export interface PolicyForm {
	cancel_cutoff_hours: string;
	reschedule_cutoff_hours: string;
	daily_limit: string;
	email_daily_limit: string;
	email_weekly_limit: string;
}

export type PolicyKey = keyof PolicyForm;

type PolicyFields = Pick<
	ServiceFields,
	| 'cancel_cutoff_hours'
	| 'reschedule_cutoff_hours'
	| 'daily_limit'
	| 'email_daily_limit'
	| 'email_weekly_limit'
>;

const CUTOFFS = [ 'cancel_cutoff_hours', 'reschedule_cutoff_hours' ] as const;
const LIMITS = [
	'daily_limit',
	'email_daily_limit',
	'email_weekly_limit',
] as const;

/**
 * The form's text from a service.
 *
 * @param service The service.
 */
export function policyToForm( service: PolicyFields ): PolicyForm {
	const text = ( value: number | null ) =>
		value === null || value === 0 ? '' : String( value );
	return {
		cancel_cutoff_hours:
			service.cancel_cutoff_hours === null
				? ''
				: String( service.cancel_cutoff_hours ),
		reschedule_cutoff_hours:
			service.reschedule_cutoff_hours === null
				? ''
				: String( service.reschedule_cutoff_hours ),
		daily_limit: text( service.daily_limit ),
		email_daily_limit: text( service.email_daily_limit ),
		email_weekly_limit: text( service.email_weekly_limit ),
	};
}

/**
 * The fields to send, and the problems found, by field.
 *
 * @param form The form.
 */
export function policyFromForm( form: PolicyForm ): {
	fields: PolicyFields;
	errors: Record< string, string >;
} {
	const errors: Record< string, string > = {};
	const fields: PolicyFields = {
		cancel_cutoff_hours: null,
		reschedule_cutoff_hours: null,
		daily_limit: 0,
		email_daily_limit: 0,
		email_weekly_limit: 0,
	};
	for ( const key of [ ...CUTOFFS, ...LIMITS ] ) {
		if ( form[ key ].trim() === '' ) {
			continue;
		}
		const value = toInteger( form[ key ] );
		const most = key.endsWith( '_hours' ) ? 8760 : 1000;
		if ( value === null || value < 0 || value > most ) {
			errors[ key ] = __(
				'Enter a whole number, or leave it empty.',
				'appointease'
			);
		} else {
			fields[ key ] = value;
		}
	}
	return { fields, errors };
}

interface Props {
	form: PolicyForm;
	errors: Record< string, string >;
	set: ( key: PolicyKey, value: string ) => void;
}

export function ServicePolicyFields( { form, errors, set }: Props ) {
	const field = ( key: PolicyKey, label: string, help: string ) => (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			type="number"
			min={ 0 }
			max={ key.endsWith( '_hours' ) ? 8760 : 1000 }
			value={ form[ key ] }
			onChange={ ( value: string ) => set( key, value ) }
			{ ...errorProps( errors, key, help ) }
		/>
	);
	return (
		<fieldset className="appointease-admin__fieldset">
			<legend>{ __( 'Changes and limits', 'appointease' ) }</legend>
			<VStack spacing={ 4 }>
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					{ field(
						'cancel_cutoff_hours',
						__(
							'Cancel online until (hours before)',
							'appointease'
						),
						__(
							'Empty follows the site’s setting; 0 is up to the start. Admins can always cancel.',
							'appointease'
						)
					) }
					{ field(
						'reschedule_cutoff_hours',
						__(
							'Reschedule online until (hours before)',
							'appointease'
						),
						__(
							'Empty follows the site’s setting; 0 is up to the start. Admins can always reschedule.',
							'appointease'
						)
					) }
				</HStack>
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					{ field(
						'daily_limit',
						__( 'Bookings per employee and day', 'appointease' ),
						__(
							'At most this many; a full day offers no times. Empty: no limit.',
							'appointease'
						)
					) }
					{ field(
						'email_daily_limit',
						__( 'Bookings per customer and day', 'appointease' ),
						__(
							'By email address. Empty: no limit.',
							'appointease'
						)
					) }
					{ field(
						'email_weekly_limit',
						__( 'Bookings per customer and week', 'appointease' ),
						__(
							'By email address. Empty: no limit.',
							'appointease'
						)
					) }
				</HStack>
			</VStack>
		</fieldset>
	);
}
