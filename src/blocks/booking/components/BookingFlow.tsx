/**
 * The booking flow: heading, step list, the current step's panel, the
 * visitor's messages and a polite status region that names the step.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	applyDeepLink,
	loadEmployees,
	loadServices,
} from '../../../shared/actions';
import { useHold } from '../../../shared/hooks/useHold';
import { canGoBack } from '../../../shared/store';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import type { DeepLink } from '../../../shared/url';
import { getStepTitle } from '../step-texts';
import { DatePicker } from './DatePicker';
import { DetailsStep } from './DetailsStep';
import { DoneStep } from './DoneStep';
import { EmployeeStep } from './EmployeeStep';
import { Notice } from './Notice';
import { ReviewStep } from './ReviewStep';
import { ServiceStep } from './ServiceStep';
import { StepIndicator } from './StepIndicator';
import { TimeStep } from './TimeStep';

interface BookingFlowProps {
	/** Prefix for element ids. */
	id: string;
	/** Where a deep link points, if the page has one. */
	deepLink: DeepLink | null;
}

/**
 * The flow.
 *
 * @param props          Component props.
 * @param props.id       Prefix for element ids.
 * @param props.deepLink The page's deep link.
 */
export function BookingFlow( { id, deepLink }: BookingFlowProps ) {
	const store = useBookingStoreApi();
	const steps = useBookingStore( ( state ) => state.steps );
	const step = useBookingStore( ( state ) => state.step );
	const service = useBookingStore( ( state ) => state.selection.service );
	const showBack = useBookingStore( canGoBack );
	const { pick } = useHold();

	const panelHeading = useRef< HTMLHeadingElement >( null );
	const previousStep = useRef( step );

	// First load: the services (and where a deep link points).
	const deepLinkRef = useRef( deepLink );
	useEffect( () => {
		if ( deepLinkRef.current ) {
			applyDeepLink( store, deepLinkRef.current );
		} else {
			loadServices( store );
		}
	}, [ store ] );

	// The summary names the employee, so load who gives the service.
	useEffect( () => {
		if ( service > 0 && store.getState().employeesStatus === 'idle' ) {
			loadEmployees( store );
		}
	}, [ service, store ] );

	// Moves focus to the new step's heading when the step changes (not on
	// the first render, where focus belongs to the page, and not when a
	// message takes focus).
	useEffect( () => {
		if ( previousStep.current !== step ) {
			previousStep.current = step;
			if ( ! store.getState().notice?.focus ) {
				panelHeading.current?.focus();
			}
		}
	}, [ step, store ] );

	const title = getStepTitle( step );

	return (
		<div className="appointease-flow">
			<StepIndicator steps={ steps } current={ step } />

			{ /* Announces the step to screen readers; the step list shows it. */ }
			<p
				className="appointease-app__status appointease-visually-hidden"
				role="status"
				aria-live="polite"
				aria-atomic="true"
			>
				{ sprintf(
					/* translators: 1: number of the current step, 2: number of steps, 3: the step's title. */
					__( 'Step %1$d of %2$d: %3$s', 'appointease' ),
					steps.indexOf( step ) + 1,
					steps.length,
					title
				) }
			</p>

			<Notice />

			<div className="appointease-app__panel" data-step={ step }>
				<h3
					className="appointease-app__panel-title"
					ref={ panelHeading }
					tabIndex={ -1 }
				>
					{ title }
				</h3>
				{ step === 'service' && <ServiceStep /> }
				{ step === 'employee' && <EmployeeStep /> }
				{ step === 'date' && (
					<DatePicker
						id={ id }
						onSelected={ () => store.getState().next() }
					/>
				) }
				{ step === 'time' && <TimeStep id={ id } pick={ pick } /> }
				{ step === 'details' && <DetailsStep id={ id } /> }
				{ step === 'review' && <ReviewStep /> }
				{ step === 'done' && <DoneStep /> }
			</div>

			{ showBack && (
				<div className="appointease-app__actions is-back">
					<button
						type="button"
						className="appointease-button is-secondary"
						onClick={ () => store.getState().back() }
					>
						{ __( 'Back', 'appointease' ) }
					</button>
				</div>
			) }
		</div>
	);
}
