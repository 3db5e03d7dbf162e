/**
 * Internal dependencies
 */
import { ApiError, bookingQuery, withQuery } from '../../../src/shared/api';
import { normalizeConfig } from '../../../src/admin/config';
import { allowedActions } from '../../../src/admin/lib/bookings';
import {
	failureFromBody,
	failureText,
	toFailure,
} from '../../../src/admin/lib/errors';
import {
	dayProblem,
	flattenHours,
	groupHours,
	nextRange,
} from '../../../src/admin/lib/hours';
import {
	changedSettings,
	fieldKind,
	fieldLabel,
	fromControl,
	rangeProblem,
	templateOf,
} from '../../../src/admin/lib/settings';
import {
	addDays,
	datePart,
	isDate,
	isoWeekday,
	timePart,
	weekDates,
} from '../../../src/shared/time';

describe( 'time', () => {
	it( "reads the calendar's wall clock from an API time, whatever the browser's timezone", () => {
		expect( datePart( '2030-01-07T23:30:00-08:00' ) ).toBe( '2030-01-07' );
		expect( timePart( '2030-01-07T23:30:00-08:00' ) ).toBe( '23:30' );
	} );

	it( 'steps over month, year and DST boundaries by whole days', () => {
		expect( addDays( '2030-12-31', 1 ) ).toBe( '2031-01-01' );
		expect( addDays( '2030-03-31', -1 ) ).toBe( '2030-03-30' );
		expect( addDays( '2028-02-28', 1 ) ).toBe( '2028-02-29' );
	} );

	it( 'gives ISO weekdays and Monday-first weeks', () => {
		expect( isoWeekday( '2030-01-06' ) ).toBe( 7 );
		expect( isoWeekday( '2030-01-07' ) ).toBe( 1 );
		expect( weekDates( '2030-01-06' ) ).toEqual( [
			'2029-12-31',
			'2030-01-01',
			'2030-01-02',
			'2030-01-03',
			'2030-01-04',
			'2030-01-05',
			'2030-01-06',
		] );
	} );

	it( 'accepts real dates only', () => {
		expect( isDate( '2030-01-07' ) ).toBe( true );
		expect( isDate( '2030-02-30' ) ).toBe( false );
		expect( isDate( '' ) ).toBe( false );
	} );
} );

describe( 'hours', () => {
	it( "groups by weekday (sorted) and flattens back to the API's list", () => {
		const api = [
			{ weekday: 1, start: '13:30', end: '17:00' },
			{ weekday: 1, start: '09:00', end: '12:30' },
			{ weekday: 5, start: '10:00', end: '14:00' },
		];
		const week = groupHours( api );
		expect( week[ 1 ] ).toEqual( [
			{ start: '09:00', end: '12:30' },
			{ start: '13:30', end: '17:00' },
		] );
		expect( week[ 2 ] ).toEqual( [] );
		expect( flattenHours( week ) ).toEqual( [
			{ weekday: 1, start: '09:00', end: '12:30' },
			{ weekday: 1, start: '13:30', end: '17:00' },
			{ weekday: 5, start: '10:00', end: '14:00' },
		] );
	} );

	it( 'finds what the server would refuse in one day', () => {
		expect( dayProblem( [ { start: '09:00', end: '12:00' } ] ) ).toBeNull();
		expect( dayProblem( [ { start: '09:00', end: '24:00' } ] ) ).toBeNull();
		expect( dayProblem( [ { start: '12:00', end: '09:00' } ] ) ).toMatch(
			/end after it starts/
		);
		expect(
			dayProblem( [
				{ start: '13:00', end: '17:00' },
				{ start: '09:00', end: '13:30' },
			] )
		).toMatch( /overlap/ );
		expect( dayProblem( [ { start: '09:03', end: '12:00' } ] ) ).toMatch(
			/5-minute/
		);
		expect( dayProblem( [ { start: '', end: '12:00' } ] ) ).toMatch(
			/hours and minutes/
		);
	} );

	it( 'offers 09:00–17:00 on an empty day and a range after a break otherwise', () => {
		expect( nextRange( [] ) ).toEqual( { start: '09:00', end: '17:00' } );
		expect( nextRange( [ { start: '09:00', end: '12:00' } ] ) ).toEqual( {
			start: '13:00',
			end: '17:00',
		} );
		expect( nextRange( [ { start: '18:00', end: '22:00' } ] ) ).toEqual( {
			start: '23:00',
			end: '24:00',
		} );
	} );
} );

