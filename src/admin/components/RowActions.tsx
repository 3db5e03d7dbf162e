/**
 * The Edit and Delete buttons of one row of a list screen, named after the
 * row so that screen readers tell the rows' buttons apart.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack } from './Stack';

interface Props {
	/** The row's name, e.g. the employee's or the service's. */
	name: string;
	onEdit: () => void;
	onDelete: () => void;
}

export function RowActions( { name, onEdit, onDelete }: Props ) {
	return (
		<td className="appointease-admin__actions">
			<HStack spacing={ 1 } justify="flex-start">
				<Button
					// Compact, as buttons in a list table row are.
					size="compact"
					variant="secondary"
					onClick={ onEdit }
					aria-label={ sprintf(
						/* translators: %s: the name of the employee or service in this row. */
						__( 'Edit %s', 'appointease' ),
						name
					) }
				>
					{ __( 'Edit', 'appointease' ) }
				</Button>
				<Button
					size="compact"
					variant="tertiary"
					isDestructive
					onClick={ onDelete }
					aria-label={ sprintf(
						/* translators: %s: the name of the employee or service in this row. */
						__( 'Delete %s', 'appointease' ),
						name
					) }
				>
					{ __( 'Delete', 'appointease' ) }
				</Button>
			</HStack>
		</td>
	);
}
