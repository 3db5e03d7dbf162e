/**
 * The calendar's time grid: a time axis and one column per employee (day
 * view) or per day (week view), working hours light and the rest shaded,
 * breaks and days off marked, bookings as blocks as tall as they last with
 * their buffers, and the times visitors are booking right now.
 *
 * A booking that can move is dragged with the pointer: it snaps to
 * GRID_STEP minutes, and on release onDrop asks the server; a refusal puts
 * it back where it was. A click (or Enter) opens it instead, and a click
 * on an empty time asks for a new booking there. The keyboard reaches empty
 * times through one cursor (GridCursor) that arrow keys move.
 */

/**
 * External dependencies
 */
import type {
	CSSProperties,
	KeyboardEvent as ReactKeyboardEvent,
	MouseEvent as ReactMouseEvent,
	PointerEvent as ReactPointerEvent,
} from 'react';

/**
 * WordPress dependencies
 */
import { useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { nameOf } from '../../hooks/useCatalog';
import { dayKey } from '../../hooks/useLiveHolds';
import { statusLabel } from '../../lib/bookings';
import {
	breaksBetween,
	clockOf,
	layoutLanes,
	moveCursor,
	placeCursor,
	PX_PER_MINUTE,
	snap,
	spanOf,
	workingSpans,
	type GridCursor as CursorPlace,
	type Span,
} from '../../lib/grid';
import { datePart, timePart } from '../../../shared/time';
import type {
	Booking,
	Employee,
	PollHold,
	Service,
} from '../../../shared/types';
import type { Named } from '../../types';
import { workingText } from './workingText';
import { CURSOR_HINT_ID, GridCursor } from './GridCursor';

/** One column: an employee's calendar day. */
export interface GridColumn {
	employee: Employee;
	date: string;
	/** The column's heading. */
	label: string;
	/** Its accessible name. */
	name: string;
	isToday: boolean;
}

/** A service's name and, where known, its buffers. */
export type GridService = Named &
	Partial< Pick< Service, 'buffer_before' | 'buffer_after' > >;

interface Props {
	columns: GridColumn[];
	/** The minutes shown. */
	range: Span;
	bookings: Booking[];
	holds: Record< string, PollHold[] > | null;
	services: readonly GridService[];
	/** Whether a booking may be dragged. */
	canDrag: ( booking: Booking ) => boolean;
	onOpen: ( booking: Booking ) => void;
	/** Moves a booking; resolves whether it moved. */
	onDrop?: (
		booking: Booking,
		employee: number,
		date: string,
		minute: number
	) => Promise< boolean >;
	/** A click on an empty time. */
	onEmptyClick?: ( employee: number, date: string, minute: number ) => void;
	/** A heading's click (the week view opens that day). */
	onHeading?: ( column: GridColumn ) => void;
}

/** The pointer's drag of one booking. */
interface Drag {
	booking: Booking;
	pointer: number;
	x: number;
	y: number;
	from: number;
	column: number;
	moved: boolean;
	/** Where it would land: column index and start minute. */
	to: { column: number; minute: number };
	/** Waiting for the server's answer. */
	saving: boolean;
}

/** Pixels the pointer travels before a press becomes a drag. */
const DRAG_THRESHOLD = 4;

const px = ( minutes: number ) => `${ minutes * PX_PER_MINUTE }px`;

export function CalendarGrid( {
	columns,
	range,
	bookings,
	holds,
	services,
	canDrag,
	onOpen,
	onDrop,
	onEmptyClick,
	onHeading,
}: Props ) {
	const [ drag, setDrag ] = useState< Drag | null >( null );
	// The keyboard's cursor on empty times; -1: not moved yet (it starts
	// where the first column's working day does).
	const [ cursor, setCursor ] = useState< CursorPlace >( {
		column: 0,
		minute: -1,
	} );
	// Focus follows the cursor only right after a key moved it, never when
	// the grid itself changes (another date or view) while focus is elsewhere.
	const focusNext = useRef( false );
	const bodies = useRef< ( HTMLDivElement | null )[] >( [] );
	// A press that ended a drag must not also open the booking.
	const dragged = useRef( false );
	const height = range.end - range.start;
	const hours: number[] = [];
	for ( let hour = range.start; hour < range.end; hour += 60 ) {
		hours.push( hour );
	}

	const columnAt = ( clientX: number ): number => {
		const index = bodies.current.findIndex( ( body ) => {
			const rect = body?.getBoundingClientRect();
			return !! rect && clientX >= rect.left && clientX < rect.right;
		} );
		return index;
	};

	const onPointerDown = (
		event: ReactPointerEvent< HTMLElement >,
		booking: Booking,
		column: number
	) => {
		if (
			event.button !== 0 ||
			! onDrop ||
			! canDrag( booking ) ||
			drag?.saving
		) {
			return;
		}
		event.currentTarget.setPointerCapture?.( event.pointerId );
		const from = spanOf( booking.start, booking.end ).start;
		setDrag( {
			booking,
			pointer: event.pointerId,
			x: event.clientX,
			y: event.clientY,
			from,
			column,
			moved: false,
			to: { column, minute: from },
			saving: false,
		} );
	};

	const onPointerMove = ( event: ReactPointerEvent< HTMLElement > ) => {
		if ( ! drag || drag.saving || event.pointerId !== drag.pointer ) {
			return;
		}
		const dx = event.clientX - drag.x;
		const dy = event.clientY - drag.y;
		if ( ! drag.moved && Math.hypot( dx, dy ) < DRAG_THRESHOLD ) {
			return;
		}
		const span = spanOf( drag.booking.start, drag.booking.end );
		const minute = Math.min(
			Math.max( snap( drag.from + dy / PX_PER_MINUTE ), range.start ),
			range.end - ( span.end - span.start )
		);
		const column = columnAt( event.clientX );
		setDrag( {
			...drag,
			moved: true,
			to: { column: column < 0 ? drag.to.column : column, minute },
		} );
	};

	const onPointerUp = async ( event: ReactPointerEvent< HTMLElement > ) => {
		if ( ! drag || drag.saving || event.pointerId !== drag.pointer ) {
			return;
		}
		const same =
			drag.to.column === drag.column && drag.to.minute === drag.from;
		if ( ! drag.moved || same || ! onDrop ) {
			dragged.current = drag.moved;
			setDrag( null );
			return;
		}
		dragged.current = true;
		const target = columns[ drag.to.column ];
		if ( ! target ) {
			setDrag( null );
			return;
		}
		setDrag( { ...drag, saving: true } );
		await onDrop(
			drag.booking,
			target.employee.id,
			target.date,
			drag.to.minute
		);
		// Moved: the bookings now hold the new time. Refused: it snaps back.
		setDrag( null );
	};

	const firstColumn = columns[ 0 ];
	const at = placeCursor(
		cursor.minute < 0
			? {
					column: 0,
					minute: firstColumn
						? ( workingSpans(
								firstColumn.employee,
								firstColumn.date
							)[ 0 ]?.start ?? range.start )
						: range.start,
				}
			: cursor,
		range,
		columns.length
	);

	const onCursorKey = ( event: ReactKeyboardEvent< HTMLButtonElement > ) => {
		const next = moveCursor( at, event.key, range, columns.length );
		if ( ! next ) {
			return;
		}
		event.preventDefault();
		if ( next.column !== at.column || next.minute !== at.minute ) {
			focusNext.current = true;
			setCursor( next );
		}
	};

	const onBodyClick = (
		event: ReactMouseEvent< HTMLDivElement >,
		column: GridColumn
	) => {
		if ( ! onEmptyClick || event.target !== event.currentTarget ) {
			return;
		}
		const top = event.currentTarget.getBoundingClientRect().top;
		const minute = snap(
			range.start + ( event.clientY - top ) / PX_PER_MINUTE
		);
		onEmptyClick( column.employee.id, column.date, minute );
	};

	return (
		<div
			role="group"
			aria-label={ __( 'Bookings by day', 'appointease' ) }
			className="appointease-grid"
			style={
				{ '--appointease-columns': columns.length } as CSSProperties
			}
		>
			{ onEmptyClick && (
				<p id={ CURSOR_HINT_ID } className="screen-reader-text">
					{ __(
						'Arrow keys move between times and columns, Page Up and Page Down by an hour, Home and End to the first and last time; Enter makes a new booking at the time.',
						'appointease'
					) }
				</p>
			) }
			<div className="appointease-grid__axis" aria-hidden="true">
				<div className="appointease-grid__head" />
				<div
					className="appointease-grid__hours"
					style={ { height: px( height ) } }
				>
					{ hours.map( ( hour ) => (
						<span
							key={ hour }
							style={ { top: px( hour - range.start ) } }
						>
							{ clockOf( hour ) }
						</span>
					) ) }
				</div>
			</div>
			{ columns.map( ( column, index ) => {
				const key = dayKey( {
					employee: column.employee.id,
					date: column.date,
				} );
				const working = workingSpans( column.employee, column.date );
				const own = bookings.filter(
					( booking ) =>
						booking.employee === column.employee.id &&
						datePart( booking.start ) === column.date
				);
				const held = holds?.[ key ] ?? [];
				const placed = layoutLanes(
					[
						...own.map( ( booking ) => ( { booking } ) ),
						...held.map( ( hold ) => ( { hold } ) ),
					],
					( one ) =>
						'booking' in one
							? spanOf( one.booking.start, one.booking.end )
							: spanOf( one.hold.start, one.hold.end )
				);
				return (
					<section
						key={ key }
						aria-label={ column.name }
						className={ `appointease-grid__column${ column.isToday ? ' is-today' : '' }${ working.length === 0 ? ' is-off' : '' }` }
						data-employee={ column.employee.id }
						data-date={ column.date }
					>
						<div className="appointease-grid__head">
							{ onHeading ? (
								<button
									type="button"
									className="button-link"
									onClick={ () => onHeading( column ) }
									aria-label={ sprintf(
										/* translators: %s: a date. */
										__( 'Show the day %s', 'appointease' ),
										column.name
									) }
								>
									{ column.label }
								</button>
							) : (
								<strong>{ column.label }</strong>
							) }
							<span className="appointease-admin__calendar-hours">
								{ workingText( column.employee, column.date ) }
							</span>
						</div>
						{ /* The body takes clicks on empty times; blocks sit on it. */ }
						{ /* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- the keyboard's way is the GridCursor button. */ }
						<div
							ref={ ( element ) => {
								bodies.current[ index ] = element;
							} }
							className="appointease-grid__body"
							style={ { height: px( height ) } }
							onClick={ ( event ) =>
								onBodyClick( event, column )
							}
						>
							{ onEmptyClick && index === at.column && (
								<GridCursor
									key={ `cursor-${ at.minute }` }
									column={ column }
									minute={ at.minute }
									range={ range }
									working={ working }
									booked={ own.some( ( booking ) => {
										const span = spanOf(
											booking.start,
											booking.end
										);
										return (
											at.minute >= span.start &&
											at.minute < span.end
										);
									} ) }
									takeFocus={ () => {
										const moved = focusNext.current;
										focusNext.current = false;
										return moved;
									} }
									onKeyDown={ onCursorKey }
									onChoose={ () =>
										onEmptyClick(
											column.employee.id,
											column.date,
											at.minute
										)
									}
								/>
							) }
							{ working.map( ( span ) => (
								<div
									key={ `work-${ span.start }` }
									className="appointease-grid__work"
									aria-hidden="true"
									style={ {
										top: px( span.start - range.start ),
										height: px( span.end - span.start ),
									} }
								/>
							) ) }
							{ breaksBetween( working ).map( ( span ) => (
								<div
									key={ `break-${ span.start }` }
									className="appointease-grid__break"
									aria-hidden="true"
									style={ {
										top: px( span.start - range.start ),
										height: px( span.end - span.start ),
									} }
								>
									{ __( 'Break', 'appointease' ) }
								</div>
							) ) }
							{ placed.map( ( { item, span, lane, lanes } ) => {
								const place: CSSProperties = {
									top: px( span.start - range.start ),
									height: px( span.end - span.start ),
									left: `calc(${ ( lane / lanes ) * 100 }% + 2px)`,
									width: `calc(${ 100 / lanes }% - 4px)`,
								};
								if ( 'hold' in item ) {
									return (
										<div
											key={ `hold-${ item.hold.id }` }
											className="appointease-grid__hold"
											data-hold={ item.hold.id }
											style={ place }
										>
											{ sprintf(
												/* translators: 1: start time, 2: end time, 3: number of seats. */
												_n(
													'Being booked: %1$s–%2$s, %3$d seat',
													'Being booked: %1$s–%2$s, %3$d seats',
													item.hold.seats,
													'appointease'
												),
												timePart( item.hold.start ),
												timePart( item.hold.end ),
												item.hold.seats
											) }
										</div>
									);
								}
								const booking = item.booking;
								const service = services.find(
									( one ) => one.id === booking.service
								);
								const isDragged =
									drag?.booking.id === booking.id &&
									drag.moved;
								const style: CSSProperties = { ...place };
								if ( isDragged && drag ) {
									const from =
										bodies.current[
											index
										]?.getBoundingClientRect().left ?? 0;
									const to =
										bodies.current[
											drag.to.column
										]?.getBoundingClientRect().left ?? from;
									style.transform = `translate(${ to - from }px, ${ ( drag.to.minute - drag.from ) * PX_PER_MINUTE }px)`;
								}
								const label = sprintf(
									/* translators: 1: start time, 2: end time, 3: service, 4: customer name, 5: status. */
									__(
										'%1$s–%2$s %3$s, %4$s (%5$s)',
										'appointease'
									),
									timePart( booking.start ),
									timePart( booking.end ),
									nameOf( services, booking.service ),
									booking.customer.name,
									statusLabel( booking.status )
								);
								return (
									<button
										type="button"
										key={ `booking-${ booking.id }` }
										className={ `appointease-grid__booking is-${ booking.status }${ isDragged ? ' is-dragged' : '' }${ canDrag( booking ) && onDrop ? ' is-movable' : '' }` }
										data-booking={ booking.id }
										style={ style }
										aria-label={ label }
										aria-haspopup="dialog"
										onPointerDown={ ( event ) =>
											onPointerDown(
												event,
												booking,
												index
											)
										}
										onPointerMove={ onPointerMove }
										onPointerUp={ onPointerUp }
										onPointerCancel={ () =>
											setDrag( null )
										}
										onClick={ () => {
											if ( dragged.current ) {
												dragged.current = false;
												return;
											}
											onOpen( booking );
										} }
									>
										{ !! service?.buffer_before && (
											<span
												className="appointease-grid__buffer is-before"
												aria-hidden="true"
												style={ {
													height: px(
														service.buffer_before
													),
												} }
											/>
										) }
										<strong>
											{ timePart( booking.start ) }–
											{ timePart( booking.end ) }
										</strong>{ ' ' }
										<span>{ booking.customer.name }</span>{ ' ' }
										<span className="appointease-grid__service">
											{ nameOf(
												services,
												booking.service
											) }
										</span>
										{ !! service?.buffer_after && (
											<span
												className="appointease-grid__buffer is-after"
												aria-hidden="true"
												style={ {
													height: px(
														service.buffer_after
													),
												} }
											/>
										) }
									</button>
								);
							} ) }
						</div>
					</section>
				);
			} ) }
		</div>
	);
}
