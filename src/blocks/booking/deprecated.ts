/**
 * Earlier shapes of the booking block. The block is dynamic (it saves only
 * its comment), so an old post always loads; a deprecation here moves its
 * old attributes to the current ones when the post is opened in the editor,
 * and the next save stores them. Until then the server reads the old
 * attributes itself (BookingBlock::accent_from_block()).
 */

/**
 * WordPress dependencies
 */
import type { BlockDeprecation } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { sanitizeColor } from '../../shared/config';
import type { BookingAttributes } from './attributes';

/** Version 1: before block supports, with its own `accentColor` (hex). */
interface BookingAttributesV1 extends BookingAttributes {
	accentColor?: string;
}

/**
 * Moves version 1's `accentColor` onto the link colour of the Colour panel
 * (`style.elements.link.color.text`), which now drives the accent. A link
 * colour that is already there wins; an invalid colour is dropped (it never
 * showed: the old rule was hex only).
 *
 * @param attributes The attributes as saved by version 1.
 */
export function migrateAccentColor(
	attributes: BookingAttributesV1
): BookingAttributes {
	const { accentColor, ...rest } = attributes;
	const accent = sanitizeColor( accentColor );
	if ( ! accent || rest.style?.elements?.link?.color?.text ) {
		return rest;
	}
	const style = rest.style ?? {};
	return {
		...rest,
		style: {
			...style,
			elements: {
				...style.elements,
				link: {
					...style.elements?.link,
					color: { ...style.elements?.link?.color, text: accent },
				},
			},
		},
	};
}

const v1: BlockDeprecation< BookingAttributes > = {
	apiVersion: 3,
	attributes: {
		service: { type: 'integer', default: 0 },
		employee: { type: 'integer', default: 0 },
		showEmployeeStep: { type: 'boolean', default: true },
		accentColor: { type: 'string', default: '' },
	},
	supports: {
		html: false,
		align: [ 'wide', 'full' ],
	},
	// A dynamic block saves nothing, so every version validates: the editor
	// only tries a deprecation that says the block is eligible, here any
	// block whose comment still carries `accentColor`.
	isEligible: ( attributes ) =>
		Object.prototype.hasOwnProperty.call( attributes, 'accentColor' ),
	// The parser gives the attributes declared above, with their types.
	migrate: ( attributes ) =>
		migrateAccentColor( attributes as BookingAttributesV1 ),
	save: () => null,
};

/** Newest first, as WordPress tries them. */
export const deprecated = [ v1 ];
