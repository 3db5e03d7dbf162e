/**
 * My bookings: an employee's own bookings, as a list and as a calendar with
 * their hours and the times being booked right now. Read-only: the REST
 * routes let an employee read their bookings, and only managers change them.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Notices } from '../../components/Notices';
import { useNotices } from '../../hooks/useNotices';
import type { Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingCalendar } from './BookingCalendar';
import { BookingsList } from './BookingsList';
import { ViewSwitch, type BookingsView } from './ViewSwitch';

interface Props {
	today: string;
	/** The employee linked to the current user, or null. */
	employee: Employee | null;
	/** Every service, for the names of booked ones. */
	services: Named[];
}

/** Nothing changes bookings on this screen, so the views never need to read again. */
const UNCHANGED = 0;

export function MyBookingsScreen( { today, employee, services }: Props ) {
	const notices = useNotices();
	const [ view, setView ] = useState< BookingsView >( 'list' );

	if ( ! employee ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'Your account is not linked to an employee yet, so there are no bookings to show. Ask the site’s administrator to link it on the Employees screen.',
					'appointease'
				) }
			</Notice>
		);
	}

	const shared = {
		employees: [ employee ],
		services,
		notices,
		version: UNCHANGED,
	};

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			<p className="description">
				{ __(
					'These are the bookings with you. To change one, ask the site’s administrator.',
					'appointease'
				) }
			</p>
			<ViewSwitch view={ view } onChange={ setView } />
			{ view === 'list' ? (
				<BookingsList { ...shared } />
			) : (
				<BookingCalendar { ...shared } today={ today } />
			) }
		</div>
	);
}
