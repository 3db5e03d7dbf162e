/**
 * Translated texts of the booking steps.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { StepId } from '../../shared/types';

/**
 * The short name of a step, as shown in the step list.
 *
 * @param step The step.
 */
export function getStepLabel( step: StepId ): string {
	switch ( step ) {
		case 'choose':
			return __( 'Time', 'appointease' );
		case 'details':
			return __( 'Details', 'appointease' );
		case 'review':
			return __( 'Confirm', 'appointease' );
		case 'done':
			return __( 'Done', 'appointease' );
	}
}

/**
 * The heading of a step's panel.
 *
 * @param step The step.
 */
export function getStepTitle( step: StepId ): string {
	switch ( step ) {
		case 'choose':
			return __( 'Choose a time', 'appointease' );
		case 'details':
			return __( 'Your details', 'appointease' );
		case 'review':
			return __( 'Review your booking', 'appointease' );
		case 'done':
			return __( 'Booking complete', 'appointease' );
	}
}
