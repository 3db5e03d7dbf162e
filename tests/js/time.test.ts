/**
 * Internal dependencies
 */
import {
	addMonths,
	formatDate,
	formatTime,
	monthRange,
	monthWeeks,
	offsetLabel,
	parseDate,
	parseWallTime,
} from '../../src/shared/time';

describe( 'time helpers', () => {
	it( 'reads the wall clock of an ISO time with its offset', () => {
		expect( parseWallTime( '2030-10-27T02:30:00+02:00' ) ).toMatchObject( {
			date: '2030-10-27',
			hour: 2,
			minute: 30,
			offset: 120,
		} );
		expect( parseWallTime( '2030-01-01T00:00:00Z' )?.offset ).toBe( 0 );
		expect( parseWallTime( '2030-01-01T10:00:00-05:30' )?.offset ).toBe(
			-330
		);
		expect( parseWallTime( '2030-01-01 10:00' ) ).toBeNull();
	} );

	it( "formats on the calendar's clock, or on the visitor's", () => {
		const iso = '2030-03-12T10:05:00+01:00';
		// The calendar's clock does not depend on the machine's timezone.
		expect( formatTime( iso, 'calendar', 'en-GB' ) ).toBe( '10:05' );
		expect( formatTime( iso, 'visitor', 'en-GB' ) ).toBe(
			new Intl.DateTimeFormat( 'en-GB', {
				hour: 'numeric',
				minute: '2-digit',
			} ).format( Date.parse( iso ) )
		);
		expect( formatDate( '2030-03-12', 'en-GB' ) ).toMatch(
			/^Tuesday,? 12 March 2030$/
		);
	} );

	it( 'labels offsets', () => {
		expect( offsetLabel( '2030-03-12T10:00:00+01:00' ) ).toBe(
			'UTC+01:00'
		);
		expect( offsetLabel( '2030-03-12T10:00:00-09:30' ) ).toBe(
			'UTC-09:30'
		);
	} );

	it( 'refuses dates that do not exist', () => {
		expect( parseDate( '2030-02-29' ) ).toBeNull();
		expect( parseDate( '2028-02-29' ) ).toEqual( {
			year: 2028,
			month: 2,
			day: 29,
		} );
	} );

	it( 'walks months and their ranges', () => {
		expect( addMonths( '2030-12', 1 ) ).toBe( '2031-01' );
		expect( addMonths( '2030-01', -1 ) ).toBe( '2029-12' );
		expect( monthRange( '2028-02' ) ).toEqual( {
			first: '2028-02-01',
			last: '2028-02-29',
		} );
	} );

	it( 'lays a month out in weeks starting on Monday', () => {
		// March 2030 starts on a Friday and has 31 days.
		const weeks = monthWeeks( '2030-03' );
		expect( weeks[ 0 ] ).toEqual( [
			null,
			null,
			null,
			null,
			'2030-03-01',
			'2030-03-02',
			'2030-03-03',
		] );
		expect( weeks.every( ( week ) => week.length === 7 ) ).toBe( true );
		expect( weeks.flat().filter( Boolean ) ).toHaveLength( 31 );
	} );
} );
