/**
 * The wp-admin screens against the demo site in Chromium:
 *
 * - an admin creates a service and an employee with working hours in the
 *   UI, and a visitor's booking page (/book/) offers exactly the new times,
 *   the same as GET availability;
 * - an admin cancels a booking in the list while a visitor has the booking
 *   page open on that day: the visitor's page, without a reload, shows the
 *   time free again within seconds;
 * - the calendar shows the times being booked right now;
 * - the settings screen renders from the settings schema;
 * - every screen (and form and dialog) loads without a console error and
 *   without a deprecation warning, such as the one WordPress 6.8 logs for a
 *   form control that lacks `__nextHasNoMarginBottom`.
 *
 * Visitors are browser contexts of their own (no admin cookie). Every row
 * this spec creates has a unique name and is removed (or, where bookings
 * name it, deactivated) at the end. Screenshots of each screen go to
 * tests/e2e/artifacts/screenshots/.
 */
import {
	expect,
	test,
	type APIRequestContext,
	type APIResponse,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from '@playwright/test';
import {
	adminRest,
	artifactPath,
	collectPageErrors,
	createBookable,
	login,
	removeBookable,
	withoutAntiSpam,
} from './utils';

const API = '/wp-json/appointease/v1';

// Scripted visitors book at once, with the same addresses run after run.
withoutAntiSpam();

/** How long a freed time may take to show (the poll's 1-second micro-cache included). */
const FREED_WITHIN = 10_000;

interface Named {
	id: number;
	name: string;
}

interface Slot {
	start: string;
	end: string;
	seats_left: number;
	state: string;
}

interface Availability {
	days: Array< { date: string; slots: Slot[] } >;
}

/**
 * A name no other run or agent uses.
 *
 * @param what What is named, e.g. "Service".
 */
function unique( what: string ): string {
	return `E2E Admin ${ what } ${ Date.now().toString( 36 ) }${ Math.floor(
		Math.random() * 1e4
	) }`;
}

/**
 * A date some days from today (UTC), YYYY-MM-DD.
 *
 * @param days Days ahead.
 */
function dateAhead( days: number ): string {
	return new Date( Date.now() + days * 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * Scrolls to the top, so that a full-page screenshot does not catch the
 * fixed admin bar and menu halfway down.
 *
 * @param page The page.
 */
async function topOf( page: Page ): Promise< void > {
	await page.evaluate( () => window.scrollTo( 0, 0 ) );
}

/**
 * Where a screen's screenshot goes (git-ignored).
 *
 * @param name File name without extension.
 */
function screenshot( name: string ): string {
	return artifactPath( `screenshots/${ name }.png` );
}

/**
 * Opens one of the AppointEase pages and waits for its app.
 *
 * @param page The page.
 * @param slug The page slug, e.g. "appointease-services".
 */
async function openScreen( page: Page, slug: string ): Promise< void > {
	await page.goto( `/wp-admin/admin.php?page=${ slug }` );
	await expect( page.locator( '#appointease-admin' ) ).not.toContainText(
		'Loading…'
	);
}

/**
 * Calls an admin route with the logged-in admin's cookie and nonce, through
 * the page's own wp.apiFetch (for set-up and clean-up only).
 *
 * @param page   An AppointEase admin page.
 * @param path   A path under /wp-json, e.g. "/appointease/v1/services/3".
 * @param method The HTTP method.
 * @param data   The body.
 */
async function adminApi< T >(
	page: Page,
	path: string,
	method = 'GET',
	data?: object
): Promise< T > {
	return ( await page.evaluate(
		( args ) =>
			(
				window as unknown as {
					wp: { apiFetch: ( options: object ) => Promise< unknown > };
				}
			 ).wp.apiFetch( args ),
		{ path, method, data }
	) ) as T;
}

/**
 * A public write, waiting out a rate limit that other specs may have used up.
 *
 * @param request The request context.
 * @param send    Sends the request.
 */
async function publicWrite(
	request: APIRequestContext,
	send: ( request: APIRequestContext ) => Promise< APIResponse >
): Promise< APIResponse > {
	for ( let attempt = 0; ; attempt++ ) {
		const response = await send( request );
		if ( response.status() !== 429 || attempt >= 2 ) {
			return response;
		}
		const wait = Number( response.headers()[ 'retry-after' ] ?? '5' );
		await new Promise( ( resolve ) =>
			setTimeout( resolve, Math.min( wait, 30 ) * 1000 )
		);
	}
}

/**
 * A public list route's rows.
 *
 * @param request The request context.
 * @param path    The path under the namespace, e.g. "/services".
 */
async function publicList(
	request: APIRequestContext,
	path: string
): Promise< Named[] > {
	const response = await request.get( `${ API }${ path }` );
	expect( response.status() ).toBe( 200 );
	return ( await response.json() ) as Named[];
}

/**
 * GET availability for one calendar.
 *
 * @param request  The request context.
 * @param service  Service id.
 * @param employee Employee id.
 * @param from     First date.
 * @param to       Last date.
 */
async function availability(
	request: APIRequestContext,
	service: number,
	employee: number,
	from: string,
	to: string
): Promise< Availability > {
	const response = await request.get(
		`${ API }/availability?service=${ service }&employee=${ employee }&from=${ from }&to=${ to }`
	);
	expect( response.status(), await response.text() ).toBe( 200 );
	return ( await response.json() ) as Availability;
}

/**
 * A result message at the top of a screen (its text is also spoken into
 * WordPress's hidden live region, which this leaves out).
 *
 * @param page The page.
 * @param text The message.
 */
function notice( page: Page, text: string ) {
	return page
		.locator( '.appointease-admin__notices' )
		.getByText( text, { exact: true } );
}

/**
 * The wall clock of an API time: "2030-01-07T10:15:00+01:00" → "10:15".
 *
 * @param iso An API time.
 */
function clock( iso: string ): string {
	return iso.slice( 11, 16 );
}

/**
 * A service and an employee (working 10:00–12:00 every day) made through the
 * admin REST routes, for the specs that are not about making them.
 *
 * @param page An AppointEase admin page.
 */
async function makeCalendar(
	page: Page
): Promise< { service: Named; employee: Named } > {
	const service = await adminApi< Named >(
		page,
		'/appointease/v1/services',
		'POST',
		{ name: unique( 'Service' ), duration: 30, capacity: 1 }
	);
	const employee = await adminApi< Named >(
		page,
		'/appointease/v1/employees',
		'POST',
		{
			name: unique( 'Employee' ),
			email: 'e2e-admin@example.com',
			services: [ service.id ],
			hours: [ 1, 2, 3, 4, 5, 6, 7 ].map( ( weekday ) => ( {
				weekday,
				start: '10:00',
				end: '12:00',
			} ) ),
		}
	);
	return { service, employee };
}

/**
 * Removes what a spec made; a row that bookings name can only be deactivated.
 *
 * @param page   An AppointEase admin page.
 * @param routes Routes of the rows, e.g. "/appointease/v1/employees/9".
 */
async function removeOrDeactivate(
	page: Page,
	routes: string[]
): Promise< void > {
	for ( const route of routes ) {
		try {
			await adminApi( page, route, 'DELETE' );
		} catch {
			await adminApi( page, route, 'PATCH', { active: false } );
		}
	}
}

/**
 * Cancels the bookings a spec left on its employee (after a failure), so
 * that the demo calendar keeps no test bookings.
 *
 * @param page     An AppointEase admin page.
 * @param employee Employee id.
 */
async function cancelBookingsOf(
	page: Page,
	employee: number
): Promise< void > {
	const found = await adminApi< Array< { id: number; status: string } > >(
		page,
		`/appointease/v1/bookings?employee=${ employee }&per_page=100`
	);
	for ( const item of found ) {
		if ( item.status !== 'cancelled' ) {
			await adminApi(
				page,
				`/appointease/v1/bookings/${ item.id }/cancel`,
				'POST'
			).catch( () => undefined );
		}
	}
}

/** A visitor's booking page, in a browser context of its own. */
interface Visitor {
	context: BrowserContext;
	page: Page;
	/** The booking block. */
	app: Locator;
	errors: string[];
}

/**
 * Opens the booking page as a new visitor, deep-linked to the time step of
 * a calendar on a date, and waits for its times.
 *
 * @param browser  The browser.
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
async function visitBookingPage(
	browser: Browser,
	service: number,
	employee: number,
	date: string
): Promise< Visitor > {
	const context = await browser.newContext();
	const page = await context.newPage();
	const errors = collectPageErrors( page );
	await page.goto(
		`/book/?service=${ service }&employee=${ employee }&date=${ date }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	await expect(
		app.locator( 'button.appointease-time[data-start]' ).first()
	).toBeVisible();
	return { context, page, app, errors };
}

/**
 * The times a visitor's page shows: start → state, in the page's order.
 *
 * @param visitor The visitor.
 */
async function shownTimes( visitor: Visitor ): Promise< string[][] > {
	return visitor.app
		.locator( 'button.appointease-time[data-start]' )
		.evaluateAll( ( buttons ) =>
			buttons.map( ( button ) => [
				button.getAttribute( 'data-start' ) ?? '',
				button.getAttribute( 'data-state' ) ?? '',
			] )
		);
}

/**
 * The state a time button shows for an availability slot: a time held by
 * someone else shows as "processing"; the other states are the same.
 *
 * @param slot The slot.
 */
function shownState( slot: Slot ): string {
	return slot.state === 'held' ? 'processing' : slot.state;
}

/**
 * A time button of a visitor's page.
 *
 * @param visitor The visitor.
 * @param start   ISO 8601, as availability gives it.
 */
function timeOf( visitor: Visitor, start: string ): Locator {
	return visitor.app.locator(
		`button.appointease-time[data-start="${ start }"]`
	);
}

/**
 * Releases a visitor's hold, if one is still taken.
 *
 * @param request The request context.
 * @param hold    The hold, or null.
 */
async function releaseHold(
	request: APIRequestContext,
	hold: { id: string; token: string } | null
): Promise< void > {
	if ( hold ) {
		await request.delete( `${ API }/holds/${ hold.id }`, {
			data: { token: hold.token },
		} );
	}
}

test.describe( 'admin screens', () => {
	test( 'an admin adds a service and an employee with hours, and the booking page offers the new times', async ( {
		browser,
		page,
		request,
	} ) => {
		const errors = collectPageErrors( page );
		const serviceName = unique( 'Service' );
		const employeeName = unique( 'Employee' );
		const cleanup: string[] = [];
		let visitor: Visitor | null = null;
		await login( page );

		try {
			// Services: the form, then the list with the new row.
			await openScreen( page, 'appointease-services' );
			await page.getByRole( 'button', { name: 'Add service' } ).click();
			await page.getByLabel( 'Name' ).fill( serviceName );
			await page.getByLabel( 'Duration (minutes)' ).fill( '30' );
			await page.getByLabel( 'Buffer after (minutes)' ).fill( '0' );
			await page.getByLabel( 'Price' ).fill( '25' );
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-service-form' ),
				fullPage: true,
			} );
			await page.getByRole( 'button', { name: 'Save service' } ).click();
			await expect(
				notice( page, `Service "${ serviceName }" saved.` )
			).toBeVisible();
			await expect(
				page.getByRole( 'rowheader', { name: serviceName } )
			).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-services' ),
				fullPage: true,
			} );
			const service = ( await publicList( request, '/services' ) ).find(
				( row ) => row.name === serviceName
			);
			expect( service, 'the new service is public' ).toBeDefined();
			const serviceId = service?.id ?? 0;
			cleanup.push( `/appointease/v1/services/${ serviceId }` );

			// Employees: details, the service, 10:00–12:00 on every day.
			await openScreen( page, 'appointease-employees' );
			await page.getByRole( 'button', { name: 'Add employee' } ).click();
			await page.getByLabel( 'Name' ).fill( employeeName );
			await page.getByLabel( 'Email' ).fill( 'e2e-admin@example.com' );
			await page.getByLabel( serviceName ).check();
			for ( const day of [
				'Monday',
				'Tuesday',
				'Wednesday',
				'Thursday',
				'Friday',
				'Saturday',
				'Sunday',
			] ) {
				await page
					.getByRole( 'button', { name: `Add hours on ${ day }` } )
					.click();
				await page
					.getByLabel( `From (${ day }, range 1)` )
					.fill( '10:00' );
				await page
					.getByLabel( `To (${ day }, range 1)` )
					.fill( '12:00' );
			}
			await expect( page.getByText( 'Unsaved changes' ) ).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-employee-form' ),
				fullPage: true,
			} );
			await page.getByRole( 'button', { name: 'Save employee' } ).click();
			await expect(
				notice( page, `Employee "${ employeeName }" saved.` )
			).toBeVisible();
			const row = page.getByRole( 'row', {
				name: new RegExp( employeeName ),
			} );
			await expect( row ).toContainText( serviceName );
			await expect( row ).toContainText( '7 days a week' );
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-employees' ),
				fullPage: true,
			} );
			const employee = (
				await publicList( request, `/employees?service=${ serviceId }` )
			).find( ( item ) => item.name === employeeName );
			expect(
				employee,
				'the new employee gives the service'
			).toBeDefined();
			const employeeId = employee?.id ?? 0;
			cleanup.unshift( `/appointease/v1/employees/${ employeeId }` );

			// Visitors are offered exactly the new hours.
			const from = dateAhead( 2 );
			const to = dateAhead( 4 );
			const days = (
				await availability( request, serviceId, employeeId, from, to )
			).days;
			const starts = days.flatMap( ( day ) =>
				day.slots.map( ( slot ) => slot.start )
			);
			expect( days ).toHaveLength( 3 );
			for ( const day of days ) {
				expect( day.slots[ 0 ]?.start ).toBe(
					`${ day.date }T10:00${ day.slots[ 0 ]?.start.slice( 16 ) }`
				);
				expect(
					day.slots.some( ( slot ) => slot.state === 'available' )
				).toBe( true );
			}
			for ( const start of starts ) {
				expect(
					clock( start ) >= '10:00' && clock( start ) <= '11:30',
					start
				).toBe( true );
			}

			// A visitor's booking page offers the same times, in the same
			// states, as availability does for that day.
			expect( days[ 0 ]?.date ).toBe( from );
			const offered = days[ 0 ]?.slots ?? [];
			const guest = await visitBookingPage(
				browser,
				serviceId,
				employeeId,
				from
			);
			visitor = guest;
			await expect
				.poll( () => shownTimes( guest ), {
					message: `/book/ shows the times of ${ from }`,
				} )
				.toEqual(
					offered.map( ( slot ) => [
						slot.start,
						shownState( slot ),
					] )
				);
			const shown = ( await shownTimes( guest ) ).map( ( [ start ] ) =>
				clock( start ?? '' )
			);
			expect( shown[ 0 ] ).toBe( '10:00' );
			expect( shown[ shown.length - 1 ] ).toBe( '11:30' );
			await guest.page.screenshot( {
				path: screenshot( 'booking-page-new-times' ),
				fullPage: true,
			} );
			expect( guest.errors ).toEqual( [] );
			// Before clean-up, whose refused deletes (IN_USE) the browser logs.
			expect( errors ).toEqual( [] );
		} finally {
			await visitor?.context.close();
			await openScreen( page, 'appointease-services' );
			await removeOrDeactivate( page, cleanup );
		}
	} );

	test( "an admin cancels a booking in the list, and the time is free again on a visitor's open page within seconds", async ( {
		browser,
		page,
		request,
	} ) => {
		const errors = collectPageErrors( page );
		const customer = unique( 'Customer' );
		let visitor: Visitor | null = null;
		await login( page );
		await openScreen( page, 'appointease-bookings' );
		const { service, employee } = await makeCalendar( page );

		try {
			const open = (
				await availability(
					request,
					service.id,
					employee.id,
					dateAhead( 2 ),
					dateAhead( 8 )
				)
			).days
				.flatMap( ( day ) => day.slots )
				.find( ( slot ) => slot.state === 'available' );
			expect( open, 'a free time to book' ).toBeDefined();
			const start = open?.start ?? '';
			const date = start.slice( 0, 10 );

			const booked = await publicWrite( request, ( api ) =>
				api.post( `${ API }/bookings`, {
					headers: { 'Idempotency-Key': `e2e-admin-${ Date.now() }` },
					data: {
						service: service.id,
						employee: employee.id,
						start,
						customer: {
							name: customer,
							email: 'e2e-admin-customer@example.com',
						},
					},
				} )
			);
			expect( booked.status(), await booked.text() ).toBe( 201 );
			const stateOf = async () =>
				(
					await availability(
						request,
						service.id,
						employee.id,
						date,
						date
					)
				).days[ 0 ]?.slots.find( ( slot ) => slot.start === start )
					?.state;
			expect( await stateOf() ).toBe( 'booked' );

			// A visitor has the booking page open on that day: the booked time
			// is not offered.
			const guest = await visitBookingPage(
				browser,
				service.id,
				employee.id,
				date
			);
			visitor = guest;
			const time = timeOf( guest, start );
			await expect(
				guest.page
					.locator(
						'button.appointease-time[data-state="available"]'
					)
					.first()
			).toBeVisible();
			await expect( time ).toHaveCount( 0 );
			// Gone if the page were loaded again, so it proves there was no reload.
			await guest.page.evaluate( () => {
				( window as unknown as { e2eSamePage?: boolean } ).e2eSamePage =
					true;
			} );

			// The list, searched by the customer's name.
			await page.reload();
			await page
				.getByRole( 'searchbox', { name: 'Customer' } )
				.fill( customer );
			const row = page.getByRole( 'row', {
				name: new RegExp( customer ),
			} );
			await expect( row ).toContainText( 'Confirmed' );
			await expect(
				page.getByText( '1 booking', { exact: true } )
			).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-bookings-list' ),
				fullPage: true,
			} );

			await row
				.getByRole( 'button', {
					name: new RegExp( `^Cancel booking: ${ customer }` ),
				} )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: 'Cancel this booking?',
			} );
			const cancelledAt = Date.now();
			await dialog
				.getByRole( 'button', { name: 'Cancel booking' } )
				.click();

			// The visitor's open page offers the time again, measured from the
			// click.
			await expect( time ).toHaveAttribute( 'data-state', 'available', {
				timeout: FREED_WITHIN,
			} );
			test.info().annotations.push( {
				type: 'freed on the visitor page after',
				description: `${ Date.now() - cancelledAt } ms`,
			} );
			await expect( time ).toBeEnabled();
			expect(
				await guest.page.evaluate(
					() =>
						( window as unknown as { e2eSamePage?: boolean } )
							.e2eSamePage
				),
				'the visitor page was not reloaded'
			).toBe( true );

			await expect(
				notice(
					page,
					`The booking of ${ customer } is cancelled; its time is free again.`
				)
			).toBeVisible();
			// The list hides cancelled bookings until their status filter is chosen.
			await expect( row ).toBeHidden();
			await page.getByRole( 'button', { name: 'Cancelled (1)' } ).click();
			await expect( row ).toContainText( 'Cancelled' );
			expect( await stateOf() ).toBe( 'available' );

			expect( guest.errors ).toEqual( [] );
			// Before clean-up, whose refused deletes (IN_USE) the browser logs.
			expect( errors ).toEqual( [] );
		} finally {
			await visitor?.context.close();
			await cancelBookingsOf( page, employee.id );
			await removeOrDeactivate( page, [
				`/appointease/v1/employees/${ employee.id }`,
				`/appointease/v1/services/${ service.id }`,
			] );
		}
	} );

	test( 'the calendar shows a booking and the time a visitor is booking right now', async ( {
		page,
		request,
	} ) => {
		const errors = collectPageErrors( page );
		const customer = unique( 'Customer' );
		await login( page );
		await openScreen( page, 'appointease-bookings' );
		const { service, employee } = await makeCalendar( page );
		let hold: { id: string; token: string } | null = null;

		try {
			const day = (
				await availability(
					request,
					service.id,
					employee.id,
					dateAhead( 2 ),
					dateAhead( 8 )
				)
			).days.find(
				( item ) =>
					item.slots.filter( ( slot ) => slot.state === 'available' )
						.length >= 3
			);
			expect( day, 'a day with free times' ).toBeDefined();
			const free = ( day?.slots ?? [] ).filter(
				( slot ) => slot.state === 'available'
			);
			const bookedStart = free[ 0 ]?.start ?? '';
			const heldSlot = free[ free.length - 1 ] as Slot;

			const booked = await publicWrite( request, ( api ) =>
				api.post( `${ API }/bookings`, {
					data: {
						service: service.id,
						employee: employee.id,
						start: bookedStart,
						customer: {
							name: customer,
							email: 'e2e-admin-customer@example.com',
						},
					},
				} )
			);
			expect( booked.status(), await booked.text() ).toBe( 201 );

			await page.reload();
			await page.getByRole( 'button', { name: 'Calendar' } ).click();
			// The week view shows one employee; the day view all of them.
			await page
				.getByRole( 'button', { name: 'Week', exact: true } )
				.click();
			await page
				.getByLabel( 'Employee' )
				.selectOption( String( employee.id ) );
			await page.getByLabel( 'Date' ).fill( day?.date ?? '' );
			const calendar = page.getByRole( 'group', {
				name: 'Bookings by day',
			} );
			await expect( calendar ).toContainText( customer );
			await expect( calendar ).toContainText( 'Works 10:00–12:00' );
			await expect(
				page.getByText(
					'Nobody is choosing a time in this calendar right now.'
				)
			).toBeVisible();

			// A visitor takes a hold: the calendar shows it within a few seconds.
			const taken = await publicWrite( request, ( api ) =>
				api.post( `${ API }/holds`, {
					data: {
						service: service.id,
						employee: employee.id,
						start: heldSlot.start,
					},
				} )
			);
			expect( taken.status(), await taken.text() ).toBe( 201 );
			hold = ( await taken.json() ) as { id: string; token: string };
			await expect(
				page.getByText( '1 time is being booked right now.' )
			).toBeVisible( {
				timeout: FREED_WITHIN,
			} );
			await expect(
				page.locator( `[data-hold="${ hold.id }"]` )
			).toContainText(
				`${ clock( heldSlot.start ) }–${ clock( heldSlot.end ) }`
			);
			await page
				.getByRole( 'button', { name: 'Week', exact: true } )
				.click();
			await expect( calendar.getByRole( 'region' ) ).toHaveCount( 7 );
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'admin-bookings-calendar' ),
				fullPage: true,
			} );

			// Reschedule, from the booking's details, offers the free times of the chosen day.
			await calendar
				.locator( '[data-booking]' )
				.filter( { hasText: customer } )
				.click();
			await page
				.getByRole( 'dialog' )
				.getByRole( 'button', {
					name: new RegExp( `^Reschedule: ${ customer }` ),
				} )
				.click();
			const dialog = page.getByRole( 'dialog', {
				name: 'Reschedule booking',
			} );
			await expect(
				dialog.locator( 'button[data-start]' ).first()
			).toBeVisible();
			await expect(
				dialog.locator( `button[data-start="${ heldSlot.start }"]` )
			).toHaveCount( 0 );
			await topOf( page );
			await page.screenshot( { path: screenshot( 'admin-reschedule' ) } );
			await dialog
				.getByRole( 'button', { name: 'Keep the current time' } )
				.click();

			const released = await publicWrite( request, ( api ) =>
				api.delete( `${ API }/holds/${ hold?.id }`, {
					data: { token: hold?.token },
				} )
			);
			expect( released.status() ).toBe( 200 );
			hold = null;
			await expect(
				page.getByText(
					'Nobody is choosing a time in this calendar right now.'
				)
			).toBeVisible( {
				timeout: FREED_WITHIN,
			} );
			// Before clean-up, whose refused deletes (IN_USE) the browser logs.
			expect( errors ).toEqual( [] );
		} finally {
			await releaseHold( request, hold );
			await cancelBookingsOf( page, employee.id );
			await removeOrDeactivate( page, [
				`/appointease/v1/employees/${ employee.id }`,
				`/appointease/v1/services/${ service.id }`,
			] );
		}
	} );

	test( 'the settings screen shows every setting and the hold store', async ( {
		page,
	} ) => {
		const errors = collectPageErrors( page );
		await login( page );
		await openScreen( page, 'appointease-settings' );

		await expect(
			page.getByRole( 'region', { name: 'Hold store' } )
		).toContainText( "Redis keeps the visitors' holds" );
		const schema = await adminApi< {
			schema: { properties: Record< string, unknown > };
		} >( page, '/appointease/v1/settings', 'OPTIONS' );
		// One control per setting the server describes.
		const form = page.getByRole( 'form', { name: 'Settings' } );
		await expect( form.getByLabel( 'Slot step (minutes)' ) ).toBeVisible();
		// The manage links' lifetime (issue 14), from the schema alone.
		await expect(
			form.getByLabel(
				'Manage links work until this many days after the appointment'
			)
		).toHaveValue( String( 7 ) );
		const panels = form.locator( '.components-panel__body-toggle' );
		for ( const toggle of await panels.all() ) {
			await toggle.click();
		}
		await expect( form.locator( 'input, select, textarea' ) ).toHaveCount(
			Object.keys( schema.schema.properties ).length
		);
		await topOf( page );
		await page.screenshot( {
			path: screenshot( 'admin-settings' ),
			fullPage: true,
		} );

		// A change is not lost silently: the page asks before leaving, and Discard restores.
		const approval = form.getByLabel( 'Bookings need approval' );
		const before = await approval.isChecked();
		await approval.click();
		await expect( page.getByText( 'Unsaved changes' ) ).toBeVisible();
		const asked = new Promise< string >( ( resolve ) =>
			page.once( 'dialog', async ( dialog ) => {
				resolve( dialog.type() );
				await dialog.dismiss();
			} )
		);
		await page
			.getByRole( 'link', { name: 'Services', exact: true } )
			.click();
		expect( await asked ).toBe( 'beforeunload' );
		await expect( page ).toHaveURL( /page=appointease-settings/ );
		await page.getByRole( 'button', { name: 'Discard changes' } ).click();
		await expect( approval ).toBeChecked( { checked: before } );
		await expect( page.getByText( 'Unsaved changes' ) ).toBeHidden();
		expect( errors ).toEqual( [] );
	} );
} );

