/**
 * Internal dependencies
 */
import {
	answerErrorsFromServer,
	answersToSend,
	checkAnswer,
	checkAnswers,
	type FormField,
} from '../../src/shared/custom-fields';

function field( overrides: Partial< FormField > = {} ): FormField {
	return {
		id: 'f_00000001',
		type: 'text',
		label: 'Question',
		help: '',
		required: false,
		options: [],
		...overrides,
	};
}

describe( 'checkAnswer', () => {
	it( 'asks for a required answer by its label, and lets an optional one be empty', () => {
		const required = field( { required: true, label: 'Allergies' } );
		expect( checkAnswer( required, '  ' ) ).toBe(
			'Please answer "Allergies".'
		);
		expect( checkAnswer( required, undefined ) ).toBe(
			'Please answer "Allergies".'
		);
		expect(
			checkAnswer( field( { type: 'checkbox', required: true } ), false )
		).toBe( 'Please answer "Question".' );
		expect(
			checkAnswer( field( { type: 'checkboxes', required: true } ), [] )
		).toBe( 'Please answer "Question".' );
		expect( checkAnswer( field(), '' ) ).toBeUndefined();
	} );

	it( 'takes only the options of a choice field, as the server does', () => {
		const select = field( { type: 'select', options: [ 'Red', 'Blue' ] } );
		expect( checkAnswer( select, 'Red' ) ).toBeUndefined();
		expect( checkAnswer( select, 'red' ) ).toBe(
			'Please choose one of the choices of "Question".'
		);
		expect( checkAnswer( select, [ 'Red' ] ) ).toBe(
			'Please choose one of the choices of "Question".'
		);
		const boxes = field( {
			type: 'checkboxes',
			options: [ 'Red', 'Blue' ],
		} );
		expect( checkAnswer( boxes, [ 'Red', 'Blue' ] ) ).toBeUndefined();
		expect( checkAnswer( boxes, [ 'Red', 'Pink' ] ) ).toBe(
			'Please choose one of the choices of "Question".'
		);
	} );

	it.each( [
		[
			'email',
			'name@example.com',
			'maria-at-example',
			'needs an email address',
		],
		[ 'phone', '+49 (30) 123-4', 'call me', 'needs a phone number' ],
		[ 'number', '-12.5e3', '0x10', 'needs a number.' ],
		[
			'date',
			'2028-02-29',
			'2026-02-30',
			'needs a date written YYYY-MM-DD.',
		],
	] as const )(
		'checks the form of a %s answer',
		( type, good, bad, message ) => {
			expect( checkAnswer( field( { type } ), good ) ).toBeUndefined();
			expect( checkAnswer( field( { type } ), bad ) ).toBe(
				`"Question" ${ message }${
					type === 'email' ? ', like name@example.com.' : ''
				}${
					type === 'phone'
						? ': digits, spaces and + ( ) . - only.'
						: ''
				}`
			);
		}
	);

	it( 'counts characters as the server does, not UTF-16 units', () => {
		expect( checkAnswer( field(), '😀'.repeat( 200 ) ) ).toBeUndefined();
		expect( checkAnswer( field(), 'a'.repeat( 201 ) ) ).toBe(
			'"Question" is too long: at most 200 characters.'
		);
		expect(
			checkAnswer( field( { type: 'long_text' } ), 'a'.repeat( 2000 ) )
		).toBeUndefined();
	} );
} );

describe( 'checkAnswers', () => {
	it( 'names every field at fault and the unticked consent box', () => {
		const fields = [
			field( { id: 'f_a', required: true, label: 'A' } ),
			field( { id: 'f_b', type: 'number', label: 'B' } ),
			field( { id: 'f_c', label: 'C' } ),
		];
		const consent = { text: 'I agree.', privacy_url: '' };
		expect(
			checkAnswers( fields, { f_b: 'x', f_c: 'ok' }, consent, false )
		).toEqual( {
			f_a: 'Please answer "A".',
			f_b: '"B" needs a number.',
			consent: 'Please agree to the privacy policy to book.',
		} );
		expect( checkAnswers( fields, { f_a: 'yes' }, consent, true ) ).toEqual(
			{}
		);
		expect( checkAnswers( fields, { f_a: 'yes' }, null, false ) ).toEqual(
			{}
		);
	} );
} );

describe( 'answersToSend', () => {
	it( 'sends only the form’s answers, trimmed, without empty ones', () => {
		const fields = [
			field( { id: 'f_a' } ),
			field( { id: 'f_b', type: 'checkbox' } ),
			field( { id: 'f_c', type: 'checkboxes', options: [ 'X' ] } ),
			field( { id: 'f_d' } ),
		];
		expect(
			answersToSend( fields, {
				f_a: ' hi ',
				f_b: false,
				f_c: [ 'X' ],
				f_d: '   ',
				f_gone: 'from another service',
			} )
		).toEqual( { f_a: 'hi', f_c: [ 'X' ] } );
	} );
} );

describe( 'answerErrorsFromServer', () => {
	it( 'puts the server’s message on the field it names', () => {
		expect(
			answerErrorsFromServer(
				{ 'fields.f_a': 'not_an_option' },
				'Please choose one of the choices of "A".'
			)
		).toEqual( { f_a: 'Please choose one of the choices of "A".' } );
		expect(
			answerErrorsFromServer( { consent: 'required' }, 'Agree first.' )
		).toEqual( { consent: 'Agree first.' } );
		expect(
			answerErrorsFromServer( { 'customer.name': 'empty' }, 'Name!' )
		).toEqual( {} );
	} );
} );
