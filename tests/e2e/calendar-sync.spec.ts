/**
 * Calendar sync, issue 19: an admin adds an employee's outside calendar on
 * the employee's screen in wp-admin, syncs it, and the hour it is busy
 * disappears from the visitor's booking page (/book/). The outside calendar
 * is a file the stack's nginx serves (config/nginx.conf,
 * /appointease-test-calendars/written/), fetched by the site over real HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { readStack } from './stack';
import { collectPageErrors, dateAhead, login, withBookable } from './utils';

const setup = withBookable( 'Sync' );

interface Slot {
	start: string;
	state: string;
}

/**
 * The local "HH:MM" of an ISO start with its offset.
 * @param start
 */
function clock( start: string ): string {
	return start.slice( 11, 16 );
}

/**
 * An instant as iCalendar's UTC form.
 * @param instant
 */
function icsUtc( instant: Date ): string {
	return instant.toISOString().replace( /[-:]/g, '' ).replace( /\.\d+/, '' );
}

/**
 * The starts of the times a visitor's /book/ page shows for one day.
 *
 * @param browser  The browser.
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
async function shownStarts(
	browser: Browser,
	service: number,
	employee: number,
	date: string
): Promise< string[] > {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const errors = collectPageErrors( page );
		await page.goto(
			`/book/?service=${ service }&employee=${ employee }&date=${ date }`
		);
		const times = page
			.getByRole( 'region', { name: 'Book an appointment' } )
			.first()
			.locator( 'button.appointease-time[data-start]' );
		await expect( times.first() ).toBeVisible();
		const starts = await times.evaluateAll( ( buttons ) =>
			buttons.map(
				( button ) => button.getAttribute( 'data-start' ) ?? ''
			)
		);
		expect( errors ).toEqual( [] );
		return starts;
	} finally {
		await context.close();
	}
}

test( 'an outside calendar added and synced in wp-admin takes its busy hour off /book/', async ( {
	page,
	browser,
} ) => {
	const { admin, service, employee } = setup;
	const date = dateAhead( 5 );
	const open = await admin.call< { days: Array< { slots: Slot[] } > } >(
		'GET',
		`availability?service=${ service.id }&employee=${ employee.id }&from=${ date }&to=${ date }`
	);
	expect( open.status ).toBe( 200 );
	const slots = open.body.days.flatMap( ( day ) => day.slots );
	const noon = slots.find( ( slot ) => clock( slot.start ) === '12:00' );
	expect( noon, 'The employee works at noon.' ).toBeDefined();
	const busyFrom = new Date( noon?.start ?? '' );
	const busyTo = new Date( busyFrom.getTime() + 3_600_000 );
	expect(
		await shownStarts( browser, service.id, employee.id, date )
	).toContain( noon?.start );

	// The employee's outside calendar: busy from 12:00 to 13:00 that day.
	const stack = readStack();
	const folder = path.join( stack.runtime, 'test-calendars' );
	fs.mkdirSync( folder, { recursive: true } );
	const file = `e2e-sync-${ employee.id }-${ Date.now() }.ics`;
	fs.writeFileSync(
		path.join( folder, file ),
		[
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//AppointEase e2e//EN',
			'BEGIN:VEVENT',
			`UID:e2e-${ file }`,
			'DTSTAMP:20260101T000000Z',
			`DTSTART:${ icsUtc( busyFrom ) }`,
			`DTEND:${ icsUtc( busyTo ) }`,
			'SUMMARY:Dentist',
			'END:VEVENT',
			'END:VCALENDAR',
			'',
		].join( '\r\n' )
	);

	try {
		await login( page );
		await page.goto( '/wp-admin/admin.php?page=appointease-employees' );
		await page
			.getByRole( 'button', { name: `Edit ${ employee.name }` } )
			.click();
		const panel = page.getByRole( 'region', { name: 'Calendar sync' } );
		await panel
			.getByLabel( 'Outside calendar address' )
			.fill(
				`${ stack.site_url }/appointease-test-calendars/written/${ file }`
			);
		await panel.getByRole( 'button', { name: 'Add calendar' } ).click();
		await expect(
			page
				.locator( '#appointease-admin' )
				.getByText( 'Outside calendar added and read.' )
		).toBeVisible();
		const row = panel.getByRole( 'row', { name: /Synced/ } );
		await expect( row ).toHaveCount( 1 );
		await row.getByRole( 'button', { name: 'Sync now' } ).click();
		await expect(
			page.locator( '#appointease-admin' ).getByText( 'Calendar synced.' )
		).toBeVisible();

		const after = await shownStarts(
			browser,
			service.id,
			employee.id,
			date
		);
		const blocked = slots
			.filter( ( slot ) => {
				const start = new Date( slot.start ).getTime();
				// A 30-minute slot that overlaps the busy hour.
				return (
					start < busyTo.getTime() &&
					start + 1_800_000 > busyFrom.getTime()
				);
			} )
			.map( ( slot ) => slot.start );
		expect( blocked.map( clock ) ).toEqual( [
			'11:45',
			'12:00',
			'12:15',
			'12:30',
			'12:45',
		] );
		for ( const start of blocked ) {
			expect( after ).not.toContain( start );
		}
		expect( after ).toContain(
			slots.find( ( slot ) => clock( slot.start ) === '13:00' )?.start
		);
		expect( after ).toContain(
			slots.find( ( slot ) => clock( slot.start ) === '11:30' )?.start
		);
	} finally {
		fs.rmSync( path.join( folder, file ), { force: true } );
	}
} );
