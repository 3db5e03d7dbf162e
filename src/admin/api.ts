/**
 * The admin screens' calls to the REST API. WordPress's `wp-api-fetch`
 * script sets up the root URL and the `X-WP-Nonce` middleware in wp-admin,
 * so paths are enough here.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type {
	AvailabilityDay,
	Booking,
	BookingFilters,
	BookingPage,
	Employee,
	EmployeeFields,
	PollAnswer,
	Service,
	ServiceFields,
	SettingSchema,
	SettingValues,
	WpUser,
} from './types';

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
	return apiFetch< T >( { path: withQuery( NAMESPACE + path, query ) } );
}

function send< T >(
	method: 'POST' | 'PATCH' | 'DELETE',
	path: string,
	data?: object
): Promise< T > {
	return apiFetch< T >( { path: NAMESPACE + path, method, data } );
}

/* Services */

export const listServices = () =>
	get< Service[] >( '/services', { context: 'edit' } );

export const createService = ( fields: ServiceFields ) =>
	send< Service >( 'POST', '/services', fields );

export const updateService = ( id: number, fields: Partial< ServiceFields > ) =>
	send< Service >( 'PATCH', `/services/${ id }`, fields );

export const deleteService = ( id: number ) =>
	send< { deleted: boolean } >( 'DELETE', `/services/${ id }` );

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

/**
 * WordPress users an employee can be linked to (needs `list_users`).
 */
export const listUsers = () =>
	apiFetch< WpUser[] >( {
		path: withQuery( '/wp/v2/users', {
			context: 'edit',
			per_page: 100,
			orderby: 'name',
			_fields: 'id,name,username,email',
		} ),
	} );

/* Bookings */

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
	const response = await apiFetch< Response, false >( {
		path: withQuery(
			NAMESPACE + '/bookings',
			bookingQuery( filters, page, perPage )
		),
		parse: false,
	} );
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

export type BookingAction = 'approve' | 'reject' | 'cancel';

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

export async function availability(
	service: number,
	employee: number,
	date: string
): Promise< AvailabilityDay[] > {
	const answer = await get< { days: AvailabilityDay[] } >( '/availability', {
		service,
		employee,
		from: date,
		to: date,
	} );
	return answer.days;
}

export const pollCalendar = ( employee: number, date: string ) =>
	get< PollAnswer >( '/slots/poll', { employee, date } );

/* Settings */

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
	const answer = await apiFetch< {
		schema?: { properties?: Record< string, SettingSchema > };
	} >( { path: NAMESPACE + '/settings', method: 'OPTIONS' } );
	return answer.schema?.properties ?? {};
}
