/**
 * The front-end booking app: one per `.appointease-booking` element. It
 * shows the booking flow, the manage view when the page was opened with
 * the manage link from a booking email, or the confirm view when it was
 * opened with the link of a "confirm your booking" email.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BookingApi } from '../../../shared/api';
import { createBookingStore } from '../../../shared/store';
import { BookingStoreProvider } from '../../../shared/store-context';
import type { BlockSettings } from '../../../shared/types';
import { takeManageLink } from '../../../shared/manage-token';
import {
	readConfirmLink,
	readDeepLink,
	readManageLink,
	type ConfirmLink,
} from '../../../shared/url';
import { BookingFlow } from './BookingFlow';
import { ConfirmView } from './ConfirmView';
import { ManageView } from './ManageView';

let instanceCount = 0;

/**
 * A page-unique id prefix for one app instance (React 17 has no useId).
 */
function useInstanceId(): string {
	const [ id ] = useState( () => {
		instanceCount += 1;
		return `appointease-booking-${ instanceCount }`;
	} );
	return id;
}

interface BookingAppProps {
	settings: BlockSettings;
	/** The REST client; tests pass a fake. */
	api?: BookingApi;
	/** The page's query string (`location.search` by default). */
	search?: string;
	/** The page's fragment (`location.hash` by default). */
	hash?: string;
}

/**
 * The confirm link in the page's fragment, taken out of the address bar
 * (history, bookmarks, a copied URL) as soon as it is read.
 *
 * @param hash The fragment given to the app, or undefined for the page's own.
 */
function takeConfirmLink( hash: string | undefined ): ConfirmLink | null {
	const link = readConfirmLink( hash ?? window.location.hash );
	if ( link && hash === undefined && window.history?.replaceState ) {
		const url = new URL( window.location.href );
		url.hash = '';
		window.history.replaceState( window.history.state, '', url.toString() );
	}
	return link;
}

/**
 * The booking app with its own store.
 *
 * @param props          Component props.
 * @param props.settings The settings from the container's data attribute.
 * @param props.api      The REST client.
 * @param props.search   The page's query string.
 * @param props.hash     The page's fragment.
 */
export function BookingApp( { settings, api, search, hash }: BookingAppProps ) {
	const id = useInstanceId();
	// One store per app, created once; settings come from server-rendered
	// markup and the URL, which do not change while the page is open.
	const [ { store, deepLink, confirm } ] = useState( () => {
		const query = search ?? window.location.search;
		return {
			confirm: takeConfirmLink( hash ),
			store: createBookingStore( settings, {
				api,
				// The real page takes the token off its address bar.
				manage:
					search === undefined
						? takeManageLink()
						: readManageLink( search ),
			} ),
			deepLink: readDeepLink( query ),
		};
	} );
	const managing = store.getState().manage !== null;

	// A confirm link opened in a tab that shows the booking page already
	// changes only the fragment, which loads nothing: start over with it.
	useEffect( () => {
		if ( hash !== undefined ) {
			return undefined;
		}
		const onHashChange = () => {
			if ( readConfirmLink( window.location.hash ) ) {
				window.location.reload();
			}
		};
		window.addEventListener( 'hashchange', onHashChange );
		return () => window.removeEventListener( 'hashchange', onHashChange );
	}, [ hash ] );
	let title: string = __( 'Book an appointment', 'appointease' );
	if ( confirm ) {
		title = __( 'Confirm your booking', 'appointease' );
	} else if ( managing ) {
		title = __( 'Manage your appointment', 'appointease' );
	}

	const headingId = `${ id }-heading`;
	const booking = ! confirm && ! managing;
	const style: CSSProperties | undefined = settings.accentColor
		? ( {
				'--appointease-accent': settings.accentColor,
			} as CSSProperties )
		: undefined;

	return (
		<BookingStoreProvider store={ store }>
			<section
				className="appointease-app"
				aria-labelledby={ headingId }
				style={ style }
			>
				{ /* The booking flow's name is for assistive technology only: the
				   page's own title says it already ("Book an appointment"),
				   and the step heading follows. */ }
				<h2
					id={ headingId }
					className={
						booking
							? 'appointease-visually-hidden'
							: 'appointease-app__title'
					}
				>
					{ title }
				</h2>
				{ confirm && <ConfirmView link={ confirm } /> }
				{ ! confirm && managing && <ManageView id={ id } /> }
				{ booking && (
					<BookingFlow
						id={ id }
						deepLink={ deepLink }
						history={ search === undefined }
					/>
				) }
			</section>
		</BookingStoreProvider>
	);
}
