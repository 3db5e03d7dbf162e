/**
 * Internal dependencies
 */
import {
	policyFromForm,
	policyToForm,
} from '../../../src/admin/screens/services/ServicePolicyFields';

describe( 'the service form’s change policy and limits', () => {
	it( 'keeps an empty cut-off as "the site’s setting" and 0 as "up to the start"', () => {
		const form = policyToForm( {
			cancel_cutoff_hours: null,
			reschedule_cutoff_hours: 0,
			daily_limit: 0,
			email_daily_limit: 2,
			email_weekly_limit: 0,
		} );
		expect( form.cancel_cutoff_hours ).toBe( '' );
		expect( form.reschedule_cutoff_hours ).toBe( '0' );
		expect( form.daily_limit ).toBe( '' );

		expect( policyFromForm( form ) ).toEqual( {
			fields: {
				cancel_cutoff_hours: null,
				reschedule_cutoff_hours: 0,
				daily_limit: 0,
				email_daily_limit: 2,
				email_weekly_limit: 0,
			},
			errors: {},
		} );
	} );

	it( 'names each field that holds no whole number in range', () => {
		const { errors } = policyFromForm( {
			cancel_cutoff_hours: 'soon',
			reschedule_cutoff_hours: '9000',
			daily_limit: '-1',
			email_daily_limit: '1.5',
			email_weekly_limit: '3',
		} );
		expect( Object.keys( errors ).sort() ).toEqual( [
			'cancel_cutoff_hours',
			'daily_limit',
			'email_daily_limit',
			'reschedule_cutoff_hours',
		] );
	} );
} );
