/**
 * Internal dependencies
 */
import {
	fieldErrorsFromServer,
	validateCustomer,
} from '../../src/shared/validation';

const customer = ( overrides = {} ) => ( {
	name: 'Zoe',
	email: 'zoe@example.com',
	phone: '',
	notes: '',
	...overrides,
} );

describe( 'validateCustomer', () => {
	it( 'accepts good details, trimming spaces', () => {
		expect(
			validateCustomer( customer( { email: ' zoe@example.com ' } ) )
		).toEqual( {} );
		expect(
			validateCustomer( customer( { phone: '+49 (30) 123-45.6' } ) )
		).toEqual( {} );
	} );

	it( 'names each field at fault', () => {
		const errors = validateCustomer( {
			name: '  ',
			email: 'zoe@example',
			phone: 'call me',
			notes: 'x'.repeat( 2001 ),
		} );
		expect( Object.keys( errors ).sort() ).toEqual( [
			'email',
			'name',
			'notes',
			'phone',
		] );
		expect( errors.name ).toBe( 'Please enter your name.' );
		expect( errors.email ).toMatch( /valid email address/ );
	} );

	it( 'limits the name to 100 characters', () => {
		expect(
			validateCustomer( customer( { name: 'a'.repeat( 101 ) } ) ).name
		).toMatch( /100 characters/ );
	} );
} );

describe( 'fieldErrorsFromServer', () => {
	it( "maps core's messages about nested fields to the fields", () => {
		expect(
			fieldErrorsFromServer(
				{ customer: 'customer[email] is not a valid email address.' },
				customer( { email: 'zoe@example.com' } )
			)
		).toEqual( { email: 'customer[email] is not a valid email address.' } );
		expect(
			fieldErrorsFromServer(
				{ 'customer.name': 'empty' },
				customer( { name: ' ' } )
			)
		).toEqual( { name: 'Please enter your name.' } );
	} );
} );
