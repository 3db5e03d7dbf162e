/**
 * A month of days, Monday first. Days with free times are buttons; the
 * others are shown but cannot be chosen. Arrow keys move between the days
 * that can be chosen.
 */

/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	formatDate,
	formatMonth,
	monthWeeks,
	parseDate,
	weekdayNames,
	type MonthString,
} from '../../../shared/time';

interface MonthCalendarProps {
	/** Prefix for element ids. */
	id: string;
	month: MonthString;
	/** Dates (YYYY-MM-DD) that have free times. */
	freeDates: ReadonlySet< string >;
	selected: string | null;
	loading: boolean;
	/**
	 * Whether the month's free days are unknown (loading it failed): the days
	 * are then not shown as fully booked.
	 */
	unknown?: boolean;
	canGoBack: boolean;
	canGoForward: boolean;
	onSelect: ( date: string ) => void;
	onMonthChange: ( delta: number ) => void;
}

const ARROWS: Record< string, number > = {
	ArrowLeft: -1,
	ArrowRight: 1,
	ArrowUp: -7,
	ArrowDown: 7,
};

/**
 * Moves focus to the nearest choosable day in the arrow's direction.
 *
 * @param event The key event on a day button.
 */
function moveFocus( event: KeyboardEvent< HTMLButtonElement > ): void {
	const step = ARROWS[ event.key ];
	if ( step === undefined ) {
		return;
	}
	const table = event.currentTarget.closest( 'table' );
	if ( ! table ) {
		return;
	}
	const buttons = Array.from(
		table.querySelectorAll< HTMLButtonElement >( 'button[data-date]' )
	);
	const index = buttons.indexOf( event.currentTarget );
	for (
		let next = index + step;
		next >= 0 && next < buttons.length;
		next += step
	) {
		const candidate = buttons[ next ];
		if ( candidate && ! candidate.disabled ) {
			event.preventDefault();
			candidate.focus();
			return;
		}
	}
}

/**
 * What a day's button says about it.
 *
 * @param free    Whether the day has free times.
 * @param unknown Whether the month could not be loaded.
 */
function dayLabel( free: boolean, unknown: boolean ): string {
	if ( unknown ) {
		return __( 'not known yet', 'appointease' );
	}
	return free
		? __( 'free times', 'appointease' )
		: __( 'no free times', 'appointease' );
}

/**
 * The calendar.
 *
 * @param props               Component props.
 * @param props.id            Prefix for element ids.
 * @param props.month         The month shown.
 * @param props.freeDates     Days with free times.
 * @param props.selected      The chosen day.
 * @param props.loading       Whether the month is loading.
 * @param props.unknown       Whether the month's free days are unknown.
 * @param props.canGoBack     Whether an earlier month may be shown.
 * @param props.canGoForward  Whether a later month may be shown.
 * @param props.onSelect      Called with the chosen day.
 * @param props.onMonthChange Called with -1 or 1.
 */
export function MonthCalendar( {
	id,
	month,
	freeDates,
	selected,
	loading,
	unknown = false,
	canGoBack,
	canGoForward,
	onSelect,
	onMonthChange,
}: MonthCalendarProps ) {
	const headingId = `${ id }-month`;
	const weekdays = weekdayNames();

	return (
		<div className="appointease-calendar" aria-busy={ loading }>
			<div className="appointease-calendar__header">
				<button
					type="button"
					className="appointease-calendar__nav"
					onClick={ () => onMonthChange( -1 ) }
					disabled={ ! canGoBack }
					aria-label={ __( 'Previous month', 'appointease' ) }
				>
					<span aria-hidden="true">‹</span>
				</button>
				<h4
					id={ headingId }
					className="appointease-calendar__month"
					aria-live="polite"
				>
					{ formatMonth( month ) }
				</h4>
				<button
					type="button"
					className="appointease-calendar__nav"
					onClick={ () => onMonthChange( 1 ) }
					disabled={ ! canGoForward }
					aria-label={ __( 'Next month', 'appointease' ) }
				>
					<span aria-hidden="true">›</span>
				</button>
			</div>
			<table
				className="appointease-calendar__grid"
				aria-labelledby={ headingId }
			>
				<thead>
					<tr>
						{ weekdays.map( ( weekday ) => (
							<th
								key={ weekday.long }
								scope="col"
								abbr={ weekday.long }
							>
								{ weekday.short }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ monthWeeks( month ).map( ( week, row ) => (
						<tr key={ row }>
							{ week.map( ( date, column ) => {
								if ( date === null ) {
									return <td key={ column } />;
								}
								const free = freeDates.has( date );
								const isSelected = date === selected;
								return (
									<td key={ date }>
										<button
											type="button"
											className={ `appointease-day${
												free ? ' is-free' : ''
											}${ unknown ? ' is-unknown' : '' }${
												isSelected ? ' is-selected' : ''
											}` }
											data-date={ date }
											data-free={ free }
											disabled={ ! free || loading }
											aria-pressed={ isSelected }
											aria-label={ sprintf(
												/* translators: 1: a date, 2: whether it has free times. */
												__(
													'%1$s: %2$s',
													'appointease'
												),
												formatDate( date ),
												dayLabel( free, unknown )
											) }
											onClick={ () => onSelect( date ) }
											onKeyDown={ moveFocus }
										>
											{ parseDate( date )?.day }
										</button>
									</td>
								);
							} ) }
						</tr>
					) ) }
				</tbody>
			</table>
			<p className="appointease-calendar__legend">
				<span className="appointease-day-dot" aria-hidden="true" />{ ' ' }
				{ __( 'Days with free times can be chosen.', 'appointease' ) }
			</p>
		</div>
	);
}
