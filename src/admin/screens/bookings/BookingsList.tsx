/**
 * The bookings list: filters, one page of bookings, and paging.
 */

/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import { Fragment, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { listBookings } from '../../../shared/api';
import type { Notices } from '../../hooks/useNotices';
import type { BookingAction } from '../../lib/bookings';
import { toFailure } from '../../lib/errors';
import type { BookingFilters, BookingPage } from '../../../shared/api';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { BookingFiltersBar, NO_FILTERS } from './BookingFiltersBar';
import { BookingsTable } from './BookingsTable';

export const PER_PAGE = 20;

/** Milliseconds a typed search waits before it asks the server. */
const SEARCH_DELAY = 400;

interface Props {
	employees: Employee[];
	services: Named[];
	notices: Notices;
	/** Changes whenever bookings changed, so the page is read again. */
	version: number;
	/** Offers the actions a booking allows; without it the bookings are read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Offer only these actions. */
	only?: BookingAction[];
}

export function BookingsList( {
	employees,
	services,
	notices,
	version,
	onAction,
	only,
}: Props ) {
	const [ filters, setFilters ] = useState< BookingFilters >( NO_FILTERS );
	// The search as sent, a moment after typing stops.
	const [ search, setSearch ] = useState( '' );
	const [ page, setPage ] = useState( 1 );
	const [ result, setResult ] = useState< BookingPage | null >( null );
	const [ loading, setLoading ] = useState( true );
	const { failure } = notices;

	useEffect( () => {
		const timer = setTimeout(
			() => setSearch( filters.search ),
			SEARCH_DELAY
		);
		return () => clearTimeout( timer );
	}, [ filters.search ] );

	const { employee, service, status, from, to } = filters;
	useEffect( () => {
		let current = true;
		setLoading( true );
		listBookings(
			{ employee, service, status, from, to, search },
			page,
			PER_PAGE
		)
			.then( ( found ) => {
				if ( current ) {
					setResult( found );
				}
			} )
			.catch( async ( error ) => {
				if ( ! current ) {
					return;
				}
				// The last page can empty out after an action: go to the first.
				if (
					page > 1 &&
					'page' in ( await toFailure( error ) ).params
				) {
					setPage( 1 );
					return;
				}
				setResult( { items: [], total: 0, totalPages: 0 } );
				failure(
					__( 'The bookings could not be loaded.', 'appointease' ),
					error
				);
			} )
			.finally( () => current && setLoading( false ) );
		return () => {
			current = false;
		};
	}, [
		employee,
		service,
		status,
		from,
		to,
		search,
		page,
		version,
		failure,
	] );

	const changeFilters = ( next: BookingFilters ) => {
		setFilters( next );
		setPage( 1 );
	};

	const pages = Math.max( 1, result?.totalPages ?? 1 );

	return (
		<Fragment>
			<BookingFiltersBar
				filters={ filters }
				employees={ employees }
				services={ services }
				onChange={ changeFilters }
			/>
			<p aria-live="polite" className="appointease-admin__count">
				{ loading && <Spinner /> }
				{ result &&
					sprintf(
						/* translators: %d: number of bookings. */
						_n(
							'%d booking',
							'%d bookings',
							result.total,
							'appointease'
						),
						result.total
					) }
			</p>
			{ result && result.items.length === 0 && ! loading && (
				<p>
					{ __( 'No bookings match these filters.', 'appointease' ) }
				</p>
			) }
			{ result && result.items.length > 0 && (
				<BookingsTable
					bookings={ result.items }
					employees={ employees }
					services={ services }
					onAction={ onAction }
					only={ only }
				/>
			) }
			<nav
				className="appointease-admin__pagination"
				aria-label={ __( 'Pages of bookings', 'appointease' ) }
			>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					disabled={ page <= 1 || loading }
					onClick={ () => setPage( page - 1 ) }
				>
					{ __( 'Previous page', 'appointease' ) }
				</Button>
				<span>
					{ sprintf(
						/* translators: 1: current page, 2: number of pages. */
						__( 'Page %1$d of %2$d', 'appointease' ),
						page,
						pages
					) }
				</span>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					disabled={ page >= pages || loading }
					onClick={ () => setPage( page + 1 ) }
				>
					{ __( 'Next page', 'appointease' ) }
				</Button>
			</nav>
		</Fragment>
	);
}
