/**
 * The buttons of the actions a booking allows.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { sprintf, __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	actionLabel,
	allowedActions,
	whenText,
	type BookingAction,
} from '../../lib/bookings';
import type { Booking } from '../../../shared/types';

interface Props {
	booking: Booking;
	onAction: ( booking: Booking, action: BookingAction ) => void;
	/** Smaller buttons, for the calendar. */
	compact?: boolean;
}

export function BookingActions( {
	booking,
	onAction,
	compact = false,
}: Props ) {
	const actions = allowedActions( booking.status );
	if ( actions.length === 0 ) {
		return null;
	}
	return (
		<div className="appointease-admin__actions">
			{ actions.map( ( action ) => (
				<Button
					key={ action }
					isSmall={ compact }
					variant={ action === 'approve' ? 'primary' : 'secondary' }
					isDestructive={ action === 'reject' || action === 'cancel' }
					onClick={ () => onAction( booking, action ) }
					aria-label={ sprintf(
						/* translators: 1: an action such as "Cancel booking", 2: customer name, 3: the booking's time. */
						__( '%1$s: %2$s, %3$s', 'appointease' ),
						actionLabel( action ),
						booking.customer.name,
						whenText( booking )
					) }
				>
					{ actionLabel( action ) }
				</Button>
			) ) }
		</div>
	);
}
