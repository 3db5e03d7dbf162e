/**
 * Employees: the list, and a form to add or change one.
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
import { deleteEmployee } from '../../../shared/api';
import type { AdminConfig } from '../../config';
import { ConfirmModal } from '../../components/ConfirmModal';
import { RowActions } from '../../components/RowActions';
import { Notices } from '../../components/Notices';
import { nameOf, useCatalog } from '../../hooks/useCatalog';
import { useNotices } from '../../hooks/useNotices';
import { useRowDeletion } from '../../hooks/useRowDeletion';
import type { Employee, Service } from '../../../shared/types';
import { CalendarSyncPanel } from '../../components/CalendarSyncPanel';
import { EmployeeForm } from './EmployeeForm';

type Editing = null | 'new' | Employee;

export function EmployeesScreen( { config }: { config: AdminConfig } ) {
	const notices = useNotices();
	const { failure } = notices;
	const catalog = useCatalog();
	const [ editing, setEditing ] = useState< Editing >( null );

	useEffect( () => {
		if ( catalog.error ) {
			failure(
				__( 'The employees could not be loaded.', 'appointease' ),
				catalog.error
			);
		}
	}, [ catalog.error, failure ] );

	const deletion = useRowDeletion< Employee >( {
		send: deleteEmployee,
		reload: catalog.reload,
		notices,
		deletedText: ( row ) =>
			sprintf(
				/* translators: %s: employee name. */
				__( 'Employee "%s" deleted.', 'appointease' ),
				row.name
			),
		notDeletedText: ( row ) =>
			sprintf(
				/* translators: %s: employee name. */
				__( 'Employee "%s" was not deleted.', 'appointease' ),
				row.name
			),
	} );

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			{ editing !== null ? (
				<Fragment>
					<EmployeeForm
						employee={ editing === 'new' ? null : editing }
						services={ catalog.services }
						timezones={ config.timezones }
						canListUsers={ config.canListUsers }
						today={ config.today }
						notices={ notices }
						onSaved={ () => {
							setEditing( null );
							catalog.reload();
						} }
						onClose={ () => setEditing( null ) }
					/>
					{ editing !== 'new' && (
						<CalendarSyncPanel
							employeeId={ editing.id }
							notices={ notices }
						/>
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
							{ __( 'Add employee', 'appointease' ) }
						</Button>
					</div>
					{ catalog.loading && catalog.employees.length === 0 ? (
						<Spinner />
					) : (
						<EmployeesTable
							employees={ catalog.employees }
							services={ catalog.services }
							onEdit={ setEditing }
							onDelete={ deletion.ask }
						/>
					) }
				</Fragment>
			) }
			{ deletion.row && (
				<ConfirmModal
					title={ __( 'Delete this employee?', 'appointease' ) }
					confirmLabel={ __( 'Delete employee', 'appointease' ) }
					destructive
					busy={ deletion.busy }
					onConfirm={ deletion.confirm }
					onCancel={ deletion.cancel }
				>
					{ sprintf(
						/* translators: %s: employee name. */
						__(
							'"%s" will be removed. An employee that bookings name cannot be deleted; deactivate them instead.',
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
	employees: Employee[];
	services: Service[];
	onEdit: ( employee: Employee ) => void;
	onDelete: ( employee: Employee ) => void;
}

function workingDays( employee: Employee ): string {
	const days = new Set( employee.hours.map( ( range ) => range.weekday ) )
		.size;
	return days === 0
		? __( 'No hours set', 'appointease' )
		: sprintf(
				/* translators: %d: number of days. */
				_n( '%d day a week', '%d days a week', days, 'appointease' ),
				days
			);
}

function EmployeesTable( {
	employees,
	services,
	onEdit,
	onDelete,
}: TableProps ) {
	if ( employees.length === 0 ) {
		return (
			<p>
				{ __( 'No employees yet. Add the first one.', 'appointease' ) }
			</p>
		);
	}
	return (
		<table className="wp-list-table widefat striped appointease-admin__table">
			<caption className="screen-reader-text">
				{ __( 'Employees', 'appointease' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Name', 'appointease' ) }</th>
					<th scope="col">{ __( 'Email', 'appointease' ) }</th>
					<th scope="col">{ __( 'Services', 'appointease' ) }</th>
					<th scope="col">{ __( 'Hours', 'appointease' ) }</th>
					<th scope="col">{ __( 'Timezone', 'appointease' ) }</th>
					<th scope="col">{ __( 'Status', 'appointease' ) }</th>
					<th scope="col">{ __( 'Actions', 'appointease' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ employees.map( ( employee ) => (
					<tr key={ employee.id }>
						<th scope="row">{ employee.name }</th>
						<td>{ employee.email || '—' }</td>
						<td>
							{ employee.services.length === 0
								? '—'
								: employee.services
										.map( ( id ) => nameOf( services, id ) )
										.join( ', ' ) }
						</td>
						<td>{ workingDays( employee ) }</td>
						<td>
							{ employee.timezone || __( 'Site', 'appointease' ) }
						</td>
						<td>
							{ employee.active
								? __( 'Active', 'appointease' )
								: __( 'Inactive', 'appointease' ) }
						</td>
						<RowActions
							name={ employee.name }
							onEdit={ () => onEdit( employee ) }
							onDelete={ () => onDelete( employee ) }
						/>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
