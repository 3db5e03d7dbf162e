/**
 * My bookings: an employee's own bookings, as the admin's list (upcoming
 * first, closed ones hidden, Today, status counts, columns) and as a
 * calendar with their hours and the times being booked right now. Read-only: the REST
 * routes let an employee read their bookings, and only managers change them.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ConfirmModal } from '../../components/ConfirmModal';
import { Notices } from '../../components/Notices';
import { actOnBooking } from '../../../shared/api';
import { actionDone, actionFailed, whenText } from '../../lib/bookings';
import { useBookingLink } from '../../hooks/useBookingLink';
import { useNotices } from '../../hooks/useNotices';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { CalendarSyncPanel } from '../../components/CalendarSyncPanel';
import { BookingCalendar } from './BookingCalendar';
import { BookingsList } from './BookingsList';
import { BookingView } from './BookingView';
import { ViewSwitch, type BookingsView } from './ViewSwitch';

interface Props {
	today: string;
	/** The current user's id, for their column choice. */
	userId: number;
	/** The employee linked to the current user, or null. */
	employee: Employee | null;
	/** Every service, for the names of booked ones. */
	services: Named[];
}

export function MyBookingsScreen( {
	today,
	userId,
	employee,
	services,
}: Props ) {
	const notices = useNotices();
	const { failure, success } = notices;
	const [ view, setView ] = useState< BookingsView >( 'list' );
	// Marking a no-show is the one change an employee makes; the list reads again after it.
	const [ version, setVersion ] = useState( 0 );
	const [ missed, setMissed ] = useState< Booking | null >( null );
	const [ busy, setBusy ] = useState( false );
	// One booking on its own page (`&booking=<id>`), read-only but for no-shows.
	const link = useBookingLink();

	const markNoShow = async ( booking: Booking ) => {
		setBusy( true );
		try {
			success(
				actionDone(
					'no-show',
					await actOnBooking( booking.id, 'no-show' )
				)
			);
		} catch ( error ) {
			failure( actionFailed( 'no-show' ), error );
		} finally {
			setBusy( false );
			setMissed( null );
			setVersion( ( count ) => count + 1 );
		}
	};

	if ( ! employee ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'Your account is not linked to an employee yet, so there are no bookings to show. Ask the site’s administrator to link it on the Employees screen.',
					'appointease'
				) }
			</Notice>
		);
	}

	const shared = {
		employees: [ employee ],
		services,
		notices,
		version,
	};

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			<p className="description">
				{ __(
					'These are the bookings with you. You can mark a customer who did not come as a no-show; for any other change, ask the site’s administrator.',
					'appointease'
				) }
			</p>
			{ link.openId !== null && (
				<BookingView
					id={ link.openId }
					version={ version }
					employees={ [ employee ] }
					services={ services }
					onAction={ ( booking ) => setMissed( booking ) }
					only={ [ 'no-show' ] }
					onBack={ link.close }
				/>
			) }
			<div hidden={ link.openId !== null }>
				<ViewSwitch view={ view } onChange={ setView } />
				{ view === 'list' ? (
					<BookingsList
						{ ...shared }
						today={ today }
						userId={ userId }
						onAction={ ( booking ) => setMissed( booking ) }
						only={ [ 'no-show' ] }
						onView={ ( booking ) => link.open( booking.id ) }
					/>
				) : (
					<BookingCalendar { ...shared } today={ today } />
				) }
				<CalendarSyncPanel
					employeeId={ employee.id }
					notices={ notices }
					own
				/>
			</div>
			{ missed && (
				<ConfirmModal
					title={ __( 'Mark as a no-show?', 'appointease' ) }
					confirmLabel={ __( 'Mark no-show', 'appointease' ) }
					busy={ busy }
					onConfirm={ () => markNoShow( missed ) }
					onCancel={ () => setMissed( null ) }
				>
					{ sprintf(
						/* translators: 1: customer name, 2: the booking's time. */
						__( '%1$s did not come on %2$s.', 'appointease' ),
						missed.customer.name,
						whenText( missed )
					) }
				</ConfirmModal>
			) }
		</div>
	);
}
