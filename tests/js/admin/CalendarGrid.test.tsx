/**
 * The calendar grid's keyboard cursor on empty times (CalendarGrid.tsx,
 * GridCursor.tsx).
 */

/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { CalendarGrid } from '../../../src/admin/screens/bookings/CalendarGrid';
import { ANA, BEN, booking, HAIRCUT } from './fixtures';

const DAY = '2030-01-07';

function grid( onEmptyClick?: jest.Mock, end = 1080 ) {
	return (
		<CalendarGrid
			columns={ [ ANA, BEN ].map( ( employee ) => ( {
				employee,
				date: DAY,
				label: employee.name,
				name: employee.name,
				isToday: false,
			} ) ) }
			range={ { start: 480, end } }
			bookings={ [ booking() ] }
			holds={ {} }
			services={ [ HAIRCUT ] }
			canDrag={ () => false }
			onOpen={ jest.fn() }
			onEmptyClick={ onEmptyClick }
		/>
	);
}

function renderGrid( onEmptyClick?: jest.Mock ) {
	return render( grid( onEmptyClick ) );
}

describe( 'CalendarGrid keyboard cursor', () => {
	it( 'is one tab stop that arrow keys move across times and employees, naming each, and Enter asks for a booking there', () => {
		const onEmptyClick = jest.fn();
		renderGrid( onEmptyClick );

		// It starts where the first column's working day does.
		const first = screen.getByRole( 'button', {
			name: /^New booking at 09:00 with Ana Silva on /,
		} );
		expect( first ).toHaveAttribute(
			'aria-describedby',
			'appointease-grid-keys'
		);
		expect(
			document.getElementsByClassName( 'appointease-grid__cursor' )
		).toHaveLength( 1 );

		fireEvent.keyDown( first, { key: 'ArrowDown' } );
		fireEvent.keyDown( screen.getByRole( 'button', { name: /at 09:15/ } ), {
			key: 'PageDown',
		} );
		const booked = screen.getByRole( 'button', {
			name: /^New booking at 10:15 with Ana Silva on .*, taken by a booking$/,
		} );
		expect( booked ).toHaveFocus();

		fireEvent.keyDown( booked, { key: 'ArrowRight' } );
		const ben = screen.getByRole( 'button', {
			name: /^New booking at 10:15 with Ben Okafor on .*\d$/,
		} );
		expect( ben ).toHaveFocus();

		fireEvent.keyDown( ben, { key: 'Home' } );
		const early = screen.getByRole( 'button', {
			name: /^New booking at 08:00 with Ben Okafor on .*, outside working hours$/,
		} );
		expect( early ).toHaveFocus();

		fireEvent.click( early );
		expect( onEmptyClick ).toHaveBeenCalledWith( BEN.id, DAY, 480 );
	} );

	it( 'leaves the focus where it is when the grid changes by itself', () => {
		const { rerender } = render(
			<>
				<input aria-label="Date" />
				{ grid( jest.fn() ) }
			</>
		);
		const cursor = screen.getByRole( 'button', { name: /at 09:00/ } );
		fireEvent.keyDown( cursor, { key: 'End' } );
		expect(
			screen.getByRole( 'button', { name: /at 17:45/ } )
		).toHaveFocus();

		const date = screen.getByRole( 'textbox', { name: 'Date' } );
		date.focus();
		// A shorter day: the cursor is put back inside, at 16:45.
		rerender(
			<>
				<input aria-label="Date" />
				{ grid( jest.fn(), 1020 ) }
			</>
		);
		expect(
			screen.getByRole( 'button', { name: /at 16:45/ } )
		).not.toHaveFocus();
		expect( date ).toHaveFocus();
	} );

	it( 'has no cursor where nobody may book (My bookings)', () => {
		renderGrid();

		expect(
			screen.queryByRole( 'button', { name: /^New booking at / } )
		).toBeNull();
		expect(
			screen.getByRole( 'button', { name: /Zoe Quinn/ } )
		).toBeVisible();
	} );
} );
