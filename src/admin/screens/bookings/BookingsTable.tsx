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
import { nameOf } from '../../hooks/useCatalog';
import { statusLabel, whenText, type BookingAction } from '../../lib/bookings';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingActions } from './BookingActions';
import { BookingAnswers, anyAnswers } from './BookingAnswers';

interface Props {
	bookings: Booking[];
	employees: Employee[];
	services: Named[];
	/** Offers the actions a booking allows; without it the bookings are read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Offer only these actions. */
	only?: BookingAction[];
}

export function StatusBadge( { booking }: { booking: Booking } ) {
	return (
		<span className={ `appointease-admin__status is-${ booking.status }` }>
			{ statusLabel( booking.status ) }
		</span>
	);
}

export function BookingsTable( {
	bookings,
	employees,
	services,
	onAction,
	only,
}: Props ) {
	// The form's answers get a column only when this page has some.
	const answers = anyAnswers( bookings );
	return (
		<table className="wp-list-table widefat striped appointease-admin__table">
			<caption className="screen-reader-text">
				{ __( 'Bookings', 'appointease' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'When', 'appointease' ) }</th>
					<th scope="col">{ __( 'Customer', 'appointease' ) }</th>
					<th scope="col">{ __( 'Service', 'appointease' ) }</th>
					<th scope="col">{ __( 'Employee', 'appointease' ) }</th>
					<th scope="col">{ __( 'Seats', 'appointease' ) }</th>
					<th scope="col">{ __( 'Status', 'appointease' ) }</th>
					{ answers && (
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
						<th scope="row">{ whenText( booking ) }</th>
						<td>
							<strong>{ booking.customer.name }</strong>
							<br />
							<a href={ `mailto:${ booking.customer.email }` }>
								{ booking.customer.email }
							</a>
							{ booking.customer.phone && (
								<span>
									<br />
									{ booking.customer.phone }
								</span>
							) }
							{ booking.customer.notes && (
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
						<td>{ nameOf( services, booking.service ) }</td>
						<td>{ nameOf( employees, booking.employee ) }</td>
						<td>{ booking.seats }</td>
						<td>
							<StatusBadge booking={ booking } />
						</td>
						{ answers && (
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
