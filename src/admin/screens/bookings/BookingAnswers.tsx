/**
 * A booking's answers to the booking form, and the consent it recorded, as
 * a description list (under each field's current label; a deleted field's
 * answer keeps its last label).
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Booking } from '../../../shared/types';

/**
 * Whether any of the bookings has answers or consent to show.
 *
 * @param bookings The bookings.
 */
export function anyAnswers( bookings: readonly Booking[] ): boolean {
	return bookings.some(
		( booking ) => booking.answers.length > 0 || booking.consent !== null
	);
}

export function BookingAnswers( { booking }: { booking: Booking } ) {
	if ( booking.answers.length === 0 && booking.consent === null ) {
		return null;
	}
	return (
		<dl className="appointease-admin__answers">
			{ booking.answers.map( ( answer ) => (
				<div key={ answer.id }>
					<dt>{ answer.label }</dt>
					<dd>{ answer.text }</dd>
				</div>
			) ) }
			{ booking.consent && (
				<div>
					<dt>{ __( 'Consent', 'appointease' ) }</dt>
					<dd title={ booking.consent.text }>
						{ sprintf(
							/* translators: %s: date and time the customer agreed. */
							__( 'Given %s', 'appointease' ),
							new Date( booking.consent.at ).toLocaleString()
						) }
					</dd>
				</div>
			) }
		</dl>
	);
}
