/**
 * The booking app's arguments on the page's URL: deep links into the flow
 * (`?service=&employee=&date=`) and the manage link from the booking email
 * (`?appointease_booking=<id>#appointease_token=<token>`; links emailed
 * before the token moved to the fragment carry it in the query). The token
 * stays out of every URL a server sees: see manage-token.ts for how the page
 * takes it off the address bar.
 */

/**
 * Internal dependencies
 */
import { toId } from './config';
import { isStep } from './steps';
import { parseDate } from './time';
import type { StepId } from './types';

export const MANAGE_ID_PARAM = 'appointease_booking';
export const MANAGE_TOKEN_PARAM = 'appointease_token';
/** The step of the flow on screen (absent on the choosing screen). */
export const STEP_PARAM = 'appointease_step';

/** Arguments this app reads; a link built by the app leaves them out. */
const OWN_PARAMS = [
	'service',
	'employee',
	'date',
	MANAGE_ID_PARAM,
	MANAGE_TOKEN_PARAM,
	STEP_PARAM,
];

export interface DeepLink {
	/** Service id (always > 0). */
	service: number;
	/** Employee id, 0 for "any available", or null when not given. */
	employee: number | null;
	/** YYYY-MM-DD, or null when not given or not a real date. */
	date: string | null;
}

/** The key of the confirm link's fragment (`#appointease_confirm=<id>.<token>`). */
export const CONFIRM_FRAGMENT_KEY = 'appointease_confirm';

/** The confirm link from the "confirm your booking" email. */
export interface ConfirmLink {
	id: number;
	token: string;
}

/**
 * The confirm link in a URL fragment, if there is a valid one. The token
 * travels in the fragment, which browsers never send to a server.
 *
 * @param hash `location.hash`.
 */
export function readConfirmLink( hash: string ): ConfirmLink | null {
	const params = new URLSearchParams( hash.replace( /^#/, '' ) );
	const match = /^(\d{1,10})\.([A-Za-z0-9]{1,128})$/.exec(
		params.get( CONFIRM_FRAGMENT_KEY ) ?? ''
	);
	if ( ! match || toId( match[ 1 ] ) === 0 ) {
		return null;
	}
	return { id: toId( match[ 1 ] ), token: match[ 2 ] ?? '' };
}

export interface ManageLink {
	id: number;
	token: string;
}

/**
 * The deep link in a query string, if it names a service.
 *
 * @param search `location.search`.
 */
export function readDeepLink( search: string ): DeepLink | null {
	const params = new URLSearchParams( search );
	const service = toId( params.get( 'service' ) ?? '' );
	if ( service === 0 ) {
		return null;
	}
	const employeeParam = params.get( 'employee' );
	const date = params.get( 'date' );
	return {
		service,
		employee: employeeParam === null ? null : toId( employeeParam ),
		date: date !== null && parseDate( date ) ? date : null,
	};
}

/** What a manage token looks like; anything else is ignored. */
const TOKEN_SHAPE = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * The booking id of a manage link in a query string, or 0.
 *
 * @param search `location.search`.
 */
export function readManageId( search: string ): number {
	return toId( new URLSearchParams( search ).get( MANAGE_ID_PARAM ) ?? '' );
}

/**
 * The token of a manage link: from the fragment, else (an older link) from
 * the query; '' when neither has a valid one.
 *
 * @param search `location.search`.
 * @param hash   `location.hash`.
 */
export function readManageToken( search: string, hash = '' ): string {
	const fromHash =
		new URLSearchParams( hash.replace( /^#/, '' ) ).get(
			MANAGE_TOKEN_PARAM
		) ?? '';
	if ( TOKEN_SHAPE.test( fromHash ) ) {
		return fromHash;
	}
	const fromQuery =
		new URLSearchParams( search ).get( MANAGE_TOKEN_PARAM ) ?? '';
	return TOKEN_SHAPE.test( fromQuery ) ? fromQuery : '';
}

/**
 * The manage link in a page address, if it names a booking; its token is ''
 * when the address holds none (the manage view then asks for the email's
 * link again).
 *
 * @param search `location.search`.
 * @param hash   `location.hash`.
 */
export function readManageLink( search: string, hash = '' ): ManageLink | null {
	const id = readManageId( search );
	return id === 0 ? null : { id, token: readManageToken( search, hash ) };
}

/**
 * The address without the manage token, in the query or the fragment; the
 * booking id stays, so a reload still opens the manage view.
 *
 * @param href The page's URL.
 */
export function withoutManageToken( href: string ): string {
	const url = new URL( href );
	url.searchParams.delete( MANAGE_TOKEN_PARAM );
	const hash = new URLSearchParams( url.hash.replace( /^#/, '' ) );
	if ( hash.has( MANAGE_TOKEN_PARAM ) ) {
		hash.delete( MANAGE_TOKEN_PARAM );
		const rest = hash.toString();
		url.hash = rest === '' ? '' : `#${ rest }`;
	}
	return url.toString();
}

/**
 * The URL of this page without the app's own arguments.
 *
 * @param href The page's URL.
 */
export function pageUrl( href: string ): URL {
	const url = new URL( href );
	for ( const name of OWN_PARAMS ) {
		url.searchParams.delete( name );
	}
	url.hash = '';
	return url;
}

/**
 * The manage link of a booking on this page, with the token in the
 * fragment, which no server and no Referer sees.
 *
 * @param href  The page's URL.
 * @param id    Booking id.
 * @param token Manage token.
 */
export function buildManageUrl(
	href: string,
	id: number,
	token: string
): string {
	const url = pageUrl( href );
	url.searchParams.set( MANAGE_ID_PARAM, String( id ) );
	url.hash = new URLSearchParams( {
		[ MANAGE_TOKEN_PARAM ]: token,
	} ).toString();
	return url.toString();
}

/**
 * The step named in a query string, or null.
 *
 * @param search `location.search`.
 */
export function readStep( search: string ): StepId | null {
	const step = new URLSearchParams( search ).get( STEP_PARAM ) ?? '';
	return isStep( step ) ? step : null;
}

/** Where the visitor is in the flow, as its URL says it. */
export interface FlowPlace {
	step: StepId;
	/** 0: not chosen (or preselected by the block). */
	service: number;
	/** 0: any available. */
	employee: number;
	/** YYYY-MM-DD, or null. */
	date: string | null;
}

/**
 * The page's URL for a place in the flow: the deep link's own parameters
 * (`?service=&employee=&date=`), so a reload or a shared link opens the
 * same choice, and the step, so Back and Forward move between steps. The
 * page's other parameters and fragment stay.
 *
 * @param href  The page's URL.
 * @param place Where the visitor is.
 */
export function flowUrl( href: string, place: FlowPlace ): string {
	const url = new URL( href );
	for ( const name of [ 'service', 'employee', 'date', STEP_PARAM ] ) {
		url.searchParams.delete( name );
	}
	if ( place.service > 0 ) {
		url.searchParams.set( 'service', String( place.service ) );
		if ( place.employee > 0 ) {
			url.searchParams.set( 'employee', String( place.employee ) );
		}
		if ( place.date ) {
			url.searchParams.set( 'date', place.date );
		}
	}
	if ( place.step !== 'choose' ) {
		url.searchParams.set( STEP_PARAM, place.step );
	}
	return url.toString();
}
