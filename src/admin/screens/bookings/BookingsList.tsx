/**
 * The bookings list: filters, one page of bookings, and paging. Given
 * `today`, it opens on the upcoming bookings (from today, soonest first,
 * cancelled, rejected and expired ones hidden) with a Today view and quick
 * status filters with counts; given `userId`, a column picker. The admin
 * screen adds bulk actions and the CSV export. Admins and employees (My
 * bookings) use this one list; the server narrows an employee's bookings
 * and counts to their own.
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
import {
	bookingCounts,
	exportUrl,
	listBookings,
	type BookingCounts,
	type BookingFilters,
	type BookingPage,
} from '../../../shared/api';
import { HStack } from '../../components/Stack';
import { statusLabel } from '../../lib/bookings';
import { BOOKING_STATUSES } from '../../../shared/types';
import { ColumnPicker, useHiddenColumns } from './ColumnPicker';
import type { Notices } from '../../hooks/useNotices';
import type { BookingAction } from '../../lib/bookings';
import { toFailure } from '../../lib/errors';
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
	/** Opens a booking's view (the customer's name links to it). */
	onView?: ( booking: Booking ) => void;
	/** Today, YYYY-MM-DD: the list then opens on the upcoming bookings and has a Today view and status counts. */
	today?: string;
	/** Whose column choice to remember: the list then has a column picker. */
	userId?: number;
	/** What only admins get: bulk actions and the export. */
	admin?: {
		/** The CSV download's address with its nonce. */
		exportUrl: string;
		/** Runs an action on several bookings (one request, and one email, each). */
		onBulk: ( bookings: Booking[], action: 'approve' | 'cancel' ) => void;
	};
}

/**
 * The filters the list opens with: from today, soonest first, closed ones hidden.
 *
 * @param today YYYY-MM-DD.
 */
export function upcomingFilters( today: string ): BookingFilters {
	return {
		...NO_FILTERS,
		from: today,
		order: 'asc',
		hideClosed: true,
	};
}

export function BookingsList( {
	employees,
	services,
	notices,
	version,
	onAction,
	only,
	onView,
	today,
	userId,
	admin,
}: Props ) {
	const opening = today ? upcomingFilters( today ) : NO_FILTERS;
	const [ filters, setFilters ] = useState< BookingFilters >( opening );
	const [ counts, setCounts ] = useState< BookingCounts | null >( null );
	const [ selected, setSelected ] = useState< number[] >( [] );
	const [ hidden, setHidden ] = useHiddenColumns( userId ?? 0 );
	const withCounts = today !== undefined;
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

	const { employee, service, status, from, to, order, hideClosed } = filters;
	useEffect( () => {
		let current = true;
		setLoading( true );
		setSelected( [] );
		const sent = {
			employee,
			service,
			status,
			from,
			to,
			search,
			order,
			hideClosed,
		};
		if ( withCounts ) {
			bookingCounts( sent )
				.then( ( answer ) => current && setCounts( answer ) )
				.catch( () => current && setCounts( null ) );
		}
		listBookings( sent, page, PER_PAGE )
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
		order,
		hideClosed,
		page,
		version,
		failure,
		withCounts,
	] );

	const changeFilters = ( next: BookingFilters ) => {
		setFilters( next );
		setPage( 1 );
	};

	const pages = Math.max( 1, result?.totalPages ?? 1 );
	const isToday = today !== undefined && from === today && to === today;
	const listed = counts
		? BOOKING_STATUSES.filter(
				( item ) =>
					! filters.hideClosed ||
					! [ 'cancelled', 'rejected', 'expired' ].includes( item )
			).reduce( ( sum, item ) => sum + counts[ item ], 0 )
		: 0;
	const allLabel = filters.hideClosed
		? sprintf(
				/* translators: %d: number of bookings that are not cancelled, rejected or expired. */
				__( 'Open (%d)', 'appointease' ),
				listed
			)
		: sprintf(
				/* translators: %d: number of bookings. */
				__( 'All (%d)', 'appointease' ),
				listed
			);
	const chosen = ( result?.items ?? [] ).filter( ( booking ) =>
		selected.includes( booking.id )
	);

	return (
		<Fragment>
			{ today && (
				<HStack spacing={ 2 } justify="flex-start" wrap>
					<Button
						__next40pxDefaultSize
						variant={
							! isToday && from === today
								? 'primary'
								: 'secondary'
						}
						aria-pressed={ ! isToday && from === today }
						onClick={ () =>
							changeFilters( upcomingFilters( today ) )
						}
					>
						{ __( 'Upcoming', 'appointease' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant={ isToday ? 'primary' : 'secondary' }
						aria-pressed={ isToday }
						onClick={ () =>
							changeFilters( {
								...upcomingFilters( today ),
								to: today,
							} )
						}
					>
						{ __( 'Today', 'appointease' ) }
					</Button>
					{ admin && (
						<Button
							__next40pxDefaultSize
							variant="secondary"
							href={ exportUrl( admin.exportUrl, {
								...filters,
								search,
							} ) }
						>
							{ __( 'Export CSV', 'appointease' ) }
						</Button>
					) }
					{ userId !== undefined && (
						<ColumnPicker
							hidden={ hidden }
							onChange={ setHidden }
						/>
					) }
				</HStack>
			) }
			<BookingFiltersBar
				filters={ filters }
				employees={ employees }
				services={ services }
				onChange={ changeFilters }
			/>
			{ counts && (
				<ul
					className="subsubsub appointease-admin__status-filters"
					aria-label={ __(
						'Show bookings by status',
						'appointease'
					) }
				>
					<li>
						<Button
							variant="link"
							aria-pressed={ status === '' }
							onClick={ () =>
								changeFilters( { ...filters, status: '' } )
							}
						>
							{ allLabel }
						</Button>
					</li>
					{ BOOKING_STATUSES.filter(
						( item ) => counts[ item ] > 0
					).map( ( item ) => (
						<li key={ item }>
							{ ' | ' }
							<Button
								variant="link"
								aria-pressed={ status === item }
								onClick={ () =>
									changeFilters( {
										...filters,
										status: item,
									} )
								}
							>
								{ sprintf(
									/* translators: 1: a status such as "Pending", 2: number of bookings. */
									__( '%1$s (%2$d)', 'appointease' ),
									statusLabel( item ),
									counts[ item ]
								) }
							</Button>
						</li>
					) ) }
				</ul>
			) }
			{ admin && chosen.length > 0 && (
				<HStack
					spacing={ 2 }
					justify="flex-start"
					className="appointease-admin__bulk"
				>
					<span>
						{ sprintf(
							/* translators: %d: number of bookings. */
							_n(
								'%d selected',
								'%d selected',
								chosen.length,
								'appointease'
							),
							chosen.length
						) }
					</span>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => admin.onBulk( chosen, 'approve' ) }
					>
						{ __( 'Approve selected', 'appointease' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isDestructive
						onClick={ () => admin.onBulk( chosen, 'cancel' ) }
					>
						{ __( 'Cancel selected', 'appointease' ) }
					</Button>
				</HStack>
			) }
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
					onView={ onView }
					hidden={ hidden }
					selection={
						admin
							? {
									selected,
									onChange: setSelected,
								}
							: undefined
					}
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
