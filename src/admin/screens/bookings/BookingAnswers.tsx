/**
 * A booking's answers to the booking form, and the consent it recorded, as
 * a description list (under each field's current label; a deleted field's
 * answer keeps its last label and says the field was removed).
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { onClock } from '../../lib/clock';
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

/**
 * When consent was given.
 *
 * @param at   The UTC time the server recorded.
 * @param zone The business's timezone, or '' for the browser's.
 */
function consentTime( at: string, zone: string ): string {
	return sprintf(
		/* translators: %s: date and time the customer agreed. */
		__( 'Given %s', 'appointease' ),
		onClock( at, zone )
	);
}

interface Props {
	booking: Booking;
	/** Also the exact consent text the customer was shown (the booking view); the list keeps it in a tooltip. */
	full?: boolean;
	/** The business's timezone for the consent's time, or '' for the browser's. */
	zone?: string;
}

export function BookingAnswers( { booking, full = false, zone = '' }: Props ) {
	if ( booking.answers.length === 0 && booking.consent === null ) {
		return null;
	}
	return (
		<dl className="appointease-admin__answers">
			{ booking.answers.map( ( answer ) => (
				<div key={ answer.id }>
					<dt>
						{ answer.removed
							? sprintf(
									/* translators: %s: the label of a field deleted from the booking form. */
									__( '%s (removed field)', 'appointease' ),
									answer.label
								)
							: answer.label }
					</dt>
					<dd>{ answer.text }</dd>
				</div>
			) ) }
			{ booking.consent && (
				<div>
					<dt>{ __( 'Consent', 'appointease' ) }</dt>
					{ full ? (
						<>
							<dd>{ consentTime( booking.consent.at, zone ) }</dd>
							<dd>
								<q>{ booking.consent.text }</q>
							</dd>
						</>
					) : (
						<dd title={ booking.consent.text }>
							{ consentTime( booking.consent.at, zone ) }
						</dd>
					) }
				</div>
			) }
		</dl>
	);
}
