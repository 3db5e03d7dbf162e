/**
 * The done step: what was booked, the calendar file and the manage link; or,
 * where customers confirm bookings by email, the request to do so.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf, _n } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useBookingStore } from '../../../shared/store-context';
import { buildManageUrl } from '../../../shared/url';
import { IcsButton } from './IcsButton';
import { Summary } from './Summary';

/**
 * Whole minutes a booking waits for its email confirmation, from the server's
 * own times (the visitor's clock may be off).
 *
 * @param createdAt When it was made, ISO 8601.
 * @param confirmBy Its deadline, ISO 8601.
 */
export function minutesToConfirm(
	createdAt: string,
	confirmBy: string
): number {
	const span = Date.parse( confirmBy ) - Date.parse( createdAt );
	return Number.isFinite( span )
		? Math.max( 1, Math.round( span / 60000 ) )
		: 0;
}

/**
 * The step.
 */
export function DoneStep() {
	const booking = useBookingStore( ( state ) => state.booking );
	if ( ! booking ) {
		return null;
	}
	const token = booking.manage_token ?? '';

	if ( booking.status === 'unverified' ) {
		const minutes = minutesToConfirm(
			booking.created_at,
			booking.confirm_by ?? ''
		);
		return (
			<div className="appointease-done">
				<p
					className="appointease-done__status"
					data-status={ booking.status }
				>
					{ sprintf(
						/* translators: 1: an email address, 2: a number of minutes. */
						_n(
							'Almost done: check your email. We have sent a link to %1$s; open it within %2$d minute to confirm your booking. Until then the time is kept for you; unconfirmed, it is given free again.',
							'Almost done: check your email. We have sent a link to %1$s; open it within %2$d minutes to confirm your booking. Until then the time is kept for you; unconfirmed, it is given free again.',
							minutes,
							'appointease'
						),
						booking.customer.email,
						minutes
					) }
				</p>
				<Summary
					service={ booking.service }
					employee={ booking.employee }
					start={ booking.start }
					customer={ booking.customer }
				/>
			</div>
		);
	}

	return (
		<div className="appointease-done">
			<p
				className="appointease-done__status"
				data-status={ booking.status }
			>
				{ booking.status === 'pending'
					? __(
							'Thank you! Your booking request has been received. It will be confirmed by email once it is approved.',
							'appointease'
						)
					: __(
							'Thank you! Your booking is confirmed.',
							'appointease'
						) }
			</p>
			<Summary
				service={ booking.service }
				employee={ booking.employee }
				start={ booking.start }
				customer={ booking.customer }
			/>
			{ token !== '' && (
				<ul className="appointease-links">
					<li>
						<IcsButton id={ booking.id } token={ token } />
					</li>
					<li>
						<a
							className="appointease-button is-secondary"
							href={ buildManageUrl(
								window.location.href,
								booking.id,
								token
							) }
						>
							{ __(
								'Change or cancel this booking',
								'appointease'
							) }
						</a>
					</li>
				</ul>
			) }
			<p className="appointease-hint">
				{ __(
					'Keep the link to change or cancel this booking: only it gives access to your booking.',
					'appointease'
				) }
			</p>
		</div>
	);
}
