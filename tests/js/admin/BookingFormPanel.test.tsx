/**
 * External dependencies
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { BookingFormPanel } from '../../../src/admin/screens/settings/BookingFormPanel';
import type { BookingField } from '../../../src/shared/types';
import { callsTo, mockApi, restError } from './api-mock';
import { HAIRCUT } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const ROUTE = '/appointease/v1/booking-fields';

function field( overrides: Partial< BookingField > ): BookingField {
	return {
		id: 'f_0000000a',
		label: 'Allergies',
		type: 'long_text',
		help: '',
		required: false,
		options: [],
		service: 0,
		hidden_for: [],
		order: 0,
		...overrides,
	};
}

const FIELDS = [
	field( {} ),
	field( {
		id: 'f_0000000b',
		label: 'Colour',
		type: 'radio',
		options: [ 'Red' ],
		order: 1,
		service: 1,
	} ),
];

function routes( extra = {} ) {
	mockApi( {
		[ `GET ${ ROUTE }` ]: () => FIELDS,
		'GET /appointease/v1/services': () => [ HAIRCUT ],
		[ `PATCH ${ ROUTE }/f_0000000a` ]: () => FIELDS[ 0 ],
		[ `PATCH ${ ROUTE }/f_0000000b` ]: () => FIELDS[ 1 ],
		...extra,
	} );
}

describe( 'BookingFormPanel', () => {
	it( 'lists the questions with the form they are on and swaps two with Up', async () => {
		routes();
		render( <BookingFormPanel /> );
		expect(
			await screen.findByRole( 'row', { name: /Colour/ } )
		).toHaveTextContent( 'Haircut' );
		expect(
			screen.getByRole( 'row', { name: /Allergies/ } )
		).toHaveTextContent( 'Every service' );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Move "Colour" up' } )
		);
		await waitFor( () =>
			expect( callsTo( `PATCH ${ ROUTE }/f_0000000a` ) ).toHaveLength( 1 )
		);
		expect( callsTo( `PATCH ${ ROUTE }/f_0000000b` )[ 0 ]?.data ).toEqual( {
			order: 0,
		} );
		expect( callsTo( `PATCH ${ ROUTE }/f_0000000a` )[ 0 ]?.data ).toEqual( {
			order: 1,
		} );
	} );

	it( 'adds a drop-down with one choice per line, and shows why the server refused one', async () => {
		routes( {
			[ `POST ${ ROUTE }` ]: () => {
				throw restError(
					'A select, radio or checkboxes field needs at least one option.',
					'VALIDATION_ERROR',
					400
				);
			},
		} );
		render( <BookingFormPanel service={ HAIRCUT } /> );
		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Add a question' } )
		);
		fireEvent.change( screen.getByLabelText( 'Question' ), {
			target: { value: 'Where from?' },
		} );
		fireEvent.change( screen.getByLabelText( 'Type' ), {
			target: { value: 'select' },
		} );
		fireEvent.change( screen.getByLabelText( 'Choices' ), {
			target: { value: ' A friend \n\nThe web' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save question' } )
		);
		await waitFor( () =>
			expect( callsTo( `POST ${ ROUTE }` ) ).toHaveLength( 1 )
		);
		expect( callsTo( `POST ${ ROUTE }` )[ 0 ]?.data ).toEqual( {
			label: 'Where from?',
			type: 'select',
			help: '',
			required: false,
			options: [ 'A friend', 'The web' ],
			service: HAIRCUT.id,
			hidden_for: [],
		} );
		expect(
			await screen.findByText( /needs at least one option/ )
		).toBeVisible();
	} );
} );
