/**
 * The times of the chosen day, live: the day's availability, overlaid with
 * the poll of each calendar concerned (the chosen employee, or for "any
 * available" everyone who gives the service), reloaded whenever the poll
 * says a calendar changed.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useMemo, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { loadDay } from '../../../shared/actions';
import { useNow } from '../../../shared/hooks/useNow';
import { useSlotPolling } from '../../../shared/hooks/useSlotPolling';
import { buildTimes, calendarKey } from '../../../shared/slots';
import { selectedService } from '../../../shared/store';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { formatDate } from '../../../shared/time';
import type { TimeOption } from '../../../shared/types';
import { LastChecked } from './LastChecked';
import { TimeButton } from './TimeButton';
import { TimezoneSwitch } from './TimezoneSwitch';

/** "Any available" watches at most this many calendars. */
const MAX_WATCHED = 8;

/**
 * Polls one calendar while mounted (a component, so that a list of
 * calendars can each have their own hook).
 *
 * @param props          Component props.
 * @param props.employee Employee id.
 * @param props.date     Local date.
 * @param props.onChange Called when the calendar changed.
 */
function CalendarWatcher( {
	employee,
	date,
	onChange,
}: {
	employee: number;
	date: string;
	onChange: () => void;
} ) {
	useSlotPolling( { employee, date, onChange } );
	return null;
}

interface TimePickerProps {
	/** Prefix for element ids. */
	id: string;
	/** Called when the visitor picks a time. */
	onPick: ( option: TimeOption ) => void;
	/** A time chosen without a hold (rescheduling). */
	selected?: string | null;
	/** The booking's own time (rescheduling): shown as theirs. */
	current?: string | null;
}

/**
 * The time list with its live state.
 *
 * @param props          Component props.
 * @param props.id       Prefix for element ids.
 * @param props.onPick   Called with the picked time.
 * @param props.selected A time chosen without a hold.
 * @param props.current  The booking's own time.
 */
export function TimePicker( {
	id,
	onPick,
	selected,
	current,
}: TimePickerProps ) {
	const store = useBookingStoreApi();
	const service = useBookingStore( selectedService );
	const { employee, date } = useBookingStore( ( state ) => state.selection );
	const serviceId = useBookingStore( ( state ) => state.selection.service );
	const employees = useBookingStore( ( state ) => state.employees );
	const days = useBookingStore( ( state ) => state.days );
	const dayStatus = useBookingStore( ( state ) => state.dayStatus );
	const live = useBookingStore( ( state ) => state.live );
	const hold = useBookingStore( ( state ) => state.hold );
	const picking = useBookingStore( ( state ) => state.picking );
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const minimumNotice = useBookingStore(
		( state ) => state.settings.minimumNotice
	);
	const clockOffset = useBookingStore( ( state ) => state.clockOffset );
	const now = useNow( 1000 );

	// (Re)loads the day; a newer load aborts an older one.
	const loading = useRef< AbortController | null >( null );
	const refresh = useCallback( () => {
		loading.current?.abort();
		const controller = new AbortController();
		loading.current = controller;
		loadDay( store, controller.signal );
	}, [ store ] );
	useEffect( () => {
		refresh();
		return () => loading.current?.abort();
	}, [ refresh, serviceId, employee, date ] );

	const watched = useMemo( () => {
		if ( employee > 0 ) {
			return [ employee ];
		}
		return ( employees ?? [] )
			.map( ( candidate ) => candidate.id )
			.slice( 0, MAX_WATCHED );
	}, [ employee, employees ] );

	const slots = date ? days[ date ]?.slots : undefined;
	const times = useMemo( () => {
		if ( ! service || ! date || ! slots ) {
			return [];
		}
		return buildTimes( {
			slots,
			service,
			employee,
			live: ( employeeId ) =>
				live[ calendarKey( employeeId, date ) ]?.answer,
			hold,
			serverNow: now + clockOffset,
			minimumNotice,
		} );
	}, [
		service,
		date,
		slots,
		employee,
		live,
		hold,
		clockOffset,
		now,
		minimumNotice,
	] );

	if ( ! date ) {
		return null;
	}

	let checkedAt: number | null = null;
	for ( const watchedId of watched ) {
		const entry = live[ calendarKey( watchedId, date ) ];
		if ( ! entry ) {
			checkedAt = null;
			break;
		}
		checkedAt =
			checkedAt === null
				? entry.checkedAt
				: Math.min( checkedAt, entry.checkedAt );
	}
	const listId = `${ id }-times`;

	return (
		<div className="appointease-time-picker">
			{ watched.map( ( watchedId ) => (
				<CalendarWatcher
					key={ watchedId }
					employee={ watchedId }
					date={ date }
					onChange={ refresh }
				/>
			) ) }
			<h4 className="appointease-time-picker__date" id={ listId }>
				{ formatDate( date ) }
			</h4>
			{ times[ 0 ] && (
				<TimezoneSwitch id={ id } sample={ times[ 0 ].start } />
			) }
			{ times.length === 0 && dayStatus !== 'ready' && (
				<p className="appointease-hint">
					{ __( 'Loading times…', 'appointease' ) }
				</p>
			) }
			{ times.length === 0 && dayStatus === 'ready' && (
				<p className="appointease-hint">
					{ __(
						'There are no times on this day. Please choose another date.',
						'appointease'
					) }
				</p>
			) }
			{ times.length > 0 && (
				<ul
					className="appointease-times"
					aria-labelledby={ listId }
					aria-describedby={ `${ id }-checked` }
				>
					{ times.map( ( option ) => {
						const isCurrent = current === option.start;
						return (
							<li key={ option.start }>
								<TimeButton
									option={
										isCurrent
											? { ...option, state: 'yours' }
											: option
									}
									display={ display }
									capacity={ service?.capacity ?? 1 }
									busy={ picking === option.start }
									selected={ selected === option.start }
									disabled={ isCurrent }
									label={
										isCurrent
											? __(
													'Your booking',
													'appointease'
												)
											: undefined
									}
									onPick={ onPick }
								/>
							</li>
						);
					} ) }
				</ul>
			) }
			<div id={ `${ id }-checked` }>
				<LastChecked checkedAt={ checkedAt } now={ now } />
			</div>
		</div>
	);
}
