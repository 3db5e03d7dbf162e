/**
 * Bookings: a filterable list and a per-employee calendar, with approve,
 * reject, cancel and reschedule, and the times being booked right now.
 */

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { actOnBooking } from '../../../shared/api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Notices } from '../../components/Notices';
import { useBookingLink } from '../../hooks/useBookingLink';
import { useCatalog } from '../../hooks/useCatalog';
import { useNotices } from '../../hooks/useNotices';
import {
	actionDone,
	actionFailed,
	whenText,
	type BookingAction,
} from '../../lib/bookings';
import type { Booking } from '../../../shared/types';
import { BookingCalendar } from './BookingCalendar';
import { BookingView } from './BookingView';
import { BookingsList } from './BookingsList';
import { NewBookingForm } from './NewBookingForm';
import { RescheduleModal } from './RescheduleModal';
import { ViewSwitch, type BookingsView } from './ViewSwitch';
import { resendWithNotice } from '../../lib/resend';

/** An action waiting for the admin's yes (reject, cancel) or a new time. */
interface Pending {
	booking: Booking;
	action: BookingAction;
}

interface Props {
	/** Today in the site's timezone, YYYY-MM-DD. */
	today: string;
	/** The CSV download's address with its nonce. */
	exportUrl: string;
	/** The current user's id, to remember their list columns. */
	userId: number;
	/** The site's timezone, for employees without their own. */
	siteTimezone: string;
	/** The prices' ISO 4217 code, or "". */
	currency?: string;
}

/** Several bookings waiting for the admin's yes to be cancelled. */
interface BulkCancel {
	bookings: Booking[];
}

export function BookingsScreen( {
	today,
	exportUrl,
	userId,
	siteTimezone,
	currency = '',
}: Props ) {
	const notices = useNotices();
	const { failure, success } = notices;
	const catalog = useCatalog();
	const [ view, setView ] = useState< BookingsView >( 'list' );
	const [ pending, setPending ] = useState< Pending | null >( null );
	const [ busy, setBusy ] = useState( false );
	// Bumped after every change, so the list and the calendar read again.
	const [ version, setVersion ] = useState( 0 );
	// A new booking: from the button (nothing chosen yet) or from an empty
	// time in the calendar (its employee and wall-clock start).
	const [ creating, setCreating ] = useState< {
		employee?: number;
		start?: string;
	} | null >( null );
	const [ bulkCancel, setBulkCancel ] = useState< BulkCancel | null >( null );
	// One booking on its own page (`&booking=<id>`), over the list or calendar it was opened from.
	const link = useBookingLink();

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

	// One request, and so one email, per booking; each result is reported.
	const runBulk = async (
		bookings: Booking[],
		action: 'approve' | 'cancel'
	) => {
		setBusy( true );
		let done = 0;
		for ( const booking of bookings ) {
			try {
				await actOnBooking( booking.id, action );
				done++;
			} catch ( error ) {
				failure(
					sprintf(
						/* translators: 1: what failed, such as "The booking was not cancelled.", 2: customer name. */
						__( '%1$s (%2$s)', 'appointease' ),
						actionFailed( action ),
						booking.customer.name
					),
					error
				);
			}
		}
		if ( done > 0 ) {
			success(
				action === 'approve'
					? sprintf(
							/* translators: %d: number of bookings. */
							_n(
								'%d booking approved.',
								'%d bookings approved.',
								done,
								'appointease'
							),
							done
						)
					: sprintf(
							/* translators: %d: number of bookings. */
							_n(
								'%d booking cancelled; its time is free again.',
								'%d bookings cancelled; their times are free again.',
								done,
								'appointease'
							),
							done
						)
			);
		}
		setBusy( false );
		setBulkCancel( null );
		setVersion( ( count ) => count + 1 );
	};

	const onBulk = ( bookings: Booking[], action: 'approve' | 'cancel' ) => {
		if ( action === 'approve' ) {
			const pendingOnes = bookings.filter(
				( booking ) => booking.status === 'pending'
			);
			if ( pendingOnes.length === 0 ) {
				failure(
					__( 'Nothing was approved.', 'appointease' ),
					new Error(
						__(
							'None of the selected bookings is waiting for approval.',
							'appointease'
						)
					)
				);
				return;
			}
			runBulk( pendingOnes, 'approve' );
			return;
		}
		setBulkCancel( { bookings } );
	};

	const onAction = ( booking: Booking, action: BookingAction ) => {
		if ( action === 'approve' ) {
			run( booking, action );
			return;
		}
		setPending( { booking, action } );
	};

	const resend = ( booking: Booking ) => resendWithNotice( booking, notices );

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
			{ link.openId !== null && (
				<BookingView
					id={ link.openId }
					version={ version }
					employees={ catalog.employees }
					services={ catalog.services }
					siteTimezone={ siteTimezone }
					currency={ currency }
					onAction={ onAction }
					onResend={ resend }
					onBack={ link.close }
				/>
			) }
			{ /* Kept while a booking is open, so Back finds the same filters and page. */ }
			<div hidden={ link.openId !== null }>
				<Button
					__next40pxDefaultSize
					variant="primary"
					className="appointease-admin__new-booking-button"
					onClick={ () => setCreating( {} ) }
				>
					{ __( 'New booking', 'appointease' ) }
				</Button>
				<ViewSwitch view={ view } onChange={ setView } />
				{ view === 'list' ? (
					<BookingsList
						{ ...shared }
						today={ today }
						userId={ userId }
						admin={ { exportUrl, onBulk } }
						onView={ ( booking ) => link.open( booking.id ) }
					/>
				) : (
					<BookingCalendar
						{ ...shared }
						today={ today }
						manage
						siteTimezone={ siteTimezone }
						onCreateAt={ ( employee, start ) =>
							setCreating( { employee, start } )
						}
					/>
				) }
			</div>
			{ creating && (
				<Modal
					title={ __( 'New booking', 'appointease' ) }
					onRequestClose={ () => setCreating( null ) }
					size="large"
				>
					<NewBookingForm
						today={ today }
						siteTimezone={ siteTimezone }
						initialEmployee={ creating.employee }
						initialStart={ creating.start }
						onDone={ ( booking ) => {
							setCreating( null );
							if ( booking ) {
								success(
									sprintf(
										/* translators: 1: customer name, 2: the booking's time. */
										__(
											'%1$s is booked for %2$s.',
											'appointease'
										),
										booking.customer.name,
										whenText( booking )
									)
								);
								setVersion( ( count ) => count + 1 );
							}
						} }
					/>
				</Modal>
			) }
			{ bulkCancel && (
				<ConfirmModal
					title={ __( 'Cancel these bookings?', 'appointease' ) }
					confirmLabel={ __( 'Cancel bookings', 'appointease' ) }
					destructive
					busy={ busy }
					onConfirm={ () => runBulk( bulkCancel.bookings, 'cancel' ) }
					onCancel={ () => setBulkCancel( null ) }
				>
					{ sprintf(
						/* translators: %d: number of bookings. */
						_n(
							'%d booking ends and its time becomes free for others. Its customer is emailed.',
							'%d bookings end and their times become free for others. Each customer is emailed.',
							bulkCancel.bookings.length,
							'appointease'
						),
						bulkCancel.bookings.length
					) }
				</ConfirmModal>
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
