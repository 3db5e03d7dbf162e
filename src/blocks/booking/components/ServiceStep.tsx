/**
 * The service step: the active services as a list of choices.
 */

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { loadServices } from '../../../shared/actions';
import { formatPrice } from '../../../shared/money';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import type { BlockSettings, Service } from '../../../shared/types';

/**
 * "30 minutes · €35.00", or with seats for a group session.
 *
 * @param service  The service.
 * @param settings The block's currency and language.
 */
export function serviceFacts(
	service: Service,
	settings: Pick< BlockSettings, 'currency' | 'locale' >
): string {
	const facts: string[] = [
		sprintf(
			/* translators: %d: number of minutes. */
			_n( '%d minute', '%d minutes', service.duration, 'appointease' ),
			service.duration
		),
	];
	if ( service.capacity > 1 ) {
		facts.push(
			sprintf(
				/* translators: %d: number of people per session. */
				_n(
					'group of up to %d',
					'group of up to %d',
					service.capacity,
					'appointease'
				),
				service.capacity
			)
		);
	}
	if ( service.price !== null ) {
		facts.push(
			formatPrice( service.price, settings.currency, settings.locale )
		);
	}
	return facts.join( ' · ' );
}

/**
 * The step.
 */
export function ServiceStep() {
	const store = useBookingStoreApi();
	const services = useBookingStore( ( state ) => state.services );
	const status = useBookingStore( ( state ) => state.servicesStatus );
	const selected = useBookingStore( ( state ) => state.selection.service );
	const settings = useBookingStore( ( state ) => state.settings );

	useEffect( () => {
		loadServices( store );
	}, [ store ] );

	if ( status === 'error' ) {
		return (
			<button
				type="button"
				className="appointease-button is-secondary"
				onClick={ () => loadServices( store ) }
			>
				{ __( 'Try again', 'appointease' ) }
			</button>
		);
	}
	if ( ! services ) {
		return (
			<p className="appointease-hint">
				{ __( 'Loading services…', 'appointease' ) }
			</p>
		);
	}
	if ( services.length === 0 ) {
		return (
			<p className="appointease-hint">
				{ __(
					'No services can be booked at the moment.',
					'appointease'
				) }
			</p>
		);
	}
	return (
		<ul className="appointease-choices">
			{ services.map( ( service ) => (
				<li key={ service.id }>
					<button
						type="button"
						className="appointease-choice"
						aria-pressed={ service.id === selected }
						data-service={ service.id }
						onClick={ () =>
							store.getState().selectService( service.id )
						}
					>
						<span className="appointease-choice__name">
							{ service.name }
						</span>
						<span className="appointease-choice__facts">
							{ serviceFacts( service, settings ) }
						</span>
						{ service.description && (
							<span className="appointease-choice__description">
								{ service.description }
							</span>
						) }
					</button>
				</li>
			) ) }
		</ul>
	);
}
