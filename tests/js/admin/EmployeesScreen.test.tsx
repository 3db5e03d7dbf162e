/**
 * External dependencies
 */
import {
	fireEvent,
	render,
	screen,
	waitFor,
	within,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */

/**
 * Internal dependencies
 */
import { normalizeConfig } from '../../../src/admin/config';
import { EmployeesScreen } from '../../../src/admin/screens/employees/EmployeesScreen';
import type { Employee } from '../../../src/shared/types';
import { callsTo, mockApi, restError } from './api-mock';
import { ANA, HAIRCUT, YOGA } from './fixtures';

jest.mock( '@wordpress/api-fetch' );

const EMPLOYEES = '/appointease/v1/employees';
const CALENDAR_SYNC = '/appointease/v1/employees/1/calendar-sync';
const NO_SYNC = { feed_created: null, calendars: [] };

function serve( create: ( data: unknown ) => unknown = ( data ) => data ) {
	let employees: Employee[] = [ ANA ];
	mockApi( {
		'GET /appointease/v1/services': () => [ HAIRCUT, YOGA ],
		[ `GET ${ EMPLOYEES }` ]: () => employees,
		[ `POST ${ EMPLOYEES }` ]: ( call ) => {
			const created = {
				...( create( call.data ) as Employee ),
				id: 5,
			};
			employees = [ ...employees, created ];
			return created;
		},
		[ `PATCH ${ EMPLOYEES }/1` ]: ( call ) => {
			const changed = create( { ...ANA, ...( call.data as object ) } );
			employees = [ changed as Employee ];
			return changed;
		},
		'GET /wp/v2/users': () => [
			{ id: 3, name: 'Ana S.', username: 'ana' },
			{ id: 4, name: 'Ben O.', username: 'ben' },
		],
		[ `GET ${ CALENDAR_SYNC }` ]: () => NO_SYNC,
	} );
}

function renderScreen( canListUsers = true ) {
	return render(
		<EmployeesScreen
			config={ normalizeConfig( {
				screen: 'employees',
				today: '2030-01-01',
				timezones: [ 'Europe/Berlin', 'America/New_York' ],
				canListUsers,
			} ) }
		/>
	);
}

function day( name: string ) {
	return within( screen.getByRole( 'group', { name } ) );
}

describe( 'EmployeesScreen', () => {
	it( 'deletes an employee after asking, says so, and reads the list again', async () => {
		let employees: Employee[] = [ ANA ];
		mockApi( {
			'GET /appointease/v1/services': () => [ HAIRCUT, YOGA ],
			[ `GET ${ EMPLOYEES }` ]: () => employees,
			[ `DELETE ${ EMPLOYEES }/1` ]: () => {
				employees = [];
				return { deleted: true };
			},
		} );
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Delete Ana Silva' } )
		);
		expect( callsTo( `DELETE ${ EMPLOYEES }/1` ) ).toHaveLength( 0 );
		fireEvent.click(
			within(
				screen.getByRole( 'dialog', { name: 'Delete this employee?' } )
			).getByRole( 'button', { name: 'Delete employee' } )
		);

		expect(
			await screen.findByText( 'Employee "Ana Silva" deleted.' )
		).toBeVisible();
		expect( callsTo( `DELETE ${ EMPLOYEES }/1` ) ).toHaveLength( 1 );
		expect( callsTo( `GET ${ EMPLOYEES }` ) ).toHaveLength( 2 );
		expect(
			screen.queryByRole( 'button', { name: 'Delete Ana Silva' } )
		).toBeNull();
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'adds an employee with services, hours with a break, and days off', async () => {
		serve();
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Add employee' } )
		);
		fireEvent.change( screen.getByLabelText( 'Name' ), {
			target: { value: 'Dana Cruz' },
		} );
		fireEvent.change( screen.getByLabelText( 'Email' ), {
			target: { value: 'dana@example.com' },
		} );
		fireEvent.change(
			await screen.findByLabelText( 'Linked WordPress user' ),
			{ target: { value: '4' } }
		);
		fireEvent.change( screen.getByLabelText( 'Timezone' ), {
			target: { value: 'America/New_York' },
		} );
		fireEvent.click( screen.getByLabelText( 'Yoga class' ) );

		// Monday: 09:00–12:00 and, after a break, 13:00–17:00.
		fireEvent.click(
			day( 'Monday' ).getByRole( 'button', {
				name: 'Add hours on Monday',
			} )
		);
		fireEvent.change(
			day( 'Monday' ).getByLabelText( 'To (Monday, range 1)' ),
			{
				target: { value: '12:00' },
			}
		);
		fireEvent.click(
			day( 'Monday' ).getByRole( 'button', {
				name: 'Add hours after a break on Monday',
			} )
		);
		expect(
			day( 'Monday' ).getByLabelText( 'From (Monday, range 2)' )
		).toHaveValue( '13:00' );
		// Tuesday to Friday as Monday.
		fireEvent.click(
			screen.getByRole( 'button', {
				name: 'Copy Monday to Tuesday–Friday',
			} )
		);
		// Saturday: the offered 09:00–17:00.
		fireEvent.click(
			day( 'Saturday' ).getByRole( 'button', {
				name: 'Add hours on Saturday',
			} )
		);

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add days off' } )
		);
		fireEvent.change( screen.getByLabelText( 'Last day (day off 1)' ), {
			target: { value: '2030-01-03' },
		} );
		fireEvent.change( screen.getByLabelText( 'Reason (day off 1)' ), {
			target: { value: 'Holiday' },
		} );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);

		expect(
			await screen.findByText( 'Employee "Dana Cruz" saved.' )
		).toBeVisible();
		expect( callsTo( `POST ${ EMPLOYEES }` )[ 0 ]?.data ).toEqual( {
			name: 'Dana Cruz',
			email: 'dana@example.com',
			wp_user: 4,
			timezone: 'America/New_York',
			active: true,
			services: [ 4 ],
			hours: [
				...[ 1, 2, 3, 4, 5 ].flatMap( ( weekday ) => [
					{ weekday, start: '09:00', end: '12:00' },
					{ weekday, start: '13:00', end: '17:00' },
				] ),
				{ weekday: 6, start: '09:00', end: '17:00' },
			],
			days_off: [
				{ start: '2030-01-01', end: '2030-01-03', reason: 'Holiday' },
			],
		} );
		const row = await screen.findByRole( 'row', { name: /Dana Cruz/ } );
		expect( row ).toHaveTextContent( 'Yoga class' );
		expect( row ).toHaveTextContent( '6 days a week' );
	} );

	it( 'points at overlapping hours and sends nothing', async () => {
		serve();
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);
		fireEvent.change(
			day( 'Monday' ).getByLabelText( 'From (Monday, range 2)' ),
			{
				target: { value: '12:00' },
			}
		);

		expect(
			day( 'Monday' ).getByText( 'Ranges on one day must not overlap.' )
		).toBeVisible();
		expect(
			day( 'Monday' ).getByLabelText( 'From (Monday, range 2)' )
		).toHaveAccessibleDescription( 'Ranges on one day must not overlap.' );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);

		expect(
			await screen.findByText( 'Correct the working hours marked below.' )
		).toBeVisible();
		expect( callsTo( `PATCH ${ EMPLOYEES }/1` ) ).toHaveLength( 0 );
	} );

	it( 'removes a range, which leaves the day without its break', async () => {
		serve();
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);
		fireEvent.click(
			day( 'Monday' ).getByRole( 'button', {
				name: 'Remove Monday, range 2',
			} )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);

		expect(
			await screen.findByText( 'Employee "Ana Silva" saved.' )
		).toBeVisible();
		expect( callsTo( `PATCH ${ EMPLOYEES }/1` )[ 0 ]?.data ).toMatchObject(
			{
				hours: [ { weekday: 1, start: '09:00', end: '12:30' } ],
			}
		);
	} );

	it( "shows the server's reason next to the field it names", async () => {
		serve( () => {
			throw restError(
				'There is no such WordPress user.',
				'VALIDATION_ERROR',
				400,
				{ wp_user: 'There is no such WordPress user.' }
			);
		} );
		renderScreen( false );

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);
		// Without the right to list users, the link is a user id.
		fireEvent.change( screen.getByLabelText( 'Linked WordPress user id' ), {
			target: { value: '999' },
		} );
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);

		expect(
			await screen.findByText(
				'The employee was not saved. There is no such WordPress user. (VALIDATION_ERROR)'
			)
		).toBeVisible();
		expect(
			screen.getByLabelText( 'Linked WordPress user id' )
		).toHaveAttribute( 'aria-invalid', 'true' );
		expect( callsTo( 'GET /wp/v2/users' ) ).toHaveLength( 0 );
	} );

	it( "shows the server's reasons for a list item's fields at the list", async () => {
		serve( () => {
			throw restError(
				'Invalid parameter(s): hours',
				'VALIDATION_ERROR',
				400,
				{
					'hours[0][start]': 'Monday starts too early.',
					'hours[1][end]': 'Monday ends too late.',
				}
			);
		} );
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);

		expect(
			await screen.findByText(
				'Monday starts too early. Monday ends too late.',
				{ selector: '.appointease-admin__error' }
			)
		).toBeVisible();
		expect(
			screen.getByRole( 'button', { name: 'Save employee' } )
		).toBeEnabled();
	} );

	it( 'offers inactive services only to an employee who still has them', async () => {
		mockApi( {
			'GET /appointease/v1/services': () => [
				{ ...HAIRCUT, active: false },
				{ ...YOGA, active: false },
			],
			[ `GET ${ EMPLOYEES }` ]: () => [ ANA ],
			[ `GET ${ CALENDAR_SYNC }` ]: () => NO_SYNC,
		} );
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);

		expect( screen.getByLabelText( 'Haircut (inactive)' ) ).toBeChecked();
		expect( screen.queryByLabelText( /Yoga class/ ) ).toBeNull();
		const make = screen.getByRole( 'button', {
			name: 'Make a feed address',
		} );
		// The calendar sync panel loads its state below the form.
		await waitFor( () => expect( make ).toBeEnabled() );
	} );

	it( 'marks a day off that ends before it starts', async () => {
		serve();
		renderScreen();

		fireEvent.click(
			await screen.findByRole( 'button', { name: 'Edit Ana Silva' } )
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Add days off' } )
		);
		fireEvent.change( screen.getByLabelText( 'First day (day off 1)' ), {
			target: { value: '2030-01-05' },
		} );

		expect(
			screen.getByText( 'The last day cannot be before the first.' )
		).toBeVisible();
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Save employee' } )
		);
		expect(
			await screen.findByText( 'Correct the days off marked below.' )
		).toBeVisible();
		expect( callsTo( `PATCH ${ EMPLOYEES }/1` ) ).toHaveLength( 0 );
	} );
} );
