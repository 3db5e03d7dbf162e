/**
 * The review step: everything at a glance, and the button that books.
 */

/**
 * WordPress dependencies
 */
import { useCallback } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { submitBooking } from '../../../shared/actions';
import { captchaProvider, setCaptchaContainer } from '../../../shared/captcha';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { ChangePolicyText } from './ChangePolicyText';
import { Summary } from './Summary';

/**
 * The step.
 */
export function ReviewStep() {
	const store = useBookingStoreApi();
	const chosen = useBookingStore( ( state ) => state.chosen );
	const service = useBookingStore( ( state ) => state.selection.service );
	const customer = useBookingStore( ( state ) => state.customer );
	const submitting = useBookingStore( ( state ) => state.submitting );
	// The site's CAPTCHA widget, if it has one, is drawn here once.
	const captchaRef = useCallback(
		( element: HTMLDivElement | null ) => {
			setCaptchaContainer( store, element );
			if ( element ) {
				captchaProvider()?.render( element );
			}
		},
		[ store ]
	);

	if ( ! chosen ) {
		return null;
	}
	return (
		<div className="appointease-review">
			<Summary
				service={ service }
				employee={ chosen.employee }
				start={ chosen.start }
				customer={ customer }
			/>
			<ChangePolicyText />
			{ captchaProvider() && (
				<div className="appointease-captcha" ref={ captchaRef } />
			) }
			<div className="appointease-app__actions">
				<button
					type="button"
					className="appointease-button"
					disabled={ submitting }
					aria-busy={ submitting || undefined }
					onClick={ () => submitBooking( store ) }
				>
					{ submitting
						? __( 'Booking…', 'appointease' )
						: __( 'Confirm booking', 'appointease' ) }
				</button>
			</div>
		</div>
	);
}
