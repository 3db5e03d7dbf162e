/**
 * "Next available: Tue, 9 Dec": the jump from an empty day or month to the
 * next day with a free time (looked for up to the booking horizon).
 */

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { findNextFree } from '../../../shared/actions';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { formatDate } from '../../../shared/time';

interface NextAvailableProps {
	/** YYYY-MM-DD: the empty day, or the last day of the empty month. */
	after: string;
}

/**
 * The jump, or what the search found.
 *
 * @param props       Component props.
 * @param props.after Where the search starts (the day after).
 */
export function NextAvailable( { after }: NextAvailableProps ) {
	const store = useBookingStoreApi();
	const nextFree = useBookingStore( ( state ) => state.nextFree );
	const searched = nextFree?.after === after;

	useEffect( () => {
		if ( searched ) {
			return undefined;
		}
		const controller = new AbortController();
		findNextFree( store, after, controller.signal );
		return () => controller.abort();
	}, [ store, after, searched ] );

	if ( ! searched ) {
		return (
			<p className="appointease-next-free">
				{ __( 'Looking for the next free time…', 'appointease' ) }
			</p>
		);
	}
	if ( nextFree.date === null ) {
		return (
			<p className="appointease-next-free">
				{ __(
					'There are no free times in the coming months.',
					'appointease'
				) }
			</p>
		);
	}
	const date = nextFree.date;
	return (
		<p className="appointease-next-free">
			<button
				type="button"
				className="appointease-button is-secondary"
				data-next-free={ date }
				onClick={ () => store.getState().selectDate( date ) }
			>
				{ sprintf(
					/* translators: %s: a day, e.g. "Tue, 9 Dec". */
					__( 'Next available: %s', 'appointease' ),
					formatDate( date, undefined, 'short' )
				) }
			</button>
		</p>
	);
}
