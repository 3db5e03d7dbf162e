/**
 * The one REST client of the plugin (docs/rest-api.md), on
 * `@wordpress/api-fetch`, for the booking block and the admin screens. On
 * both sides that is WordPress's own `wp-api-fetch` script, which WordPress
 * sets up with the REST root URL and, for logged-in users, the cookie nonce
 * (`X-WP-Nonce`); the view script and the admin pages depend on it.
 *
 * The block's calls come from createApi() (its namespace and root come from
 * the block's settings, and tests pass a fake); the admin screens' calls are
 * the plain functions further down.
 *
 * Every failure becomes an `ApiError` that carries the `reason` of the error
 * envelope, so the apps map reasons, not messages, to what they say.
 */

/**
 * WordPress dependencies
 */
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type {
	ApiErrorReason,
	AvailabilityAnswer,
	AvailabilityDay,
	Booking,
	BookingField,
	BlockSettings,
	BookingStatus,
	CalendarSyncAnswer,
	Customer,
	Dashboard,
	Employee,
	FeedAddressAnswer,
	HoldAnswer,
	PollAnswer,
	PublicEmployee,
	Service,
} from './types';
import type {
	BookingCheck,
	BookingCounts,
	Customer as EarlierCustomer,
} from './rest-types';

/** A refusal or failure of a REST call. */
export class ApiError extends Error {
	/** The WP_Error code, e.g. `appointease_slot_taken`, or `fetch_error`. */
	readonly code: string;
	/** HTTP status; 0 when no answer came (offline, connection lost). */
	readonly status: number;
	/** The machine reason of the envelope, when there is one. */
	readonly reason: ApiErrorReason | null;
	/** The fields at fault (`data.params`), for validation errors. */
	readonly params: Readonly< Record< string, unknown > >;
	/** Seconds to wait, from `Retry-After` (429), when known. */
	readonly retryAfter: number | null;

	constructor(
		message: string,
		{
			code,
			status,
			reason = null,
			params = {},
			retryAfter = null,
		}: {
			code: string;
			status: number;
			reason?: ApiErrorReason | null;
			params?: Record< string, unknown >;
			retryAfter?: number | null;
		}
	) {
		super( message );
		this.name = 'ApiError';
		this.code = code;
		this.status = status;
		this.reason = reason;
		this.params = params;
		this.retryAfter = retryAfter;
	}

	/** Whether no answer came at all (network down, server unreachable). */
	get isNetwork(): boolean {
		return this.status === 0;
	}
}

/**
 * Whether an error is the abort of a request (AbortController), which is
 * never a failure to report.
 *
 * @param error Anything thrown.
 */
export function isAbortError( error: unknown ): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		( error as { name?: unknown } ).name === 'AbortError'
	);
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

/**
 * What api-fetch throws for a failed request with `parse: false`.
 * @param value
 */
function isResponse( value: unknown ): value is Response {
	return (
		isRecord( value ) &&
		typeof value.status === 'number' &&
		typeof value.json === 'function' &&
		isRecord( value.headers )
	);
}

/**
 * Turns a parsed WP_Error envelope into an ApiError.
 *
 * @param body       The parsed body (`{code, message, data}`), or anything.
 * @param status     HTTP status when known from the response.
 * @param retryAfter Seconds from `Retry-After`, when known.
 */
function fromEnvelope(
	body: unknown,
	status: number | null,
	retryAfter: number | null = null
): ApiError {
	const envelope = isRecord( body ) ? body : {};
	const data = isRecord( envelope.data ) ? envelope.data : {};
	const code =
		typeof envelope.code === 'string' ? envelope.code : 'unknown_error';
	const message =
		typeof envelope.message === 'string' ? envelope.message : code;
	let httpStatus = typeof data.status === 'number' ? data.status : 0;
	if ( status !== null ) {
		httpStatus = status;
	}
	// api-fetch's own failures: no connection, or the browser is offline.
	if ( code === 'fetch_error' || code === 'offline_error' ) {
		httpStatus = 0;
	}
	return new ApiError( message, {
		code,
		status: httpStatus,
		reason:
			typeof data.reason === 'string'
				? ( data.reason as ApiErrorReason )
				: null,
		params: isRecord( data.params ) ? data.params : {},
		retryAfter,
	} );
}

/**
 * Normalises whatever api-fetch threw: aborts pass through unchanged,
 * everything else becomes an ApiError.
 *
 * @param error What was thrown.
 */
