/**
 * The booking block's deprecation: posts saved before the block had supports
 * carry `accentColor` in their block comment; the editor moves it onto the
 * link colour (`style.elements.link.color.text`), which is the accent now.
 */

/**
 * WordPress dependencies
 */
// @wordpress/blocks loads `marked` (for pasting Markdown), which ships only
// as an ES module that this jest set-up does not compile; parsing block
// comments never uses it.
jest.mock( 'marked', () => ( { Marked: class {} } ) );

import {
	getBlockType,
	parse,
	registerBlockType,
	serialize,
	unregisterBlockType,
	type BlockConfiguration,
} from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from '../../src/blocks/booking/block.json';
import type { BookingAttributes } from '../../src/blocks/booking/attributes';
import {
	deprecated,
	migrateAccentColor,
} from '../../src/blocks/booking/deprecated';

const NAME = 'appointease/booking';

describe( 'migrateAccentColor', () => {
	it( 'moves a hex accent onto the link colour and drops the old attribute', () => {
		expect(
			migrateAccentColor( {
				service: 2,
				employee: 0,
				showEmployeeStep: false,
				accentColor: '#aa3300',
			} )
		).toEqual( {
			service: 2,
			employee: 0,
			showEmployeeStep: false,
			style: { elements: { link: { color: { text: '#aa3300' } } } },
		} );
	} );

	it( 'keeps the other style settings', () => {
		expect(
			migrateAccentColor( {
				service: 0,
				employee: 0,
				showEmployeeStep: true,
				accentColor: ' #abc ',
				style: {
					color: { background: '#123456' },
					elements: {
						link: { ':hover': { color: { text: '#000' } } },
					},
				},
			} ).style
		).toEqual( {
			color: { background: '#123456' },
			elements: {
				link: {
					':hover': { color: { text: '#000' } },
					color: { text: '#abc' },
				},
			},
		} );
	} );

	it( 'lets a link colour already set win', () => {
		const style = { elements: { link: { color: { text: '#000000' } } } };
		expect(
			migrateAccentColor( {
				service: 0,
				employee: 0,
				showEmployeeStep: true,
				accentColor: '#ffffff',
				style,
			} )
		).toEqual( { service: 0, employee: 0, showEmployeeStep: true, style } );
	} );

	it.each( [ '', 'red; background: url(x)', 'rebeccapurple', '#abcd' ] )(
		'drops an accent that never showed (%p)',
		( accentColor ) => {
			expect(
				migrateAccentColor( {
					service: 1,
					employee: 0,
					showEmployeeStep: true,
					accentColor,
				} )
			).toEqual( { service: 1, employee: 0, showEmployeeStep: true } );
		}
	);
} );

describe( 'the block parsed from post content', () => {
	beforeAll( () => {
		registerBlockType< BookingAttributes >(
			{
				...( metadata as unknown as BlockConfiguration< BookingAttributes > ),
				attributes: {
					...( metadata.attributes as BlockConfiguration< BookingAttributes >[ 'attributes' ] ),
					// WordPress adds `style` for the block's supports; the
					// supports' hooks live in @wordpress/block-editor, which
					// these tests do not load.
					style: { type: 'object' },
				},
			},
			{ edit: () => null, save: () => null, deprecated }
		);
	} );

	afterAll( () => {
		if ( getBlockType( NAME ) ) {
			unregisterBlockType( NAME );
		}
	} );

	it( 'gives an old post the link colour instead of accentColor', () => {
		const [ block ] = parse(
			'<!-- wp:appointease/booking {"service":2,"showEmployeeStep":false,"accentColor":"#aa3300"} /-->'
		);

		expect( block?.isValid ).toBe( true );
		expect( block?.attributes ).toEqual( {
			service: 2,
			employee: 0,
			showEmployeeStep: false,
			style: { elements: { link: { color: { text: '#aa3300' } } } },
		} );
		// Saved again, the post stores the current shape.
		expect( serialize( block ? [ block ] : [] ) ).toBe(
			'<!-- wp:appointease/booking {"service":2,"showEmployeeStep":false,"style":{"elements":{"link":{"color":{"text":"#aa3300"}}}}} /-->'
		);
	} );

	it( 'leaves a current post as it is', () => {
		const content =
			'<!-- wp:appointease/booking {"employee":3,"style":{"color":{"background":"#123456"},"elements":{"link":{"color":{"text":"var:preset|color|accent-1"}}}}} /-->';
		const [ block ] = parse( content );

		expect( block?.isValid ).toBe( true );
		expect( block?.attributes ).toEqual( {
			service: 0,
			employee: 3,
			showEmployeeStep: true,
			style: {
				color: { background: '#123456' },
				elements: {
					link: { color: { text: 'var:preset|color|accent-1' } },
				},
			},
		} );
		expect( serialize( block ? [ block ] : [] ) ).toBe( content );
	} );
} );
