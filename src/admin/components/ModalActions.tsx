/**
 * The button row at the foot of a dialog: keep things as they are, or go on.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';

/**
 * Internal dependencies
 */
import { HStack } from './Stack';

interface ModalActionsProps {
	/** What the way out says, e.g. "Keep it". */
	cancelLabel: string;
	onCancel: () => void;
	confirmLabel: string;
	onConfirm: () => void;
	/** Whether the action is under way (busy button, both disabled). */
	busy?: boolean;
	/** Whether the action cannot be taken yet. */
	disabled?: boolean;
	/** Whether the action is destructive (red button). */
	destructive?: boolean;
}

/**
 * Cancel, then the action, at the dialog's right edge.
 *
 * @param props              Component props.
 * @param props.cancelLabel  The way out's text.
 * @param props.onCancel     Called by the way out.
 * @param props.confirmLabel The action's text.
 * @param props.onConfirm    Called by the action.
 * @param props.busy         Whether the action is under way.
 * @param props.disabled     Whether the action cannot be taken yet.
 * @param props.destructive  Whether the action is destructive.
 */
export function ModalActions( {
	cancelLabel,
	onCancel,
	confirmLabel,
	onConfirm,
	busy = false,
	disabled = false,
	destructive = false,
}: ModalActionsProps ) {
	return (
		<HStack
			className="appointease-admin__modal-actions"
			spacing={ 2 }
			justify="flex-end"
			wrap
		>
			<Button
				__next40pxDefaultSize
				variant="tertiary"
				onClick={ onCancel }
				disabled={ busy }
			>
				{ cancelLabel }
			</Button>
			<Button
				__next40pxDefaultSize
				variant="primary"
				isDestructive={ destructive }
				isBusy={ busy }
				disabled={ busy || disabled }
				onClick={ onConfirm }
			>
				{ confirmLabel }
			</Button>
		</HStack>
	);
}
