/**
 * Deleting one row of a list (a service, an employee) after the admin's yes:
 * which row waits for the answer, whether the delete is under way, and a
 * notice saying whether it worked.
 */

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { Notices } from './useNotices';

interface Options< Row > {
	/** Deletes the row on the server. */
	send: ( id: number ) => Promise< unknown >;
	/** Reads the list again after a delete. */
	reload: () => unknown;
	notices: Notices;
	/** The notice when the row was deleted. */
	deletedText: ( row: Row ) => string;
	/** The notice when it was not (the server's reason follows). */
	notDeletedText: ( row: Row ) => string;
}

export interface RowDeletion< Row > {
	/** The row waiting for the admin's yes, or null. */
	row: Row | null;
	ask: ( row: Row ) => void;
	cancel: () => void;
	busy: boolean;
	confirm: () => Promise< void >;
}

export function useRowDeletion< Row extends { id: number } >( {
	send,
	reload,
	notices,
	deletedText,
	notDeletedText,
}: Options< Row > ): RowDeletion< Row > {
	const [ row, setRow ] = useState< Row | null >( null );
	const [ busy, setBusy ] = useState( false );

	const confirm = async () => {
		if ( ! row ) {
			return;
		}
		setBusy( true );
		try {
			await send( row.id );
			notices.success( deletedText( row ) );
			await reload();
		} catch ( error ) {
			notices.failure( notDeletedText( row ), error );
		} finally {
			setBusy( false );
			setRow( null );
		}
	};

	return { row, ask: setRow, cancel: () => setRow( null ), busy, confirm };
}
