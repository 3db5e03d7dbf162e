/**
 * Stands in for the new-booking form (issue 18, item 1), which is built on
 * another branch: clicking an empty time of the grid calls
 * BookingCalendar's onCreateAt(employee, start); the Bookings screen opens
 * this dialog with them. On merge, the screen opens the real form
 * (NewBookingForm, with the initial employee and start) instead.
 */

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatMediumDate } from '../../../shared/time';

interface Props {
	employeeName: string;
	/** The clicked time, "YYYY-MM-DDTHH:MM" on the employee's clock. */
	start: string;
	onDone: () => void;
}

export function NewBookingPlaceholder( {
	employeeName,
	start,
	onDone,
}: Props ) {
	return (
		<Modal
			title={ __( 'New booking', 'appointease' ) }
			onRequestClose={ onDone }
		>
			<p>
				{ sprintf(
					/* translators: 1: employee name, 2: a date, 3: a time. */
					__(
						'A new booking with %1$s on %2$s at %3$s.',
						'appointease'
					),
					employeeName,
					formatMediumDate( start.slice( 0, 10 ) ),
					start.slice( 11, 16 )
				) }
			</p>
			<Button __next40pxDefaultSize variant="primary" onClick={ onDone }>
				{ __( 'Close', 'appointease' ) }
			</Button>
		</Modal>
	);
}
