/**
 * The accent colour the editor preview derives from the block's link colour;
 * the same cases as BookingBlockTest::link_colours() in PHP.
 */

/**
 * Internal dependencies
 */
import { accentFromStyle, cssColor } from '../../src/blocks/booking/accent';

describe( 'cssColor', () => {
	it.each( [
		[
			'preset reference',
			'var:preset|color|accent-1',
			'var(--wp--preset--color--accent-1)',
		],
		[
			'preset in camel case',
			'var:preset|color|darkBlue2',
			'var(--wp--preset--color--dark-blue-2)',
		],
		[
			'preset variable',
			'var(--wp--preset--color--contrast)',
			'var(--wp--preset--color--contrast)',
		],
		[ 'short hex', '#fff', '#fff' ],
		[ 'long hex', ' #1E73BE ', '#1E73BE' ],
		[ 'hex with alpha', '#1e73be80', '#1e73be80' ],
		[ 'rgb()', 'rgb(255, 0, 102)', 'rgb(255, 0, 102)' ],
		[
			'hsla()',
			'hsla(120deg 50% 50% / 0.5)',
			'hsla(120deg 50% 50% / 0.5)',
		],
		[ 'colour name', 'rebeccapurple', 'rebeccapurple' ],
		[ 'five hex digits', '#abcde', '' ],
		[ 'other variable', 'var(--evil)', '' ],
		[ 'preset with a bracket', 'var:preset|color|a)', '' ],
		[ 'injection', 'red; background: url(x)', '' ],
		[ 'nested function', 'rgb(calc(1) 0 0)', '' ],
		[ 'not a string', 42, '' ],
	] )( '%s', ( _name, given, kept ) => {
		expect( cssColor( given ) ).toBe( kept );
	} );
} );

describe( 'accentFromStyle', () => {
	it( 'reads the link colour', () => {
		expect(
			accentFromStyle( {
				elements: {
					link: { color: { text: 'var:preset|color|primary' } },
				},
			} )
		).toBe( 'var(--wp--preset--color--primary)' );
	} );

	it( 'is empty without one', () => {
		expect( accentFromStyle( undefined ) ).toBe( '' );
		expect( accentFromStyle( { color: { text: '#000' } } ) ).toBe( '' );
	} );
} );
