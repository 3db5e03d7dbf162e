/**
 * Says whose clock the times are on, and lets visitors in another timezone
 * switch to their own.
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
import {
	offsetLabel,
	parseWallTime,
	visitorTimeZone,
} from '../../../shared/time';

interface TimezoneSwitchProps {
	/** Prefix for element ids. */
	id: string;
	/** A time of the day on screen (its offset is the calendar's). */
	sample: string;
}

/**
 * The note and the switch.
 *
 * @param props        Component props.
 * @param props.id     Prefix for element ids.
 * @param props.sample A time of the day shown.
 */
export function TimezoneSwitch( { id, sample }: TimezoneSwitchProps ) {
	const store = useBookingStoreApi();
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const wall = parseWallTime( sample );
	if ( ! wall ) {
		return null;
	}
	const visitorOffset = -new Date( Date.parse( sample ) ).getTimezoneOffset();
	const zone = visitorTimeZone() || __( 'your time zone', 'appointease' );
	const sameClock = visitorOffset === wall.offset;

	return (
		<div className="appointease-timezone">
			<p className="appointease-hint">
				{ display === 'visitor'
					? sprintf(
							/* translators: %s: the visitor's time zone, e.g. "America/New_York". */
							__(
								'Times are shown in your time zone (%s).',
								'appointease'
							),
							zone
						)
					: sprintf(
							/* translators: %s: an offset such as "UTC+01:00". */
							__(
								'Times are shown in the local time of the appointment (%s).',
								'appointease'
							),
							offsetLabel( sample )
						) }
			</p>
			{ ( ! sameClock || display === 'visitor' ) && (
				<p className="appointease-timezone__switch">
					<input
						id={ `${ id }-visitor-time` }
						type="checkbox"
						checked={ display === 'visitor' }
						onChange={ ( event ) =>
							store
								.getState()
								.setTimeDisplay(
									event.currentTarget.checked
										? 'visitor'
										: 'calendar'
								)
						}
					/>
					<label htmlFor={ `${ id }-visitor-time` }>
						{ sprintf(
							/* translators: %s: the visitor's time zone, e.g. "America/New_York". */
							__(
								'Show times in my time zone (%s)',
								'appointease'
							),
							zone
						) }
					</label>
				</p>
			) }
		</div>
	);
}
