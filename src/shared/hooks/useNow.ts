/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * The current time (ms), updated every `every` ms: for texts such as
 * "5 seconds ago" and for times that pass while the page is open.
 *
 * @param every Update interval, ms.
 */
export function useNow( every = 1000 ): number {
	const [ now, setNow ] = useState( () => Date.now() );
	useEffect( () => {
		const timer = setInterval( () => setNow( Date.now() ), every );
		return () => clearInterval( timer );
	}, [ every ] );
	return now;
}
