/**
 * The result messages of one screen: every action says whether it worked,
 * and a failure says why (the server's message and reason code).
 */

/**
 * WordPress dependencies
 */
import { useCallback, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { failureText, toFailure, type Failure } from '../lib/errors';

export interface NoticeItem {
	id: number;
	status: 'success' | 'error' | 'warning' | 'info';
	text: string;
}

/** How many messages stay on screen; older ones give way. */
const KEEP = 3;

export interface Notices {
	notices: NoticeItem[];
	/** Shows that something worked. */
	success: ( text: string ) => void;
	/**
	 * Shows that something failed and why; resolves to the failure, so a
	 * form can mark the fields at fault.
	 */
	failure: ( action: string, error: unknown ) => Promise< Failure >;
	remove: ( id: number ) => void;
}

export function useNotices(): Notices {
	const [ notices, setNotices ] = useState< NoticeItem[] >( [] );
	const nextId = useRef( 1 );

	const add = useCallback(
		( status: NoticeItem[ 'status' ], text: string ) => {
			const id = nextId.current++;
			setNotices( ( current ) =>
				[ { id, status, text }, ...current ].slice( 0, KEEP )
			);
		},
		[]
	);

	const success = useCallback(
		( text: string ) => add( 'success', text ),
		[ add ]
	);

	const failure = useCallback(
		async ( action: string, error: unknown ) => {
			const found = await toFailure( error );
			add( 'error', failureText( action, found ) );
			return found;
		},
		[ add ]
	);

	const remove = useCallback( ( id: number ) => {
		setNotices( ( current ) =>
			current.filter( ( notice ) => notice.id !== id )
		);
	}, [] );

	return { notices, success, failure, remove };
}
