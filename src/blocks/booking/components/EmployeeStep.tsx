/**
 * The employee step: "any available", or one of those who give the service.
 */

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { loadEmployees } from '../../../shared/actions';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';

/**
 * The step.
 */
export function EmployeeStep() {
	const store = useBookingStoreApi();
	const employees = useBookingStore( ( state ) => state.employees );
	const status = useBookingStore( ( state ) => state.employeesStatus );
	const selected = useBookingStore( ( state ) => state.selection.employee );

	useEffect( () => {
		if ( store.getState().employeesStatus === 'idle' ) {
			loadEmployees( store );
		}
	}, [ store ] );

	const choose = ( employee: number ) =>
		store.getState().selectEmployee( employee );

	if ( status === 'error' ) {
		return (
			<button
				type="button"
				className="appointease-button is-secondary"
				onClick={ () => loadEmployees( store ) }
			>
				{ __( 'Try again', 'appointease' ) }
			</button>
		);
	}
	if ( ! employees ) {
		return (
			<p className="appointease-hint">
				{ __( 'Loading…', 'appointease' ) }
			</p>
		);
	}
	return (
		<ul className="appointease-choices">
			<li>
				<button
					type="button"
					className="appointease-choice"
					aria-pressed={ selected === 0 }
					data-employee="0"
					onClick={ () => choose( 0 ) }
				>
					<span className="appointease-choice__name">
						{ __( 'Any available', 'appointease' ) }
					</span>
					<span className="appointease-choice__facts">
						{ __( 'See the most free times', 'appointease' ) }
					</span>
				</button>
			</li>
			{ employees.map( ( employee ) => (
				<li key={ employee.id }>
					<button
						type="button"
						className="appointease-choice"
						aria-pressed={ selected === employee.id }
						data-employee={ employee.id }
						onClick={ () => choose( employee.id ) }
					>
						<span className="appointease-choice__name">
							{ employee.name }
						</span>
					</button>
				</li>
			) ) }
		</ul>
	);
}
