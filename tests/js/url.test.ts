/**
 * Internal dependencies
 */
import {
	buildManageUrl,
	readDeepLink,
	readManageLink,
	withoutManageToken,
} from '../../src/shared/url';

describe( 'readDeepLink', () => {
	it( 'reads service, employee and date', () => {
		expect(
			readDeepLink( '?service=2&employee=3&date=2030-03-12' )
		).toEqual( { service: 2, employee: 3, date: '2030-03-12' } );
	} );

	it( 'needs a service; drops an invalid date', () => {
		expect( readDeepLink( '?employee=3' ) ).toBeNull();
		expect( readDeepLink( '?service=x' ) ).toBeNull();
		expect( readDeepLink( '?service=2&date=2030-02-30' ) ).toEqual( {
			service: 2,
			employee: null,
			date: null,
		} );
	} );
} );

describe( 'readManageLink', () => {
	it( 'reads the booking id from the query and the token from the fragment', () => {
		expect(
			readManageLink(
				'?appointease_booking=5',
				'#appointease_token=abc_123'
			)
		).toEqual( { id: 5, token: 'abc_123' } );
	} );

	it( 'still reads the token in the query of links emailed before', () => {
		expect(
			readManageLink( '?appointease_booking=5&appointease_token=abc_123' )
		).toEqual( { id: 5, token: 'abc_123' } );
	} );

	it.each( [ '?appointease_booking=0&appointease_token=abc', '?service=2' ] )(
		'ignores %s',
		( search ) => {
			expect( readManageLink( search ) ).toBeNull();
		}
	);

	it.each( [
		'?appointease_booking=5',
		'?appointease_booking=5&appointease_token=<script>',
	] )( 'keeps the booking but no token from %s', ( search ) => {
		expect( readManageLink( search ) ).toEqual( { id: 5, token: '' } );
	} );

	it( 'ignores a token in the fragment without a booking id', () => {
		expect( readManageLink( '', '#appointease_token=abc' ) ).toBeNull();
	} );
} );

describe( 'withoutManageToken', () => {
	it( 'drops the token from the query and the fragment, keeping the rest', () => {
		expect(
			withoutManageToken(
				'https://example.com/book/?lang=de&appointease_booking=7&appointease_token=q#appointease_token=f&x=1'
			)
		).toBe( 'https://example.com/book/?lang=de&appointease_booking=7#x=1' );
		expect(
			withoutManageToken(
				'https://example.com/book/?appointease_booking=7#appointease_token=f'
			)
		).toBe( 'https://example.com/book/?appointease_booking=7' );
	} );
} );

describe( 'buildManageUrl', () => {
	it( "replaces the page's own arguments and puts the token in the fragment", () => {
		expect(
			buildManageUrl(
				'https://example.com/book/?lang=de&service=2&date=2030-03-12#top',
				7,
				'tok'
			)
		).toBe(
			'https://example.com/book/?lang=de&appointease_booking=7#appointease_token=tok'
		);
	} );
} );
