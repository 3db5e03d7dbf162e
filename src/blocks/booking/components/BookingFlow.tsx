/**
 * The booking flow: the step list, the current step's panel, the visitor's
 * messages and a polite status region that names the step. Each step has
 * its own URL (`?appointease_step=`, with the deep link's
 * `service`/`employee`/`date`), so Back and Forward move between steps, and
 * what was chosen and typed is kept in sessionStorage for a reload.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	applyDeepLink,
	loadEmployees,
	loadServices,
	keepChosenHeld,
} from '../../../shared/actions';
import {
	clearFlow,
	loadFlow,
	saveFlow,
	type SavedFlow,
} from '../../../shared/flow-session';
import { useHold } from '../../../shared/hooks/useHold';
import type { BookingStore } from '../../../shared/store';
import {
	useBookingStore,
	useBookingStoreApi,
} from '../../../shared/store-context';
import type { StepId } from '../../../shared/types';
import { flowUrl, readStep, type DeepLink } from '../../../shared/url';
import { getStepTitle } from '../step-texts';
import { ChooseStep } from './ChooseStep';
import { DetailsStep } from './DetailsStep';
import { DoneStep } from './DoneStep';
import { Notice } from './Notice';
import { ReviewStep } from './ReviewStep';
import { StepIndicator } from './StepIndicator';

interface BookingFlowProps {
	/** Prefix for element ids (also names the flow's saved state). */
	id: string;
	/** Where a deep link points, if the page has one. */
	deepLink: DeepLink | null;
	/** Whether the flow owns the page's URL and history (not in tests). */
	history?: boolean;
}

/**
 * The step a URL may open: later steps need a chosen time; done is only
 * reached by booking.
 *
 * @param store The app's store.
 * @param step  The step asked for.
 */
function reachableStep( store: BookingStore, step: StepId | null ): StepId {
	const { chosen, booking } = store.getState();
	if ( booking ) {
		return 'done';
	}
	if ( step === 'details' || step === 'review' ) {
		return chosen ? step : 'choose';
	}
	return 'choose';
}

/**
 * Restores what the visitor chose and typed before a reload, and takes the
 * held time again (the page let it go when it unloaded) if still free.
 *
 * @param store The app's store.
 * @param saved What the tab kept, if anything.
 * @param step  The step the URL names.
 */
async function restore(
	store: BookingStore,
	saved: SavedFlow | null,
	step: StepId | null
): Promise< void > {
	if ( ! saved ) {
		return;
	}
	const state = store.getState();
	state.setTimeDisplay( saved.timeDisplay );
	for ( const field of [ 'name', 'email', 'phone', 'notes' ] as const ) {
		if ( saved.customer[ field ] ) {
			state.setCustomerField( field, saved.customer[ field ] );
		}
	}
	const { selection } = store.getState();
	if (
		saved.chosen &&
		saved.selection.service === selection.service &&
		saved.selection.employee === selection.employee
	) {
		state.setChosen( saved.chosen );
		state.setHold( saved.hold );
		store.getState().goTo( reachableStep( store, step ) );
		// Kept if it still lives; otherwise taken again if still free.
		await keepChosenHeld( store );
	}
}

/**
 * The flow.
 *
 * @param props          Component props.
 * @param props.id       Prefix for element ids.
 * @param props.deepLink The page's deep link.
 * @param props.history  Whether the flow owns the page's URL.
 */
