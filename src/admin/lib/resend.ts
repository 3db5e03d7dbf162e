/**
 * Resending a booking's confirmation email, from the booking's view or the
 * calendar's dialog, with the one notice each outcome gets.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { resendConfirmation } from '../../shared/api';
import type { Booking } from '../../shared/types';
import type { Notices } from '../hooks/useNotices';

/**
 * Sends the booking's confirmation to its customer again and says so.
 *
 * @param booking The booking.
 * @param notices Where to say how it went.
 */
export async function resendWithNotice(
	booking: Booking,
	notices: Pick< Notices, 'success' | 'failure' >
): Promise< void > {
	try {
		await resendConfirmation( booking.id );
		notices.success(
			sprintf(
				/* translators: %s: an email address. */
				__( 'The confirmation was sent to %s again.', 'appointease' ),
				booking.customer.email
			)
		);
	} catch ( error ) {
		await notices.failure(
			__( 'The confirmation was not sent.', 'appointease' ),
			error
		);
	}
}
