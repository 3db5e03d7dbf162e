/**
 * The time step: the live time list; picking a time holds it for the
 * visitor, and "Continue" goes on with the held time.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { formatDateTime } from '../../../shared/time';
import type { TimeOption } from '../../../shared/types';
import { TimePicker } from './TimePicker';

interface TimeStepProps {
	/** Prefix for element ids. */
	id: string;
	/** Holds a time (from useHold). */
	pick: ( option: TimeOption ) => void;
}

/**
 * The step.
 *
 * @param props      Component props.
 * @param props.id   Prefix for element ids.
 * @param props.pick Holds the picked time.
 */
export function TimeStep( { id, pick }: TimeStepProps ) {
	const store = useBookingStoreApi();
	const chosen = useBookingStore( ( state ) => state.chosen );
	const picking = useBookingStore( ( state ) => state.picking );
	const display = useBookingStore( ( state ) => state.timeDisplay );

	return (
		<div className="appointease-time-step">
			<TimePicker id={ id } onPick={ pick } />
			{ chosen && (
				<p className="appointease-chosen" data-start={ chosen.start }>
					{ sprintf(
						/* translators: %s: a date and time. */
						__(
							'Your pick: %s. It is held for you while you book.',
							'appointease'
						),
						formatDateTime( chosen.start, display )
					) }
				</p>
			) }
			<div className="appointease-app__actions">
				<button
					type="button"
					className="appointease-button"
					disabled={ ! chosen || picking !== null }
					onClick={ () => store.getState().next() }
				>
					{ __( 'Continue', 'appointease' ) }
				</button>
			</div>
		</div>
	);
}
