/**
 * One employee's bookings by day or week, with their working hours and the
 * times being booked right now.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack } from '../../components/Stack';
import { listAllBookings } from '../../../shared/api';
import { nameOf } from '../../hooks/useCatalog';
import type { Notices } from '../../hooks/useNotices';
import { isActive, type BookingAction } from '../../lib/bookings';
import { describeDay, groupHours } from '../../lib/hours';
import {
	addDays,
	datePart,
	formatMediumDate as formatDate,
	isDate,
	isoWeekday,
	timePart,
	weekDates,
} from '../../../shared/time';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingActions } from './BookingActions';
import { StatusBadge } from './BookingsTable';
import { LiveHolds } from './LiveHolds';

type Mode = 'day' | 'week';

interface Props {
	employees: Employee[];
	services: Named[];
	today: string;
	notices: Notices;
	version: number;
	/** Offers the actions a booking allows; without it the bookings are read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
}

/**
 * The employee's day as text: working hours, or why they do not work.
 *
 * @param employee The employee.
 * @param date     A date.
 */
export function workingText( employee: Employee, date: string ): string {
	if (
		employee.days_off.some(
			( off ) => off.start <= date && date <= off.end
		)
	) {
		return __( 'Day off', 'appointease' );
	}
	const ranges = groupHours( employee.hours )[ isoWeekday( date ) ] ?? [];
	return ranges.length === 0
		? __( 'Not working', 'appointease' )
		: sprintf(
				/* translators: %s: working hours, e.g. "09:00–12:00, 13:00–17:00". */
				__( 'Works %s', 'appointease' ),
				describeDay( ranges )
			);
}

export function BookingCalendar( {
	employees,
	services,
	today,
	notices,
	version,
	onAction,
}: Props ) {
	const [ employeeId, setEmployeeId ] = useState( 0 );
	const [ mode, setMode ] = useState< Mode >( 'day' );
	const [ date, setDate ] = useState( today );
	const [ showInactive, setShowInactive ] = useState( false );
	const [ bookings, setBookings ] = useState< Booking[] | null >( null );
	const [ reloads, setReloads ] = useState( 0 );
	const { failure } = notices;

	const employee =
		employees.find( ( item ) => item.id === employeeId ) ??
		employees.find( ( item ) => item.active ) ??
		employees[ 0 ];
	const dates = mode === 'day' ? [ date ] : weekDates( date );
	const first = dates[ 0 ] ?? date;
	const last = dates[ dates.length - 1 ] ?? date;

	useEffect( () => {
		if ( ! employee ) {
			return undefined;
		}
		let current = true;
		// A day more on each side: the list filters by the site's dates,
		// the calendar shows the employee's, which may be a timezone apart.
		listAllBookings( {
			employee: employee.id,
			service: 0,
			status: '',
			from: addDays( first, -1 ),
			to: addDays( last, 1 ),
			search: '',
		} )
			.then( ( found ) => current && setBookings( found ) )
			.catch( ( error ) => {
				if ( current ) {
					setBookings( [] );
					failure(
						__(
							'The calendar could not be loaded.',
							'appointease'
						),
						error
					);
				}
			} );
		return () => {
			current = false;
		};
	}, [ employee, first, last, version, reloads, failure ] );

	const refresh = useCallback(
		() => setReloads( ( count ) => count + 1 ),
		[]
	);

	if ( ! employee ) {
		return <p>{ __( 'Add an employee first.', 'appointease' ) }</p>;
	}

	const step = mode === 'day' ? 1 : 7;
	const shown = ( bookings ?? [] )
		.filter( ( booking ) => showInactive || isActive( booking ) )
		.sort( ( a, b ) => a.start.localeCompare( b.start ) );

	return (
		<div>
			<div className="appointease-admin__toolbar">
				{ employees.length > 1 && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Employee', 'appointease' ) }
						value={ String( employee.id ) }
						options={ employees.map( ( item ) => ( {
							value: String( item.id ),
							label: item.name,
						} ) ) }
						onChange={ ( value: string ) =>
							setEmployeeId( Number( value ) )
						}
					/>
				) }
				<HStack
					role="group"
					aria-label={ __( 'Calendar range', 'appointease' ) }
					spacing={ 0 }
					expanded={ false }
				>
					<Button
						__next40pxDefaultSize
						variant={ mode === 'day' ? 'primary' : 'secondary' }
						aria-pressed={ mode === 'day' }
						onClick={ () => setMode( 'day' ) }
					>
						{ __( 'Day', 'appointease' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant={ mode === 'week' ? 'primary' : 'secondary' }
						aria-pressed={ mode === 'week' }
						onClick={ () => setMode( 'week' ) }
					>
						{ __( 'Week', 'appointease' ) }
					</Button>
				</HStack>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => setDate( addDays( date, -step ) ) }
				>
					{ mode === 'day'
						? __( 'Previous day', 'appointease' )
						: __( 'Previous week', 'appointease' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => setDate( today ) }
				>
					{ __( 'Today', 'appointease' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ () => setDate( addDays( date, step ) ) }
				>
					{ mode === 'day'
						? __( 'Next day', 'appointease' )
						: __( 'Next week', 'appointease' ) }
				</Button>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Date', 'appointease' ) }
					type="date"
					value={ date }
					onChange={ ( value: string ) =>
						isDate( value ) && setDate( value )
					}
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Show cancelled and rejected', 'appointease' ) }
					checked={ showInactive }
					onChange={ setShowInactive }
				/>
			</div>
			{ bookings === null && <Spinner /> }
			<div
				role="group"
				aria-label={ __( 'Bookings by day', 'appointease' ) }
				className="appointease-admin__calendar"
				style={
					{ '--appointease-days': dates.length } as CSSProperties
				}
			>
				{ dates.map( ( day ) => {
					const ofDay = shown.filter(
						( booking ) => datePart( booking.start ) === day
					);
					return (
						<section
							key={ day }
							className={ `appointease-admin__calendar-day${ day === today ? ' is-today' : '' }` }
							aria-label={ formatDate( day ) }
						>
							<h3>
								{ mode === 'week' ? (
									<Button
										variant="link"
										aria-label={ sprintf(
											/* translators: %s: a date. */
											__(
												'Show the day %s',
												'appointease'
											),
											formatDate( day )
										) }
										onClick={ () => {
											setDate( day );
											setMode( 'day' );
										} }
									>
										{ formatDate( day ) }
									</Button>
								) : (
									formatDate( day )
								) }
							</h3>
							<p className="appointease-admin__calendar-hours">
								{ workingText( employee, day ) }
							</p>
							{ ofDay.length === 0 ? (
								<p className="description">
									{ __( 'No bookings.', 'appointease' ) }
								</p>
							) : (
								<ul>
									{ ofDay.map( ( booking ) => (
										<li
											key={ booking.id }
											className={ `appointease-admin__event is-${ booking.status }` }
											data-booking={ booking.id }
										>
											<strong>
												{ timePart( booking.start ) }–
												{ timePart( booking.end ) }
											</strong>{ ' ' }
											<span>
												{ nameOf(
													services,
													booking.service
												) }
											</span>
											<br />
											<span>
												{ booking.customer.name }
											</span>{ ' ' }
											<StatusBadge booking={ booking } />
											{ onAction && (
												<BookingActions
													booking={ booking }
													onAction={ onAction }
													compact
												/>
											) }
										</li>
									) ) }
								</ul>
							) }
						</section>
					);
				} ) }
			</div>
			<LiveHolds
				employee={ employee.id }
				date={ date }
				onVersionChange={ refresh }
			/>
		</div>
	);
}
