/**
 * Keeps unsaved changes from being lost without a word: while a form is
 * dirty, leaving the page asks the browser's "Leave site?" question, and
 * the screens ask before they drop the form (another row, Cancel).
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

export function discardQuestion(): string {
	return __( 'You have unsaved changes. Discard them?', 'appointease' );
}

/**
 * @param dirty Whether the form has unsaved changes.
 * @return A function that says whether the changes may be dropped (asking
 *         when there are some).
 */
export function useUnsavedChanges( dirty: boolean ): () => boolean {
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Older browsers show the prompt only when returnValue is set.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	return useCallback(
		// eslint-disable-next-line no-alert -- the browser's own dialog is the accessible, blocking choice here.
		() => ! dirty || window.confirm( discardQuestion() ),
		[ dirty ]
	);
}
