/**
 * Internal dependencies
 */
import {
	DEFAULT_SETTINGS,
	normalizeSettings,
	parseSettings,
	readSettings,
	sanitizeColor,
	timeZoneName,
	toId,
} from '../../src/shared/config';

describe( 'parseSettings', () => {
	it( 'reads the JSON the server renders', () => {
		expect(
			parseSettings(
				'{"service":3,"employee":7,"showEmployeeStep":false,"accentColor":"#ff0066","restNamespace":"appointease/v1","restUrl":"http://localhost:8888/wp-json/","pollInterval":2,"holdTtl":45,"minimumNotice":60,"currency":"EUR","locale":"de-DE","timezone":"Europe/Berlin"}'
			)
		).toEqual( {
			service: 3,
			employee: 7,
			showEmployeeStep: false,
			accentColor: '#ff0066',
			restNamespace: 'appointease/v1',
			restUrl: 'http://localhost:8888/wp-json/',
			pollInterval: 2,
			holdTtl: 45,
			minimumNotice: 60,
			currency: 'EUR',
			locale: 'de-DE',
			timezone: 'Europe/Berlin',
		} );
	} );

	it.each( [
		[ 'Asia/Tokyo', 'Asia/Tokyo' ],
		[ 'America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires' ],
		[ '+01:00', '' ],
		[ 'Mars/Olympus_Mons', '' ],
		[ '"><script>', '' ],
		[ 42, '' ],
	] )( 'takes the timezone %p as %p', ( given, expected ) => {
		expect( timeZoneName( given ) ).toBe( expected );
	} );

	it.each( [
		[ 'absent', null ],
		[ 'undefined', undefined ],
		[ 'empty', '' ],
		[ 'blank', '   ' ],
		[ 'invalid JSON', '{service:1' ],
		[ 'an array', '[1,2]' ],
		[ 'a string', '"service"' ],
		[ 'null', 'null' ],
		[ 'a number', '42' ],
	] )( 'gives the defaults when the attribute is %s', ( _label, json ) => {
		expect( parseSettings( json ) ).toEqual( DEFAULT_SETTINGS );
	} );

	it( 'fills in missing fields with defaults', () => {
		expect( parseSettings( '{"employee":2}' ) ).toEqual( {
			...DEFAULT_SETTINGS,
			employee: 2,
		} );
	} );

	it( 'returns a new object each time', () => {
		const settings = parseSettings( null );
		expect( settings ).not.toBe( DEFAULT_SETTINGS );
		expect( Object.isFrozen( settings ) ).toBe( false );
	} );
} );

describe( 'normalizeSettings', () => {
	it( 'replaces invalid field values with defaults', () => {
		expect(
			normalizeSettings( {
				service: -1,
				employee: 1.5,
				showEmployeeStep: 'no',
				accentColor: 'red; background: url(x)',
				restNamespace: '../wp/v2',
				restUrl: 'javascript:alert(1)',
				pollInterval: 0,
				holdTtl: 5,
				minimumNotice: -1,
			} )
		).toEqual( DEFAULT_SETTINGS );
	} );

	it( 'accepts ids given as strings of digits', () => {
		expect(
			normalizeSettings( { service: '12', employee: ' 4 ' } )
		).toMatchObject( { service: 12, employee: 4 } );
	} );

	it( 'ignores unknown keys', () => {
		expect( normalizeSettings( { extra: true } ) ).toEqual(
			DEFAULT_SETTINGS
		);
	} );
} );

describe( 'toId', () => {
	it.each( [
		[ 0, 0 ],
		[ 5, 5 ],
		[ '17', 17 ],
		[ -3, 0 ],
		[ 2.5, 0 ],
		[ '2.5', 0 ],
		[ '', 0 ],
		[ 'abc', 0 ],
		[ Number.NaN, 0 ],
		[ Number.MAX_SAFE_INTEGER + 1, 0 ],
		[ null, 0 ],
		[ true, 0 ],
	] )( 'toId( %p ) is %p', ( value, expected ) => {
		expect( toId( value ) ).toBe( expected );
	} );

	it( 'uses the fallback for invalid values', () => {
		expect( toId( 'x', 9 ) ).toBe( 9 );
	} );
} );

describe( 'sanitizeColor', () => {
	// One rule with the server (sanitize_hex_color): #rgb or #rrggbb.
	it.each( [ '#fff', '#FFF', '#1e73be', '#1E73BE' ] )(
		'keeps %s',
		( color ) => {
			expect( sanitizeColor( color ) ).toBe( color );
		}
	);

	it( 'trims whitespace', () => {
		expect( sanitizeColor( '  #abc ' ) ).toBe( '#abc' );
	} );

	it.each( [
		'',
		'#ab',
		'#abcd',
		'#abcde',
		'#1e73be80',
		'rgb(255, 0, 102)',
		'rebeccapurple',
		'var(--wp--preset--color--primary)',
		'red;',
		'red; background: url(x)',
		'url(https://example.com/x.png)',
		'expression(alert(1))',
		'</style>',
		'#' + 'a'.repeat( 200 ),
		42,
		null,
		{},
	] )( 'rejects %p', ( color ) => {
		expect( sanitizeColor( color ) ).toBe( '' );
	} );
} );

describe( 'readSettings', () => {
	it( "reads an element's data-appointease attribute", () => {
		const element = document.createElement( 'div' );
		element.setAttribute(
			'data-appointease',
			JSON.stringify( { service: 1, showEmployeeStep: false } )
		);
		expect( readSettings( element ) ).toEqual( {
			...DEFAULT_SETTINGS,
			service: 1,
			showEmployeeStep: false,
		} );
	} );

	it( 'gives the defaults without the attribute', () => {
		expect( readSettings( document.createElement( 'div' ) ) ).toEqual(
			DEFAULT_SETTINGS
		);
	} );
} );
