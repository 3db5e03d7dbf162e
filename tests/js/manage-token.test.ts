/**
 * The manage link's token leaves the address bar on load and stays for the
 * tab, so a reload still opens the booking.
 */

/**
 * Internal dependencies
 */
import {
	storageKey,
	takeManageLink,
	type ManageWindow,
} from '../../src/shared/manage-token';

function fakeWindow( href: string, stored: Record< string, string > = {} ) {
	const url = new URL( href );
	const storage = new Map( Object.entries( stored ) );
	const replaceState = jest.fn(
		( _state: unknown, _title: string, next?: string | URL | null ) => {
			const moved = new URL( String( next ), url );
			win.location = {
				href: moved.href,
				search: moved.search,
				hash: moved.hash,
			};
		}
	);
	const win: ManageWindow & { storage: Map< string, string > } = {
		location: { href: url.href, search: url.search, hash: url.hash },
		history: { replaceState, state: { step: 'x' } },
		sessionStorage: {
			getItem: ( key ) => storage.get( key ) ?? null,
			setItem: ( key, value ) => void storage.set( key, value ),
		},
		storage,
	};
	return win;
}

describe( 'takeManageLink', () => {
	it( 'takes the token off the fragment, keeps it for the tab, and a reload finds it', () => {
		const win = fakeWindow(
			'https://example.com/book/?appointease_booking=5#appointease_token=abc_123'
		);
		expect( takeManageLink( win ) ).toEqual( { id: 5, token: 'abc_123' } );
		expect( win.location.href ).toBe(
			'https://example.com/book/?appointease_booking=5'
		);
		expect( win.history.replaceState ).toHaveBeenCalledWith(
			{ step: 'x' },
			'',
			'https://example.com/book/?appointease_booking=5'
		);
		expect( win.storage.get( storageKey( 5 ) ) ).toBe( 'abc_123' );

		// The reload: the same tab, the cleaned address.
		const reloaded = fakeWindow( win.location.href, {
			[ storageKey( 5 ) ]: 'abc_123',
		} );
		expect( takeManageLink( reloaded ) ).toEqual( {
			id: 5,
			token: 'abc_123',
		} );
		expect( reloaded.history.replaceState ).not.toHaveBeenCalled();
	} );

	it( 'takes the token off the query of an older link', () => {
		const win = fakeWindow(
			'https://example.com/book/?lang=de&appointease_booking=5&appointease_token=old'
		);
		expect( takeManageLink( win ) ).toEqual( { id: 5, token: 'old' } );
		expect( win.location.href ).toBe(
			'https://example.com/book/?lang=de&appointease_booking=5'
		);
	} );

	it( 'opens the view without a token in a tab that never had one', () => {
		const win = fakeWindow(
			'https://example.com/book/?appointease_booking=5'
		);
		expect( takeManageLink( win ) ).toEqual( { id: 5, token: '' } );
	} );

	it( 'leaves a page without a manage link alone', () => {
		const win = fakeWindow( 'https://example.com/book/?service=2' );
		expect( takeManageLink( win ) ).toBeNull();
		expect( win.history.replaceState ).not.toHaveBeenCalled();
	} );

	it( 'still works when storage refuses', () => {
		const win = fakeWindow(
			'https://example.com/book/?appointease_booking=5#appointease_token=t'
		);
		win.sessionStorage = {
			getItem: () => {
				throw new Error( 'SecurityError' );
			},
			setItem: () => {
				throw new Error( 'QuotaExceededError' );
			},
		};
		expect( takeManageLink( win ) ).toEqual( { id: 5, token: 't' } );
		expect( win.location.href ).toBe(
			'https://example.com/book/?appointease_booking=5'
		);
	} );
} );
