/**
 * Calendar sync, issue 19: an admin adds an employee's outside calendar on
 * the employee's screen in wp-admin, syncs it, and the hour it is busy
 * disappears from the visitor's booking page (/book/); the employee does the
 * same for themself on My bookings, and replaces their feed address. The
 * outside calendar is a file the stack's nginx serves (config/nginx.conf,
 * /appointease-test-calendars/written/), fetched by the site over real HTTP.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { readStack } from './stack';
import {
	collectPageErrors,
	dateAhead,
	login,
	withBookable,
	type AdminRest,
} from './utils';

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

interface BusyNoon {
	/** The day's slots before the outside calendar. */
	slots: Slot[];
	/** The starts a busy hour from noon must take off the page. */
	blocked: string[];
	/** The outside calendar's address, served by the stack's nginx. */
	url: string;
	/** Removes the served file. */
	remove: () => void;
}

/**
 * Writes an outside calendar busy from noon to 13:00 on a date, after
 * checking the employee works then.
 *
 * @param admin    The admin's REST client.
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
async function busyNoon(
	admin: AdminRest,
	service: number,
	employee: number,
	date: string
): Promise< BusyNoon > {
	const open = await admin.call< { days: Array< { slots: Slot[] } > } >(
		'GET',
		`availability?service=${ service }&employee=${ employee }&from=${ date }&to=${ date }`
	);
	expect( open.status ).toBe( 200 );
	const slots = open.body.days.flatMap( ( day ) => day.slots );
	const noon = slots.find( ( slot ) => clock( slot.start ) === '12:00' );
	expect( noon, 'The employee works at noon.' ).toBeDefined();
	const busyFrom = new Date( noon?.start ?? '' );
	const busyTo = new Date( busyFrom.getTime() + 3_600_000 );
	const stack = readStack();
	const folder = path.join( stack.runtime, 'test-calendars' );
	fs.mkdirSync( folder, { recursive: true } );
	const file = `e2e-sync-${ employee }-${ Date.now() }.ics`;
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
	return {
		slots,
		blocked,
		url: `${ stack.site_url }/appointease-test-calendars/written/${ file }`,
		remove: () => fs.rmSync( path.join( folder, file ), { force: true } ),
	};
}

test( 'an outside calendar added and synced in wp-admin takes its busy hour off /book/', async ( {
	page,
	browser,
} ) => {
	const { admin, service, employee } = setup;
	const date = dateAhead( 5 );
	const busy = await busyNoon( admin, service.id, employee.id, date );
	expect(
		await shownStarts( browser, service.id, employee.id, date )
	).toContain( busy.blocked[ 1 ] );

	try {
		await login( page );
		await page.goto( '/wp-admin/admin.php?page=appointease-employees' );
		await page
			.getByRole( 'button', { name: `Edit ${ employee.name }` } )
			.click();
		const panel = page.getByRole( 'region', { name: 'Calendar sync' } );
		await panel.getByLabel( 'Outside calendar address' ).fill( busy.url );
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
		expectBlocked( busy, after );
	} finally {
		busy.remove();
	}
} );

/**
 * Checks that exactly the busy hour's starts left the page.
 *
 * @param busy  The busy hour.
 * @param after The starts the page shows now.
 */
function expectBlocked( busy: BusyNoon, after: string[] ): void {
	for ( const start of busy.blocked ) {
		expect( after ).not.toContain( start );
	}
	for ( const free of [ '11:30', '13:00' ] ) {
		expect( after ).toContain(
			busy.slots.find( ( slot ) => clock( slot.start ) === free )?.start
		);
	}
}

test( 'an employee replaces their feed address and blocks their own busy hour on My bookings, on a phone', async ( {
	browser,
} ) => {
	const { admin, service, employee } = setup;
	const date = dateAhead( 6 );
	const busy = await busyNoon( admin, service.id, employee.id, date );
	const username = `e2e-sync-${ Date.now().toString( 36 ) }`;
	const password = randomUUID();
	const user = await admin.wp< { id: number } >( 'POST', 'wp/v2/users', {
		username,
		password,
		email: `${ username }@example.com`,
		roles: [ 'appointease_employee' ],
	} );
	expect( user.status, JSON.stringify( user.body ) ).toBe( 201 );
	const context = await browser.newContext( {
		viewport: { width: 390, height: 844 },
	} );

	try {
		const linked = await admin.call(
			'PATCH',
			`employees/${ employee.id }`,
			{
				wp_user: user.body.id,
			}
		);
		expect( linked.status, JSON.stringify( linked.body ) ).toBe( 200 );
		const page = await context.newPage();
		const errors = collectPageErrors( page );
		await login( page, username, password );
		await page.goto( '/wp-admin/admin.php?page=appointease-my-bookings' );
		const panel = page.getByRole( 'region', { name: 'My calendar' } );
		const said = panel.getByRole( 'status' );
		const address = panel.getByLabel( 'Feed address' );

		// A feed address, then a new one after a confirmation: the first stops at once.
		await panel
			.getByRole( 'button', { name: 'Make a feed address' } )
			.click();
		await expect( address ).toHaveValue( /\/feeds\/[0-9a-f]{40}\.ics$/ );
		const first = await address.inputValue();
		await panel
			.getByRole( 'button', { name: 'Make a new feed address' } )
			.click();
		await page
			.getByRole( 'dialog', { name: 'Make a new feed address?' } )
			.getByRole( 'button', { name: 'Make a new address' } )
			.click();
		await expect( said ).toHaveText(
			'New feed address made. The previous one no longer works.'
		);
		await expect( address ).not.toHaveValue( first );
		const second = await address.inputValue();
		expect( ( await page.request.get( first ) ).status() ).toBe( 404 );
		const feed = await page.request.get( second );
		expect( feed.status() ).toBe( 200 );
		expect( await feed.text() ).toContain( 'BEGIN:VCALENDAR' );

		// Their outside calendar, added and synced, with its status.
		await panel.getByLabel( 'Outside calendar address' ).fill( busy.url );
		await panel.getByRole( 'button', { name: 'Add calendar' } ).click();
		await expect( said ).toHaveText( 'Outside calendar added and read.' );
		// The last row: the admin's test above left one on this employee too.
		const row = panel.getByRole( 'row' ).last();
		await expect( row ).toContainText( 'Synced' );
		await row.getByRole( 'button', { name: 'Sync now' } ).click();
		await expect( said ).toHaveText( 'Calendar synced.' );
		await expect( row.getByRole( 'cell' ).nth( 2 ) ).not.toHaveText( '—' );
		// The panel fits the phone's width and passes axe's WCAG 2.1 A and AA rules.
		const box = await panel.boundingBox();
		expect( ( box?.x ?? 0 ) + ( box?.width ?? 0 ) ).toBeLessThanOrEqual(
			390
		);
		const { violations } = await new AxeBuilder( { page } )
			.include( '.appointease-admin__calendar-sync' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect(
			violations.map( ( violation ) => ( {
				id: violation.id,
				nodes: violation.nodes.map( ( node ) =>
					node.target.join( ' ' )
				),
			} ) )
		).toEqual( [] );
		expect( errors ).toEqual( [] );

		expectBlocked(
			busy,
			await shownStarts( browser, service.id, employee.id, date )
		);
	} finally {
		busy.remove();
		await context.close();
		await admin.wp(
			'DELETE',
			`wp/v2/users/${ user.body.id }?force=true&reassign=1`
		);
	}
} );
