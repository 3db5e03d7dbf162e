/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { StepId } from '../../../shared/types';
import { getStepLabel } from '../step-texts';

interface StepIndicatorProps {
	steps: readonly StepId[];
	current: StepId;
}

/**
 * The ordered list of the flow's steps; the current one has
 * `aria-current="step"`.
 *
 * @param props         Component props.
 * @param props.steps   The steps of this flow, in order.
 * @param props.current The step on screen.
 */
export function StepIndicator( { steps, current }: StepIndicatorProps ) {
	const currentIndex = steps.indexOf( current );

	return (
		<ol
			className="appointease-steps"
			aria-label={ __( 'Booking steps', 'appointease' ) }
		>
			{ steps.map( ( step, index ) => {
				let state = 'upcoming';
				if ( index < currentIndex ) {
					state = 'complete';
				} else if ( index === currentIndex ) {
					state = 'current';
				}
				return (
					<li
						key={ step }
						className={ `appointease-steps__item is-${ state }` }
						aria-current={ step === current ? 'step' : undefined }
					>
						<span
							className="appointease-steps__number"
							aria-hidden="true"
						>
							{ index + 1 }
						</span>
						<span className="appointease-steps__label">
							{ getStepLabel( step ) }
						</span>
					</li>
				);
			} ) }
		</ol>
	);
}