export async function toApiError( error: unknown ): Promise< unknown > {
	if ( isAbortError( error ) || error instanceof ApiError ) {
		return error;
	}
	if ( isResponse( error ) ) {
		const header = error.headers.get( 'Retry-After' );
		const retryAfter =
			header !== null && /^\d+$/.test( header ) ? Number( header ) : null;
		let body: unknown = null;
		try {
			body = await error.json();
		} catch {
			body = null;
		}
		return fromEnvelope( body, error.status, retryAfter );
	}
	return fromEnvelope( error, null );
}

/**
 * Calls api-fetch and rethrows failures as ApiError (or the abort).
 *
 * @param options api-fetch options.
 */
async function request< T >( options: APIFetchOptions< true > ): Promise< T > {
	try {
		return await apiFetch< T >( options );
	} catch ( error ) {
		throw await toApiError( error );
	}
}

/**
 * A query string from defined values.
 *
 * @param query Names and values; undefined values are left out.
 */
function queryString(
	query: Record< string, string | number | undefined >
): string {
	const params = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ) ) {
		if ( value !== undefined ) {
			params.set( key, String( value ) );
		}
	}
	const text = params.toString();
	return text === '' ? '' : `?${ text }`;
}

/**
 * A plain URL of a REST route, for links (not for api-fetch, which adds the
 * root itself). Works with pretty permalinks (`/wp-json/`) and plain ones
 * (`/?rest_route=/`).
 *
 * @param root  The REST root URL.
 * @param route The route, e.g. `appointease/v1/bookings/3/ics`.
 * @param query Query arguments.
 */
