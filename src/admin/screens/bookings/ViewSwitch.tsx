/**
 * The buttons that switch a bookings screen between its list and its calendar.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

export type BookingsView = 'list' | 'calendar';

interface Props {
	view: BookingsView;
	onChange: ( view: BookingsView ) => void;
}

export function ViewSwitch( { view, onChange }: Props ) {
	return (
		<div
			role="group"
			aria-label={ __( 'View', 'appointease' ) }
			className="appointease-admin__views"
		>
			<Button
				variant={ view === 'list' ? 'primary' : 'secondary' }
				aria-pressed={ view === 'list' }
				onClick={ () => onChange( 'list' ) }
			>
				{ __( 'List', 'appointease' ) }
			</Button>
			<Button
				variant={ view === 'calendar' ? 'primary' : 'secondary' }
				aria-pressed={ view === 'calendar' }
				onClick={ () => onChange( 'calendar' ) }
			>
				{ __( 'Calendar', 'appointease' ) }
			</Button>
		</div>
	);
}
