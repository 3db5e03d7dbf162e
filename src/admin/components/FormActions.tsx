/**
 * The row under an edit form: save, cancel, and a note while there are
 * unsaved changes.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack } from './Stack';

interface FormActionsProps {
	/** What the save button says, e.g. "Save employee". */
	saveLabel: string;
	saving: boolean;
	dirty: boolean;
	onCancel: () => void;
	/** What the other button says; "Cancel" by default. */
	cancelLabel?: string;
	/** Whether both buttons wait for a change (a form that is always open). */
	requireChanges?: boolean;
}

/**
 * Save (the form's submit button) and Cancel.
 *
 * @param props                Component props.
 * @param props.saveLabel      The save button's text.
 * @param props.saving         Whether a save is under way.
 * @param props.dirty          Whether the form has unsaved changes.
 * @param props.onCancel       Called by Cancel.
 * @param props.cancelLabel    The other button's text.
 * @param props.requireChanges Whether both buttons wait for a change.
 */
export function FormActions( {
	saveLabel,
	saving,
	dirty,
	onCancel,
	cancelLabel = __( 'Cancel', 'appointease' ),
	requireChanges = false,
}: FormActionsProps ) {
	const waiting = requireChanges && ! dirty;
	return (
		<HStack
			className="appointease-admin__form-actions"
			spacing={ 2 }
			justify="flex-start"
			wrap
		>
			<Button
				__next40pxDefaultSize
				variant="primary"
				type="submit"
				isBusy={ saving }
				disabled={ saving || waiting }
			>
				{ saveLabel }
			</Button>
			<Button
				__next40pxDefaultSize
				variant="tertiary"
				disabled={ saving || waiting }
				onClick={ onCancel }
			>
				{ cancelLabel }
			</Button>
			{ dirty && (
				<span className="appointease-admin__dirty">
					{ __( 'Unsaved changes', 'appointease' ) }
				</span>
			) }
		</HStack>
	);
}