export function restRouteUrl(
	root: string,
	route: string,
	query: Record< string, string | number | undefined > = {}
): string {
	const path = route.replace( /^\/+/, '' );
	const search = queryString( query );
	if ( root.includes( '?' ) ) {
		return root + path + search.replace( /^\?/, '&' );
	}
	return root.replace( /\/*$/, '/' ) + path + search;
}

/**
 * What a poll gives: a new answer, or "not modified". `stale`: an HTTP cache
 * answered with an old copy because it could not reach the server (nginx's
 * `X-Cache-Status: STALE`), so the answer says nothing about now.
 */
export type PollResult =
	| { status: 200; answer: PollAnswer; etag: string | null; stale: boolean }
	| { status: 304; stale: boolean };

/**
 * Whether an HTTP cache served an old copy for a server it cannot reach.
 *
 * @param response The answer.
 */
function servedStale( response: Response ): boolean {
	return (
		( response.headers.get( 'X-Cache-Status' ) ?? '' ).toUpperCase() ===
		'STALE'
	);
}

export interface BookingBody {
	service: number;
	employee: number;
	start: string;
	hold_token?: string;
	customer: Customer;
	/** The honeypot: empty when a person filled in the form. */
	website?: string;
	/** The answer of the site's CAPTCHA widget, when the site has one. */
	captcha_token?: string;
	/** Answers to the service's own form fields, by field id. */
	fields?: Record< string, string | boolean | string[] >;
	/** Whether the visitor ticked the consent box. */
	consent?: boolean;
}

/** The REST calls the booking app makes. */
export interface BookingApi {
	getServices: () => Promise< Service[] >;
	getEmployees: ( service: number ) => Promise< PublicEmployee[] >;
	getAvailability: (
		query: {
			service: number;
			employee: number;
			from: string;
			to: string;
			/** The visitor's own hold: its seats count as free for them. */
			hold?: string;
		},
		signal?: AbortSignal
	) => Promise< AvailabilityAnswer >;
	poll: (
		query: { employee: number; date: string; etag: string | null },
		signal?: AbortSignal
	) => Promise< PollResult >;
	takeHold: ( body: {
		service: number;
		employee: number;
		start: string;
	} ) => Promise< HoldAnswer >;
	moveHold: (
		id: string,
		token: string,
		start: string
	) => Promise< HoldAnswer >;
	renewHold: ( id: string, token: string ) => Promise< HoldAnswer >;
	releaseHold: (
		id: string,
		token: string,
		options?: { keepalive?: boolean }
	) => Promise< void >;
	book: ( body: BookingBody, idempotencyKey: string ) => Promise< Booking >;
	getBooking: ( id: number, token: string ) => Promise< Booking >;
	cancelBooking: ( id: number, token: string ) => Promise< Booking >;
	/** Confirms an unverified booking with the token of its email link (in the body). */
	verifyBooking: ( id: number, token: string ) => Promise< Booking >;
	rescheduleBooking: (
		id: number,
		token: string,
		start: string
	) => Promise< Booking >;
	/** A booking's calendar file. */
	getIcs: ( id: number, token: string ) => Promise< Blob >;
}

/**
 * The request header that carries a booking's manage token. The token never
 * goes into a URL, where web servers, proxies and CDNs would log it; the
 * server refuses one in the query string (`400 TOKEN_IN_URL`).
 */
export const TOKEN_HEADER = 'X-AppointEase-Token';

/**
 * The REST client for one booking app.
 *
 * @param settings The app's settings (REST namespace and root URL).
 */
export function createApi(
	settings: Pick< BlockSettings, 'restNamespace' | 'restUrl' >
): BookingApi {
	const ns = `/${ settings.restNamespace }`;
	const holdPath = ( id: string ) =>
		`${ ns }/holds/${ encodeURIComponent( id ) }`;

	return {
		getServices: () => request< Service[] >( { path: `${ ns }/services` } ),

		getEmployees: ( service ) =>
			request< PublicEmployee[] >( {
				path: `${ ns }/employees${ queryString( { service } ) }`,
			} ),

		getAvailability: ( { service, employee, from, to, hold }, signal ) =>
			request< AvailabilityAnswer >( {
				path: `${ ns }/availability${ queryString( {
					service,
					employee: employee > 0 ? employee : undefined,
					from,
					to,
					hold,
				} ) }`,
				signal,
			} ),

		poll: async ( { employee, date, etag }, signal ) => {
			try {
				const response = await apiFetch< Response, false >( {
					path: `${ ns }/slots/poll${ queryString( {
						employee,
						date,
					} ) }`,
					parse: false,
					// The page revalidates with its own ETag; the browser's
					// cache must neither answer for it nor keep copies.
					cache: 'no-store',
					headers: etag ? { 'If-None-Match': etag } : {},
					signal,
				} );
				return {
					status: 200,
					answer: ( await response.json() ) as PollAnswer,
					etag: response.headers.get( 'ETag' ),
					stale: servedStale( response ),
				};
			} catch ( error ) {
				if ( isResponse( error ) && error.status === 304 ) {
					return { status: 304, stale: servedStale( error ) };
				}
				throw await toApiError( error );
			}
		},

		takeHold: ( body ) =>
			request< HoldAnswer >( {
				path: `${ ns }/holds`,
				method: 'POST',
				data: body,
			} ),

		moveHold: ( id, token, start ) =>
			request< HoldAnswer >( {
				path: holdPath( id ),
				method: 'PATCH',
				data: { token, start },
			} ),

		renewHold: ( id, token ) =>
			request< HoldAnswer >( {
				path: holdPath( id ),
				method: 'PATCH',
				data: { token },
			} ),

		releaseHold: async ( id, token, { keepalive = false } = {} ) => {
			await request< unknown >( {
				path: holdPath( id ),
				method: 'DELETE',
				data: { token },
				// Lets the request outlive the page when the visitor leaves.
				keepalive,
			} );
		},

		book: ( body, idempotencyKey ) =>
			request< Booking >( {
				path: `${ ns }/bookings`,
				method: 'POST',
				data: body,
				headers: { 'Idempotency-Key': idempotencyKey },
			} ),

		getBooking: ( id, token ) =>
			request< Booking >( {
				path: `${ ns }/bookings/${ id }`,
				headers: { [ TOKEN_HEADER ]: token },
			} ),

		cancelBooking: ( id, token ) =>
			request< Booking >( {
				path: `${ ns }/bookings/${ id }/cancel`,
				method: 'POST',
				headers: { [ TOKEN_HEADER ]: token },
			} ),

		verifyBooking: ( id, token ) =>
			request< Booking >( {
				path: `${ ns }/bookings/${ id }/verify`,
				method: 'POST',
				data: { token },
			} ),

		rescheduleBooking: ( id, token, start ) =>
			request< Booking >( {
				path: `${ ns }/bookings/${ id }/reschedule`,
				method: 'POST',
				data: { start },
				headers: { [ TOKEN_HEADER ]: token },
			} ),

		getIcs: async ( id, token ) => {
			try {
				const response = await apiFetch< Response, false >( {
					path: `${ ns }/bookings/${ id }/ics`,
					parse: false,
					headers: { [ TOKEN_HEADER ]: token },
				} );
				return await response.blob();
			} catch ( error ) {
				throw await toApiError( error );
			}
		},
	};
}

/*
 * The admin screens' calls. They need `appointease_manage` (the cookie nonce
 * of wp-admin) and read records with context=edit, so they get every field.
 */

/** The plugin's REST namespace, as api-fetch paths start. */
export const NAMESPACE = '/appointease/v1';

type Query = Record< string, string | number >;

/**
 * A path with its query string.
 *
 * @param path  The path.
 * @param query Its arguments.
 */
export function withQuery( path: string, query: Query ): string {
	const search = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( query ) ) {
		search.append( key, String( value ) );
	}
	const text = search.toString();
	return text === '' ? path : `${ path }?${ text }`;
}

function get< T >( path: string, query: Query = {} ): Promise< T > {
	return request< T >( { path: withQuery( NAMESPACE + path, query ) } );
}

function send< T >(
	method: 'POST' | 'PATCH' | 'DELETE' | 'OPTIONS',
	path: string,
	data?: object
): Promise< T > {
	return request< T >( { path: NAMESPACE + path, method, data } );
}

/**
 * A service as its form edits it (no id until it is saved). Its booking form
 * and consent box are read-only here (booking-fields), and the change policy
 * in words is the server's to write.
 */
export type ServiceFields = Omit<
	Service,
	'id' | 'fields' | 'consent' | 'change_policy'
>;

/** An employee as its form edits it. */
export type EmployeeFields = Omit< Employee, 'id' >;

/* Services */

export const listServices = () =>
	get< Service[] >( '/services', { context: 'edit' } );

export const createService = ( fields: ServiceFields ) =>
	send< Service >( 'POST', '/services', fields );

export const updateService = ( id: number, fields: Partial< ServiceFields > ) =>
	send< Service >( 'PATCH', `/services/${ id }`, fields );

export const deleteService = ( id: number ) =>
	send< { deleted: boolean } >( 'DELETE', `/services/${ id }` );

/* The booking form's fields */

/** A field as its form edits it (no id until it is saved). */
export type BookingFieldValues = Omit< BookingField, 'id' >;

export const listBookingFields = () =>
	get< BookingField[] >( '/booking-fields' );

export const createBookingField = ( fields: Partial< BookingFieldValues > ) =>
	send< BookingField >( 'POST', '/booking-fields', fields );

export const updateBookingField = (
	id: string,
	fields: Partial< BookingFieldValues >
) => send< BookingField >( 'PATCH', `/booking-fields/${ id }`, fields );

export const deleteBookingField = ( id: string ) =>
	send< { deleted: boolean } >( 'DELETE', `/booking-fields/${ id }` );

/* Employees */

export const listEmployees = () =>
	get< Employee[] >( '/employees', { context: 'edit' } );

export const createEmployee = ( fields: EmployeeFields ) =>
	send< Employee >( 'POST', '/employees', fields );

export const updateEmployee = (
	id: number,
	fields: Partial< EmployeeFields >
) => send< Employee >( 'PATCH', `/employees/${ id }`, fields );

export const deleteEmployee = ( id: number ) =>
	send< { deleted: boolean } >( 'DELETE', `/employees/${ id }` );

/* Calendar sync */

export const getCalendarSync = ( employee: number ) =>
	get< CalendarSyncAnswer >( `/employees/${ employee }/calendar-sync` );

export const regenerateFeed = ( employee: number ) =>
	send< FeedAddressAnswer >(
		'POST',
		`/employees/${ employee }/calendar-sync/feed`
	);

export const addOutsideCalendar = ( employee: number, url: string ) =>
	send< CalendarSyncAnswer >(
		'POST',
		`/employees/${ employee }/calendar-sync/calendars`,
		{ url }
	);

export const syncOutsideCalendar = ( employee: number, calendar: number ) =>
	send< CalendarSyncAnswer >(
		'POST',
		`/employees/${ employee }/calendar-sync/calendars/${ calendar }/sync`
	);

export const removeOutsideCalendar = ( employee: number, calendar: number ) =>
	send< CalendarSyncAnswer >(
		'DELETE',
		`/employees/${ employee }/calendar-sync/calendars/${ calendar }`
	);

/** A WordPress user that an employee can be linked to (`wp/v2/users`). */
export interface WpUser {
	id: number;
	name: string;
	username?: string;
	email?: string;
}

/**
 * WordPress users an employee can be linked to (needs `list_users`).
 */
export const listUsers = () =>
	request< WpUser[] >( {
		path: withQuery( '/wp/v2/users', {
			context: 'edit',
			per_page: 100,
			orderby: 'name',
			_fields: 'id,name,username,email',
		} ),
	} );

/* Bookings */

/** The filters of the bookings list (the route's collection parameters). */
export interface BookingFilters {
	employee: number;
	service: number;
	status: BookingStatus | '';
	from: string;
	to: string;
	search: string;
	/** Soonest start first (`asc`); the server's default is latest first. */
	order?: 'asc' | 'desc';
	/** Leave out cancelled, rejected and expired bookings unless a status is chosen. */
	hideClosed?: boolean;
}

/** One page of the bookings list, with the totals of the X-WP-Total headers. */
export interface BookingPage {
	items: Booking[];
	total: number;
	totalPages: number;
}

/**
 * The query string of a bookings list request: only the filters that are set.
 *
 * @param filters The filters.
 * @param page    Page number, from 1.
 * @param perPage Bookings per page (at most 100).
 */
export function bookingQuery(
	filters: BookingFilters,
	page: number,
	perPage: number
): Query {
	const query: Query = { page, per_page: perPage };
	if ( filters.employee > 0 ) {
		query.employee = filters.employee;
	}
	if ( filters.service > 0 ) {
		query.service = filters.service;
	}
	if ( filters.status !== '' ) {
		query.status = filters.status;
	}
	if ( filters.from !== '' ) {
		query.from = filters.from;
	}
	if ( filters.to !== '' ) {
		query.to = filters.to;
	}
	if ( filters.search.trim() !== '' ) {
		query.search = filters.search.trim();
	}
	if ( filters.order ) {
		query.order = filters.order;
	}
	if ( filters.hideClosed ) {
		query.hide_closed = 'true';
	}
	return query;
}

/**
 * One page of bookings with the totals from the X-WP-Total headers.
 *
 * @param filters The filters.
 * @param page    Page number, from 1.
 * @param perPage Bookings per page.
 */
export async function listBookings(
	filters: BookingFilters,
	page: number,
	perPage: number
): Promise< BookingPage > {
	let response: Response;
	try {
		response = await apiFetch< Response, false >( {
			path: withQuery(
				NAMESPACE + '/bookings',
				bookingQuery( filters, page, perPage )
			),
			parse: false,
		} );
	} catch ( error ) {
		throw await toApiError( error );
	}
	const items = ( await response.json() ) as Booking[];
	return {
		items,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? items.length ),
		totalPages: Number( response.headers.get( 'X-WP-TotalPages' ) ?? 1 ),
	};
}

