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
 * The steps a visitor goes through with these settings.
 *
 * @param settings The block settings.
 */
export function getSteps(
	settings: Pick< BlockSettings, 'showEmployeeStep' >
): readonly StepId[] {
	return Object.freeze(
		ALL_STEPS.filter(
			( step ) => step !== 'employee' || settings.showEmployeeStep
		)
	);
}
