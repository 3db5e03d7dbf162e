/**
 * The employee's day as text, for a calendar column's heading.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeDay, groupHours } from '../../lib/hours';
import { isDayOff } from '../../lib/grid';
import { isoWeekday } from '../../../shared/time';
import type { Employee } from '../../../shared/types';

/**
 * Working hours, or why the employee does not work.
 *
 * @param employee The employee.
 * @param date     A date.
 */
export function workingText( employee: Employee, date: string ): string {
	if ( isDayOff( employee, date ) ) {
		return __( 'Day off', 'appointease' );
	}
	const ranges = groupHours( employee.hours )[ isoWeekday( date ) ] ?? [];
	return ranges.length === 0
		? __( 'Not working', 'appointease' )
		: sprintf(
				/* translators: %s: working hours, e.g. "09:00–12:00, 13:00–17:00". */
				__( 'Works %s', 'appointease' ),
				describeDay( ranges )
			);
}
