/**
 * A yes/no question in a modal, for actions that cannot be undone.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface Props {
	title: string;
	children: ReactNode;
	confirmLabel: string;
	/** Whether the action is destructive (red button). */
	destructive?: boolean;
	busy?: boolean;
	onConfirm: () => void;
	onCancel: () => void;
}

export function ConfirmModal( {
	title,
	children,
	confirmLabel,
	destructive = false,
	busy = false,
	onConfirm,
	onCancel,
}: Props ) {
	return (
		<Modal title={ title } onRequestClose={ onCancel }>
			<div className="appointease-admin__modal-text">{ children }</div>
			<div className="appointease-admin__modal-actions">
				<Button
					variant="tertiary"
					onClick={ onCancel }
					disabled={ busy }
				>
					{ __( 'Keep it', 'appointease' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive={ destructive }
					isBusy={ busy }
					disabled={ busy }
					onClick={ onConfirm }
				>
					{ confirmLabel }
				</Button>
			</div>
		</Modal>
	);
}
