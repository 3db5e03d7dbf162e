/**
 * The admin app: one of the screens, chosen by the wp-admin page
 * (each page is its own submenu entry, so the browser's back button and
 * bookmarks work as everywhere else in wp-admin).
 */

/**
 * Internal dependencies
 */
import type { AdminConfig } from './config';
import { BookingsScreen } from './screens/bookings/BookingsScreen';
import { MyBookingsScreen } from './screens/bookings/MyBookingsScreen';
import { EmployeesScreen } from './screens/employees/EmployeesScreen';
import { ServicesScreen } from './screens/services/ServicesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';

export function AdminApp( { config }: { config: AdminConfig } ) {
	switch ( config.screen ) {
		case 'dashboard':
			// The dashboard page loads build/admin/dashboard.js instead (dashboard.tsx).
			return null;
		case 'employees':
			return <EmployeesScreen config={ config } />;
		case 'services':
			return (
				<ServicesScreen
					currency={ config.currency }
					locale={ config.locale }
				/>
			);
		case 'settings':
			return <SettingsScreen holdStore={ config.holdStore } />;
		case 'my-bookings':
			return (
				<MyBookingsScreen
					today={ config.today }
					userId={ config.userId }
					employee={ config.employee }
					services={ config.services }
				/>
			);
		default:
			return (
				<BookingsScreen
					today={ config.today }
					exportUrl={ config.exportUrl }
					userId={ config.userId }
					siteTimezone={ config.siteTimezone }
					currency={ config.currency }
				/>
			);
	}
}
