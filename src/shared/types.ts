/**
 * Types shared by the booking block, its view script and the admin screens:
 * the block's settings and the shapes of the REST API (docs/rest-api.md).
 */

/**
 * The configuration the server renders into the `data-appointease`
 * attribute of every `.appointease-booking` element (block and shortcode).
 */
export interface BlockSettings {
	/** Preselected service id; 0 lets the visitor choose. */
	service: number;
	/** Preselected employee id; 0 means "any available" or visitor's choice. */
	employee: number;
	/** Whether the visitor gets an employee step. */
	showEmployeeStep: boolean;
	/** Accent colour, `#rgb` or `#rrggbb`, or "" for the default. */
	accentColor: string;
	/** REST namespace of the plugin's routes, e.g. "appointease/v1". */
	restNamespace: string;
	/** The site's REST root URL (for plain links such as the `.ics` download). */
	restUrl: string;
	/** Seconds between two live-availability checks. */
	pollInterval: number;
	/** Seconds a hold lasts without a heartbeat. */
	holdTtl: number;
	/** Minutes a booking must be made before it starts. */
	minimumNotice: number;
}

/** The block's attributes (block.json); the same names as BlockSettings. */
export type BookingBlockAttributes = Pick<
	BlockSettings,
	'service' | 'employee' | 'showEmployeeStep' | 'accentColor'
>;

/** The steps of the booking flow, in order. */
export type StepId =
	'service' | 'employee' | 'date' | 'time' | 'details' | 'review' | 'done';

/** The `reason` of an error answer of the REST API (`data.reason`). */
export type ApiErrorReason =
	| 'VALIDATION_ERROR'
	| 'FORBIDDEN'
	| 'NOT_FOUND'
	| 'SLOT_NOT_FOUND'
	| 'SLOT_UNAVAILABLE'
	| 'SLOT_TAKEN'
	| 'SLOT_HELD'
	| 'SLOT_CHANGED'
	| 'SLOT_IN_PAST'
	| 'STATUS_CONFLICT'
	| 'IN_USE'
	| 'IDEMPOTENCY_KEY_REUSED'
	| 'HOLD_EXPIRED'
	| 'HOLD_NOT_FOUND'
	| 'RATE_LIMITED'
	| 'STORE_UNAVAILABLE';

/** `GET services`. */
export interface Service {
	id: number;
	name: string;
	description: string;
	/** Minutes. */
	duration: number;
	buffer_before: number;
	buffer_after: number;
	capacity: number;
	/** A decimal string, or null when no price is shown. */
	price: string | null;
	active: boolean;
}

/** `GET employees` (public fields). */
export interface Employee {
	id: number;
	name: string;
	services: number[];
}

/** The state of a time in `GET availability`. */
export type SlotState = 'available' | 'booked' | 'held' | 'past';

/** One time in `GET availability`. */
export interface Slot {
	/** ISO 8601 with the calendar's offset. */
	start: string;
	end: string;
	seats_left: number;
	state: SlotState;
	/** "Any available" only: who has this time free. */
	employees?: number[];
}

export interface AvailabilityDay {
	/** YYYY-MM-DD in the calendar's timezone. */
	date: string;
	slots: Slot[];
}

/** `GET availability`. */
export interface AvailabilityAnswer {
	service: number;
	employee: number | null;
	days: AvailabilityDay[];
	server_time?: string;
}

/** `GET slots/poll`: one employee's local day, the same for every visitor. */
export interface PollAnswer {
	version: number;
	employee: number;
	date: string;
	booked: Array< { start: string; end: string; seats_left: number } >;
	held: Array< { start: string; end: string; id: string; seats: number } >;
	server_time: string;
}

/** `POST holds` and `PATCH holds/{id}`. */
export interface HoldAnswer {
	id: string;
	start: string;
	end: string;
	seats: number;
	expires_at: string;
	/** Only in the answer to `POST holds`. */
	token?: string;
}

/** The visitor's own hold, as the page keeps it. */
export interface OwnHold {
	/** Public id: other visitors see it in the poll. */
	id: string;
	/** Secret: renews, moves, releases and books the hold. */
	token: string;
	service: number;
	employee: number;
	start: string;
	end: string;
}

export interface Customer {
	name: string;
	email: string;
	phone: string;
	notes: string;
}

export type CustomerField = keyof Customer;

export type BookingStatus =
	'pending' | 'confirmed' | 'cancelled' | 'rejected' | 'completed';

/** A booking as the REST API shows it. */
export interface Booking {
	id: number;
	employee: number;
	service: number;
	start: string;
	end: string;
	seats: number;
	status: BookingStatus;
	customer: Customer;
	created_at: string;
	updated_at: string;
	/** Only in the answer to `POST bookings`. */
	manage_token?: string;
}

/**
 * The state a time button shows: free, booked, held by someone else
 * ("processing"), held by this visitor ("yours"), or too late to book.
 */
export type TimeState =
	'available' | 'booked' | 'processing' | 'yours' | 'past';

/** A time as the time list shows it. */
export interface TimeOption {
	start: string;
	end: string;
	state: TimeState;
	/** Seats left (more than 1 only for group sessions). */
	seatsLeft: number;
	/** The employee a pick holds with (for "any available": one who is free). */
	employee: number;
}
