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

/**
 * Internal dependencies
 */
import { HStack, VStack } from './Stack';

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
						{ __( 'Keep it', 'appointease' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="primary"
						isDestructive={ destructive }
						isBusy={ busy }
						disabled={ busy }
						onClick={ onConfirm }
					>
						{ confirmLabel }
					</Button>
				</HStack>
			</VStack>
		</Modal>
	);
}
