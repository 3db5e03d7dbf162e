/**
 * Internal dependencies
 */
import {
	buildManageUrl,
	readConfirmLink,
	readDeepLink,
	readManageLink,
	withoutManageToken,
} from '../../src/shared/url';
import { minutesToConfirm } from '../../src/blocks/booking/components/DoneStep';

describe( 'readConfirmLink', () => {
	it( 'reads the booking id and token from the fragment', () => {
		expect( readConfirmLink( '#appointease_confirm=7.abc123' ) ).toEqual( {
			id: 7,
			token: 'abc123',
		} );
	} );

	it.each( [
		'',
		'#',
		'#appointease_confirm=',
		'#appointease_confirm=7',
		'#appointease_confirm=0.abc',
		'#appointease_confirm=x.abc',
		'#appointease_confirm=7.a<b',
		'#other=7.abc',
	] )( 'ignores %j', ( hash ) => {
		expect( readConfirmLink( hash ) ).toBeNull();
	} );
} );

describe( 'minutesToConfirm', () => {
	it( "counts from the server's own times", () => {
		expect(
			minutesToConfirm(
				'2030-03-01T09:00:00+01:00',
				'2030-03-01T09:30:00+01:00'
			)
		).toBe( 30 );
		expect( minutesToConfirm( '2030-03-01T09:00:00+01:00', '' ) ).toBe( 0 );
	} );
} );

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
