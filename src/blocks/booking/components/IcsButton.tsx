/**
 * "Add to my calendar (.ics)": fetches the booking's calendar file with the
 * manage token in a request header and saves it from a Blob. A plain link
 * would have to carry the token in its URL, where servers log it.
 */

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../../shared/messages';
import { useBookingStoreApi } from '../../../shared/store-context';

interface IcsButtonProps {
	/** Booking id. */
	id: number;
	/** Its manage token. */
	token: string;
}

/**
 * Saves a Blob under a file name through a temporary object URL.
 *
 * @param blob     The file.
 * @param fileName Its name.
 */
export function saveBlob( blob: Blob, fileName: string ): void {
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.appendChild( link );
	link.click();
	link.remove();
	// The download has started from the click; the URL is no longer needed.
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

/**
 * The button.
 *
 * @param props       Component props.
 * @param props.id    Booking id.
 * @param props.token Its manage token.
 */
export function IcsButton( { id, token }: IcsButtonProps ) {
	const store = useBookingStoreApi();
	const [ busy, setBusy ] = useState( false );

	const download = async () => {
		if ( busy ) {
			return;
		}
		setBusy( true );
		try {
			const blob = await store.getState().api.getIcs( id, token );
			saveBlob(
				new Blob( [ blob ], { type: 'text/calendar' } ),
				`appointment-${ id }.ics`
			);
		} catch ( error ) {
			store
				.getState()
				.showNotice( 'error', errorMessage( error, 'open-booking' ), {
					focus: true,
				} );
		} finally {
			setBusy( false );
		}
	};

	return (
		<button
			type="button"
			className="appointease-button is-secondary"
			aria-busy={ busy }
			onClick={ download }
		>
			{ __( 'Add to my calendar (.ics)', 'appointease' ) }
		</button>
	);
}
