/**
 * Takes the manage link's token off the address bar and keeps it for the
 * tab. The address bar ends up in the history, in bookmarks, in screenshots
 * and in whatever a visitor copies; the token belongs in none of them. So on
 * load the page reads the token (fragment, or the query of an older link),
 * replaces the address with one that keeps only the booking id
 * (`history.replaceState`, no new history entry), and keeps the token in
 * sessionStorage, which lives as long as the tab: a reload finds the id in
 * the address and the token in storage.
 */

/**
 * Internal dependencies
 */
import { readManageLink, withoutManageToken, type ManageLink } from './url';

/**
 * The sessionStorage key of a booking's token.
 *
 * @param id Booking id.
 */
export function storageKey( id: number ): string {
	return `appointease_token_${ id }`;
}

/** What this module needs of `window`; tests pass their own. */
export interface ManageWindow {
	location: Pick< Location, 'href' | 'search' | 'hash' >;
	history: Pick< History, 'replaceState' | 'state' >;
	sessionStorage?: Pick< Storage, 'getItem' | 'setItem' >;
}

/**
 * The manage link of this page, if it opens a booking: the token from the
 * address (kept for the tab, then removed from the address) or, after a
 * reload, from the tab's storage. In another tab the token is '' and the
 * manage view asks for the email's link again.
 *
 * @param win The window.
 */
export function takeManageLink(
	win: ManageWindow = window
): ManageLink | null {
	const { location, history } = win;
	const link = readManageLink( location.search, location.hash );
	if ( ! link ) {
		return null;
	}
	const { id, token: fromAddress } = link;
	const storage = sessionStorageOf( win );
	const clean = withoutManageToken( location.href );
	if ( clean !== location.href ) {
		history.replaceState( history.state, '', clean );
	}
	if ( fromAddress !== '' ) {
		try {
			storage?.setItem( storageKey( id ), fromAddress );
		} catch {
			// Storage full or refused: the link works until the tab reloads.
		}
		return { id, token: fromAddress };
	}
	let stored: string | null = null;
	try {
		stored = storage?.getItem( storageKey( id ) ) ?? null;
	} catch {
		stored = null;
	}
	return { id, token: stored ?? '' };
}

/**
 * The window's sessionStorage, or null where reading it throws (storage
 * switched off for the site).
 *
 * @param win The window.
 */
function sessionStorageOf(
	win: ManageWindow
): Pick< Storage, 'getItem' | 'setItem' > | null {
	try {
		return win.sessionStorage ?? null;
	} catch {
		return null;
	}
}
