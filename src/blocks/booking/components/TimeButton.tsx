/**
 * One time in the time list: a button that says its time and its state in
 * words, with `data-start` (ISO 8601) and `data-state` for scripts, styles
 * and tests. A time that cannot be picked is `aria-disabled`, never
 * `disabled`, so focus stays on it when it is taken under the visitor.
 */

/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatTime, type TimeDisplay } from '../../../shared/time';
import type { TimeOption, TimeState } from '../../../shared/types';

/** States in which a time cannot be picked. */
const UNPICKABLE: ReadonlySet< TimeState > = new Set( [
	'booked',
	'processing',
	'past',
] );

/**
 * The words for a state.
 *
 * @param option   The time.
 * @param capacity Seats per session of the service.
 */
export function stateText( option: TimeOption, capacity: number ): string {
	switch ( option.state ) {
		case 'available':
			return capacity > 1
				? sprintf(
						/* translators: 1: number of free seats, 2: seats in the session. */
						_n(
							'%1$d of %2$d left',
							'%1$d of %2$d left',
							option.seatsLeft,
							'appointease'
						),
						option.seatsLeft,
						capacity
					)
				: __( 'Available', 'appointease' );
		case 'booked':
			return __( 'Booked', 'appointease' );
		case 'processing':
			// Short, so the button keeps its size; the live region says why.
			return __( 'Processing', 'appointease' );
		case 'yours':
			return __( 'Held for you', 'appointease' );
		case 'past':
			return __( 'Closed', 'appointease' );
	}
}

interface TimeButtonProps {
	option: TimeOption;
	display: TimeDisplay;
	capacity: number;
	/** A request for this time is on its way. */
	busy?: boolean;
	/** Chosen, without a hold (rescheduling). */
	selected?: boolean;
	/** Not pickable here, whatever its state. */
	disabled?: boolean;
	/** Replaces the state's words (e.g. "Your booking"). */
	label?: string;
	onPick: ( option: TimeOption ) => void;
}

/**
 * A time button.
 *
 * @param props          Component props.
 * @param props.option   The time and its state.
 * @param props.display  Whose clock the time is shown on.
 * @param props.capacity Seats per session.
 * @param props.busy     Whether a request for it is on its way.
 * @param props.selected Whether it is chosen (without a hold).
 * @param props.disabled Whether it cannot be picked here.
 * @param props.label    Words instead of the state's.
 * @param props.onPick   Called when the visitor picks it.
 */
export function TimeButton( {
	option,
	display,
	capacity,
	busy = false,
	selected = false,
	disabled = false,
	label,
	onPick,
}: TimeButtonProps ) {
	const unpickable = disabled || UNPICKABLE.has( option.state );
	let words = label ?? stateText( option, capacity );
	if ( busy ) {
		words = __( 'Holding…', 'appointease' );
	} else if ( selected ) {
		words = __( 'Selected', 'appointease' );
	}
	return (
		<button
			type="button"
			className={ `appointease-time is-${ option.state }${
				selected ? ' is-selected' : ''
			}` }
			data-start={ option.start }
			data-state={ option.state }
			// Not `disabled`: a time that is taken while a keyboard user is on
			// it keeps the focus (a disabled button would drop it to the page).
			aria-disabled={ unpickable || undefined }
			aria-pressed={ option.state === 'yours' || selected }
			aria-busy={ busy || undefined }
			onClick={ () => {
				if ( ! unpickable && ! busy ) {
					onPick( option );
				}
			} }
		>
			<span className="appointease-time__clock">
				{ formatTime( option.start, display ) }
			</span>
			<span className="appointease-time__state">{ words }</span>
		</button>
	);
}
