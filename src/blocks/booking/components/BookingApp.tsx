/**
 * The front-end booking app: one per `.appointease-booking` element. It
 * shows the booking flow, or the manage view when the page was opened with
 * the manage link from a booking email.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BookingApi } from '../../../shared/api';
import { createBookingStore } from '../../../shared/store';
import { BookingStoreProvider } from '../../../shared/store-context';
import type { BlockSettings } from '../../../shared/types';
import { takeManageLink } from '../../../shared/manage-token';
import { readDeepLink, readManageLink } from '../../../shared/url';
import { BookingFlow } from './BookingFlow';
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
}

/**
 * The booking app with its own store.
 *
 * @param props          Component props.
 * @param props.settings The settings from the container's data attribute.
 * @param props.api      The REST client.
 * @param props.search   The page's query string.
 */
export function BookingApp( { settings, api, search }: BookingAppProps ) {
	const id = useInstanceId();
	// One store per app, created once; settings come from server-rendered
	// markup and the URL, which do not change while the page is open.
	const [ { store, deepLink } ] = useState( () => {
		const query = search ?? window.location.search;
		return {
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

	const headingId = `${ id }-heading`;
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
				<h2 id={ headingId } className="appointease-app__title">
					{ managing
						? __( 'Manage your appointment', 'appointease' )
						: __( 'Book an appointment', 'appointease' ) }
				</h2>
				{ managing ? (
					<ManageView id={ id } />
				) : (
					<BookingFlow id={ id } deepLink={ deepLink } />
				) }
			</section>
		</BookingStoreProvider>
	);
}
