/**
 * The booking block's accent colour, from its link colour (block supports).
 *
 * The accent (buttons, the chosen day and time, focus rings) is the block's
 * link colour: WordPress stores it in `style.elements.link.color.text`,
 * either as a preset reference (`var:preset|color|accent-1`) or as a custom
 * colour. The server turns the same value into the `--appointease-accent`
 * custom property on the block's wrapper
 * (`BookingBlock::accent_from_block()`); the editor preview does it here.
 */

/**
 * Internal dependencies
 */
import type { BlockStyle } from './attributes';

const PRESET_REFERENCE = /^var:preset\|color\|([A-Za-z0-9_-]+)$/;

/*
 * What passes as a colour: a preset's CSS variable, hex with 3, 4, 6 or 8
 * digits, rgb()/rgba()/hsl()/hsla(), a colour name. The same patterns as
 * BookingBlock::css_color(); nothing that could end a declaration passes.
 */
const SAFE_COLORS = [
	/^var\(--wp--preset--color--[a-z0-9-]+\)$/,
	/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i,
	/^(?:rgba?|hsla?)\([a-z0-9\s.,%/+-]*\)$/i,
	/^[a-z]{3,20}$/i,
];

/**
 * A preset slug as WordPress names its CSS variable (its style engine's
 * kebab case: `accent1` → `accent-1`, `darkBlue` → `dark-blue`).
 *
 * @param slug The slug.
 */
function kebabCase( slug: string ): string {
	return slug
		.replace( /([a-z0-9])([A-Z])/g, '$1-$2' )
		.replace( /([0-9])([a-zA-Z])/g, '$1-$2' )
		.replace( /([A-Za-z])([0-9])/g, '$1-$2' )
		.replace( /([A-Z])([A-Z][a-z])/g, '$1-$2' )
		.replace( /[\s_]+/g, '-' )
		.replace( /-+/g, '-' )
		.toLowerCase();
}

/**
 * A stored colour as safe CSS, or "".
 *
 * @param value A value from block supports or theme.json.
 */
export function cssColor( value: unknown ): string {
	if ( typeof value !== 'string' ) {
		return '';
	}
	const color = value.trim();
	const preset = PRESET_REFERENCE.exec( color );
	if ( preset ) {
		return `var(--wp--preset--color--${ kebabCase( preset[ 1 ] ?? '' ) })`;
	}
	return SAFE_COLORS.some( ( pattern ) => pattern.test( color ) )
		? color
		: '';
}

/**
 * The accent colour of a block's `style` attribute (its link colour) as
 * CSS, or "" for the default.
 *
 * @param style The block's `style` attribute.
 */
export function accentFromStyle( style: BlockStyle | undefined ): string {
	return cssColor( style?.elements?.link?.color?.text );
}