/**
 * Every booking of the filters (page after page), for the calendar.
 *
 * @param filters The filters.
 */
export async function listAllBookings(
	filters: BookingFilters
): Promise< Booking[] > {
	const all: Booking[] = [];
	for ( let page = 1; ; page++ ) {
		const result = await listBookings( filters, page, 100 );
		all.push( ...result.items );
		if ( page >= result.totalPages ) {
			return all;
		}
	}
}

export type BookingAction = 'approve' | 'reject' | 'cancel' | 'no-show';

export const actOnBooking = ( id: number, action: BookingAction ) =>
	send< Booking >( 'POST', `/bookings/${ id }/${ action }` );

export const rescheduleBooking = (
	id: number,
	start: string,
	employee?: number
) =>
	send< Booking >(
		'POST',
		`/bookings/${ id }/reschedule`,
		employee ? { start, employee } : { start }
	);

/** What an admin books (a booking taken on the phone). */
export interface AdminBookingBody {
	service: number;
	employee: number;
	start: string;
	customer: { name: string; email: string; phone?: string; notes?: string };
	/** Book outside the minimum notice, horizon and working hours (never over another booking). */
	override: boolean;
	/** Email the customer (the staff are emailed either way). */
	notify: boolean;
	/** Answers to the service's booking form, keyed by field id. */
	fields?: Record< string, string | boolean | string[] >;
}

