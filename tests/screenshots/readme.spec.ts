/**
 * The README's screenshots (docs/screenshots/*.png), taken on the running
 * demo site: `npm run screenshots` (playwright.screenshots.config.ts).
 *
 * It starts from the demo business (`bin/wp appointease seed`: Ana Silva,
 * Ben Okafor and Chloé Martin; Haircut, Consultation, Colour treatment and
 * Yoga class) and adds what the pictures need through the REST API: a few
 * customers' bookings in the coming days, a second visitor whose hold shows
 * as "Processing" and "being booked now", and a WordPress login for Ben so
 * that his "My bookings" page has someone to show it to.
 *
 * Running it again does not pile bookings up. The customers below are this
 * file's own and their email addresses are how a later run finds them: a
 * booking that is still where it should be is kept, one on another day is
 * moved (after a few days the plan moves on with the calendar), and only the
 * booking made through the booking page (one per run, bookings cannot be
 * deleted) is cancelled at the start of the next run. That booking is made
 * with Chloé Martin, whose list no screenshot shows, so the cancelled ones
 * never appear in a picture.
 *
 * Every picture is checked for leftovers of the test suites ("E2E …"
 * names) before it is saved: a demo site that ran `npm run test:e2e` with a
 * failure may keep some, and `npm run demo:reset` starts it over.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from '@playwright/test';
import {
	adminRest,
	changeSettings,
	login,
	RELAXED_ANTI_SPAM,
	type AdminRest,
} from '../e2e/utils';

const ROOT = path.join( __dirname, '..', '..' );
const OUT = path.join( ROOT, 'docs', 'screenshots' );

// The sizes of the pictures the README has always shown.
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };
const ADMIN = { width: 1280, height: 720 };

// The demo business (includes/Demo/DemoData.php).
const ANA = 'Ana Silva';
const BEN = 'Ben Okafor';
const CHLOE = 'Chloé Martin';
const HAIRCUT = 'Haircut';
const CONSULTATION = 'Consultation';
const COLOUR = 'Colour treatment';
const YOGA = 'Yoga class';

/** Who books on the booking page in the pictures. */
const VISITOR = {
	name: 'Emma Schneider',
	email: 'emma.schneider@example.com',
	phone: '+49 30 5550 1234',
	notes: 'First visit.',
};

/** Ben's WordPress login, for his "My bookings" page. */
const BEN_LOGIN = 'ben.okafor';

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

interface Booking {
	id: number;
	employee: number;
	service: number;
	start: string;
	status: string;
	customer: { name: string; email: string };
}

/** A booking a picture needs. */
interface Planned {
	customer: string;
	service: string;
	employee: string;
	/** YYYY-MM-DD in the site's timezone. */
	date: string;
	/** The first free time at or after this wall clock ("HH:MM") is taken. */
	at: string;
	seats?: number;
}

/** What beforeAll finds out and makes. */
interface Demo {
	admin: AdminRest;
	restore: Record< string, unknown >;
	timezoneId: string;
	today: string;
	/** The Monday of next week: Ana's and Ben's bookings fill that week. */
	monday: string;
	/** The day on which the visitor books with Chloé. */
	flowDay: string;
	services: Record< string, number >;
	employees: Record< string, number >;
}

let demo: Demo | undefined;

/**
 * The set-up, once beforeAll has made it.
 */
function ready(): Demo {
	if ( ! demo ) {
		throw new Error( 'The demo data was not set up (see beforeAll).' );
	}
	return demo;
}

/**
 * A customer's made-up email address, from the name: "Mateo García" →
 * mateo.garcia@example.com.
 *
 * @param name The customer's name.
 */
function emailOf( name: string ): string {
	return `${ name
		.normalize( 'NFD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.toLowerCase()
		.replace( /[^a-z ]/g, '' )
		.trim()
		.replace( / +/g, '.' ) }@example.com`;
}

/**
 * Today's date in a timezone, YYYY-MM-DD.
 *
 * @param timeZone An IANA timezone.
 */
