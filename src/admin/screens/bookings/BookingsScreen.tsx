/**
 * Bookings: a filterable list and a per-employee calendar, with approve,
 * reject, cancel and reschedule, and the times being booked right now.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { actOnBooking } from '../../../shared/api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Notices } from '../../components/Notices';
import { nameOf, useCatalog } from '../../hooks/useCatalog';
import { useNotices } from '../../hooks/useNotices';
import {
	actionDone,
	actionFailed,
	whenText,
	type BookingAction,
} from '../../lib/bookings';
import type { Booking } from '../../../shared/types';
import { BookingCalendar } from './BookingCalendar';
import { BookingsList } from './BookingsList';
import { NewBookingPlaceholder } from './NewBookingPlaceholder';
import { RescheduleModal } from './RescheduleModal';
import { ViewSwitch, type BookingsView } from './ViewSwitch';

/** An action waiting for the admin's yes (reject, cancel) or a new time. */
interface Pending {
	booking: Booking;
	action: BookingAction;
}

export function BookingsScreen( { today }: { today: string } ) {
	const notices = useNotices();
	const { failure, success } = notices;
	const catalog = useCatalog();
	const [ view, setView ] = useState< BookingsView >( 'list' );
	const [ pending, setPending ] = useState< Pending | null >( null );
	const [ busy, setBusy ] = useState( false );
	// Bumped after every change, so the list and the calendar read again.
	const [ version, setVersion ] = useState( 0 );
	// A new booking asked for from the calendar: employee and wall-clock start.
	const [ creating, setCreating ] = useState< {
		employee: number;
		start: string;
	} | null >( null );

	useEffect( () => {
		if ( catalog.error ) {
			failure(
				__(
					'The services and employees could not be loaded.',
					'appointease'
				),
				catalog.error
			);
		}
	}, [ catalog.error, failure ] );

	const run = async (
		booking: Booking,
		action: Exclude< BookingAction, 'reschedule' >
	) => {
		setBusy( true );
		try {
			success(
				actionDone( action, await actOnBooking( booking.id, action ) )
			);
		} catch ( error ) {
			failure( actionFailed( action ), error );
		} finally {
			setBusy( false );
			setPending( null );
			setVersion( ( count ) => count + 1 );
		}
	};

	const onAction = ( booking: Booking, action: BookingAction ) => {
		if ( action === 'approve' ) {
			run( booking, action );
			return;
		}
		setPending( { booking, action } );
	};

	const shared = {
		employees: catalog.employees,
		services: catalog.services,
		notices,
		version,
		onAction,
	};

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			<ViewSwitch view={ view } onChange={ setView } />
			{ view === 'list' ? (
				<BookingsList { ...shared } />
			) : (
				<BookingCalendar
					{ ...shared }
					today={ today }
					manage
					onCreateAt={ ( employee, start ) =>
						setCreating( { employee, start } )
					}
				/>
			) }
			{ creating && (
				<NewBookingPlaceholder
					employeeName={ nameOf(
						catalog.employees,
						creating.employee
					) }
					start={ creating.start }
					onDone={ () => {
						setCreating( null );
						setVersion( ( count ) => count + 1 );
					} }
				/>
			) }
			{ pending && pending.action === 'reschedule' && (
				<RescheduleModal
					booking={ pending.booking }
					employees={ catalog.employees }
					onMoved={ ( moved ) => {
						success( actionDone( 'reschedule', moved ) );
						setPending( null );
						setVersion( ( count ) => count + 1 );
					} }
					onClose={ () => setPending( null ) }
				/>
			) }
			{ pending && pending.action === 'no-show' && (
				<ConfirmModal
					title={ __( 'Mark as a no-show?', 'appointease' ) }
					confirmLabel={ __( 'Mark no-show', 'appointease' ) }
					busy={ busy }
					onConfirm={ () => run( pending.booking, 'no-show' ) }
					onCancel={ () => setPending( null ) }
				>
					{ sprintf(
						/* translators: 1: customer name, 2: the booking's time. */
						__(
							'%1$s did not come on %2$s. The booking will show as a no-show, also next to their later bookings, and gets no follow-up email.',
							'appointease'
						),
						pending.booking.customer.name,
						whenText( pending.booking )
					) }
				</ConfirmModal>
			) }
			{ pending &&
				( pending.action === 'cancel' ||
					pending.action === 'reject' ) && (
					<ConfirmModal
						title={
							pending.action === 'cancel'
								? __( 'Cancel this booking?', 'appointease' )
								: __( 'Reject this booking?', 'appointease' )
						}
						confirmLabel={
							pending.action === 'cancel'
								? __( 'Cancel booking', 'appointease' )
								: __( 'Reject booking', 'appointease' )
						}
						destructive
						busy={ busy }
						onConfirm={ () =>
							run(
								pending.booking,
								pending.action as 'cancel' | 'reject'
							)
						}
						onCancel={ () => setPending( null ) }
					>
						{ sprintf(
							/* translators: 1: customer name, 2: the booking's time. */
							__(
								'The booking of %1$s on %2$s ends and its time becomes free for others.',
								'appointease'
							),
							pending.booking.customer.name,
							whenText( pending.booking )
						) }
					</ConfirmModal>
				) }
		</div>
	);
}
