/**
 * Mounts the booking app into the server-rendered containers.
 */

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { readSettings, SETTINGS_ATTRIBUTE } from '../../shared/config';
import { BookingApp } from './components/BookingApp';

/** The containers rendered by the block and the `[appointease]` shortcode. */
export const CONTAINER_SELECTOR = `.appointease-booking[${ SETTINGS_ATTRIBUTE }]`;

const MOUNTED_ATTRIBUTE = 'data-appointease-mounted';

/**
 * Renders the booking app into one container (once).
 *
 * @param container The container element.
 * @return Whether the app was mounted now.
 */
export function mountBookingApp( container: Element ): boolean {
	if ( container.hasAttribute( MOUNTED_ATTRIBUTE ) ) {
		return false;
	}
	container.setAttribute( MOUNTED_ATTRIBUTE, '' );

	createRoot( container ).render(
		<BookingApp settings={ readSettings( container ) } />
	);
	return true;
}

/**
 * Mounts the app into every container below `root` not mounted yet.
 *
 * @param root Where to look; the whole document by default.
 * @return How many apps were mounted.
 */
export function mountAll( root: ParentNode = document ): number {
	let mounted = 0;
	root.querySelectorAll( CONTAINER_SELECTOR ).forEach( ( container ) => {
		if ( mountBookingApp( container ) ) {
			mounted += 1;
		}
	} );
	return mounted;
}
