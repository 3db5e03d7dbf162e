/**
 * The clock the times are shown on: the business's zone by default, the
 * visitor's own one click away, and any IANA zone by searching a list.
 */

/**
 * WordPress dependencies
 */
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import { timeZoneName } from '../../../shared/config';
import {
	knownTimeZones,
	visitorTimeZone,
	zoneName,
} from '../../../shared/time';

interface ZonePickerProps {
	/** Prefix for element ids. */
	id: string;
	/** A time of the day on screen (its offset is the calendar's). */
	sample: string;
}

/**
 * The zone line, the "my time zone" button and the zone search.
 *
 * @param props        Component props.
 * @param props.id     Prefix for element ids.
 * @param props.sample A time of the day shown.
 */
export function ZonePicker( { id, sample }: ZonePickerProps ) {
	const store = useBookingStoreApi();
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const business = useBookingStore( ( state ) => state.settings.timezone );
	const [ searching, setSearching ] = useState( false );
	const [ typed, setTyped ] = useState( '' );
	const detected = visitorTimeZone();
	const shown = zoneName( display, sample, business );
	const zones = useMemo(
		() => ( searching ? knownTimeZones( [ business, detected ] ) : [] ),
		[ searching, business, detected ]
	);

	const show = ( next: string ) => {
		store.getState().setTimeDisplay( next );
		setSearching( false );
		setTyped( '' );
	};
	const listId = `${ id }-zones`;
	const inputId = `${ id }-zone`;

	return (
		<div className="appointease-zone">
			<p className="appointease-zone__current">
				{ sprintf(
					/* translators: %s: a time zone, e.g. "Europe/Berlin". */
					__( 'Times in %s', 'appointease' ),
					shown
				) }
			</p>
			<div className="appointease-zone__actions">
				{ display !== 'calendar' && (
					<button
						type="button"
						className="appointease-link-button"
						onClick={ () => show( 'calendar' ) }
					>
						{ sprintf(
							/* translators: %s: the business's time zone. */
							__( 'Show in %s', 'appointease' ),
							zoneName( 'calendar', sample, business )
						) }
					</button>
				) }
				{ detected !== '' && detected !== shown && (
					<button
						type="button"
						className="appointease-link-button"
						onClick={ () => show( 'visitor' ) }
					>
						{ sprintf(
							/* translators: %s: the visitor's time zone, e.g. "Asia/Tokyo". */
							__( 'Use my time zone (%s)', 'appointease' ),
							detected
						) }
					</button>
				) }
				{ ! searching && (
					<button
						type="button"
						className="appointease-link-button"
						aria-expanded="false"
						onClick={ () => setSearching( true ) }
					>
						{ __( 'Other time zone…', 'appointease' ) }
					</button>
				) }
			</div>
			{ searching && (
				<form
					className="appointease-zone__search"
					onSubmit={ ( event ) => {
						event.preventDefault();
						const zone = timeZoneName( typed.trim() );
						if ( zone !== '' ) {
							show( zone );
						}
					} }
				>
					<label htmlFor={ inputId }>
						{ __( 'Time zone', 'appointease' ) }
					</label>
					<input
						id={ inputId }
						type="text"
						list={ listId }
						autoComplete="off"
						spellCheck={ false }
						placeholder={ __( 'e.g. Asia/Tokyo', 'appointease' ) }
						value={ typed }
						// eslint-disable-next-line jsx-a11y/no-autofocus -- opened on purpose by the visitor
						autoFocus
						onChange={ ( event ) => {
							const value = event.currentTarget.value;
							setTyped( value );
							// Picking from the list sets the whole name at once.
							if ( zones.includes( value ) ) {
								show( value );
							}
						} }
					/>
					<datalist id={ listId }>
						{ zones.map( ( zone ) => (
							<option key={ zone } value={ zone } />
						) ) }
					</datalist>
					<button
						type="submit"
						className="appointease-button is-secondary"
					>
						{ __( 'Show', 'appointease' ) }
					</button>
					<button
						type="button"
						className="appointease-link-button"
						onClick={ () => setSearching( false ) }
					>
						{ __( 'Cancel', 'appointease' ) }
					</button>
				</form>
			) }
		</div>
	);
}
