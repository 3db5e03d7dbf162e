/**
 * Internal dependencies
 */
import {
	buildManageUrl,
	readDeepLink,
	readManageLink,
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
	it( 'reads the booking id and token', () => {
		expect(
			readManageLink( '?appointease_booking=5&appointease_token=abc_123' )
		).toEqual( { id: 5, token: 'abc_123' } );
	} );

	it.each( [
		'?appointease_booking=5',
		'?appointease_booking=0&appointease_token=abc',
		'?appointease_booking=5&appointease_token=<script>',
	] )( 'ignores %s', ( search ) => {
		expect( readManageLink( search ) ).toBeNull();
	} );
} );

describe( 'buildManageUrl', () => {
	it( "replaces the page's own arguments and keeps the others", () => {
		expect(
			buildManageUrl(
				'https://example.com/book/?lang=de&service=2&date=2030-03-12#top',
				7,
				'tok'
			)
		).toBe(
			'https://example.com/book/?lang=de&appointease_booking=7&appointease_token=tok'
		);
	} );
} );
