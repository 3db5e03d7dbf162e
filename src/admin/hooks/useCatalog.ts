/**
 * Services and employees (inactive ones too), which several screens need to
 * show names for ids and to fill their pickers.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { listEmployees, listServices } from '../../shared/api';
import type { Employee, Service } from '../../shared/types';

export interface Catalog {
	services: Service[];
	employees: Employee[];
	loading: boolean;
	/** What the last load failed with, or null. */
	error: unknown;
	reload: () => Promise< void >;
}

export function useCatalog(): Catalog {
	const [ services, setServices ] = useState< Service[] >( [] );
	const [ employees, setEmployees ] = useState< Employee[] >( [] );
	const [ loading, setLoading ] = useState( true );
	const [ error, setError ] = useState< unknown >( null );

	const reload = useCallback( async () => {
		setLoading( true );
		try {
			const [ loadedServices, loadedEmployees ] = await Promise.all( [
				listServices(),
				listEmployees(),
			] );
			setServices( loadedServices );
			setEmployees( loadedEmployees );
			setError( null );
		} catch ( failure ) {
			setError( failure );
		} finally {
			setLoading( false );
		}
	}, [] );

	useEffect( () => {
		reload();
	}, [ reload ] );

	return { services, employees, loading, error, reload };
}

/**
 * The name of the row with an id, or "#id" when it is not (or no longer) there.
 *
 * @param rows Services or employees.
 * @param id   The id.
 */
export function nameOf(
	rows: ReadonlyArray< { id: number; name: string } >,
	id: number
): string {
	return rows.find( ( row ) => row.id === id )?.name ?? `#${ id }`;
}
