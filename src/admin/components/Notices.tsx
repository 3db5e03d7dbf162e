/**
 * The result messages at the top of a screen. Notice announces each one to
 * screen readers when it appears.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';

/**
 * Internal dependencies
 */
import type { NoticeItem } from '../hooks/useNotices';

interface Props {
	notices: NoticeItem[];
	onRemove: ( id: number ) => void;
}

export function Notices( { notices, onRemove }: Props ) {
	return (
		<div className="appointease-admin__notices">
			{ notices.map( ( notice ) => (
				<Notice
					key={ notice.id }
					status={ notice.status }
					onRemove={ () => onRemove( notice.id ) }
					politeness={
						notice.status === 'error' ? 'assertive' : 'polite'
					}
				>
					{ notice.text }
				</Notice>
			) ) }
		</div>
	);
}
