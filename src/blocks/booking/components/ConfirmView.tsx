/**
 * The confirm view, opened by the link in the "confirm your booking" email
 * (`#appointease_confirm=<id>.<token>`, see includes/Notifications/ConfirmLink.php).
 * It takes the token out of the address bar at once, sends it in the body of
 * `POST bookings/{id}/verify`, and shows the booking as it is then: confirmed
 * (or waiting for approval), or why it could not be confirmed. Opening the
 * link again shows the same booking.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { confirmBookingByEmail } from '../../../shared/actions';
import { useBookingStoreApi } from '../../../shared/store-context';
import type { Booking } from '../../../shared/types';
import { pageUrl, type ConfirmLink } from '../../../shared/url';
import { statusText } from './ManageView';
import { Summary } from './Summary';

interface ConfirmViewProps {
	/** The booking id and token from the link. */
	link: ConfirmLink;
}

/**
 * The view.
 *
 * @param props      Component props.
 * @param props.link The booking id and token from the link.
 */
export function ConfirmView( { link }: ConfirmViewProps ) {
	const store = useBookingStoreApi();
	const [ result, setResult ] = useState<
		{ booking: Booking } | { error: string } | null
	>( null );
	const message = useRef< HTMLParagraphElement >( null );

	useEffect( () => {
		let live = true;
		confirmBookingByEmail( store, link ).then( ( outcome ) => {
			if ( live ) {
				setResult( outcome );
			}
		} );
		return () => {
			live = false;
		};
	}, [ store, link ] );

	useEffect( () => {
		if ( result ) {
			message.current?.focus();
		}
	}, [ result ] );

	const again = pageUrl( window.location.href ).toString();

	return (
		<div className="appointease-confirm">
			<div aria-live="polite">
				{ result === null && (
					<p className="appointease-hint">
						{ __( 'Confirming your booking…', 'appointease' ) }
					</p>
				) }
				{ result !== null && 'error' in result && (
					<p
						ref={ message }
						tabIndex={ -1 }
						className="appointease-notice is-error"
						data-reason="confirm-failed"
					>
						{ result.error }
					</p>
				) }
				{ result !== null && 'booking' in result && (
					<p
						ref={ message }
						tabIndex={ -1 }
						className="appointease-done__status"
						data-status={ result.booking.status }
					>
						{ result.booking.status === 'pending'
							? __(
									'Thank you! Your email address is confirmed and your booking request has been received. It will be confirmed by email once it is approved.',
									'appointease'
								)
							: sprintf(
									/* translators: %s: a status such as "Confirmed". */
									__(
										'Thank you! Your booking is confirmed. Status: %s',
										'appointease'
									),
									statusText( result.booking.status )
								) }
					</p>
				) }
			</div>
			{ result !== null && 'booking' in result && (
				<>
					<Summary
						service={ result.booking.service }
						employee={ result.booking.employee }
						start={ result.booking.start }
						customer={ result.booking.customer }
					/>
					<p className="appointease-hint">
						{ __(
							'We have emailed you the details, with a link to change or cancel this booking.',
							'appointease'
						) }
					</p>
				</>
			) }
			{ result !== null && 'error' in result && (
				<p>
					<a className="appointease-button" href={ again }>
						{ __( 'Book an appointment', 'appointease' ) }
					</a>
				</p>
			) }
		</div>
	);
}