export function BookingFlow( {
	id,
	deepLink,
	history = true,
}: BookingFlowProps ) {
	const store = useBookingStoreApi();
	const steps = useBookingStore( ( state ) => state.steps );
	const step = useBookingStore( ( state ) => state.step );
	const selection = useBookingStore( ( state ) => state.selection );
	const service = selection.service;
	const { pick } = useHold();

	const panelHeading = useRef< HTMLHeadingElement >( null );
	const previousStep = useRef( step );
	const sessionKey = `${
		typeof window === 'undefined' ? '' : window.location.pathname
	}#${ id }`;

	// First load: the services (and where a deep link points), then what a
	// reload left in this tab; the URL follows the flow from then on.
	const [ started, setStarted ] = useState( false );
	const deepLinkRef = useRef( deepLink );
	useEffect( () => {
		// Read before anything changes the store: every change saves anew.
		const saved = history ? loadFlow( sessionKey ) : null;
		const loading = deepLinkRef.current
			? applyDeepLink( store, deepLinkRef.current )
			: loadServices( store );
		loading
			.then( () =>
				history
					? restore(
							store,
							saved,
							readStep( window.location.search )
						)
					: undefined
			)
			.finally( () => setStarted( true ) );
	}, [ store, history, sessionKey ] );

	// The summary names the employee, so load who gives the service.
	useEffect( () => {
		if ( service > 0 && store.getState().employeesStatus === 'idle' ) {
			loadEmployees( store );
		}
	}, [ service, store ] );

	// The URL follows the flow: a new entry per step, the choice in place.
	// `pushed` counts the entries this flow added, so its own Back button
	// goes back through them and never off the page.
	const fromHistory = useRef( false );
	const pushed = useRef( 0 );
	const synced = useRef( false );
	useEffect( () => {
		if ( ! history || ! started || ! window.history?.pushState ) {
			return;
		}
		const url = flowUrl( window.location.href, { step, ...selection } );
		// Keep what others put in the entry's state: WordPress's Interactivity
		// API reloads the page on a Back or Forward to an entry without its
		// own session id.
		const entry = { ...window.history.state, appointeaseStep: step };
		const urlStep = readStep( window.location.search ) ?? 'choose';
		const firstSync = ! synced.current;
		synced.current = true;
		if ( fromHistory.current || firstSync || urlStep === step ) {
			fromHistory.current = false;
			if ( url !== window.location.href ) {
				window.history.replaceState( entry, '', url );
			}
			return;
		}
		window.history.pushState( entry, '', url );
		pushed.current += 1;
	}, [ history, started, step, selection ] );

	// Back and Forward move between steps.
	useEffect( () => {
		if ( ! history ) {
			return undefined;
		}
		const onPopState = () => {
			const { steps: order, step: current } = store.getState();
			const target = reachableStep(
				store,
				readStep( window.location.search )
			);
			pushed.current = Math.max(
				0,
				pushed.current +
					Math.sign(
						order.indexOf( target ) - order.indexOf( current )
					)
			);
			fromHistory.current = target !== current;
			store.getState().goTo( target );
		};
		window.addEventListener( 'popstate', onPopState );
		return () => window.removeEventListener( 'popstate', onPopState );
	}, [ history, store ] );

	// The flow's Back button: the browser's Back while there is an entry of
	// this flow to go back to (so Forward works too), else one step back.
	const goBack = () => {
		if ( history && pushed.current > 0 ) {
			window.history.back();
		} else {
			store.getState().back();
		}
	};

	// What was chosen and typed survives a reload; a booking made clears it.
	// (From the start on: before, the store still holds the page's defaults.)
	useEffect( () => {
		if ( ! history || ! started ) {
			return undefined;
		}
		return store.subscribe( ( state ) => {
			if ( state.booking ) {
				clearFlow( sessionKey );
				return;
			}
			saveFlow( sessionKey, {
				selection: state.selection,
				chosen: state.chosen,
				hold: state.hold,
				customer: state.customer,
				timeDisplay: state.timeDisplay,
			} );
		} );
	}, [ history, started, store, sessionKey ] );

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
				<h2
					className="appointease-app__panel-title"
					ref={ panelHeading }
					tabIndex={ -1 }
				>
					{ title }
				</h2>
				{ step === 'choose' && (
					<ChooseStep id={ id } pick={ pick } ready={ started } />
				) }
				{ step === 'details' && <DetailsStep id={ id } /> }
				{ step === 'review' && <ReviewStep /> }
				{ step === 'done' && <DoneStep /> }
			</div>

			{ ( step === 'details' || step === 'review' ) && (
				<div className="appointease-app__actions is-back">
					<button
						type="button"
						className="appointease-button is-secondary"
						onClick={ goBack }
					>
						{ __( 'Back', 'appointease' ) }
					</button>
				</div>
			) }
		</div>
	);
}
