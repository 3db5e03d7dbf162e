/**
 * Internal dependencies
 */
import type { BlockSettings, StepId } from './types';

/** Every step of the booking flow, in order. */
export const ALL_STEPS: readonly StepId[] = Object.freeze( [
	'service',
	'employee',
	'date',
	'time',
	'details',
	'review',
	'done',
] );

/**
 * The steps a visitor goes through with these settings: a preselected
 * service needs no service step; a preselected employee, or a hidden
 * employee step ("any available"), no employee step.
 *
 * @param settings The block settings.
 */
export function getSteps(
	settings: Pick< BlockSettings, 'showEmployeeStep' | 'service' | 'employee' >
): readonly StepId[] {
	return Object.freeze(
		ALL_STEPS.filter( ( step ) => {
			if ( step === 'service' ) {
				return settings.service === 0;
			}
			if ( step === 'employee' ) {
				return settings.showEmployeeStep && settings.employee === 0;
			}
			return true;
		} )
	);
}
