/**
 * One page of bookings as a table (a plain, accessible HTML table with
 * wp-admin's list-table styles; see docs/admin.md for why not DataViews).
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { bookingLink } from '../../hooks/useBookingLink';
import { nameOf } from '../../hooks/useCatalog';
import { statusLabel, whenText, type BookingAction } from '../../lib/bookings';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingActions } from './BookingActions';
import { BookingAnswers, anyAnswers } from './BookingAnswers';
import type { OptionalColumn } from './ColumnPicker';

interface Props {
	bookings: Booking[];
	employees: Employee[];
	services: Named[];
	/** Offers the actions a booking allows; without it the bookings are read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Offer only these actions. */
	only?: BookingAction[];
	/** Opens a booking's view; the customer's name then links to it. */
	onView?: ( booking: Booking ) => void;
	/** Columns the user chose not to see. */
	hidden?: OptionalColumn[];
	/** Checkboxes for bulk actions: the chosen ids and their setter. */
	selection?: {
		selected: number[];
		onChange: ( selected: number[] ) => void;
	};
}

export function StatusBadge( { booking }: { booking: Booking } ) {
	return (
		<span className={ `appointease-admin__status is-${ booking.status }` }>
			{ statusLabel( booking.status ) }
		</span>
	);
}

/**
 * The customer's name as the link to the booking's view: a real address
 * (a new tab or a copied link opens the view too), followed in place on a
 * plain click.
 *
 * @param props         The booking and what opens its view.
 * @param props.booking The booking.
 * @param props.onView  Opens its view.
 */
function ViewLink( {
	booking,
	onView,
}: {
	booking: Booking;
	onView: ( booking: Booking ) => void;
} ) {
	return (
		<a
			href={ bookingLink( booking.id ) }
			aria-label={ sprintf(
				/* translators: 1: customer name, 2: the booking's time. */
				__( 'View the booking of %1$s, %2$s', 'appointease' ),
				booking.customer.name,
				whenText( booking )
			) }
			onClick={ ( event ) => {
				if (
					event.button !== 0 ||
					event.metaKey ||
					event.ctrlKey ||
					event.shiftKey ||
					event.altKey
				) {
					return;
				}
				event.preventDefault();
				onView( booking );
			} }
		>
			{ booking.customer.name }
		</a>
	);
}

export function BookingsTable( {
	bookings,
	employees,
	services,
	onAction,
	only,
	onView,
	hidden = [],
	selection,
}: Props ) {
	// The form's answers get a column only when this page has some.
	const answers = anyAnswers( bookings );
	const shows = ( column: OptionalColumn ) => ! hidden.includes( column );
	const allChosen =
		selection !== undefined &&
		bookings.every( ( booking ) =>
			selection.selected.includes( booking.id )
		);
	return (
		<table className="wp-list-table widefat striped appointease-admin__table">
			<caption className="screen-reader-text">
				{ __( 'Bookings', 'appointease' ) }
			</caption>
			<thead>
				<tr>
					{ selection && (
						<td className="check-column">
							<input
								type="checkbox"
								aria-label={ __(
									'Select all bookings on this page',
									'appointease'
								) }
								checked={ allChosen }
								onChange={ ( event ) =>
									selection.onChange(
										event.target.checked
											? bookings.map(
													( booking ) => booking.id
												)
											: []
									)
								}
							/>
						</td>
					) }
					<th scope="col">{ __( 'When', 'appointease' ) }</th>
					<th scope="col">{ __( 'Customer', 'appointease' ) }</th>
					{ shows( 'service' ) && (
						<th scope="col">{ __( 'Service', 'appointease' ) }</th>
					) }
					{ shows( 'employee' ) && (
						<th scope="col">{ __( 'Employee', 'appointease' ) }</th>
					) }
					{ shows( 'seats' ) && (
						<th scope="col">{ __( 'Seats', 'appointease' ) }</th>
					) }
					{ shows( 'status' ) && (
						<th scope="col">{ __( 'Status', 'appointease' ) }</th>
					) }
					{ answers && shows( 'answers' ) && (
						<th scope="col">{ __( 'Answers', 'appointease' ) }</th>
					) }
					{ onAction && (
						<th scope="col">{ __( 'Actions', 'appointease' ) }</th>
					) }
				</tr>
			</thead>
			<tbody>
				{ bookings.map( ( booking ) => (
					<tr key={ booking.id } data-booking={ booking.id }>
						{ selection && (
							<td className="check-column">
								<input
									type="checkbox"
									aria-label={ sprintf(
										/* translators: 1: customer name, 2: the booking's time. */
										__(
											'Select the booking of %1$s, %2$s',
											'appointease'
										),
										booking.customer.name,
										whenText( booking )
									) }
									checked={ selection.selected.includes(
										booking.id
									) }
									onChange={ ( event ) =>
										selection.onChange(
											event.target.checked
												? [
														...selection.selected,
														booking.id,
													]
												: selection.selected.filter(
														( id ) =>
															id !== booking.id
													)
										)
									}
								/>
							</td>
						) }
						<th scope="row">{ whenText( booking ) }</th>
						<td>
							<strong>
								{ onView ? (
									<ViewLink
										booking={ booking }
										onView={ onView }
									/>
								) : (
									booking.customer.name
								) }
							</strong>
							{ shows( 'contact' ) && (
								<span>
									<br />
									<a
										href={ `mailto:${ booking.customer.email }` }
									>
										{ booking.customer.email }
									</a>
								</span>
							) }
							{ shows( 'contact' ) && booking.customer.phone && (
								<span>
									<br />
									{ booking.customer.phone }
								</span>
							) }
							{ shows( 'contact' ) && booking.customer.notes && (
								<span className="description">
									<br />
									{ booking.customer.notes }
								</span>
							) }
							{ ( booking.customer_no_shows ?? 0 ) > 0 && (
								<span className="appointease-admin__no-shows">
									<br />
									{ sprintf(
										/* translators: %d: how many of the customer's other bookings were no-shows. */
										_n(
											'%d earlier no-show',
											'%d earlier no-shows',
											booking.customer_no_shows ?? 0,
											'appointease'
										),
										booking.customer_no_shows ?? 0
									) }
								</span>
							) }
						</td>
						{ shows( 'service' ) && (
							<td>{ nameOf( services, booking.service ) }</td>
						) }
						{ shows( 'employee' ) && (
							<td>{ nameOf( employees, booking.employee ) }</td>
						) }
						{ shows( 'seats' ) && <td>{ booking.seats }</td> }
						{ shows( 'status' ) && (
							<td>
								<StatusBadge booking={ booking } />
							</td>
						) }
						{ answers && shows( 'answers' ) && (
							<td>
								<BookingAnswers booking={ booking } />
							</td>
						) }
						{ onAction && (
							<td>
								<BookingActions
									booking={ booking }
									onAction={ onAction }
									only={ only }
								/>
							</td>
						) }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
