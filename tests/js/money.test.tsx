/**
 * External dependencies
 */
import { screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { Summary } from '../../src/blocks/booking/components/Summary';
import { formatPrice } from '../../src/shared/money';
import { normalizeSettings } from '../../src/shared/config';
import { at, HAIRCUT } from './support/fixtures';
import { renderWithStore, testStore } from './support/render';

describe( 'formatPrice', () => {
	it( "writes the currency the way the page's language does", () => {
		expect( formatPrice( '35.00', 'USD', 'en-US' ) ).toBe( '$35.00' );
		// Intl separates amount and sign with a no-break space.
		expect(
			formatPrice( '35.5', 'EUR', 'de-DE' ).replace( /\s/g, ' ' )
		).toBe( '35,50 €' );
		expect( formatPrice( '1200', 'JPY', 'ja-JP' ) ).toMatch( /1,200$/ );
	} );

	it( 'shows a plain number with two decimals without a currency', () => {
		expect( formatPrice( '35', '', 'en-US' ) ).toBe( '35.00' );
		expect( formatPrice( '1234.5', '', 'de-DE' ) ).toBe( '1.234,50' );
	} );

	it( 'gives the price as it came when it cannot format it', () => {
		expect( formatPrice( 'ask us', 'EUR', 'en-US' ) ).toBe( 'ask us' );
		expect( formatPrice( '35.00', 'EUR', 'not a tag!' ) ).toBe(
			'35.00 EUR'
		);
	} );
} );

describe( "the block's currency and language settings", () => {
	it( 'takes an ISO 4217 code and a BCP 47 tag, and nothing else', () => {
		expect(
			normalizeSettings( { currency: 'EUR', locale: 'de-DE-formal' } )
		).toMatchObject( { currency: 'EUR', locale: 'de-DE-formal' } );
		for ( const currency of [ 'eur', 'EURO', '€', 7 ] ) {
			expect( normalizeSettings( { currency } ).currency ).toBe( '' );
		}
		for ( const locale of [ 'de_DE', '<b>', '' ] ) {
			expect( normalizeSettings( { locale } ).locale ).toBe( '' );
		}
	} );
} );

describe( 'the summary of a booking', () => {
	it( 'names the duration and the price in the currency', () => {
		const { store } = testStore( { currency: 'USD', locale: 'en-US' } );
		store.getState().setServices( [ HAIRCUT ], 'ready' );
		renderWithStore(
			<Summary
				service={ HAIRCUT.id }
				employee={ 1 }
				start={ at( 10 ) }
			/>,
			store
		);
		expect( screen.getByText( 'Duration' ).nextSibling ).toHaveTextContent(
			'30 minutes'
		);
		expect( screen.getByText( 'Price' ).nextSibling ).toHaveTextContent(
			'$35.00'
		);
	} );
} );
