/**
 * "Being booked now": the holds visitors have taken on one employee's day,
 * read from the public poll route every few seconds while the tab is
 * visible. Holds are anonymous by design (a public id and a time), so this
 * shows times, not people.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { pollCalendar } from '../../../shared/api';
import { toFailure } from '../../lib/errors';
import { formatMediumDate as formatDate, timePart } from '../../../shared/time';
import type { PollHold } from '../../../shared/types';

/** Seconds between two reads. */
export const LIVE_HOLDS_SECONDS = 3;

interface Props {
	employee: number;
	date: string;
	/** Called when the calendar's version changes (a booking or hold changed). */
	onVersionChange?: () => void;
}

export function LiveHolds( { employee, date, onVersionChange }: Props ) {
	const [ holds, setHolds ] = useState< PollHold[] | null >( null );
	const [ checkedAt, setCheckedAt ] = useState< Date | null >( null );
	const [ problem, setProblem ] = useState( '' );
	const version = useRef< number | null >( null );
	const onChange = useRef( onVersionChange );
	onChange.current = onVersionChange;

	useEffect( () => {
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		version.current = null;
		setHolds( null );

		const read = async () => {
			if ( document.visibilityState === 'visible' ) {
				try {
					const answer = await pollCalendar( employee, date );
					if ( stopped ) {
						return;
					}
					if (
						version.current !== null &&
						version.current !== answer.version
					) {
						onChange.current?.();
					}
					version.current = answer.version;
					setHolds( answer.held );
					setCheckedAt( new Date() );
					setProblem( '' );
				} catch ( error ) {
					if ( stopped ) {
						return;
					}
					setProblem( ( await toFailure( error ) ).message );
				}
			}
			if ( ! stopped ) {
				timer = setTimeout( read, LIVE_HOLDS_SECONDS * 1000 );
			}
		};
		read();
		return () => {
			stopped = true;
			clearTimeout( timer );
		};
	}, [ employee, date ] );

	const count = holds?.length ?? 0;
	return (
		<section
			className="appointease-admin__live"
			aria-labelledby="appointease-live-heading"
		>
			<h3 id="appointease-live-heading">
				{ sprintf(
					/* translators: %s: a date. */
					__( 'Being booked now: %s', 'appointease' ),
					formatDate( date )
				) }
			</h3>
			<p aria-live="polite">
				{ holds === null &&
					! problem &&
					__( 'Checking…', 'appointease' ) }
				{ holds !== null &&
					( count === 0
						? __(
								'Nobody is choosing a time on this day right now.',
								'appointease'
							)
						: sprintf(
								/* translators: %d: number of times. */
								_n(
									'%d time is being booked right now.',
									'%d times are being booked right now.',
									count,
									'appointease'
								),
								count
							) ) }
			</p>
			{ count > 0 && (
				<ul className="appointease-admin__holds">
					{ holds?.map( ( hold ) => (
						<li key={ hold.id } data-hold={ hold.id }>
							{ sprintf(
								/* translators: 1: start time, 2: end time, 3: number of seats. */
								_n(
									'%1$s–%2$s, %3$d seat',
									'%1$s–%2$s, %3$d seats',
									hold.seats,
									'appointease'
								),
								timePart( hold.start ),
								timePart( hold.end ),
								hold.seats
							) }
						</li>
					) ) }
				</ul>
			) }
			{ problem && (
				<p className="appointease-admin__error">
					{ sprintf(
						/* translators: %s: why the check failed. */
						__( 'The last check failed: %s', 'appointease' ),
						problem
					) }
				</p>
			) }
			{ checkedAt && (
				<p className="description">
					{ sprintf(
						/* translators: %s: a time of day. */
						__(
							'Last checked at %s; checked every few seconds.',
							'appointease'
						),
						checkedAt.toLocaleTimeString()
					) }
				</p>
			) }
		</section>
	);
}
