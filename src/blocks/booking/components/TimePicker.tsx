/**
 * The times of the chosen day, live: the day's availability, overlaid with
 * the poll of each calendar concerned (the chosen employee, or for "any
 * available" everyone who gives the service), reloaded whenever the poll
 * says a calendar changed.
 *
 * Only times that can be booked are listed. A listed time that someone else
 * takes stays where it is, greyed, so its neighbours do not move under the
 * pointer, and a polite live region says what happened. Times are grouped
 * under the day they fall on in the zone shown.
 */

/**
 * WordPress dependencies
 */
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

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
import { formatDate, formatTime, groupByDay } from '../../../shared/time';
import type { TimeOption, TimeState } from '../../../shared/types';
import { LastChecked } from './LastChecked';
import { NextAvailable } from './NextAvailable';
import { TimeButton } from './TimeButton';
import { ZonePicker } from './ZonePicker';

/** States a visitor can pick (or holds already). */
const PICKABLE: ReadonlySet< TimeState > = new Set( [ 'available', 'yours' ] );

/**
 * What the live region says when a listed time is taken by someone else.
 *
 * @param option The time, in its new state.
 * @param clock  The time as shown.
 */
function takenText( option: TimeOption, clock: string ): string {
	return option.state === 'processing'
		? sprintf(
				/* translators: %s: a time, e.g. "10:00". */
				__(
					'%s is being booked by someone else right now.',
					'appointease'
				),
				clock
			)
		: sprintf(
				/* translators: %s: a time, e.g. "10:00". */
				__( '%s has just been booked by someone else.', 'appointease' ),
				clock
			);
}

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

	// The times listed since this day opened: one taken meanwhile stays in
	// its place, greyed, instead of vanishing under the pointer.
	const dayKey = `${ serviceId }|${ employee }|${ date ?? '' }`;
	const listed = useRef( { key: '', starts: new Set< string >() } );
	if ( listed.current.key !== dayKey ) {
		listed.current = { key: dayKey, starts: new Set() };
	}
	const shown = useMemo(
		() =>
			times.filter( ( option ) => {
				if (
					PICKABLE.has( option.state ) ||
					option.start === current ||
					option.start === selected
				) {
					listed.current.starts.add( option.start );
					return true;
				}
				return listed.current.starts.has( option.start );
			} ),
		// dayKey: a new day starts a new list.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[ times, current, selected, dayKey ]
	);

	// Says, politely, when a listed time is taken by someone else.
	const [ announcement, setAnnouncement ] = useState( '' );
	const states = useRef( new Map< string, TimeState >() );
	useEffect( () => {
		const before = states.current;
		const after = new Map< string, TimeState >();
		let message = '';
		for ( const option of shown ) {
			after.set( option.start, option.state );
			const was = before.get( option.start );
			if (
				was !== undefined &&
				PICKABLE.has( was ) &&
				! PICKABLE.has( option.state ) &&
				option.start !== current
			) {
				message = takenText(
					option,
					formatTime( option.start, display )
				);
			}
		}
		states.current = after;
		if ( message !== '' ) {
			setAnnouncement( message );
		}
	}, [ shown, current, display ] );

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
				<ZonePicker id={ id } sample={ times[ 0 ].start } />
			) }
			{ shown.length === 0 && dayStatus !== 'ready' && (
				<p className="appointease-hint">
					{ __( 'Loading times…', 'appointease' ) }
				</p>
			) }
			{ shown.length === 0 && dayStatus === 'ready' && (
				<div className="appointease-hint">
					<p>
						{ __(
							'There are no free times on this day.',
							'appointease'
						) }
					</p>
					{ ! current && <NextAvailable after={ date } /> }
				</div>
			) }
			{ groupByDay( shown, display ).map( ( group ) => (
				<div key={ group.date } className="appointease-times-day">
					{ /* The day a time falls on in the zone shown, when that
					   is not the calendar's day (another zone). */ }
					{ group.date !== date && (
						<h5
							className="appointease-times-day__date"
							id={ `${ listId }-${ group.date }` }
						>
							{ formatDate( group.date ) }
						</h5>
					) }
					<ul
						className="appointease-times"
						aria-labelledby={
							group.date !== date
								? `${ listId }-${ group.date }`
								: listId
						}
						aria-describedby={ `${ id }-checked` }
						data-date={ group.date }
					>
						{ group.times.map( ( option ) => {
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
				</div>
			) ) }
			<p
				className="appointease-visually-hidden"
				role="status"
				aria-live="polite"
			>
				{ announcement }
			</p>
			<div id={ `${ id }-checked` }>
				<LastChecked
					checkedAt={ checkedAt }
					now={ now + clockOffset }
				/>
			</div>
		</div>
	);
}
