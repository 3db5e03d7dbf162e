/**
 * Which booking the screen shows, kept in the address as `&booking=<id>`,
 * so that a link in an email or a bookmark opens it and the browser's Back
 * returns to the list or calendar it was opened from.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

const PARAM = 'booking';

/**
 * The address of a booking's view on the current wp-admin page.
 *
 * @param id   The booking.
 * @param href The page's address; the current one by default.
 */
export function bookingLink(
	id: number,
	href: string = window.location.href
): string {
	const url = new URL( href );
	url.searchParams.set( PARAM, String( id ) );
	return url.toString();
}

/**
 * The booking id in an address, or null.
 *
 * @param href An address.
 */
export function bookingInLink( href: string ): number | null {
	const value = new URL( href ).searchParams.get( PARAM ) ?? '';
	return /^[1-9]\d*$/.test( value ) ? Number( value ) : null;
}

export interface BookingLink {
	/** The booking shown, or null for the list or calendar. */
	openId: number | null;
	/** Shows a booking, as a new step of the browser's history. */
	open: ( id: number ) => void;
	/** Back to the list or calendar. */
	close: () => void;
}

export function useBookingLink(): BookingLink {
	const [ openId, setOpenId ] = useState( () =>
		bookingInLink( window.location.href )
	);
	// Whether the view was opened on this page (Back then leaves it), not
	// reached by a link from outside (closing then just drops the parameter).
	const [ pushed, setPushed ] = useState( false );

	useEffect( () => {
		const follow = () => {
			setOpenId( bookingInLink( window.location.href ) );
			setPushed( false );
		};
		window.addEventListener( 'popstate', follow );
		return () => window.removeEventListener( 'popstate', follow );
	}, [] );

	const open = useCallback( ( id: number ) => {
		window.history.pushState( null, '', bookingLink( id ) );
		setOpenId( id );
		setPushed( true );
	}, [] );

	const close = useCallback( () => {
		if ( pushed ) {
			window.history.back();
			return;
		}
		const url = new URL( window.location.href );
		url.searchParams.delete( PARAM );
		window.history.replaceState( null, '', url.toString() );
		setOpenId( null );
	}, [ pushed ] );

	return { openId, open, close };
}
