/**
 * The choosing screen's bar: what is chosen so far and "Continue". It sticks
 * to the bottom of the screen, so on a phone the primary action is within
 * reach right after tapping a time.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatPrice } from '../../../shared/money';
import { selectedService } from '../../../shared/store';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { formatDateTime, zoneName } from '../../../shared/time';

/**
 * The bar.
 */
export function ChoiceBar() {
	const store = useBookingStoreApi();
	const service = useBookingStore( selectedService );
	const employees = useBookingStore( ( state ) => state.employees );
	const chosen = useBookingStore( ( state ) => state.chosen );
	const hold = useBookingStore( ( state ) => state.hold );
	const picking = useBookingStore( ( state ) => state.picking );
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const settings = useBookingStore( ( state ) => state.settings );

	const parts: string[] = [];
	if ( service ) {
		parts.push( service.name );
		if ( service.price !== null ) {
			parts.push(
				formatPrice( service.price, settings.currency, settings.locale )
			);
		}
	}
	const employee = chosen
		? employees?.find( ( candidate ) => candidate.id === chosen.employee )
		: undefined;
	if ( employee ) {
		parts.push( employee.name );
	}
	const held = chosen !== null && hold?.start === chosen.start;

	return (
		<div className="appointease-choice-bar">
			<div className="appointease-choice-bar__summary">
				{ parts.length > 0 && (
					<p className="appointease-choice-bar__what">
						{ parts.join( ' · ' ) }
					</p>
				) }
				{ /* Announced: the visitor hears that the pick is held. */ }
				<p
					className="appointease-chosen"
					role="status"
					aria-live="polite"
					data-start={ chosen?.start }
				>
					{ chosen &&
						sprintf(
							/* translators: 1: a date and time, 2: a time zone. */
							__( '%1$s (%2$s)', 'appointease' ),
							formatDateTime( chosen.start, display ),
							zoneName( display, chosen.start, settings.timezone )
						) }
					{ chosen && held && (
						<span className="appointease-chosen__held">
							{ ' ' }
							{ __(
								'Held for you while you book.',
								'appointease'
							) }
						</span>
					) }
					{ ! chosen && __( 'Choose a time.', 'appointease' ) }
				</p>
			</div>
			<button
				type="button"
				className="appointease-button"
				disabled={ ! chosen || picking !== null }
				onClick={ () => store.getState().next() }
			>
				{ __( 'Continue', 'appointease' ) }
			</button>
		</div>
	);
}
