/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * How long ago, in words.
 *
 * @param checkedAt When (ms).
 * @param now       Now (ms).
 */
export function agoText( checkedAt: number, now: number ): string {
	const seconds = Math.max( 0, Math.floor( ( now - checkedAt ) / 1000 ) );
	if ( seconds < 2 ) {
		return __( 'just now', 'appointease' );
	}
	if ( seconds < 60 ) {
		return sprintf(
			/* translators: %d: number of seconds. */
			_n( '%d second ago', '%d seconds ago', seconds, 'appointease' ),
			seconds
		);
	}
	const minutes = Math.floor( seconds / 60 );
	return sprintf(
		/* translators: %d: number of minutes. */
		_n( '%d minute ago', '%d minutes ago', minutes, 'appointease' ),
		minutes
	);
}

interface LastCheckedProps {
	/** When the times were last checked with the server (ms), if ever. */
	checkedAt: number | null;
	now: number;
}

/**
 * "Last availability check: just now / 5 seconds ago".
 *
 * @param props           Component props.
 * @param props.checkedAt When the last check was.
 * @param props.now       Now.
 */
export function LastChecked( { checkedAt, now }: LastCheckedProps ) {
	return (
		<p className="appointease-last-checked">
			{ checkedAt === null
				? __( 'Checking availability…', 'appointease' )
				: sprintf(
						/* translators: %s: e.g. "just now" or "5 seconds ago". */
						__( 'Last availability check: %s', 'appointease' ),
						agoText( checkedAt, now )
					) }
		</p>
	);
}
