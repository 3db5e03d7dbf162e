/**
 * The calendar grid's geometry (src/admin/lib/grid.ts).
 */
import {
	atMinute,
	breaksBetween,
	clockOf,
	layoutLanes,
	moveCursor,
	offsetOf,
	placeCursor,
	snap,
	spanOf,
	visibleRange,
	workingSpans,
} from '../../../src/admin/lib/grid';
import { ANA } from './fixtures';

describe( 'grid geometry', () => {
	it( 'reads spans from the calendar clock of API times', () => {
		expect(
			spanOf( '2030-01-07T09:15:00+01:00', '2030-01-07T10:00:00+01:00' )
		).toEqual( { start: 555, end: 600 } );
		expect(
			spanOf( '2030-01-07T23:30:00+01:00', '2030-01-08T00:30:00+01:00' )
		).toEqual( { start: 1410, end: 1440 } );
	} );

	it( 'gives working spans and the breaks between them, none on a day off', () => {
		const spans = workingSpans( ANA, '2030-01-07' );
		expect( spans ).toEqual( [
			{ start: 540, end: 750 },
			{ start: 810, end: 1020 },
		] );
		expect( breaksBetween( spans ) ).toEqual( [
			{ start: 750, end: 810 },
		] );
		expect(
			workingSpans(
				{
					...ANA,
					days_off: [
						{ start: '2030-01-06', end: '2030-01-08', reason: '' },
					],
				},
				'2030-01-07'
			)
		).toEqual( [] );
	} );

	it( 'shows 08:00–18:00 at least, widened to whole hours', () => {
		expect( visibleRange( [] ) ).toEqual( { start: 480, end: 1080 } );
		expect(
			visibleRange( [
				{ start: 445, end: 500 },
				{ start: 1100, end: 1130 },
			] )
		).toEqual( { start: 420, end: 1140 } );
	} );

	it( 'puts overlapping items side by side and lone items full width', () => {
		const placed = layoutLanes(
			[
				{ id: 'a', start: 540, end: 600 },
				{ id: 'b', start: 570, end: 630 },
				{ id: 'c', start: 600, end: 660 },
				{ id: 'd', start: 700, end: 730 },
			],
			( item ) => item
		);
		const lanes = Object.fromEntries(
			placed.map( ( one ) => [ one.item.id, [ one.lane, one.lanes ] ] )
		);
		expect( lanes ).toEqual( {
			a: [ 0, 2 ],
			b: [ 1, 2 ],
			c: [ 0, 2 ],
			d: [ 0, 1 ],
		} );
	} );

	it( 'snaps and writes times with the booking’s own offset', () => {
		expect( snap( 547 ) ).toBe( 540 );
		expect( snap( 547, 5 ) ).toBe( 545 );
		expect( snap( 553 ) ).toBe( 555 );
		expect( offsetOf( '2030-01-07T09:00:00+01:00' ) ).toBe( '+01:00' );
		expect( offsetOf( '2030-01-07T09:00:00Z' ) ).toBe( 'Z' );
		expect( atMinute( '2030-01-07', 615, '+01:00' ) ).toBe(
			'2030-01-07T10:15:00+01:00'
		);
		expect( clockOf( 1410 ) ).toBe( '23:30' );
	} );

	it( 'moves the keyboard cursor by steps, hours and columns, and keeps it inside the grid', () => {
		const range = { start: 480, end: 1080 };
		const at = { column: 1, minute: 600 };
		expect( moveCursor( at, 'ArrowDown', range, 3 ) ).toEqual( {
			column: 1,
			minute: 615,
		} );
		expect( moveCursor( at, 'ArrowUp', range, 3 ) ).toEqual( {
			column: 1,
			minute: 585,
		} );
		expect( moveCursor( at, 'ArrowRight', range, 3 ) ).toEqual( {
			column: 2,
			minute: 600,
		} );
		expect( moveCursor( at, 'PageDown', range, 3 ) ).toEqual( {
			column: 1,
			minute: 660,
		} );
		expect( moveCursor( at, 'Home', range, 3 ) ).toEqual( {
			column: 1,
			minute: 480,
		} );
		expect( moveCursor( at, 'End', range, 3 ) ).toEqual( {
			column: 1,
			minute: 1065,
		} );
		expect(
			moveCursor( { column: 2, minute: 1065 }, 'ArrowRight', range, 3 )
		).toEqual( { column: 2, minute: 1065 } );
		expect(
			moveCursor( { column: 0, minute: 480 }, 'ArrowLeft', range, 3 )
		).toEqual( { column: 0, minute: 480 } );
		expect(
			moveCursor( { column: 0, minute: 480 }, 'ArrowUp', range, 3 )
		).toEqual( { column: 0, minute: 480 } );
		expect( moveCursor( at, 'Enter', range, 3 ) ).toBeNull();
	} );

	it( 'puts a cursor left outside by a smaller grid back inside, on a step', () => {
		expect(
			placeCursor(
				{ column: 5, minute: 1300 },
				{ start: 480, end: 1080 },
				2
			)
		).toEqual( { column: 1, minute: 1065 } );
		expect(
			placeCursor(
				{ column: 0, minute: 547 },
				{ start: 480, end: 1080 },
				1
			)
		).toEqual( { column: 0, minute: 540 } );
	} );
} );
