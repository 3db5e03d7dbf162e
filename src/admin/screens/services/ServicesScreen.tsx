/**
 * Services: the list, and a form to add or change one.
 */

/**
 * WordPress dependencies
 */
import { Button, Spinner } from '@wordpress/components';
import { Fragment, useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { deleteService, listServices } from '../../../shared/api';
import { formatPrice } from '../../../shared/money';
import { ConfirmModal } from '../../components/ConfirmModal';
import { RowActions } from '../../components/RowActions';
import { Notices } from '../../components/Notices';
import { useNotices } from '../../hooks/useNotices';
import { useRowDeletion } from '../../hooks/useRowDeletion';
import type { Service } from '../../../shared/types';
import { BookingFormPanel } from '../settings/BookingFormPanel';
import { ServiceForm } from './ServiceForm';

/** Which form is open: none, a new service, or one service. */
type Editing = null | 'new' | Service;

/**
 * The screen.
 *
 * @param props          Component props.
 * @param props.currency The prices' ISO 4217 code, or "".
 * @param props.locale   BCP 47 tag of the admin's language.
 */
export function ServicesScreen( {
	currency,
	locale,
}: {
	currency: string;
	locale: string;
} ) {
	const notices = useNotices();
	const [ services, setServices ] = useState< Service[] | null >( null );
	const [ editing, setEditing ] = useState< Editing >( null );
	const { failure } = notices;

	const load = useCallback( async () => {
		try {
			setServices( await listServices() );
		} catch ( error ) {
			setServices( [] );
			failure(
				__( 'The services could not be loaded.', 'appointease' ),
				error
			);
		}
	}, [ failure ] );

	useEffect( () => {
		load();
	}, [ load ] );

	const deletion = useRowDeletion< Service >( {
		send: deleteService,
		reload: load,
		notices,
		deletedText: ( row ) =>
			sprintf(
				/* translators: %s: service name. */
				__( 'Service "%s" deleted.', 'appointease' ),
				row.name
			),
		notDeletedText: ( row ) =>
			sprintf(
				/* translators: %s: service name. */
				__( 'Service "%s" was not deleted.', 'appointease' ),
				row.name
			),
	} );

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			{ editing !== null ? (
				<Fragment>
					<ServiceForm
						service={ editing === 'new' ? null : editing }
						notices={ notices }
						onSaved={ () => {
							setEditing( null );
							load();
						} }
						onClose={ () => setEditing( null ) }
					/>
					{ editing !== 'new' && (
						<BookingFormPanel service={ editing } />
					) }
				</Fragment>
			) : (
				<Fragment>
					<div className="appointease-admin__toolbar">
						<Button
							__next40pxDefaultSize
							variant="primary"
							onClick={ () => setEditing( 'new' ) }
						>
							{ __( 'Add service', 'appointease' ) }
						</Button>
					</div>
					{ services === null ? (
						<Spinner />
					) : (
						<ServicesTable
							services={ services }
							currency={ currency }
							locale={ locale }
							onEdit={ setEditing }
							onDelete={ deletion.ask }
						/>
					) }
				</Fragment>
			) }
			{ deletion.row && (
				<ConfirmModal
					title={ __( 'Delete this service?', 'appointease' ) }
					confirmLabel={ __( 'Delete service', 'appointease' ) }
					destructive
					busy={ deletion.busy }
					onConfirm={ deletion.confirm }
					onCancel={ deletion.cancel }
				>
					{ sprintf(
						/* translators: %s: service name. */
						__(
							'"%s" will be removed. A service that bookings name cannot be deleted; deactivate it instead.',
							'appointease'
						),
						deletion.row.name
					) }
				</ConfirmModal>
			) }
		</div>
	);
}

interface TableProps {
	services: Service[];
	/** The prices' ISO 4217 code, or "". */
	currency: string;
	/** BCP 47 tag of the admin's language. */
	locale: string;
	onEdit: ( service: Service ) => void;
	onDelete: ( service: Service ) => void;
}

function minutes( value: number ): string {
	/* translators: %d: a number of minutes. */
	return sprintf( __( '%d min', 'appointease' ), value );
}

function ServicesTable( {
	services,
	currency,
	locale,
	onEdit,
	onDelete,
}: TableProps ) {
	if ( services.length === 0 ) {
		return (
			<p>
				{ __( 'No services yet. Add the first one.', 'appointease' ) }
			</p>
		);
	}
	return (
		<table className="wp-list-table widefat striped appointease-admin__table">
			<caption className="screen-reader-text">
				{ __( 'Services', 'appointease' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Name', 'appointease' ) }</th>
					<th scope="col">{ __( 'Duration', 'appointease' ) }</th>
					<th scope="col">
						{ __( 'Buffers (before / after)', 'appointease' ) }
					</th>
					<th scope="col">{ __( 'Capacity', 'appointease' ) }</th>
					<th scope="col">{ __( 'Price', 'appointease' ) }</th>
					<th scope="col">{ __( 'Status', 'appointease' ) }</th>
					<th scope="col">{ __( 'Actions', 'appointease' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ services.map( ( service ) => (
					<tr key={ service.id }>
						<th scope="row">{ service.name }</th>
						<td>{ minutes( service.duration ) }</td>
						<td>
							{ minutes( service.buffer_before ) } /{ ' ' }
							{ minutes( service.buffer_after ) }
						</td>
						<td>{ service.capacity }</td>
						<td>
							{ service.price === null
								? '—'
								: formatPrice(
										service.price,
										currency,
										locale
									) }
						</td>
						<td>
							{ service.active
								? __( 'Active', 'appointease' )
								: __( 'Inactive', 'appointease' ) }
						</td>
						<RowActions
							name={ service.name }
							onEdit={ () => onEdit( service ) }
							onDelete={ () => onDelete( service ) }
						/>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
