/**
 * Entry point of the wp-admin screens (build/admin/index.js), enqueued by
 * includes/Admin/AdminAssets.php on the AppointEase pages only.
 */

/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';

/**
 * Internal dependencies
 */
import { mountAdminApp, ROOT_ID } from './mount';
import './admin.scss';

domReady( () => {
	const root = document.getElementById( ROOT_ID );
	if ( root ) {
		mountAdminApp( root );
	}
} );