describe( 'settings', () => {
	it( 'picks a control from the schema alone, so new settings need no code', () => {
		expect( fieldKind( 'approval_required', { type: 'boolean' } ) ).toBe(
			'toggle'
		);
		expect(
			fieldKind( 'slot_step', { type: 'integer', enum: [ 5, 10 ] } )
		).toBe( 'select' );
		expect( fieldKind( 'poll_interval', { type: 'integer' } ) ).toBe(
			'number'
		);
		expect(
			fieldKind( 'email_created_customer_body', { type: 'string' } )
		).toBe( 'textarea' );
		expect(
			fieldKind( 'email_created_customer_subject', {
				type: 'string',
				maxLength: 255,
			} )
		).toBe( 'text' );
		expect( fieldKind( 'price', { type: [ 'string', 'null' ] } ) ).toBe(
			'text'
		);
	} );

	it( 'labels unknown keys from their title or their name', () => {
		expect( fieldLabel( 'slot_step', {} ) ).toBe( 'Slot step (minutes)' );
		expect( fieldLabel( 'shop_name', { title: 'Shop' } ) ).toBe( 'Shop' );
		expect( fieldLabel( 'email_notify_admin', {} ) ).toBe(
			'Email notify admin'
		);
	} );

	it( 'splits email templates into their subject and body', () => {
		expect( templateOf( 'email_created_staff_body' ) ).toEqual( {
			template: 'email_created_staff',
			part: 'body',
		} );
		expect( templateOf( 'hold_ttl' ) ).toBeNull();
	} );

	it( "turns control text into the schema's type", () => {
		expect(
			fromControl( { type: 'integer', enum: [ 5, 10 ] }, '10' )
		).toBe( 10 );
		expect( fromControl( { type: 'integer' }, '42' ) ).toBe( 42 );
		expect( fromControl( { type: 'integer' }, '' ) ).toBe( '' );
		expect( fromControl( { type: 'string' }, '42' ) ).toBe( '42' );
	} );

	it( "says in words what breaks a number's range", () => {
		const schema = { type: 'integer', minimum: 1, maximum: 10 };
		expect( rangeProblem( schema, 5 ) ).toBeNull();
		expect( rangeProblem( schema, 11 ) ).toBe(
			'Enter a number from 1 to 10.'
		);
		expect( rangeProblem( schema, 2.5 ) ).toBe( 'Enter a whole number.' );
		expect( rangeProblem( schema, '' ) ).toBe( 'Enter a number.' );
		expect( rangeProblem( { type: 'integer', minimum: 0 }, -1 ) ).toBe(
			'Enter a number of at least 0.'
		);
		expect( rangeProblem( { type: 'string' }, 'x' ) ).toBeNull();
	} );

	it( 'sends only what changed', () => {
		expect(
			changedSettings(
				{ slot_step: 15, approval_required: false },
				{ slot_step: 15, approval_required: true }
			)
		).toEqual( { approval_required: true } );
	} );
} );

describe( 'errors', () => {
	it( "reads the envelope's message, reason and fields", () => {
		const failure = failureFromBody( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): duration',
			data: {
				status: 400,
				reason: 'VALIDATION_ERROR',
				params: { duration: 'duration must be a multiple of 5.' },
			},
		} );
		expect( failure ).toEqual( {
			message: 'Invalid parameter(s): duration',
			reason: 'VALIDATION_ERROR',
			params: { duration: 'duration must be a multiple of 5.' },
		} );
		expect( failureText( 'Not saved.', failure ) ).toBe(
			'Not saved. Invalid parameter(s): duration duration: duration must be a multiple of 5. (VALIDATION_ERROR)'
		);
	} );

	it( 'reads the ApiError the shared client throws', async () => {
		const error = new ApiError( 'That time was just taken.', {
			code: 'appointease_slot_taken',
			status: 409,
			reason: 'SLOT_TAKEN',
			params: { start: 'taken' },
		} );
		expect( await toFailure( error ) ).toEqual( {
			message: 'That time was just taken.',
			reason: 'SLOT_TAKEN',
			params: { start: 'taken' },
		} );
	} );

	it( 'handles network errors and unreadable answers', async () => {
		expect(
			await toFailure( {
				code: 'fetch_error',
				message: 'You are probably offline.',
			} )
		).toEqual( {
			message: 'You are probably offline.',
			reason: '',
			params: {},
		} );
		expect( ( await toFailure( 'boom' ) ).message ).toMatch(
			/could not be read/
		);
		expect( ( await toFailure( new Error( 'Broken' ) ) ).message ).toBe(
			'Broken'
		);
	} );
} );

describe( 'api', () => {
	it( 'sends only the filters that are set', () => {
		expect(
			bookingQuery(
				{
					employee: 2,
					service: 0,
					status: '',
					from: '2030-01-01',
					to: '',
					search: '  zoe ',
				},
				3,
				20
			)
		).toEqual( {
			page: 3,
			per_page: 20,
			employee: 2,
			from: '2030-01-01',
			search: 'zoe',
		} );
		expect( withQuery( '/x', { a: 1, b: 'c d' } ) ).toBe( '/x?a=1&b=c+d' );
		expect( withQuery( '/x', {} ) ).toBe( '/x' );
	} );

	it( 'offers only the actions a status allows', () => {
		expect( allowedActions( 'pending' ) ).toEqual( [
			'approve',
			'reject',
			'reschedule',
			'cancel',
		] );
		expect( allowedActions( 'confirmed' ) ).toEqual( [
			'reschedule',
			'cancel',
		] );
		expect( allowedActions( 'cancelled' ) ).toEqual( [] );
		expect( allowedActions( 'confirmed', true ) ).toEqual( [
			'no-show',
			'reschedule',
			'cancel',
		] );
		expect( allowedActions( 'completed' ) ).toEqual( [ 'no-show' ] );
		expect( allowedActions( 'no_show', true ) ).toEqual( [] );
	} );
} );

describe( 'config', () => {
	it( 'falls back to safe defaults for anything malformed', () => {
		const config = normalizeConfig( {
			screen: 'nope',
			today: '07/01/2030',
			timezones: [ 'Europe/Berlin', 5 ],
			holdStore: {
				store: 'redis',
				configured: true,
				reachable: true,
				latency_ms: 0.4,
			},
		} );
		expect( config.screen ).toBe( 'bookings' );
		expect( config.today ).toMatch( /^\d{4}-\d{2}-\d{2}$/ );
		expect( config.timezones ).toEqual( [ 'Europe/Berlin' ] );
		expect( config.canListUsers ).toBe( false );
		expect( config.holdStore ).toEqual( {
			store: 'redis',
			configured: true,
			reachable: true,
			latency_ms: 0.4,
			error: null,
		} );
		expect( normalizeConfig( null ).holdStore ).toBeNull();
	} );
} );
