/**
 * Mounts the admin app into the element the server rendered.
 */

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { AdminApp } from './AdminApp';
import { readConfig } from './config';

/** The id of the element includes/Admin/AdminScreens.php renders. */
export const ROOT_ID = 'appointease-admin';

/**
 * Renders the screen named by the element's configuration.
 *
 * @param element The mount element.
 */
export function mountAdminApp( element: Element ): void {
	createRoot( element ).render(
		<AdminApp config={ readConfig( element ) } />
	);
}