/**
 * Every console error (as collectPageErrors() keeps them) and every console
 * warning about something deprecated. `wp.deprecated()` warns, not errs, so
 * the errors alone would miss a component that still asks for the opt-in
 * props of its current look (`__nextHasNoMarginBottom`,
 * `__next40pxDefaultSize`) or a deprecated prop such as Button's `isSmall`.
 *
 * @param page The page to watch.
 * @return The list the problems are pushed into.
 */
function collectConsoleProblems( page: Page ): string[] {
	const problems = collectPageErrors( page );
	page.on( 'console', ( message ) => {
		if (
			message.type() === 'warning' &&
			/deprecat|__next/i.test( message.text() )
		) {
			problems.push( `console.warn: ${ message.text() }` );
		}
	} );
	return problems;
}

test.describe( 'admin screens on this WordPress', () => {
	test( 'every screen, form and dialog loads without console errors or deprecation warnings', async ( {
		browser,
		page,
	} ) => {
		// An employee with one booking and a login of their own, so that the
		// list, the calendar, the dialogs and My bookings all have something.
		const admin = await adminRest( browser );
		const fixture = await createBookable( admin, 'Screens' );
		const customer = unique( 'Customer' );
		const suffix = `${ Date.now().toString( 36 ) }${ Math.floor(
			Math.random() * 1e4
		) }`;
		const username = `e2e-screens-${ suffix }`;
		const password = `pw-${ suffix }-${ Math.random() }`;
		// What to undo at the end, newest first.
		const undo: Array< () => Promise< unknown > > = [
			() => removeBookable( admin, fixture ),
		];
		const context = await browser.newContext();

		try {
			const from = dateAhead( 2 );
			const open = await admin.call< Availability >(
				'GET',
				`availability?service=${ fixture.service.id }&employee=${ fixture.employee.id }&from=${ from }&to=${ dateAhead(
					8
				) }`
			);
			const start =
				open.body.days
					.flatMap( ( day ) => day.slots )
					.find( ( slot ) => slot.state === 'available' )?.start ??
				'';
			const booked = await admin.call< { id: number } >(
				'POST',
				'bookings',
				{
					service: fixture.service.id,
					employee: fixture.employee.id,
					start,
					customer: {
						name: customer,
						email: 'e2e-screens@example.com',
					},
				},
				{ 'Idempotency-Key': `e2e-screens-${ suffix }` }
			);
			expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
			undo.unshift( () =>
				admin.call( 'POST', `bookings/${ booked.body.id }/cancel` )
			);
			const user = await admin.wp< { id: number } >(
				'POST',
				'wp/v2/users',
				{
					username,
					password,
					email: `${ username }@example.com`,
					roles: [ 'appointease_employee' ],
				}
			);
			expect( user.status, JSON.stringify( user.body ) ).toBe( 201 );
			undo.unshift( () =>
				admin.wp(
					'DELETE',
					`wp/v2/users/${ user.body.id }?force=true&reassign=1`
				)
			);
			const linked = await admin.call(
				'PATCH',
				`employees/${ fixture.employee.id }`,
				{ wp_user: user.body.id }
			);
			expect( linked.status ).toBe( 200 );

			const problems = collectConsoleProblems( page );
			// Leaving a form with changes asks first; here the answer is yes.
			page.on( 'dialog', ( dialog ) => dialog.accept() );
			await login( page );

			// The dashboard, with its charts.
			await openScreen( page, 'appointease' );
			await expect(
				page.getByRole( 'img', {
					name: 'Utilisation per employee this week',
				} )
			).toBeVisible();

			// Bookings: the list with its filters, both dialogs, the calendar.
			await openScreen( page, 'appointease-bookings' );
			await page
				.getByRole( 'searchbox', { name: 'Customer' } )
				.fill( customer );
			const row = page.getByRole( 'row', {
				name: new RegExp( customer ),
			} );
			await row.getByRole( 'button', { name: /^Reschedule: / } ).click();
			const reschedule = page.getByRole( 'dialog', {
				name: 'Reschedule booking',
			} );
			await expect(
				reschedule.locator( 'button[data-start]' ).first()
			).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-reschedule' ),
			} );
			await reschedule
				.getByRole( 'button', { name: 'Keep the current time' } )
				.click();
			await row
				.getByRole( 'button', { name: /^Cancel booking: / } )
				.click();
			await page
				.getByRole( 'dialog', { name: 'Cancel this booking?' } )
				.getByRole( 'button', { name: 'Keep it' } )
				.click();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-bookings-list' ),
				fullPage: true,
			} );
			// The new-booking form, with the day's times and an earlier customer's search.
			await page.getByRole( 'button', { name: 'New booking' } ).click();
			const creating = page.getByRole( 'dialog', {
				name: 'New booking',
			} );
			await creating
				.getByLabel( 'Service' )
				.selectOption( String( fixture.service.id ) );
			await creating.getByLabel( 'Date' ).fill( start.slice( 0, 10 ) );
			await expect(
				creating.getByRole( 'button', { name: start.slice( 11, 16 ) } )
			).toBeVisible();
			await creating
				.getByLabel( 'Find an earlier customer' )
				.fill( customer );
			await expect(
				creating.getByRole( 'button', { name: new RegExp( customer ) } )
			).toBeVisible();
			await creating.getByRole( 'button', { name: 'Cancel' } ).click();
			await page.getByRole( 'button', { name: 'Columns' } ).click();
			await page.keyboard.press( 'Escape' );
			await page.getByRole( 'button', { name: 'Calendar' } ).click();
			await page
				.getByRole( 'button', { name: 'Week', exact: true } )
				.click();
			await page
				.getByLabel( 'Employee' )
				.selectOption( String( fixture.employee.id ) );
			await page.getByLabel( 'Date' ).fill( start.slice( 0, 10 ) );
			await expect(
				page.getByRole( 'group', { name: 'Bookings by day' } )
			).toContainText( customer );
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-bookings-calendar' ),
				fullPage: true,
			} );
			// A booking of the grid, opened, with Move….
			await page
				.getByRole( 'group', { name: 'Bookings by day' } )
				.locator( '[data-booking]' )
				.filter( { hasText: customer } )
				.click();
			await page
				.getByRole( 'dialog' )
				.getByRole( 'button', { name: 'Move…' } )
				.click();
			await expect(
				page.getByRole( 'dialog' ).getByLabel( 'Start time' )
			).toBeVisible();
			await page.keyboard.press( 'Escape' );

			// Employees: the list, the form with hours and a day off, an edit.
			await openScreen( page, 'appointease-employees' );
			await page.getByRole( 'button', { name: 'Add employee' } ).click();
			await page
				.getByRole( 'button', { name: 'Add hours on Monday' } )
				.click();
			await page.getByRole( 'button', { name: 'Add days off' } ).click();
			await expect(
				page.getByLabel( 'First day (day off 1)' )
			).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-employee-form' ),
				fullPage: true,
			} );
			await page.getByRole( 'button', { name: 'Cancel' } ).click();
			await page
				.getByRole( 'button', {
					name: `Edit ${ fixture.employee.name }`,
				} )
				.click();
			await expect(
				page.getByRole( 'form', {
					name: `Edit employee: ${ fixture.employee.name }`,
				} )
			).toBeVisible();

			// Services: the list, then the form.
			await openScreen( page, 'appointease-services' );
			await page.getByRole( 'button', { name: 'Add service' } ).click();
			await expect( page.getByLabel( 'Capacity (seats)' ) ).toBeVisible();
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-service-form' ),
				fullPage: true,
			} );

			// Settings, with every email template's panel open.
			await openScreen( page, 'appointease-settings' );
			const form = page.getByRole( 'form', { name: 'Settings' } );
			await expect(
				form.getByLabel( 'Slot step (minutes)' )
			).toBeVisible();
			for ( const toggle of await form
				.locator( '.components-panel__body-toggle' )
				.all() ) {
				await toggle.click();
			}
			await topOf( page );
			await page.screenshot( {
				path: screenshot( 'spacing-settings' ),
				fullPage: true,
			} );
			expect( problems ).toEqual( [] );

			// My bookings, as the employee's own login: list and calendar.
			const own = await context.newPage();
			const ownProblems = collectConsoleProblems( own );
			await login( own, username, password );
			await openScreen( own, 'appointease-my-bookings' );
			await expect(
				own.getByRole( 'row', { name: new RegExp( customer ) } )
			).toBeVisible();
			await own
				.getByRole( 'button', { name: 'Calendar', exact: true } )
				.click();
			await expect(
				own.getByRole( 'group', { name: 'Bookings by day' } )
			).toBeVisible();
			expect( ownProblems ).toEqual( [] );
		} finally {
			await context.close();
			for ( const step of undo ) {
				await step();
			}
			await admin.close();
		}
	} );
} );
