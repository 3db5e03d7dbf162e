/**
 * wp-admin, issue 18: the calendar grid. An admin drags a booking to a free
 * time and it moves (through the reschedule route); a drag onto an
 * occupied time is refused, says why and snaps back; the keyboard moves a
 * booking through its details' "Move…", and reaches an empty time through
 * the grid's cursor to make a new booking there.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PX_PER_MINUTE } from '../../src/admin/lib/grid';
import { dateAhead, login, withBookable } from './utils';

const setup = withBookable( 'Grid' );

interface Slot {
	start: string;
	state: string;
}

interface Booked {
	id: number;
	start: string;
	status: string;
}

/**
 * Books the spec's calendar at a wall-clock time on a date, as the admin.
 *
 * @param date     YYYY-MM-DD.
 * @param time     HH:MM.
 * @param customer The customer's name.
 */
async function bookAt(
	date: string,
	time: string,
	customer: string
): Promise< Booked > {
	const { admin, service, employee } = setup;
	const open = await admin.call< { days: Array< { slots: Slot[] } > } >(
		'GET',
		`availability?service=${ service.id }&employee=${ employee.id }&from=${ date }&to=${ date }`
	);
	const slot = open.body.days
		.flatMap( ( day ) => day.slots )
		.find(
			( one ) =>
				one.start.slice( 11, 16 ) === time && one.state === 'available'
		);
	expect( slot, `${ time } is free on ${ date }` ).toBeDefined();
	const booked = await admin.call< Booked >( 'POST', 'bookings', {
		service: service.id,
		employee: employee.id,
		start: slot?.start,
		customer: { name: customer, email: 'e2e-grid@example.com' },
	} );
	expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
	return booked.body;
}

/**
 * The booking's start as the server has it now, "HH:MM".
 *
 * @param id The booking.
 */
async function startOf( id: number ): Promise< string > {
	const found = await setup.admin.call< Booked >( 'GET', `bookings/${ id }` );
	return found.body.start.slice( 11, 16 );
}

/**
 * How far down its column a block sits, px (the notices above move both).
 *
 * @param block  The block.
 * @param column Its column.
 */
async function topIn( block: Locator, column: Locator ): Promise< number > {
	const [ inner, outer ] = await Promise.all( [
		block.boundingBox(),
		column.boundingBox(),
	] );
	return ( inner?.y ?? 0 ) - ( outer?.y ?? 0 );
}

/**
 * Drags a block by some minutes with the mouse, in small steps as a hand would.
 *
 * @param page    The page.
 * @param block   The booking's block.
 * @param minutes Minutes down (up when negative).
 */
async function dragBy(
	page: Page,
	block: Locator,
	minutes: number
): Promise< void > {
	const box = await block.boundingBox();
	expect( box ).not.toBeNull();
	const x = ( box?.x ?? 0 ) + ( box?.width ?? 0 ) / 2;
	const y = ( box?.y ?? 0 ) + 6;
	await page.mouse.move( x, y );
	await page.mouse.down();
	await page.mouse.move( x, y + ( minutes * PX_PER_MINUTE ) / 2, {
		steps: 5,
	} );
	await page.mouse.move( x, y + minutes * PX_PER_MINUTE, { steps: 5 } );
	await page.mouse.up();
}

