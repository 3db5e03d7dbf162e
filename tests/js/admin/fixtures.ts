/**
 * Rows the admin screens' tests show.
 */

/**
 * Internal dependencies
 */
import type { Booking, Employee, Service } from '../../../src/shared/types';

export const HAIRCUT: Service = {
	id: 1,
	name: 'Haircut',
	description: '',
	duration: 30,
	buffer_before: 0,
	buffer_after: 10,
	capacity: 1,
	price: '35.00',
	active: true,
	reminders: null,
	fields: [],
	consent: null,
	cancel_cutoff_hours: null,
	reschedule_cutoff_hours: null,
	daily_limit: 0,
	email_daily_limit: 0,
	email_weekly_limit: 0,
	change_policy: '',
};

export const YOGA: Service = {
	...HAIRCUT,
	id: 4,
	name: 'Yoga class',
	duration: 60,
	capacity: 8,
	price: null,
};

export const ANA: Employee = {
	id: 1,
	name: 'Ana Silva',
	email: 'ana@example.com',
	wp_user: null,
	timezone: '',
	active: true,
	services: [ 1 ],
	hours: [
		{ weekday: 1, start: '09:00', end: '12:30' },
		{ weekday: 1, start: '13:30', end: '17:00' },
	],
	days_off: [],
};

export const BEN: Employee = {
	...ANA,
	id: 2,
	name: 'Ben Okafor',
	email: 'ben@example.com',
	services: [ 1, 4 ],
};

export function booking( overrides: Partial< Booking > = {} ): Booking {
	return {
		id: 7,
		employee: 1,
		service: 1,
		start: '2030-01-07T10:00:00+01:00',
		end: '2030-01-07T10:30:00+01:00',
		seats: 1,
		status: 'confirmed',
		customer: {
			name: 'Zoe Quinn',
			email: 'zoe@example.com',
			phone: '',
			notes: '',
		},
		created_at: '2030-01-01T08:00:00+00:00',
		updated_at: '2030-01-01T08:00:00+00:00',
		answers: [],
		consent: null,
		...overrides,
	};
}
