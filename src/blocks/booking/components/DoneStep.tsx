/**
 * The done step: what was booked, the calendar file and the manage link.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useBookingStore } from '../../../shared/store-context';
import { buildManageUrl } from '../../../shared/url';
import { IcsButton } from './IcsButton';
import { Summary } from './Summary';

/**
 * The step.
 */
export function DoneStep() {
	const booking = useBookingStore( ( state ) => state.booking );
	if ( ! booking ) {
		return null;
	}
	const token = booking.manage_token ?? '';

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
