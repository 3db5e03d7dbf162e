/**
 * The bookings calendar: a day of every employee side by side, or a week of
 * one employee, on a time grid (CalendarGrid), with the times being booked
 * right now. Managers drag a booking to move it, or open it for its
 * details, its actions and "Move…"; a click on an empty time asks for a
 * new booking there (onCreateAt).
 */

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
import { useCallback, useEffect, useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { HStack } from '../../components/Stack';
import { listAllBookings, rescheduleBooking } from '../../../shared/api';
import type { Notices } from '../../hooks/useNotices';
import { useLiveHolds } from '../../hooks/useLiveHolds';
import {
	actionDone,
	actionFailed,
	allowedActions,
	hasStarted,
	isActive,
	type BookingAction,
} from '../../lib/bookings';
import {
	atMinute,
	clockOf,
	offsetOf,
	spanOf,
	visibleRange,
	workingSpans,
} from '../../lib/grid';
import {
	addDays,
	formatMediumDate as formatDate,
	isDate,
	weekDates,
	zonedIso,
} from '../../../shared/time';
import type { Booking, Employee } from '../../../shared/types';
import { BookingDetails } from './BookingDetails';
import {
	CalendarGrid,
	type GridColumn,
	type GridService,
} from './CalendarGrid';
import { resendWithNotice } from '../../lib/resend';

type Mode = 'day' | 'week';

interface Props {
	employees: Employee[];
	services: readonly GridService[];
	today: string;
	notices: Notices;
	version: number;
	/** Offers the actions a booking allows; without it the bookings are read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Whether the user may move bookings and resend their emails (managers). */
	manage?: boolean;
	/**
	 * Asks for a new booking: the employee and the start, "YYYY-MM-DDTHH:MM"
	 * on the employee's clock, or none (the toolbar's button).
	 */
	onCreateAt?: ( employee: number, start: string ) => void;
	/** The site's timezone, for employees without their own; moves are read on the target employee's clock. */
	siteTimezone?: string;
}

export function BookingCalendar( {
	employees,
	services,
	today,
	notices,
	version,
	onAction,
	manage = false,
	onCreateAt,
	siteTimezone = '',
}: Props ) {
	const [ employeeId, setEmployeeId ] = useState( 0 );
	const [ mode, setMode ] = useState< Mode >( 'day' );
	const [ date, setDate ] = useState( today );
	const [ showInactive, setShowInactive ] = useState( false );
	const [ bookings, setBookings ] = useState< Booking[] | null >( null );
	const [ reloads, setReloads ] = useState( 0 );
	const [ openId, setOpenId ] = useState< number | null >( null );
	const { failure, success } = notices;
	// A drop's start on the target employee's clock, with that day's offset
	// (not the booking's old one: a move across a DST change or to an
	// employee in another zone keeps the wall-clock time the admin chose).
	const dropStart = (
		booking: Booking,
		to: number,
		day: string,
		minute: number
	) => {
		const zone =
			employees.find( ( item ) => item.id === to )?.timezone ||
			siteTimezone;
		const wall = atMinute( day, minute, '' ).slice( 11, 16 );
		return zone
			? zonedIso( day, wall, zone )
			: atMinute( day, minute, offsetOf( booking.start ) );
	};

	const active = employees.filter( ( item ) => item.active );
	const employee =
		employees.find( ( item ) => item.id === employeeId ) ??
		active[ 0 ] ??
		employees[ 0 ];
	const dates = mode === 'day' ? [ date ] : weekDates( date );
	const first = dates[ 0 ] ?? date;
	const last = dates[ dates.length - 1 ] ?? date;
	let shownEmployees = employee ? [ employee ] : [];
	if ( mode === 'day' ) {
		shownEmployees = active.length > 0 ? active : employees;
	}
	const columns: GridColumn[] = shownEmployees.flatMap( ( one ) =>
		dates.map( ( day ) => ( {
			employee: one,
			date: day,
			label: mode === 'day' ? one.name : formatDate( day ),
			name:
				mode === 'day'
					? sprintf(
							/* translators: 1: employee name, 2: a date. */
							__( '%1$s, %2$s', 'appointease' ),
							one.name,
							formatDate( day )
						)
					: formatDate( day ),
			isToday: day === today,
		} ) )
	);
	// One employee shown: ask for theirs only; several: for everyone's.
	const filterEmployee =
		shownEmployees.length === 1 ? ( shownEmployees[ 0 ]?.id ?? 0 ) : 0;

	useEffect( () => {
		if ( employees.length === 0 ) {
			return undefined;
		}
		let current = true;
		// A day more on each side: the list filters by the site's dates,
		// the calendar shows the employees', which may be a timezone apart.
		listAllBookings( {
			employee: filterEmployee,
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
	}, [
		employees.length,
		filterEmployee,
		first,
		last,
		version,
		reloads,
		failure,
	] );

	const refresh = useCallback(
		() => setReloads( ( count ) => count + 1 ),
		[]
	);
	const columnKeys = columns
		.map( ( column ) => `${ column.employee.id }/${ column.date }` )
		.join( ',' );
	const calendarDays = useMemo(
		() =>
			( columnKeys === '' ? [] : columnKeys.split( ',' ) ).map(
				( key ) => {
					const [ id = '0', day = '' ] = key.split( '/' );
					return { employee: Number( id ), date: day };
				}
			),
		[ columnKeys ]
	);
	const holds = useLiveHolds( calendarDays, refresh );

	const move = async (
		booking: Booking,
		to: number,
		start: string
	): Promise< boolean > => {
		try {
			const moved = await rescheduleBooking(
				booking.id,
				start,
				to !== booking.employee ? to : undefined
			);
			setBookings( ( list ) =>
				( list ?? [] ).map( ( one ) =>
					one.id === moved.id ? moved : one
				)
			);
			success( actionDone( 'reschedule', moved ) );
			refresh();
			return true;
		} catch ( error ) {
			failure( actionFailed( 'reschedule' ), error );
			return false;
		}
	};

	const resend = ( booking: Booking ) => resendWithNotice( booking, notices );

	if ( ! employee ) {
		return <p>{ __( 'Add an employee first.', 'appointease' ) }</p>;
	}

	const step = mode === 'day' ? 1 : 7;
	const shown = ( bookings ?? [] ).filter(
		( booking ) => showInactive || isActive( booking )
	);
	const range = visibleRange( [
		...columns.flatMap( ( column ) =>
			workingSpans( column.employee, column.date )
		),
		...shown
			.filter( ( booking ) =>
				columns.some(
					( column ) =>
						column.employee.id === booking.employee &&
						column.date === booking.start.slice( 0, 10 )
				)
			)
			.map( ( booking ) => spanOf( booking.start, booking.end ) ),
	] );
	const heldCount = Object.values( holds ?? {} ).reduce(
		( sum, list ) => sum + list.length,
		0
	);
	const opened = shown.find( ( booking ) => booking.id === openId ) ?? null;

	return (
		<div>
			<div className="appointease-admin__toolbar">
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
				{ mode === 'week' && employees.length > 1 && (
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Employee', 'appointease' ) }
						value={ String( employee.id ) }
						options={ namedOptions( employees ) }
						onChange={ ( value: string ) =>
							setEmployeeId( Number( value ) )
						}
					/>
				) }
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
				{ onCreateAt && (
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () =>
							onCreateAt( employee.id, `${ date }T09:00` )
						}
					>
						{ __( 'New booking', 'appointease' ) }
					</Button>
				) }
			</div>
			{ mode === 'day' && (
				<h3 className="appointease-grid__date">
					{ formatDate( date ) }
				</h3>
			) }
			{ bookings === null && <Spinner /> }
			<CalendarGrid
				columns={ columns }
				range={ range }
				bookings={ shown }
				holds={ holds }
				services={ services }
				canDrag={ ( booking ) =>
					manage &&
					allowedActions(
						booking.status,
						hasStarted( booking )
					).includes( 'reschedule' )
				}
				onOpen={ ( booking ) => setOpenId( booking.id ) }
				onDrop={
					manage
						? ( booking, to, day, minute ) =>
								move(
									booking,
									to,
									dropStart( booking, to, day, minute )
								)
						: undefined
				}
				onEmptyClick={
					onCreateAt
						? ( to, day, minute ) =>
								onCreateAt(
									to,
									`${ day }T${ clockOf( minute ) }`
								)
						: undefined
				}
				onHeading={
					mode === 'week'
						? ( column ) => {
								setDate( column.date );
								setMode( 'day' );
							}
						: undefined
				}
			/>
			<section
				className="appointease-admin__live"
				aria-labelledby="appointease-live-heading"
			>
				<h3 id="appointease-live-heading">
					{ __( 'Being booked now', 'appointease' ) }
				</h3>
				<p aria-live="polite">
					{ holds === null && __( 'Checking…', 'appointease' ) }
					{ holds !== null &&
						( heldCount === 0
							? __(
									'Nobody is choosing a time in this calendar right now.',
									'appointease'
								)
							: sprintf(
									/* translators: %d: number of times. */
									_n(
										'%d time is being booked right now.',
										'%d times are being booked right now.',
										heldCount,
										'appointease'
									),
									heldCount
								) ) }
				</p>
				<p className="description">
					{ __(
						'Times visitors are filling in the form for show as "Being booked" in the grid; checked every few seconds.',
						'appointease'
					) }
				</p>
			</section>
			{ opened && (
				<BookingDetails
					booking={ opened }
					employees={ employees }
					services={ services }
					onAction={ onAction }
					onMove={ manage ? move : undefined }
					onResend={ manage ? resend : undefined }
					onClose={ () => setOpenId( null ) }
				/>
			) }
		</div>
	);
}