export const createAdminBooking = ( body: AdminBookingBody ) =>
	send< Booking >( 'POST', '/bookings', body );

/**
 * Which visitor rules a time breaks and whether it is free; writes nothing.
 *
 * @param service  Service id.
 * @param employee Employee id.
 * @param start    ISO 8601 with offset.
 */
export const checkBookingTime = (
	service: number,
	employee: number,
	start: string
) =>
	send< BookingCheck >( 'POST', '/booking-check', {
		service,
		employee,
		start,
	} );

export type { BookingCheck, BookingCounts, EarlierCustomer };

/**
 * Earlier customers whose name, email or phone holds the text.
 *
 * @param search The text.
 */
export const searchCustomers = ( search: string ) =>
	get< EarlierCustomer[] >( '/customers', { search } );

/**
 * How many bookings each status has under the list's other filters.
 *
 * @param filters The list's filters (its status is left out).
 */
export function bookingCounts(
	filters: BookingFilters
): Promise< BookingCounts > {
	const query = bookingQuery( { ...filters, status: '' }, 1, 1 );
	delete query.page;
	delete query.per_page;
	delete query.order;
	return get< BookingCounts >( '/booking-counts', query );
}

/**
 * The CSV download's address for the list's filters.
 *
 * @param base    The download's address with its nonce (from the page's configuration).
 * @param filters The list's filters.
 */
