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
import { HStack } from '../../components/Stack';
import {
	actionLabel,
	allowedActions,
	hasStarted,
	whenText,
	type BookingAction,
} from '../../lib/bookings';
import type { Booking } from '../../../shared/types';

interface Props {
	booking: Booking;
	onAction: ( booking: Booking, action: BookingAction ) => void;
	/** Smaller buttons, for the calendar's narrow days. */
	compact?: boolean;
	/** Offer only these of the allowed actions (an employee may only mark no-shows). */
	only?: BookingAction[];
}

export function BookingActions( {
	booking,
	onAction,
	compact = false,
	only,
}: Props ) {
	const actions = allowedActions(
		booking.status,
		hasStarted( booking )
	).filter( ( action ) => ! only || only.includes( action ) );
	if ( actions.length === 0 ) {
		return null;
	}
	return (
		<HStack
			className="appointease-admin__actions"
			spacing={ 1 }
			justify="flex-start"
			// One line in a list row; a calendar day is too narrow for that.
			wrap={ compact }
		>
			{ actions.map( ( action ) => (
				<Button
					key={ action }
					// A row of the list takes the compact size, a calendar day the small one.
					size={ compact ? 'small' : 'compact' }
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
		</HStack>
	);
}
