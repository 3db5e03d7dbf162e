/**
 * The buttons that switch a bookings screen between its list and its calendar.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack } from '../../components/Stack';

export type BookingsView = 'list' | 'calendar';

interface Props {
	view: BookingsView;
	onChange: ( view: BookingsView ) => void;
}

export function ViewSwitch( { view, onChange }: Props ) {
	return (
		<HStack
			role="group"
			aria-label={ __( 'View', 'appointease' ) }
			className="appointease-admin__views"
			spacing={ 0 }
			justify="flex-start"
		>
			<Button
				__next40pxDefaultSize
				variant={ view === 'list' ? 'primary' : 'secondary' }
				aria-pressed={ view === 'list' }
				onClick={ () => onChange( 'list' ) }
			>
				{ __( 'List', 'appointease' ) }
			</Button>
			<Button
				__next40pxDefaultSize
				variant={ view === 'calendar' ? 'primary' : 'secondary' }
				aria-pressed={ view === 'calendar' }
				onClick={ () => onChange( 'calendar' ) }
			>
				{ __( 'Calendar', 'appointease' ) }
			</Button>
		</HStack>
	);
}
