/**
 * Mounts the admin app into the element the server rendered.
 */

/**
 * WordPress dependencies
 */
import { createElement, createRoot, render } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { AdminApp } from './AdminApp';
import { readConfig } from './config';

/** The id of the element includes/Admin/AdminScreens.php renders. */
export const ROOT_ID = 'appointease-admin';

/**
 * Renders the screen named by the element's configuration. Uses
 * `createRoot` where `wp.element` has it (WordPress 6.2+, React 18) and the
 * legacy `render` on WordPress 6.1 (React 17).
 *
 * @param element The mount element.
 */
export function mountAdminApp( element: Element ): void {
	const app = <AdminApp config={ readConfig( element ) } />;
	if ( typeof createRoot === 'function' ) {
		createRoot( element ).render( app );
	} else {
		render( app, element );
	}
}
