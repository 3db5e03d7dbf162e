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
import metadata from './block.json';
import type { BookingAttributes } from './attributes';
import { deprecated } from './deprecated';
import { Edit } from './edit';
import './style.scss';
import './editor.scss';

registerBlockType< BookingAttributes >(
	metadata as unknown as BlockConfiguration< BookingAttributes >,
	{
		edit: Edit,
		// Dynamic block: the server renders the markup (render_callback), so
		// the post keeps only the block comment with its attributes.
		save: () => null,
		deprecated,
	}
);
