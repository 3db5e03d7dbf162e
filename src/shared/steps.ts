/**
 * Internal dependencies
 */
import type { StepId } from './types';

/**
 * Every step of the booking flow, in order: one screen to choose service,
 * employee, day and time; the visitor's details; the confirmation; done.
 * A service or employee that is preselected, or the only one, is simply
 * not offered on the choosing screen.
 */
export const ALL_STEPS: readonly StepId[] = Object.freeze( [
	'choose',
	'details',
	'review',
	'done',
] );

/**
 * Whether a string names a step.
 *
 * @param value The string.
 */
export function isStep( value: string ): value is StepId {
	return ( ALL_STEPS as readonly string[] ).includes( value );
}
