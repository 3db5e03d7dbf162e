/**
 * The calendar grid's keyboard cursor: one button that stands for the empty
 * time it sits on, the grid's single tab stop for empty times (a roving tab
 * stop, as in the ARIA grid pattern, rather than one per time). Arrow keys,
 * PageUp/PageDown and Home/End move it across times and columns (moveCursor
 * in lib/grid.ts); Enter or Space asks for a new booking there. Each move
 * renders a new button and focuses it, so screen readers read the new
 * time and employee as they would a cell's.
 */

/**
 * External dependencies
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { clockOf, GRID_STEP, PX_PER_MINUTE, type Span } from '../../lib/grid';
import { formatMediumDate } from '../../../shared/time';
import type { GridColumn } from './CalendarGrid';

/** The id of the keys' explanation, which every cursor refers to. */
export const CURSOR_HINT_ID = 'appointease-grid-keys';

interface Props {
	column: GridColumn;
	minute: number;
	range: Span;
	/** The column's working spans. */
	working: readonly Span[];
	/** Whether a booking takes the time (the cursor then says so). */
	booked: boolean;
	/** Asked once it appears: whether to take the focus (a key moved it here). */
	takeFocus: () => boolean;
	onKeyDown: ( event: ReactKeyboardEvent< HTMLButtonElement > ) => void;
	onChoose: () => void;
}

export function GridCursor( {
	column,
	minute,
	range,
	working,
	booked,
	takeFocus,
	onKeyDown,
	onChoose,
}: Props ) {
	const button = useRef< HTMLButtonElement | null >( null );
	// On mount only: each move renders a new cursor.
	useEffect( () => {
		if ( takeFocus() ) {
			button.current?.focus();
			button.current?.scrollIntoView?.( { block: 'nearest' } );
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- asked once, when it appears.
	}, [] );
	const time = clockOf( minute );
	const day = formatMediumDate( column.date );
	const isWorking = working.some(
		( span ) => minute >= span.start && minute < span.end
	);
	let label: string = sprintf(
		/* translators: 1: a time such as 10:15, 2: employee name, 3: a date. */
		__( 'New booking at %1$s with %2$s on %3$s', 'appointease' ),
		time,
		column.employee.name,
		day
	);
	if ( booked ) {
		label = sprintf(
			/* translators: 1: a time such as 10:15, 2: employee name, 3: a date. */
			__(
				'New booking at %1$s with %2$s on %3$s, taken by a booking',
				'appointease'
			),
			time,
			column.employee.name,
			day
		);
	} else if ( ! isWorking ) {
		label = sprintf(
			/* translators: 1: a time such as 10:15, 2: employee name, 3: a date. */
			__(
				'New booking at %1$s with %2$s on %3$s, outside working hours',
				'appointease'
			),
			time,
			column.employee.name,
			day
		);
	}
	return (
		<button
			ref={ button }
			type="button"
			className="appointease-grid__cursor"
			style={ {
				top: `${ ( minute - range.start ) * PX_PER_MINUTE }px`,
				height: `${ GRID_STEP * PX_PER_MINUTE }px`,
			} }
			aria-label={ label }
			aria-describedby={ CURSOR_HINT_ID }
			onKeyDown={ onKeyDown }
			onClick={ onChoose }
		>
			<span aria-hidden="true">+ { clockOf( minute ) }</span>
		</button>
	);
}
