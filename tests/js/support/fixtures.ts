/**
 * Test data shaped like the REST API's answers, and a fake REST client whose
 * every method is a jest mock.
 */

/**
 * Internal dependencies
 */
import type { BookingApi } from '../../../src/shared/api';
import { DEFAULT_SETTINGS } from '../../../src/shared/config';
import type {
	AvailabilityAnswer,
	BlockSettings,
	Booking,
	PollAnswer,
	PublicEmployee,
	Service,
	Slot,
} from '../../../src/shared/types';

export const DATE = '2030-03-12';

export const HAIRCUT: Service = {
	id: 1,
	name: 'Haircut',
	description: '',
	duration: 30,
	buffer_before: 0,
	buffer_after: 0,
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
	id: 4,
	name: 'Yoga class',
	description: 'Bring a mat.',
	duration: 60,
	buffer_before: 0,
	buffer_after: 0,
	capacity: 8,
	price: null,
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

export const ANA: PublicEmployee = {
	id: 1,
	name: 'Ana Silva',
	services: [ 1 ],
};
export const BEN: PublicEmployee = {
	id: 2,
	name: 'Ben Okafor',
	services: [ 1, 4 ],
};

/**
 * An ISO time on DATE at the given hour and minute, +01:00.
 *
 * @param hour   Hour.
 * @param minute Minute.
 */
export function at( hour: number, minute = 0 ): string {
	const pad = ( value: number ) => String( value ).padStart( 2, '0' );
	return `${ DATE }T${ pad( hour ) }:${ pad( minute ) }:00+01:00`;
}

/**
 * A slot of 30 minutes.
 *
 * @param hour      Hour.
 * @param minute    Minute.
 * @param overrides Other fields.
 */
export function slot(
	hour: number,
	minute = 0,
	overrides: Partial< Slot > = {}
): Slot {
	const end =
		minute + 30 >= 60
			? at( hour + 1, minute - 30 )
			: at( hour, minute + 30 );
	return {
		start: at( hour, minute ),
		end,
		seats_left: 1,
		state: 'available',
		...overrides,
	};
}

/**
 * An availability answer for DATE.
 *
 * @param slots    The day's slots.
 * @param employee Employee id, or null for "any".
 */
export function availability(
	slots: Slot[],
	employee: number | null = 1
): AvailabilityAnswer {
	return {
		service: 1,
		employee,
		days: [ { date: DATE, slots } ],
		server_time: '2030-03-01T08:00:00+00:00',
	};
}

/**
 * A poll answer.
 *
 * @param overrides Fields to set.
 */
export function pollAnswer(
	overrides: Partial< PollAnswer > = {}
): PollAnswer {
	return {
		version: 1,
		employee: 1,
		date: DATE,
		booked: [],
		held: [],
		server_time: '2030-03-01T09:00:00+01:00',
		...overrides,
	};
}

export function booking( overrides: Partial< Booking > = {} ): Booking {
	return {
		id: 42,
		employee: 1,
		service: 1,
		start: at( 10 ),
		end: at( 10, 30 ),
		seats: 1,
		status: 'confirmed',
		customer: {
			name: 'Zoe',
			email: 'zoe@example.com',
			phone: '',
			notes: '',
		},
		created_at: '2030-03-01T09:00:00+01:00',
		updated_at: '2030-03-01T09:00:00+01:00',
		answers: [],
		consent: null,
		...overrides,
	};
}

/** A fake REST client: every method a jest mock with a sensible answer. */
export type FakeApi = { [ K in keyof BookingApi ]: jest.Mock };

/**
 * The fake client.
 *
 * @param overrides Methods to replace.
 */
export function fakeApi(
	overrides: Partial< FakeApi > = {}
): FakeApi & BookingApi {
	let holds = 0;
	const api: FakeApi = {
		getServices: jest.fn( async () => [ HAIRCUT, YOGA ] ),
		getEmployees: jest.fn( async () => [ ANA, BEN ] ),
		getAvailability: jest.fn( async () =>
			availability( [ slot( 9 ), slot( 9, 30 ), slot( 10 ) ] )
		),
		poll: jest.fn( async () => ( {
			status: 200,
			answer: pollAnswer(),
			etag: '"e1"',
		} ) ),
		takeHold: jest.fn( async ( body: { start: string } ) => {
			holds += 1;
			return {
				id: `hold-${ holds }`,
				token: `token-${ holds }`,
				start: body.start,
				end: body.start.replace( /:00:00/, ':30:00' ),
				seats: 1,
				expires_at: '2030-03-01T09:00:30+01:00',
			};
		} ),
		moveHold: jest.fn(
			async ( id: string, _token: string, start: string ) => ( {
				id,
				start,
				end: start,
				seats: 1,
				expires_at: '2030-03-01T09:00:30+01:00',
			} )
		),
		renewHold: jest.fn( async ( id: string ) => ( {
			id,
			start: at( 10 ),
			end: at( 10, 30 ),
			seats: 1,
			expires_at: '2030-03-01T09:00:30+01:00',
		} ) ),
		releaseHold: jest.fn( async () => undefined ),
		book: jest.fn( async () =>
			booking( { manage_token: 'manage-secret' } )
		),
		getBooking: jest.fn( async () => booking() ),
		cancelBooking: jest.fn( async () =>
			booking( { status: 'cancelled' } )
		),
		verifyBooking: jest.fn( async () =>
			booking( { status: 'confirmed' } )
		),
		rescheduleBooking: jest.fn(
			async ( _id: number, _token: string, start: string ) =>
				booking( { start } )
		),
		getIcs: jest.fn(
			async () =>
				new Blob( [ 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' ], {
					type: 'text/calendar',
				} )
		),
		...overrides,
	};
	return api as FakeApi & BookingApi;
}

/**
 * Block settings for tests.
 *
 * @param overrides Fields to set.
 */
export function settings(
	overrides: Partial< BlockSettings > = {}
): BlockSettings {
	return { ...DEFAULT_SETTINGS, ...overrides };
}