function todayIn( timeZone: string ): string {
	return new Intl.DateTimeFormat( 'en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	} ).format( new Date() );
}

/**
 * A date some days after another.
 *
 * @param date YYYY-MM-DD.
 * @param days Days to add.
 */
function addDays( date: string, days: number ): string {
	return new Date( Date.parse( `${ date }T12:00:00Z` ) + days * 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

/**
 * The ISO weekday of a date, 1 (Monday) to 7 (Sunday).
 *
 * @param date YYYY-MM-DD.
 */
function weekday( date: string ): number {
	return new Date( `${ date }T12:00:00Z` ).getUTCDay() || 7;
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
 * The free times of one calendar on one day.
 *
 * @param admin    The admin REST client.
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 */
async function freeTimes(
	admin: AdminRest,
	service: number,
	employee: number,
	date: string
): Promise< Slot[] > {
	const answer = await admin.call< {
		days: Array< { date: string; slots: Slot[] } >;
	} >(
		'GET',
		`availability?service=${ service }&employee=${ employee }&from=${ date }&to=${ date }`
	);
	expect( answer.status, JSON.stringify( answer.body ) ).toBe( 200 );
	return ( answer.body.days[ 0 ]?.slots ?? [] ).filter(
		( slot ) => slot.state === 'available'
	);
}

/**
 * The bookings of one of this file's customers from today on that are
 * still on (not cancelled or rejected).
 *
 * @param email The customer's email address.
 */
async function liveBookingsOf( email: string ): Promise< Booking[] > {
	const { admin, today } = ready();
	const found = await admin.call< Booking[] >(
		'GET',
		`bookings?search=${ encodeURIComponent( email ) }&from=${ today }&per_page=100`
	);
	expect( found.status, JSON.stringify( found.body ) ).toBe( 200 );
	return found.body.filter(
		( booking ) =>
			booking.customer.email === email &&
			! [ 'cancelled', 'rejected' ].includes( booking.status )
	);
}

/**
 * Cancels a booking as the admin.
 *
 * @param id Booking id.
 */
async function cancel( id: number ): Promise< void > {
	const cancelled = await ready().admin.call(
		'POST',
		`bookings/${ id }/cancel`
	);
	expect( cancelled.status, JSON.stringify( cancelled.body ) ).toBe( 200 );
}

/**
 * Makes sure a planned booking exists, keeping or moving the one an earlier
 * run made for the same customer, so that runs do not add up.
 *
 * @param plan The booking.
 */
async function ensureBooking( plan: Planned ): Promise< void > {
	const { admin, services, employees } = ready();
	const email = emailOf( plan.customer );
	const service = services[ plan.service ] ?? 0;
	const employee = employees[ plan.employee ] ?? 0;
	const live = await liveBookingsOf( email );
	// A booking keeps its service when it moves; one of another service
	// (the plan changed) cannot become the planned one.
	const kept = live.find( ( booking ) => booking.service === service );
	for ( const booking of live ) {
		if ( booking !== kept ) {
			await cancel( booking.id );
		}
	}
	if (
		kept &&
		kept.employee === employee &&
		kept.start.slice( 0, 10 ) === plan.date
	) {
		return;
	}

	const free = await freeTimes( admin, service, employee, plan.date );
	const start = (
		free.find( ( slot ) => clock( slot.start ) >= plan.at ) ?? free[ 0 ]
	)?.start;
	if ( ! start ) {
		throw new Error(
			`${ plan.employee } has no free time for ${ plan.service } on ${ plan.date }.`
		);
	}
	if ( kept ) {
		// Moved rather than cancelled, so the list gets no cancelled rows.
		const moved = await admin.call(
			'POST',
			`bookings/${ kept.id }/reschedule`,
			{
				start,
				employee,
			}
		);
		if ( moved.status === 200 ) {
			return;
		}
		await cancel( kept.id );
	}
	const made = await admin.call(
		'POST',
		'bookings',
		{
			service,
			employee,
			start,
			seats: plan.seats ?? 1,
			customer: { name: plan.customer, email },
		},
		{ 'Idempotency-Key': randomUUID() }
	);
	expect( made.status, JSON.stringify( made.body ) ).toBe( 201 );
}

/**
 * Ids by name, from an admin list route; fails when a demo name is missing.
 *
 * @param admin The admin REST client.
 * @param route "services" or "employees".
 * @param names The names that must be there.
 */
async function idsByName(
	admin: AdminRest,
	route: string,
	names: string[]
): Promise< Record< string, number > > {
	const list = await admin.call< Named[] >( 'GET', route );
	expect( list.status, JSON.stringify( list.body ) ).toBe( 200 );
	const ids: Record< string, number > = {};
	for ( const name of names ) {
		const row = list.body.find( ( item ) => item.name === name );
		if ( ! row ) {
			throw new Error(
				`The site has no ${ route } named "${ name }": these screenshots need the demo data (\`bin/wp appointease seed\` on an empty site, or \`npm run demo:reset\`).`
			);
		}
		ids[ name ] = row.id;
	}
	return ids;
}

/**
 * A new browser context at a size, on the site's clock, so that the
 * booking block shows times without a timezone switch, as a local customer
 * sees them.
 *
 * @param browser         The browser.
 * @param viewport        Its size.
 * @param viewport.width
 * @param viewport.height
 */
async function newContext(
	browser: Browser,
	viewport: { width: number; height: number }
): Promise< BrowserContext > {
	const context = await browser.newContext( {
		viewport,
		timezoneId: ready().timezoneId,
	} );
	// The machines that take these pictures are offline: wp-admin's avatars
	// (Gravatar) would show as broken images, so they get a plain grey
	// square, like Gravatar's own blank default.
	await context.route(
		/^https?:\/\/([a-z0-9-]+\.)*gravatar\.com\//,
		( route ) =>
			route.fulfill( {
				contentType: 'image/svg+xml',
				body: '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#c3c4c7"/></svg>',
			} )
	);
	return context;
}

/**
 * The booking block on a page.
 *
 * @param page The page.
 * @param name "Book an appointment" or "Manage your appointment".
 */
function blockOf( page: Page, name = 'Book an appointment' ): Locator {
	return page.getByRole( 'region', { name } ).first();
}

/**
 * The time buttons of a state.
 *
 * @param app   The booking block.
 * @param state "available", "booked", "processing" or "yours".
 */
function times( app: Locator, state: string ): Locator {
	return app.locator( `button.appointease-time[data-state="${ state }"]` );
}

/**
 * A second visitor who has picked a time and keeps the page open: the
 * block's heartbeat keeps the hold alive until the context closes.
 *
 * @param browser  The browser.
 * @param service  Service id.
 * @param employee Employee id.
 * @param date     YYYY-MM-DD.
 * @param nth      Which free time to take.
 */
async function holdATime(
	browser: Browser,
	service: number,
	employee: number,
	date: string,
	nth: number
): Promise< BrowserContext > {
	const context = await newContext( browser, DESKTOP );
	const page = await context.newPage();
	await page.goto(
		`/book/?service=${ service }&employee=${ employee }&date=${ date }`
	);
	const app = blockOf( page );
	const time = times( app, 'available' ).nth( nth );
	const start = await time.getAttribute( 'data-start' );
	await time.click();
	await expect(
		app.locator( `button[data-start="${ start }"]` )
	).toHaveAttribute( 'data-state', 'yours' );
	return context;
}

/**
 * Opens the day in the block's month calendar, moving to the next month
 * when the day is in it.
 *
 * @param app  The booking block.
 * @param date YYYY-MM-DD.
 */
async function dayButton( app: Locator, date: string ): Promise< Locator > {
	await expect( app.locator( 'button[data-date]' ).first() ).toBeVisible();
	const day = app.locator( `button[data-date="${ date }"]` );
	if ( ( await day.count() ) === 0 ) {
		await app.getByRole( 'button', { name: 'Next month' } ).click();
	}
	await expect( day ).toHaveAttribute( 'data-free', 'true' );
	return day;
}

/**
 * Saves a full-page screenshot into docs/screenshots/, after checking that
 * nothing on screen comes from the test suites.
 *
 * @param page The page.
 * @param name File name without ".png".
 * @param part Only this part of the page (a dialog), else the whole page.
 */
async function save(
	page: Page,
	name: string,
	part?: Locator
): Promise< void > {
	const shown = await page.evaluate( () => {
		const parts: string[] = [];
		const walker = document.createTreeWalker(
			document.body,
			NodeFilter.SHOW_TEXT
		);
		for ( let node = walker.nextNode(); node; node = walker.nextNode() ) {
			const parent = node.parentElement;
			// A select's other options are not on screen.
			if (
				parent &&
				! parent.closest( 'option, script, style, template' ) &&
				parent.checkVisibility()
			) {
				parts.push( node.textContent ?? '' );
			}
		}
		document
			.querySelectorAll< HTMLInputElement | HTMLTextAreaElement >(
				'input, textarea'
			)
			.forEach( ( field ) => parts.push( field.value ) );
		document
			.querySelectorAll( 'select' )
			.forEach( ( select ) =>
				parts.push( select.selectedOptions[ 0 ]?.text ?? '' )
			);
		return parts.join( '\n' );
	} );
	expect(
		shown,
		`${ name }: test data on screen; \`npm run demo:reset\` clears it`
	).not.toMatch( /\bE2E\b/i );
	if ( part ) {
		await part.screenshot( {
			path: path.join( OUT, `${ name }.png` ),
			animations: 'disabled',
			caret: 'hide',
		} );
		return;
	}
	// A full-page picture taken halfway down catches wp-admin's fixed bars there.
	await page.evaluate( () => window.scrollTo( 0, 0 ) );
	await page.screenshot( {
		path: path.join( OUT, `${ name }.png` ),
		fullPage: true,
		animations: 'disabled',
		caret: 'hide',
	} );
}

/**
 * Fills a date field and leaves it, so that the picture shows no
 * half-selected date in it.
 *
 * @param field The field.
 * @param date  YYYY-MM-DD.
 */
async function fillDate( field: Locator, date: string ): Promise< void > {
	await field.fill( date );
	await field.blur();
}

/**
 * Opens one of the AppointEase admin pages and waits for its app.
 *
 * @param page The page.
 * @param slug The page slug, e.g. "appointease-services".
 */
async function openScreen( page: Page, slug: string ): Promise< void > {
	await page.goto( `/wp-admin/admin.php?page=${ slug }` );
	const app = page.locator( '#appointease-admin' );
	// Rendered (an app that failed to load leaves the mount point empty)
	// and done loading.
	await expect( app.locator( '> *' ).first() ).toBeVisible();
	await expect( app ).not.toContainText( 'Loading…' );
}

/**
 * Gives Ben Okafor a WordPress login linked to his employee record, with a
 * new password each run (the previous one is not kept anywhere).
 *
 * @return The login's password.
 */
async function benLogin(): Promise< string > {
	const { admin, employees } = ready();
	const password = randomUUID();
	const found = await admin.wp< Array< { id: number; username?: string } > >(
		'GET',
		`wp/v2/users?search=${ BEN_LOGIN }&context=edit`
	);
	expect( found.status, JSON.stringify( found.body ) ).toBe( 200 );
	let id = found.body.find( ( user ) => user.username === BEN_LOGIN )?.id;
	if ( id ) {
		const changed = await admin.wp( 'POST', `wp/v2/users/${ id }`, {
			password,
		} );
		expect( changed.status, JSON.stringify( changed.body ) ).toBe( 200 );
	} else {
		const made = await admin.wp< { id: number } >( 'POST', 'wp/v2/users', {
			username: BEN_LOGIN,
			password,
			email: `${ BEN_LOGIN }@example.com`,
			name: BEN,
			first_name: 'Ben',
			last_name: 'Okafor',
			roles: [ 'appointease_employee' ],
		} );
		expect( made.status, JSON.stringify( made.body ) ).toBe( 201 );
		id = made.body.id;
	}
	const linked = await admin.call(
		'PATCH',
		`employees/${ employees[ BEN ] }`,
		{
			wp_user: id,
		}
	);
	expect( linked.status, JSON.stringify( linked.body ) ).toBe( 200 );
	return password;
}

test.describe.configure( { mode: 'serial' } );

test.beforeAll( async ( { browser } ) => {
	test.setTimeout( 180_000 );
	// Adds the demo business on a site without employees; does nothing on
	// one that has them (the demo seeds itself when it is set up).
	execFileSync( path.join( ROOT, 'bin', 'wp' ), [ 'appointease', 'seed' ], {
		stdio: 'inherit',
	} );

	const admin = await adminRest( browser );
	// The run books more often than the public write limit allows a minute,
	// by script, at once, and the same customers run after run.
	const restore = await changeSettings( admin, {
		rate_limit_writes: 10000,
		...RELAXED_ANTI_SPAM,
	} );
	const settings = await admin.wp< { timezone?: string } >(
		'GET',
		'wp/v2/settings'
	);
	const timezoneId = settings.body.timezone || 'UTC';
	const today = todayIn( timezoneId );
	demo = {
		admin,
		restore,
		timezoneId,
		today,
		monday: addDays( today, 8 - weekday( today ) ),
		flowDay: '',
		services: await idsByName( admin, 'services', [
			HAIRCUT,
			CONSULTATION,
			COLOUR,
			YOGA,
		] ),
		employees: await idsByName( admin, 'employees', [ ANA, BEN, CHLOE ] ),
	};

	// The last run's booking from the booking page.
	for ( const booking of await liveBookingsOf( VISITOR.email ) ) {
		await cancel( booking.id );
	}

	// Ana's and Ben's next week: the bookings list, the calendar and
	// Ben's "My bookings".
	const { monday } = demo;
	const week: Planned[] = [
		[ 'Sophie Bauer', HAIRCUT, ANA, 0, '09:00' ],
		[ "Liam O'Connor", CONSULTATION, ANA, 0, '14:00' ],
		[ 'Hannah Fischer', COLOUR, ANA, 1, '13:30' ],
		[ 'Noah Kim', HAIRCUT, ANA, 2, '10:00' ],
		[ 'Olivia Novak', HAIRCUT, ANA, 3, '11:30' ],
		[ 'Mateo García', CONSULTATION, ANA, 4, '09:30' ],
		[ 'Aisha Rahman', CONSULTATION, BEN, 1, '10:00' ],
		[ 'Lukas Weber', CONSULTATION, BEN, 3, '15:00' ],
	].map( ( [ customer, service, employee, day, at ] ) => ( {
		customer: String( customer ),
		service: String( service ),
		employee: String( employee ),
		date: addDays( monday, Number( day ) ),
		at: String( at ),
	} ) );
	week.push( {
		customer: 'Yuki Tanaka',
		service: YOGA,
		employee: BEN,
		date: addDays( monday, 5 ),
		at: '11:00',
		seats: 2,
	} );
	for ( const plan of week ) {
		await ensureBooking( plan );
	}

	// The booking page's day: Chloé's first day, two days out or more, with
	// room for a picture with booked, held and plenty of free times.
	const haircut = demo.services[ HAIRCUT ] ?? 0;
	const chloe = demo.employees[ CHLOE ] ?? 0;
	for ( let ahead = 2; ahead <= 21 && ! demo.flowDay; ahead++ ) {
		const date = addDays( today, ahead );
		const free = await freeTimes( admin, haircut, chloe, date );
		if ( free.length >= 16 ) {
			demo.flowDay = date;
			await ensureBooking( {
				customer: 'Lea Hoffmann',
				service: HAIRCUT,
				employee: CHLOE,
				date,
				// Late in the day, away from the times the visitors pick.
				at: clock( free[ free.length - 6 ]?.start ?? '' ),
			} );
		}
	}
	expect( demo.flowDay, `${ CHLOE } has a day with free times` ).not.toBe(
		''
	);
} );

test.afterAll( async () => {
	if ( demo ) {
		await changeSettings( demo.admin, demo.restore );
		await demo.admin.close();
	}
} );

test( 'the booking page, on a desktop and on a phone', async ( {
	browser,
} ) => {
	const { services, employees, flowDay } = ready();
	const haircut = services[ HAIRCUT ] ?? 0;
	const chloe = employees[ CHLOE ] ?? 0;
	let other: BrowserContext | null = null;

	try {
		// One screen to choose: service, employee, calendar and times.
		const desktop = await newContext( browser, DESKTOP );
		const page = await desktop.newPage();
		await page.goto( '/book/' );
		let app = blockOf( page );
		await app
			.getByRole( 'button', { name: new RegExp( HAIRCUT ) } )
			.click();
		await app.getByRole( 'button', { name: CHLOE } ).click();
		await ( await dayButton( app, flowDay ) ).click();
		await expect( times( app, 'available' ).nth( 6 ) ).toBeVisible();
		// Someone else picks a time while it is on screen: it greys in
		// place as "Processing".
		other = await holdATime( browser, haircut, chloe, flowDay, 5 );
		await expect( times( app, 'processing' ).first() ).toBeVisible();
		await times( app, 'available' ).nth( 2 ).click();
		await expect( times( app, 'yours' ) ).toContainText( 'Held for you' );
		// What the visitor sees (a full-page picture would leave the sticky
		// choice bar halfway down): the calendar and times mid-screen.
		await app
			.locator( '.appointease-choose__when' )
			.evaluate( ( element ) =>
				element.scrollIntoView( { block: 'center' } )
			);
		await page.screenshot( {
			path: path.join( OUT, 'booking-1-choose-desktop.png' ),
			animations: 'disabled',
			caret: 'hide',
		} );

		await app.getByRole( 'button', { name: 'Continue' } ).click();
		await app.getByLabel( /^Name/ ).fill( VISITOR.name );
		await app.getByLabel( /^Email/ ).fill( VISITOR.email );
		await app.getByLabel( /^Phone/ ).fill( VISITOR.phone );
		await app.getByLabel( /^Notes/ ).fill( VISITOR.notes );
		await app.getByRole( 'button', { name: 'Continue' } ).click();
		await expect(
			app.getByRole( 'heading', { name: 'Review your booking' } )
		).toBeVisible();
		await save( page, 'booking-6-review-desktop' );

		await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
		await expect(
			app.getByRole( 'heading', { name: 'Booking complete' } )
		).toBeVisible();
		await save( page, 'booking-7-done-desktop' );

		// The manage link from the email, moving the booking to another time
		// (chosen, not confirmed: the booking stays where it is).
		const manage =
			( await app
				.getByRole( 'link', { name: 'Change or cancel this booking' } )
				.getAttribute( 'href' ) ) ?? '';
		await page.goto( manage );
		app = blockOf( page, 'Manage your appointment' );
		await app
			.getByRole( 'button', { name: 'Choose another time' } )
			.click();
		await ( await dayButton( app, flowDay ) ).click();
		await expect( times( app, 'yours' ) ).toContainText( 'Your booking' );
		// Found again by its start: once chosen it may leave the list of
		// available times that nth() counts in.
		const start = await times( app, 'available' )
			.nth( 6 )
			.getAttribute( 'data-start' );
		const target = app.locator( `button[data-start="${ start }"]` );
		await target.click();
		await expect( target ).toContainText( 'Selected' );
		await save( page, 'manage-2-reschedule-desktop' );
		await desktop.close();

		// On a phone: the times right under the calendar, and the choice
		// with "Continue" stuck to the bottom of the screen.
		const phone = await newContext( browser, PHONE );
		const small = await phone.newPage();
		await small.goto( '/book/' );
		app = blockOf( small );
		await app
			.getByRole( 'button', { name: new RegExp( HAIRCUT ) } )
			.click();
		await app.getByRole( 'button', { name: CHLOE } ).click();
		await ( await dayButton( app, flowDay ) ).click();
		const time = times( app, 'available' ).nth( 1 );
		await time.scrollIntoViewIfNeeded();
		await time.click();
		await expect( times( app, 'yours' ) ).toContainText( 'Held for you' );
		await small.screenshot( {
			path: path.join( OUT, 'booking-1-choose-phone.png' ),
		} );

		await app.getByRole( 'button', { name: 'Continue' } ).click();
		await app.getByRole( 'button', { name: 'Continue' } ).click();
		await expect(
			app.getByText( 'Please enter your name.' )
		).toBeVisible();
		await save( small, 'booking-5-details-errors-phone' );
		// Closing the page gives the visitor's hold back.
		await phone.close();
	} finally {
		await other?.close();
	}
} );

test( 'the wp-admin screens', async ( { browser } ) => {
	const { services, employees, monday, today } = ready();
	const ana = String( employees[ ANA ] ?? 0 );
	const context = await newContext( browser, ADMIN );
	const page = await context.newPage();
	await login( page );

	// The dashboard, the menu's first screen.
	await openScreen( page, 'appointease' );
	await expect( page.locator( '[data-figure="week"]' ) ).toBeVisible();
	await expect(
		page.getByRole( 'img', {
			name: 'Bookings and cancellations per week',
		} )
	).toBeVisible();
	await save( page, 'admin-dashboard' );

	// Ana's coming bookings.
	await openScreen( page, 'appointease-bookings' );
	await page.getByLabel( 'Employee', { exact: true } ).selectOption( ana );
	await fillDate( page.getByLabel( 'From', { exact: true } ), today );
	await expect(
		page.getByRole( 'row', { name: /Sophie Bauer/ } )
	).toBeVisible();
	await save( page, 'admin-bookings-list' );

	// Her week, while a visitor is choosing a time on Tuesday.
	const tuesday = addDays( monday, 1 );
	const visitor = await holdATime(
		browser,
		services[ HAIRCUT ] ?? 0,
		employees[ ANA ] ?? 0,
		tuesday,
		3
	);
	try {
		// Tuesday, every employee side by side.
		await page.getByRole( 'button', { name: 'Calendar' } ).click();
		await fillDate( page.getByLabel( 'Date', { exact: true } ), tuesday );
		await expect(
			page.getByText( '1 time is being booked right now.' )
		).toBeVisible();
		await expect(
			page.getByRole( 'group', { name: 'Bookings by day' } )
		).toContainText( 'Hannah Fischer' );
		await save( page, 'admin-calendar-day' );

		// A phone booking from the grid by keyboard: a Haircut in Ana's
		// column at 08:15, before her day starts (and clear of her 09:00),
		// for an earlier customer of the demo.
		const grid = page.getByRole( 'group', { name: 'Bookings by day' } );
		const column = await grid
			.locator( 'section' )
			.evaluateAll(
				( sections, id ) =>
					sections.findIndex(
						( section ) =>
							section.getAttribute( 'data-employee' ) === id
					),
				ana
			);
		await grid.locator( '.appointease-grid__cursor' ).focus();
		for ( let step = 0; step < column; step++ ) {
			await page.keyboard.press( 'ArrowRight' );
		}
		await page.keyboard.press( 'Home' );
		await expect( grid.locator( '.appointease-grid__cursor' ) ).toHaveText(
			'+ 08:00'
		);
		await page.keyboard.press( 'ArrowDown' );
		await page.keyboard.press( 'Enter' );
		const dialog = page.getByRole( 'dialog', { name: 'New booking' } );
		await dialog.getByLabel( 'Service' ).selectOption( { label: HAIRCUT } );
		await expect( dialog.getByLabel( 'Start time' ) ).toHaveValue(
			'08:15'
		);
		await expect(
			dialog.locator( '.appointease-admin__override-warning' )
		).toContainText( 'outside the employee' );
		await dialog.getByLabel( 'Find an earlier customer' ).fill( 'Lopez' );
		await dialog
			.getByRole( 'button', {
				name: /^Maria Lopez, maria@example\.com/,
			} )
			.click();
		await expect( dialog.getByLabel( 'Email' ) ).toHaveValue(
			'maria@example.com'
		);
		await page.setViewportSize( { width: 1280, height: 1500 } );
		await save( page, 'admin-new-booking', dialog );
		await dialog.getByRole( 'button', { name: 'Close' } ).click();
		await expect( dialog ).toBeHidden();
		await page.setViewportSize( ADMIN );

		await page.getByRole( 'button', { name: 'Week', exact: true } ).click();
		await page
			.getByLabel( 'Employee', { exact: true } )
			.selectOption( ana );
		await expect(
			page.getByText( '1 time is being booked right now.' )
		).toBeVisible();
		await expect(
			page.getByRole( 'group', { name: 'Bookings by day' } )
		).toContainText( 'Sophie Bauer' );
		await save( page, 'admin-bookings-calendar' );
	} finally {
		await visitor.close();
	}

	// The forms, opened on the demo's own rows and left unsaved.
	await openScreen( page, 'appointease-employees' );
	await page.getByRole( 'button', { name: `Edit ${ ANA }` } ).click();
	await expect( page.getByLabel( 'Name', { exact: true } ) ).toHaveValue(
		ANA
	);
	await save( page, 'admin-employee-form' );

	await openScreen( page, 'appointease-services' );
	await page.getByRole( 'button', { name: `Edit ${ COLOUR }` } ).click();
	await expect( page.getByLabel( 'Name', { exact: true } ) ).toHaveValue(
		COLOUR
	);
	await save( page, 'admin-service-form' );
	await context.close();
} );

test( "an employee's My bookings page", async ( { browser } ) => {
	const { today } = ready();
	const password = await benLogin();
	const context = await newContext( browser, ADMIN );
	const page = await context.newPage();
	await login( page, BEN_LOGIN, password );
	await page
		.locator( '#adminmenu' )
		.getByRole( 'link', { name: 'My bookings' } )
		.click();
	await fillDate( page.getByLabel( 'From', { exact: true } ), today );
	await expect(
		page.getByRole( 'row', { name: /Aisha Rahman/ } )
	).toBeVisible();
	await save( page, 'admin-my-bookings' );
	await context.close();
} );