test( 'an admin moves bookings in the grid by dragging and by keyboard; a drag onto a taken time snaps back', async ( {
	page,
} ) => {
	const date = dateAhead( 4 );
	const suffix = Date.now().toString( 36 );
	const first = await bookAt( date, '10:00', `Grid First ${ suffix }` );
	const second = await bookAt( date, '11:00', `Grid Second ${ suffix }` );

	try {
		await login( page );
		await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
		await page.getByRole( 'button', { name: 'Calendar' } ).click();
		await page.getByLabel( 'Date', { exact: true } ).fill( date );
		const column = page.locator(
			`section[data-employee="${ setup.employee.id }"][data-date="${ date }"]`
		);
		const block = column.locator( `[data-booking="${ first.id }"]` );
		await expect( block ).toContainText( '10:00–10:30' );
		await expect(
			column.locator( `[data-booking="${ second.id }"]` )
		).toBeVisible();
		const before = await topIn( block, column );

		// Onto the other booking's time: refused, with the reason, and back in place.
		await dragBy( page, block, 60 );
		await expect(
			page
				.locator( '.appointease-admin__notices' )
				.getByText(
					/^The booking was not moved\. .*\((SLOT_TAKEN|SLOT_UNAVAILABLE)\)$/
				)
		).toBeVisible();
		await expect( block ).not.toHaveClass( /is-dragged/ );
		expect( await topIn( block, column ) ).toBe( before );
		expect( await startOf( first.id ) ).toBe( '10:00' );

		// Onto a free time: moved there.
		await dragBy( page, block, 120 );
		await expect( block ).toContainText( '12:00–12:30' );
		expect( await startOf( first.id ) ).toBe( '12:00' );
		expect( await topIn( block, column ) ).toBeCloseTo(
			before + 120 * PX_PER_MINUTE,
			0
		);

		// By keyboard: open the booking, "Move…", type a time, move.
		const other = column.locator( `[data-booking="${ second.id }"]` );
		await other.focus();
		await page.keyboard.press( 'Enter' );
		const dialog = page.getByRole( 'dialog' );
		await expect( dialog ).toContainText( `Grid Second ${ suffix }` );
		await dialog.getByRole( 'button', { name: 'Move…' } ).focus();
		await page.keyboard.press( 'Enter' );
		await dialog.getByLabel( 'Start time' ).focus();
		await page.keyboard.type( '0200PM' );
		await dialog.getByRole( 'button', { name: 'Move booking' } ).focus();
		await page.keyboard.press( 'Enter' );
		await expect( dialog ).toBeHidden();
		await expect( other ).toContainText( '14:00–14:30' );
		expect( await startOf( second.id ) ).toBe( '14:00' );
	} finally {
		for ( const booking of [ first, second ] ) {
			await setup.admin.call( 'POST', `bookings/${ booking.id }/cancel` );
		}
	}
} );

/**
 * The accessible name of the focused element.
 *
 * @param page The page.
 */
async function focusedName( page: Page ): Promise< string > {
	return page.evaluate(
		() => window.document.activeElement?.getAttribute( 'aria-label' ) ?? ''
	);
}

test( 'the keyboard reaches an empty time in the grid and opens the new-booking form there', async ( {
	page,
} ) => {
	const date = dateAhead( 5 );
	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page.getByRole( 'button', { name: 'Calendar' } ).click();
	await page.getByLabel( 'Date', { exact: true } ).fill( date );
	const grid = page.getByRole( 'group', { name: 'Bookings by day' } );
	await expect(
		grid.locator( `section[data-employee="${ setup.employee.id }"]` )
	).toBeVisible();

	// One tab stop: Tab from the toolbar's last button lands on the cursor.
	await page
		.locator( '.appointease-admin__toolbar' )
		.getByRole( 'button', { name: 'New booking' } )
		.focus();
	await page.keyboard.press( 'Tab' );
	const cursor = grid.locator( '.appointease-grid__cursor' );
	await expect( cursor ).toBeFocused();
	await expect( cursor ).toHaveCount( 1 );
	await expect( cursor ).toHaveAttribute(
		'aria-describedby',
		'appointease-grid-keys'
	);

	// Across the employees to the spec's, then to its 10:15.
	const name = setup.employee.name;
	const column = await grid
		.locator( 'section' )
		.evaluateAll(
			( sections, id ) =>
				sections.findIndex(
					( section ) =>
						section.getAttribute( 'data-employee' ) === id
				),
			String( setup.employee.id )
		);
	for ( let step = 0; step < column; step++ ) {
		await page.keyboard.press( 'ArrowRight' );
	}
	await page.keyboard.press( 'Home' );
	const top = /at (\d\d):(\d\d) /.exec( await focusedName( page ) );
	const minutes = Number( top?.[ 1 ] ) * 60 + Number( top?.[ 2 ] );
	for ( let minute = minutes; minute < 10 * 60 + 15; minute += 15 ) {
		await page.keyboard.press( 'ArrowDown' );
	}
	await expect( cursor ).toBeFocused();
	expect( await focusedName( page ) ).toMatch(
		new RegExp( `^New booking at 10:15 with ${ name } on ` )
	);
	await expect( cursor ).toContainText( '10:15' );

	const { violations } = await new AxeBuilder( { page } )
		.include( '.appointease-grid' )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	expect(
		violations.map( ( violation ) => violation.id ),
		'axe on the grid'
	).toEqual( [] );

	await page.keyboard.press( 'Enter' );
	const dialog = page.getByRole( 'dialog', { name: 'New booking' } );
	await expect( dialog.getByLabel( 'Employee' ) ).toHaveValue(
		String( setup.employee.id )
	);
	await expect( dialog.getByLabel( 'Date' ) ).toHaveValue( date );
	await expect( dialog.getByLabel( 'Start time' ) ).toHaveValue( '10:15' );
	await page.keyboard.press( 'Escape' );
	await expect( dialog ).toBeHidden();
} );
