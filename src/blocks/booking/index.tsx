/**
 * Editor script of the booking block.
 */

/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import type { BookingBlockAttributes } from '../../shared/types';
import metadata from './block.json';
import { Edit } from './edit';
import './style.scss';
import './editor.scss';

registerBlockType< BookingBlockAttributes >(
	metadata as unknown as BlockConfiguration< BookingBlockAttributes >,
	{
		edit: Edit,
		// Dynamic block: the server renders the markup (render_callback).
		save: () => null,
	}
);
