/**
 * Types shared by the booking block, its view script and the admin screens:
 * the block's settings and the shapes of the REST API (docs/rest-api.md),
 * the latter generated from the routes' schemas.
 */

/**
 * Internal dependencies
 */
import type {
	Availability,
	Booking,
	BookingField,
	Dashboard,
	CalendarSync,
	Capacity,
	Employee,
	EmployeeView,
	FeedAddress,
	Hold,
	Poll,
	Service,
	Settings,
} from './rest-types';

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
	/** ISO 4217 code of the prices, or "" to show plain numbers. */
	currency: string;
	/** BCP 47 language tag of the page, for number formats ("" = the browser's). */
	locale: string;
	/** The business's timezone (IANA name), or "" when the site sets only an offset. */
	timezone: string;
}

/** The block's attributes (block.json); the same names as BlockSettings. */
export type BookingBlockAttributes = Pick<
	BlockSettings,
	'service' | 'employee' | 'showEmployeeStep' | 'accentColor'
>;

/** The steps of the booking flow, in order. */
export type StepId = 'choose' | 'details' | 'review' | 'done';

/** The `reason` of an error answer of the REST API (`data.reason`). */
export type ApiErrorReason =
	| 'VALIDATION_ERROR'
	| 'SPAM_SUSPECTED'
	| 'TOO_FAST'
	| 'TOO_EARLY'
	| 'TOO_MANY_BOOKINGS'
	| 'TOO_LATE_TO_CHANGE'
	| 'LIMIT_REACHED'
	| 'CAPTCHA_FAILED'
	| 'FORBIDDEN'
	| 'NOT_FOUND'
	| 'SLOT_NOT_FOUND'
	| 'SLOT_UNAVAILABLE'
	| 'EMPLOYEE_BUSY'
	| 'SLOT_TAKEN'
	| 'SLOT_HELD'
	| 'SLOT_CHANGED'
	| 'SLOT_IN_PAST'
	| 'STATUS_CONFLICT'
	| 'IN_USE'
	| 'IDEMPOTENCY_KEY_REUSED'
	| 'TOKEN_IN_URL'
	| 'TOKEN_EXPIRED'
	| 'HOLD_EXPIRED'
	| 'HOLD_NOT_FOUND'
	| 'CONFIRMATION_EXPIRED'
	| 'RATE_LIMITED'
	| 'STORE_UNAVAILABLE'
	| 'URL_NOT_ALLOWED';

/*
 * The REST answers. Their shapes are generated from the routes' JSON schemas
 * (rest-types.ts, `npm run generate:types`); here they get the names the
 * apps use. Add a field to a route's schema in PHP, regenerate, and both the
 * block and wp-admin see it.
 */
export type { Booking, BookingField, Employee, Service };

/** An employee's feed and outside calendars (wp-admin). */
export type CalendarSyncAnswer = CalendarSync;

/** A new feed address, shown once. */
export type FeedAddressAnswer = FeedAddress;

/** One outside calendar and how its last fetch went. */
export type OutsideCalendar = CalendarSync[ 'calendars' ][ number ];

/** `GET employees` as visitors see it (public fields only). */
export type PublicEmployee = EmployeeView;

/** One weekly working-hours range of an employee. */
export type HoursRange = Employee[ 'hours' ][ number ];

/** One range of days off of an employee. */
export type DayOff = Employee[ 'days_off' ][ number ];

/** `GET availability`. */
export type AvailabilityAnswer = Availability;

export type AvailabilityDay = Availability[ 'days' ][ number ];

/** One time in `GET availability`. */
export type Slot = AvailabilityDay[ 'slots' ][ number ];

/** The state of a time in `GET availability`. */
export type SlotState = Slot[ 'state' ];

/** `GET slots/poll`: one employee's local day, the same for every visitor. */
export type PollAnswer = Poll;

/** A live hold in the poll answer. */
export type PollHold = Poll[ 'held' ][ number ];

/** `GET dashboard`: the admin dashboard's figures. */
export type { Dashboard };

/** One week of the dashboard's charts. */
export type DashboardWeek = Dashboard[ 'weeks' ][ number ];

/** `POST holds` and `PATCH holds/{id}`. */
export type HoldAnswer = Hold;

/** `GET capacity`. */
export type CapacityAnswer = Capacity;

/** `GET settings`. */
export type SettingsAnswer = Settings;

export type BookingStatus = Booking[ 'status' ];

/** Every booking status, in the order of the lifecycle. */
export const BOOKING_STATUSES = [
	'unverified',
	'pending',
	'confirmed',
	'cancelled',
	'rejected',
	'completed',
	'no_show',
	'expired',
] as const satisfies readonly BookingStatus[];

/**
 * Compiles only when BOOKING_STATUSES names every status of the schema.
 */
type NoneMissing< Missing extends never > = Missing;
export type BookingStatusesComplete = NoneMissing<
	Exclude< BookingStatus, ( typeof BOOKING_STATUSES )[ number ] >
>;

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

export type Customer = Booking[ 'customer' ];

export type CustomerField = keyof Customer;

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
