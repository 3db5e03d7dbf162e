/**
 * The app's message to the visitor. It sits in a live region, so screen
 * readers announce it, and takes focus when the message asks for it (a lost
 * hold, a taken time), so keyboard users land on it.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { useBookingStore } from '../../../shared/store-context';

/**
 * The notice regions: errors are announced at once (assertive), other
 * messages when the screen reader is idle (polite).
 */
export function Notice() {
	const notice = useBookingStore( ( state ) => state.notice );
	const ref = useRef< HTMLDivElement >( null );
	const id = notice?.id;
	const focus = notice?.focus ?? false;

	useEffect( () => {
		if ( id !== undefined && focus ) {
			ref.current?.focus();
		}
	}, [ id, focus ] );

	const message = notice && (
		<div
			key={ notice.id }
			ref={ ref }
			className={ `appointease-notice is-${ notice.kind }` }
			tabIndex={ -1 }
		>
			{ notice.text }
		</div>
	);
	return (
		<div className="appointease-notices">
			<div aria-live="assertive" aria-atomic="true">
				{ notice?.kind === 'error' && message }
			</div>
			<div aria-live="polite" aria-atomic="true">
				{ notice && notice.kind !== 'error' && message }
			</div>
		</div>
	);
}
