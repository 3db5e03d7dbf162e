/**
 * The manage view, opened by the link in the booking email
 * (`?appointease_booking=<id>#appointease_token=<token>`; the page takes the
 * token off its address bar, see manage-token.ts): the booking, its calendar
 * file, and cancelling or moving it to another time, picked with the same
 * calendar and live time list as the booking flow. Every request sends the
 * token in a header, never in a URL.
 */

/**
 * WordPress dependencies
 */
import { Fragment, useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	cancelManagedBooking,
	loadManagedBooking,
	rescheduleManagedBooking,
} from '../../../shared/actions';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { formatDateTime, monthOf } from '../../../shared/time';
import type { BookingStatus } from '../../../shared/types';
import { ChangeClosedNotice } from './ChangeClosedNotice';
import { DatePicker } from './DatePicker';
import { IcsButton } from './IcsButton';
import { Notice } from './Notice';
import { Summary } from './Summary';
import { TimePicker } from './TimePicker';

/**
 * The status in words.
 *
 * @param status The booking's status.
 */
export function statusText( status: BookingStatus ): string {
	switch ( status ) {
		case 'unverified':
			return __(
				'Waiting for you to confirm it by email',
				'appointease'
			);
		case 'expired':
			return __( 'Expired: it was not confirmed in time', 'appointease' );
		case 'pending':
			return __( 'Waiting for approval', 'appointease' );
		case 'confirmed':
			return __( 'Confirmed', 'appointease' );
		case 'cancelled':
			return __( 'Cancelled', 'appointease' );
		case 'rejected':
			return __( 'Declined', 'appointease' );
		case 'completed':
			return __( 'Completed', 'appointease' );
		case 'no_show':
			return __( 'Missed', 'appointease' );
	}
}

interface ManageViewProps {
	/** Prefix for element ids. */
	id: string;
}

/**
 * The view.
 *
 * @param props    Component props.
 * @param props.id Prefix for element ids.
 */
export function ManageView( { id }: ManageViewProps ) {
	const store = useBookingStoreApi();
	const manage = useBookingStore( ( state ) => state.manage );
	const date = useBookingStore( ( state ) => state.selection.date );
	const display = useBookingStore( ( state ) => state.timeDisplay );

	useEffect( () => {
		loadManagedBooking( store );
	}, [ store ] );

	if ( ! manage ) {
		return null;
	}
	const { booking, status, mode, target, busy } = manage;
	const active =
		booking !== null &&
		( booking.status === 'pending' || booking.status === 'confirmed' );
	const update = store.getState().updateManage;
	// Past a cut-off the server says no; the buttons it would refuse are not offered.
	const policy = booking?.change_policy;
	const canMove = policy?.can_reschedule ?? true;
	const canCancel = policy?.can_cancel ?? true;

	return (
		<div className="appointease-manage">
			<h3 className="appointease-app__panel-title">
				{ __( 'Your booking', 'appointease' ) }
			</h3>
			<Notice />
			{ status === 'loading' && (
				<p className="appointease-hint">
					{ __( 'Loading your booking…', 'appointease' ) }
				</p>
			) }
			{ booking && (
				<Fragment>
					<p
						className="appointease-manage__status"
						data-status={ booking.status }
					>
						{ sprintf(
							/* translators: %s: a status such as "Confirmed". */
							__( 'Status: %s', 'appointease' ),
							statusText( booking.status )
						) }
					</p>
					<Summary
						service={ booking.service }
						employee={ booking.employee }
						start={ booking.start }
						customer={ booking.customer }
					/>
					{ active && (
						<ul className="appointease-links">
							<li>
								<IcsButton
									id={ manage.id }
									token={ manage.token }
								/>
							</li>
						</ul>
					) }
				</Fragment>
			) }

			{ active && mode === 'view' && policy && (
				<ChangeClosedNotice policy={ policy } />
			) }

			{ active && mode === 'view' && ( canMove || canCancel ) && (
				<div className="appointease-app__actions">
					{ canMove && (
						<button
							type="button"
							className="appointease-button"
							onClick={ () => {
								// The calendar opens at the booking's month.
								store
									.getState()
									.showMonth( monthOf( booking.start ) );
								update( { mode: 'reschedule' } );
							} }
						>
							{ __( 'Choose another time', 'appointease' ) }
						</button>
					) }
					{ canCancel && (
						<button
							type="button"
							className="appointease-button is-secondary"
							onClick={ () =>
								update( { mode: 'confirm-cancel' } )
							}
						>
							{ __( 'Cancel booking', 'appointease' ) }
						</button>
					) }
				</div>
			) }

			{ active && mode === 'confirm-cancel' && booking && (
				<div
					className="appointease-confirm"
					role="group"
					aria-labelledby={ `${ id }-confirm` }
				>
					<p id={ `${ id }-confirm` }>
						{ sprintf(
							/* translators: %s: a date and time. */
							__(
								'Cancel your booking on %s? This cannot be undone.',
								'appointease'
							),
							formatDateTime( booking.start, display )
						) }
					</p>
					<div className="appointease-app__actions">
						<button
							type="button"
							className="appointease-button"
							disabled={ busy }
							onClick={ () => cancelManagedBooking( store ) }
						>
							{ busy
								? __( 'Cancelling…', 'appointease' )
								: __( 'Yes, cancel it', 'appointease' ) }
						</button>
						<button
							type="button"
							className="appointease-button is-secondary"
							disabled={ busy }
							onClick={ () => update( { mode: 'view' } ) }
						>
							{ __( 'Keep my booking', 'appointease' ) }
						</button>
					</div>
				</div>
			) }

			{ active && mode === 'reschedule' && booking && (
				<div className="appointease-reschedule">
					<h4>{ __( 'Choose a new date', 'appointease' ) }</h4>
					<DatePicker id={ id } />
					{ date && (
						<TimePicker
							id={ id }
							onPick={ ( option ) =>
								update( { target: option.start } )
							}
							selected={ target }
							current={ booking.start }
						/>
					) }
					<div className="appointease-app__actions">
						<button
							type="button"
							className="appointease-button"
							disabled={ ! target || busy }
							onClick={ () => rescheduleManagedBooking( store ) }
						>
							{ target
								? sprintf(
										/* translators: %s: a date and time. */
										__(
											'Move my booking to %s',
											'appointease'
										),
										formatDateTime( target, display )
									)
								: __( 'Pick a new time first', 'appointease' ) }
						</button>
						<button
							type="button"
							className="appointease-button is-secondary"
							disabled={ busy }
							onClick={ () =>
								update( { mode: 'view', target: null } )
							}
						>
							{ __( 'Keep the current time', 'appointease' ) }
						</button>
					</div>
				</div>
			) }
		</div>
	);
}
