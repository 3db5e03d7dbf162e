/**
 * The front-end booking app: one per `.appointease-booking` element.
 *
 * This is the shell of the flow (heading, step list, the current step's
 * panel, a polite status region); the steps' contents come with the booking
 * flow itself.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import { createElement, useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { canGoBack, createBookingStore } from '../../../shared/store';
import {
	BookingStoreProvider,
	useBookingStore,
} from '../../../shared/store-context';
import type { BlockSettings } from '../../../shared/types';
import { getStepTitle } from '../step-texts';
import { StepIndicator } from './StepIndicator';

let instanceCount = 0;

/**
 * A page-unique id prefix for one app instance (React 17 has no useId).
 */
function useInstanceId(): string {
	const [ id ] = useState( () => {
		instanceCount += 1;
		return `appointease-booking-${ instanceCount }`;
	} );
	return id;
}

/**
 * The flow: reads everything from the booking store.
 */
function BookingFlow() {
	const id = useInstanceId();
	const settings = useBookingStore( ( state ) => state.settings );
	const steps = useBookingStore( ( state ) => state.steps );
	const step = useBookingStore( ( state ) => state.step );
	const showBack = useBookingStore( canGoBack );
	const back = useBookingStore( ( state ) => state.back );

	const panelHeading = useRef< HTMLHeadingElement >( null );
	const previousStep = useRef( step );

	// Moves focus to the new step's heading when the step changes (not on
	// the first render, where focus belongs to the page).
	useEffect( () => {
		if ( previousStep.current !== step ) {
			previousStep.current = step;
			panelHeading.current?.focus();
		}
	}, [ step ] );

	const headingId = `${ id }-heading`;
	const title = getStepTitle( step );
	const style: CSSProperties | undefined = settings.accentColor
		? ( {
				'--appointease-accent': settings.accentColor,
			} as CSSProperties )
		: undefined;

	return (
		<section
			className="appointease-app"
			aria-labelledby={ headingId }
			style={ style }
		>
			<h2 id={ headingId } className="appointease-app__title">
				{ __( 'Book an appointment', 'appointease' ) }
			</h2>

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

			<div className="appointease-app__panel" data-step={ step }>
				<h3
					className="appointease-app__panel-title"
					ref={ panelHeading }
					tabIndex={ -1 }
				>
					{ title }
				</h3>
			</div>

			{ showBack && (
				<div className="appointease-app__actions">
					<button
						type="button"
						className="appointease-button is-secondary"
						onClick={ back }
					>
						{ __( 'Back', 'appointease' ) }
					</button>
				</div>
			) }
		</section>
	);
}

interface BookingAppProps {
	settings: BlockSettings;
}

/**
 * The booking app with its own store.
 *
 * @param props          Component props.
 * @param props.settings The settings from the container's data attribute.
 */
export function BookingApp( { settings }: BookingAppProps ) {
	// One store per app, created once; settings come from server-rendered
	// markup and do not change while the page is open.
	const [ store ] = useState( () => createBookingStore( settings ) );

	return (
		<BookingStoreProvider store={ store }>
			<BookingFlow />
		</BookingStoreProvider>
	);
}
