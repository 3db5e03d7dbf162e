/**
 * The shapes the admin REST routes answer with (see docs/rest-api.md).
 */

export interface Service {
	id: number;
	name: string;
	description: string;
	duration: number;
	buffer_before: number;
	buffer_after: number;
	capacity: number;
	price: string | null;
	active: boolean;
}

/** What a picker or a table cell needs of a service or an employee. */
export type Named = Pick< Service, 'id' | 'name' >;

/** A service as its form edits it (no id until it is saved). */
export type ServiceFields = Omit< Service, 'id' >;

export interface HoursRange {
	/** 1 (Monday) to 7 (Sunday). */
	weekday: number;
	/** HH:MM, local to the employee's timezone. */
	start: string;
	/** HH:MM; 24:00 is allowed. */
	end: string;
}

export interface DayOff {
	start: string;
	end: string;
	reason?: string;
}

export interface Employee {
	id: number;
	name: string;
	email: string;
	wp_user: number | null;
	timezone: string;
	active: boolean;
	services: number[];
	hours: HoursRange[];
	days_off: DayOff[];
}

/** An employee as its form edits it. */
export type EmployeeFields = Omit< Employee, 'id' >;

export const BOOKING_STATUSES = [
	'pending',
	'confirmed',
	'cancelled',
	'rejected',
	'completed',
] as const;

export type BookingStatus = ( typeof BOOKING_STATUSES )[ number ];

export interface Booking {
	id: number;
	employee: number;
	service: number;
	/** ISO 8601 in the calendar's timezone, e.g. 2026-11-24T09:00:00+01:00. */
	start: string;
	end: string;
	seats: number;
	status: BookingStatus;
	customer: {
		name: string;
		email: string;
		phone: string;
		notes: string;
	};
	created_at: string;
	updated_at: string;
}

export interface BookingPage {
	items: Booking[];
	total: number;
	totalPages: number;
}

export interface BookingFilters {
	employee: number;
	service: number;
	status: BookingStatus | '';
	from: string;
	to: string;
	search: string;
}

export interface AvailabilitySlot {
	start: string;
	end: string;
	seats_left: number;
	state: 'available' | 'booked' | 'held' | 'past';
}

export interface AvailabilityDay {
	date: string;
	slots: AvailabilitySlot[];
}

export interface PollHold {
	start: string;
	end: string;
	id: string;
	seats: number;
}

export interface PollAnswer {
	version: number;
	employee: number;
	date: string;
	booked: Array< { start: string; end: string; seats_left: number } >;
	held: PollHold[];
	server_time: string;
}

/** One setting's JSON schema, as OPTIONS settings describes it. */
export interface SettingSchema {
	type?: string | string[];
	title?: string;
	description?: string;
	enum?: Array< string | number >;
	minimum?: number;
	maximum?: number;
	maxLength?: number;
	default?: unknown;
}

export type SettingValues = Record< string, unknown >;

/** A WordPress user that an employee can be linked to. */
export interface WpUser {
	id: number;
	name: string;
	username?: string;
	email?: string;
}

/** Which store keeps the holds (HoldStoreFactory::status()). */
export interface HoldStoreStatus {
	store: string;
	configured: boolean;
	reachable: boolean;
	latency_ms: number | null;
	error: string | null;
}
