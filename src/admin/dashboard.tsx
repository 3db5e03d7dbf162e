/**
 * Entry point of the dashboard (build/admin/dashboard.js), enqueued by
 * includes/Admin/AdminAssets.php on the dashboard page instead of
 * index.js: Chart.js comes with it, so no other screen loads it.
 */

/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { readConfig } from './config';
import { ROOT_ID } from './mount';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import './admin.scss';

domReady( () => {
	const root = document.getElementById( ROOT_ID );
	if ( root ) {
		const config = readConfig( root );
		createRoot( root ).render(
			<DashboardScreen
				currency={ config.currency }
				locale={ config.locale }
			/>
		);
	}
} );
