/**
 * The month calendar for the chosen service and employee: loads the month's
 * availability and marks the days that have free times. With no day chosen
 * yet (on arrival, or after another service or employee), it chooses the
 * first day with a free time, looking past an empty month; a month the
 * visitor opens that has none offers a "Next available" jump.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useMemo } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { loadMonth } from '../../../shared/actions';
import { nextFreeDate } from '../../../shared/next-available';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import {
	addMonths,
	formatMonth,
	monthOf,
	monthRange,
	todayOnVisitorClock,
} from '../../../shared/time';
import { MonthCalendar } from './MonthCalendar';
import { NextAvailable } from './NextAvailable';

/** How many months ahead the calendar goes. */
const MONTHS_AHEAD = 12;

/** Seconds before a month that failed to load is asked for again by itself. */
const RETRY_SECONDS = 5;

interface DatePickerProps {
	/** Prefix for element ids. */
	id: string;
	/** Called after a day is chosen. */
	onSelected?: ( date: string ) => void;
}

/**
 * The date picker.
 *
 * @param props            Component props.
 * @param props.id         Prefix for element ids.
 * @param props.onSelected Called after a day is chosen.
 */
export function DatePicker( { id, onSelected }: DatePickerProps ) {
	const store = useBookingStoreApi();
	const service = useBookingStore( ( state ) => state.selection.service );
	const employee = useBookingStore( ( state ) => state.selection.employee );
	const selected = useBookingStore( ( state ) => state.selection.date );
	const month = useBookingStore( ( state ) => state.month );
	const days = useBookingStore( ( state ) => state.days );
	const status = useBookingStore( ( state ) => state.monthStatus );
	const nextFree = useBookingStore( ( state ) => state.nextFree );

	useEffect( () => {
		const controller = new AbortController();
		loadMonth( store, controller.signal );
		return () => controller.abort();
	}, [ store, service, employee, month ] );

	// A month that could not be loaded is asked for again, so the calendar
	// comes back by itself when the server does.
	useEffect( () => {
		if ( status !== 'error' ) {
			return;
		}
		const timer = setTimeout(
			() => loadMonth( store ),
			RETRY_SECONDS * 1000
		);
		return () => clearTimeout( timer );
	}, [ store, status ] );

	// Nothing chosen yet: the first free day of the month, else the next one.
	const { first, last } = monthRange( month );
	useEffect( () => {
		if ( status !== 'ready' || selected !== null ) {
			return undefined;
		}
		const state = store.getState();
		const inMonth = nextFreeDate( state.days, first );
		if ( inMonth !== null && inMonth <= last ) {
			state.selectDate( inMonth );
			return undefined;
		}
		// The month is empty: its "Next available" looks further.
		if ( nextFree?.after === last && nextFree.date !== null ) {
			state.selectDate( nextFree.date );
		}
		return undefined;
	}, [ store, status, selected, first, last, nextFree ] );

	const freeDates = useMemo( () => {
		const free = new Set< string >();
		for ( const day of Object.values( days ) ) {
			if ( day.slots.some( ( slot ) => slot.state === 'available' ) ) {
				free.add( day.date );
			}
		}
		return free;
	}, [ days ] );

	const thisMonth = monthOf( todayOnVisitorClock() );
	const monthHasFree = Array.from( freeDates ).some(
		( date ) => monthOf( date ) === month
	);
	const lastMonth = addMonths( thisMonth, MONTHS_AHEAD );

	return (
		<div className="appointease-date-picker">
			<MonthCalendar
				id={ id }
				month={ month }
				freeDates={ freeDates }
				selected={ selected }
				loading={ status === 'loading' }
				unknown={ status === 'error' }
				canGoBack={ month > thisMonth }
				canGoForward={ month < lastMonth }
				onSelect={ ( date ) => {
					store.getState().selectDate( date );
					onSelected?.( date );
				} }
				onMonthChange={ ( delta ) =>
					store.getState().showMonth( addMonths( month, delta ) )
				}
			/>
			{ status === 'loading' && (
				<p className="appointease-hint">
					{ __( 'Looking for free days…', 'appointease' ) }
				</p>
			) }
			{ status === 'error' && (
				<div className="appointease-hint appointease-hint--error">
					<p>
						{ __(
							"We can't reach the booking system right now, so the free days are not shown. Trying again…",
							'appointease'
						) }
					</p>
					<button
						type="button"
						className="appointease-button"
						onClick={ () => loadMonth( store ) }
					>
						{ __( 'Try again', 'appointease' ) }
					</button>
				</div>
			) }
			{ status === 'ready' && ! monthHasFree && (
				<div className="appointease-hint">
					<p>
						{ sprintf(
							/* translators: %s: a month, e.g. "December 2026". */
							__(
								'There are no free times in %s.',
								'appointease'
							),
							formatMonth( month )
						) }
					</p>
					<NextAvailable after={ last } />
				</div>
			) }
		</div>
	);
}
