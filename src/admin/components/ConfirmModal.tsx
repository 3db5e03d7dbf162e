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
import { Modal } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ModalActions } from './ModalActions';
import { VStack } from './Stack';

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
			<VStack spacing={ 4 }>
				<div className="appointease-admin__modal-text">
					{ children }
				</div>
				<ModalActions
					cancelLabel={ __( 'Keep it', 'appointease' ) }
					onCancel={ onCancel }
					confirmLabel={ confirmLabel }
					onConfirm={ onConfirm }
					busy={ busy }
					destructive={ destructive }
				/>
			</VStack>
		</Modal>
	);
}
