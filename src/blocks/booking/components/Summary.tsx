/**
 * What is (being) booked: service, employee, time, and optionally who books.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatPrice } from '../../../shared/money';
import { useBookingStore } from '../../../shared/store-context';
import { formatDateTime, zoneName } from '../../../shared/time';
import type { Customer } from '../../../shared/types';

interface SummaryProps {
	service: number;
	employee: number;
	start: string;
	customer?: Customer;
}

/**
 * The summary list.
 *
 * @param props          Component props.
 * @param props.service  Service id.
 * @param props.employee Employee id.
 * @param props.start    Start, ISO 8601.
 * @param props.customer Who books, if shown.
 */
export function Summary( {
	service,
	employee,
	start,
	customer,
}: SummaryProps ) {
	const services = useBookingStore( ( state ) => state.services );
	const employees = useBookingStore( ( state ) => state.employees );
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const settings = useBookingStore( ( state ) => state.settings );
	const chosen = services?.find( ( candidate ) => candidate.id === service );
	const serviceName = chosen?.name ?? '';
	const employeeName =
		employees?.find( ( candidate ) => candidate.id === employee )?.name ??
		'';

	const rows: Array< [ string, string ] > = [
		[ __( 'Service', 'appointease' ), serviceName ],
		[ __( 'With', 'appointease' ), employeeName ],
		[
			__( 'When', 'appointease' ),
			sprintf(
				/* translators: 1: a date and time, 2: a time zone. */
				__( '%1$s (%2$s)', 'appointease' ),
				formatDateTime( start, display ),
				zoneName( display, start, settings.timezone )
			),
		],
	];
	if ( chosen ) {
		rows.push( [
			__( 'Duration', 'appointease' ),
			sprintf(
				/* translators: %d: number of minutes. */
				_n( '%d minute', '%d minutes', chosen.duration, 'appointease' ),
				chosen.duration
			),
		] );
		if ( chosen.price !== null ) {
			rows.push( [
				__( 'Price', 'appointease' ),
				formatPrice( chosen.price, settings.currency, settings.locale ),
			] );
		}
	}
	if ( customer ) {
		rows.push( [ __( 'Name', 'appointease' ), customer.name ] );
		rows.push( [ __( 'Email', 'appointease' ), customer.email ] );
		if ( customer.phone ) {
			rows.push( [ __( 'Phone', 'appointease' ), customer.phone ] );
		}
		if ( customer.notes ) {
			rows.push( [ __( 'Notes', 'appointease' ), customer.notes ] );
		}
	}
	return (
		<dl className="appointease-summary">
			{ rows
				.filter( ( [ , value ] ) => value !== '' )
				.map( ( [ label, value ] ) => (
					<div key={ label } className="appointease-summary__row">
						<dt>{ label }</dt>
						<dd>{ value }</dd>
					</div>
				) ) }
		</dl>
	);
}