export function exportUrl( base: string, filters: BookingFilters ): string {
	const query = bookingQuery( filters, 1, 1 );
	delete query.page;
	delete query.per_page;
	const url = new URL( base, window.location.href );
	for ( const [ key, value ] of Object.entries( query ) ) {
		url.searchParams.set( key, String( value ) );
	}
	return url.toString();
}

/**
 * Sends the customer their pending or confirmed booking's email again (admins).
 * @param id
 */
export const resendConfirmation = ( id: number ) =>
	send< { id: number; resent: boolean } >(
		'POST',
		`/bookings/${ id }/resend`
	);

/**
 * The dashboard's figures (admins): `GET dashboard`.
 * @param weeks
 */
export const getDashboard = ( weeks: number ) =>
	get< Dashboard >( '/dashboard', { weeks } );

/**
 * The times of one day, as an admin moving a booking sees them.
 *
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
export async function availability(
	service: number,
	employee: number,
	date: string
): Promise< AvailabilityDay[] > {
	const answer = await get< AvailabilityAnswer >( '/availability', {
		service,
		employee,
		from: date,
		to: date,
	} );
	return answer.days;
}

/**
 * One calendar's live state (the admin's live holds panel; the block polls
 * through createApi()'s poll(), with ETags).
 *
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
export const pollCalendar = ( employee: number, date: string ) =>
	get< PollAnswer >( '/slots/poll', { employee, date } );

/* Settings */

/**
 * The site's published pages, for the booking page's picker.
 */
export async function listPages(): Promise<
	Array< { id: number; title: string } >
> {
	const pages = await request<
		Array< { id: number; title: { rendered: string } } >
	>( {
		path: withQuery( '/wp/v2/pages', {
			per_page: 100,
			status: 'publish',
			orderby: 'title',
			order: 'asc',
			_fields: 'id,title',
		} ),
	} );
	// Titles come rendered (entities encoded); a text node shows them decoded.
	const decoder = document.createElement( 'textarea' );
	return pages.map( ( page ) => {
		decoder.innerHTML = page.title.rendered;
		return { id: page.id, title: decoder.value };
	} );
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

/**
 * Setting name => value. Kept open rather than the generated Settings type:
 * the form shows whatever settings the server describes, including ones a
 * later version adds.
 */
export type SettingValues = Record< string, unknown >;

export const getSettings = () => get< SettingValues >( '/settings' );

export const updateSettings = ( changes: SettingValues ) =>
	send< SettingValues >( 'PATCH', '/settings', changes );

/**
 * The settings route's JSON schema (from an OPTIONS request), so that the
 * form shows every setting the server knows, including ones added later.
 */
export async function getSettingsSchema(): Promise<
	Record< string, SettingSchema >
> {
	const answer = await send< {
		schema?: { properties?: Record< string, SettingSchema > };
	} >( 'OPTIONS', '/settings' );
	return answer.schema?.properties ?? {};
}

/**
 * One booking, for the admin's booking view (managers, or the employee it is with).
 *
 * @param id The booking.
 */
export const readBooking = ( id: number ) =>
	get< Booking >( `/bookings/${ id }` );
