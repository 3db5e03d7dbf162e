/**
 * Everything known about one booking, as description lists: the booking,
 * its customer, their answers to the booking form and consent, and when it
 * was made and last changed. The booking view and the calendar's booking
 * dialog both show it.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { nameOf } from '../../hooks/useCatalog';
import { whenText } from '../../lib/bookings';
import { onClock } from '../../lib/clock';
import { formatPrice } from '../../../shared/money';
import { offsetLabel } from '../../../shared/time';
import type { Booking, Employee, Service } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingAnswers } from './BookingAnswers';
import { StatusBadge } from './BookingsTable';

export interface SummaryContext {
	employees: readonly Employee[];
	/** Services; their prices show where the list carries them. */
	services: readonly ( Named & Partial< Pick< Service, 'price' > > )[];
	/** The site's timezone, for employees without their own. */
	siteTimezone?: string;
	/** The prices' ISO 4217 code, or "". */
	currency?: string;
}

export function BookingSummary( {
	booking,
	employees,
	services,
	siteTimezone = '',
	currency = '',
}: SummaryContext & { booking: Booking } ) {
	const employee = employees.find( ( item ) => item.id === booking.employee );
	// The business's clock for this booking: its employee's, or the site's.
	const zone = employee?.timezone || siteTimezone;
	const price = services.find(
		( item ) => item.id === booking.service
	)?.price;
	const hasAnswers = booking.answers.length > 0 || booking.consent !== null;
	return (
		<div className="appointease-admin__summary">
			<dl className="appointease-admin__details-list">
				<dt>{ __( 'Status', 'appointease' ) }</dt>
				<dd>
					<StatusBadge booking={ booking } />
				</dd>
				<dt>{ __( 'Service', 'appointease' ) }</dt>
				<dd>{ nameOf( services, booking.service ) }</dd>
				<dt>{ __( 'Employee', 'appointease' ) }</dt>
				<dd>{ nameOf( employees, booking.employee ) }</dd>
				<dt>{ __( 'When', 'appointease' ) }</dt>
				<dd>
					{ sprintf(
						/* translators: 1: date and times of the booking, 2: their timezone, such as "Europe/Berlin" or "UTC+01:00". */
						__( '%1$s (%2$s)', 'appointease' ),
						whenText( booking ),
						zone || offsetLabel( booking.start )
					) }
				</dd>
				<dt>{ __( 'Seats', 'appointease' ) }</dt>
				<dd>
					{ sprintf(
						/* translators: %d: number of seats. */
						_n(
							'%d seat',
							'%d seats',
							booking.seats,
							'appointease'
						),
						booking.seats
					) }
				</dd>
				{ price && (
					<>
						<dt>{ __( 'Price', 'appointease' ) }</dt>
						<dd>
							{ booking.seats > 1
								? sprintf(
										/* translators: %s: a price. */
										__( '%s per seat', 'appointease' ),
										formatPrice( price, currency, '' )
									)
								: formatPrice( price, currency, '' ) }
						</dd>
					</>
				) }
				<dt>{ __( 'Customer', 'appointease' ) }</dt>
				<dd>{ booking.customer.name }</dd>
				<dt>{ __( 'Email', 'appointease' ) }</dt>
				<dd>
					<a href={ `mailto:${ booking.customer.email }` }>
						{ booking.customer.email }
					</a>
				</dd>
				{ booking.customer.phone !== '' && (
					<>
						<dt>{ __( 'Phone', 'appointease' ) }</dt>
						<dd>
							<a href={ `tel:${ booking.customer.phone }` }>
								{ booking.customer.phone }
							</a>
						</dd>
					</>
				) }
				{ booking.customer.notes !== '' && (
					<>
						<dt>{ __( 'Notes', 'appointease' ) }</dt>
						<dd className="appointease-admin__notes">
							{ booking.customer.notes }
						</dd>
					</>
				) }
				<dt>{ __( 'Booked', 'appointease' ) }</dt>
				<dd>{ onClock( booking.created_at, zone ) }</dd>
				<dt>{ __( 'Last changed', 'appointease' ) }</dt>
				<dd>{ onClock( booking.updated_at, zone ) }</dd>
			</dl>
			{ hasAnswers && (
				<section
					className="appointease-admin__summary-answers"
					aria-labelledby={ `appointease-answers-${ booking.id }` }
				>
					<h3 id={ `appointease-answers-${ booking.id }` }>
						{ __( 'Answers to the booking form', 'appointease' ) }
					</h3>
					<BookingAnswers booking={ booking } zone={ zone } full />
				</section>
			) }
		</div>
	);
}
