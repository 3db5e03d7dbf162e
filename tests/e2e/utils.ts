/**
 * Helpers shared by the end-to-end specs.
 */
import path from 'node:path';
import {
	expect,
	test,
	type Browser,
	type Locator,
	type Page,
} from '@playwright/test';

/** Where specs save screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.join( __dirname, 'artifacts' );

export const ADMIN_USER = process.env.APPOINTEASE_ADMIN_USER || 'admin';
export const ADMIN_PASSWORD =
	process.env.APPOINTEASE_ADMIN_PASSWORD || 'password';

/**
 * The path of an artifact file.
 *
 * @param name File name, e.g. "booking-page-phone.png".
 */
export function artifactPath( name: string ): string {
	return path.join( ARTIFACTS_DIR, name );
}

/**
 * The parts of `window.wp` that the specs call in the editor.
 */
export interface WpGlobal {
	blocks: {
		createBlock: (
			name: string,
			attributes?: Record< string, unknown >
		) => unknown;
		getBlockType: ( name: string ) => unknown;
	};
	data: {
		select: (
			store: string
		) => Record<
			string,
			( ( ...args: unknown[] ) => unknown ) | undefined
		>;
		dispatch: (
			store: string
		) => Record<
			string,
			( ( ...args: unknown[] ) => unknown ) | undefined
		>;
	};
}

declare global {
	interface Window {
		wp?: Partial< WpGlobal >;
	}
}

/**
 * Whether a console message is a failed request to another host. The test
 * machines have no internet access, so a theme's or WordPress's request to an
 * outside host (fonts, emoji images, avatars) fails there for reasons that are
 * not the site's fault. Failed requests to the site itself still count.
 *
 * @param page The page.
 * @param text The console message.
 * @param url  The URL the message is about.
 */
function isOutsideRequestFailure(
	page: Page,
	text: string,
	url: string
): boolean {
	if ( ! text.startsWith( 'Failed to load resource' ) || ! url ) {
		return false;
	}
	try {
		return new URL( url ).host !== new URL( page.url() ).host;
	} catch {
		return false;
	}
}

/**
 * Collects console errors and uncaught page errors from now on (except
 * failed requests to other hosts, see isOutsideRequestFailure()).
 *
 * @param page The page to watch.
 * @return The list the errors are pushed into.
 */
export function collectPageErrors( page: Page ): string[] {
	const errors: string[] = [];
	page.on( 'console', ( message ) => {
		if ( message.type() !== 'error' ) {
			return;
		}
		const { url, lineNumber } = message.location();
		if ( isOutsideRequestFailure( page, message.text(), url ) ) {
			return;
		}
		errors.push(
			`console.error: ${ message.text() }${
				url ? ` (${ url }:${ lineNumber })` : ''
			}`
		);
	} );
	page.on( 'pageerror', ( error ) => {
		errors.push( `pageerror: ${ error.message }` );
	} );
	return errors;
}

/**
 * Logs in to WordPress through wp-login.php and waits for wp-admin.
 *
 * @param page     The page.
 * @param user     User name (APPOINTEASE_ADMIN_USER, else "admin").
 * @param password Password (APPOINTEASE_ADMIN_PASSWORD, else "password").
 */
export async function login(
	page: Page,
	user: string = ADMIN_USER,
	password: string = ADMIN_PASSWORD
): Promise< void > {
	await page.goto( '/wp-login.php' );
	await page.locator( '#user_login' ).fill( user );
	await page.locator( '#user_pass' ).fill( password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\/?/ ),
		page.locator( '#wp-submit' ).click(),
	] );
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
}

/**
 * Closes the block editor's welcome guide if it is on screen, and turns it
 * off for this user.
 *
 * @param page The editor page.
 */
export async function dismissWelcomeGuide( page: Page ): Promise< void > {
	await page.evaluate( () => {
		const data = window.wp?.data;
		if ( ! data ) {
			return;
		}
		// WordPress 6.1–6.4 keep the flag in core/edit-post; later versions
		// in core/preferences.
		const editPost = data.select( 'core/edit-post' );
		if ( editPost?.isFeatureActive?.( 'welcomeGuide' ) ) {
			data.dispatch( 'core/edit-post' )?.toggleFeature?.(
				'welcomeGuide'
			);
		}
		const preferences = data.select( 'core/preferences' );
		if ( preferences?.get?.( 'core/edit-post', 'welcomeGuide' ) ) {
			data.dispatch( 'core/preferences' )?.set?.(
				'core/edit-post',
				'welcomeGuide',
				false
			);
		}
	} );

	const guide = page.locator(
		'.edit-post-welcome-guide, .editor-welcome-guide'
	);
	if ( await guide.isVisible() ) {
		await guide.getByRole( 'button', { name: 'Close' } ).click();
	}
	await expect( guide ).toBeHidden();
}

/**
 * The block editor's content area: the main document on WordPress 6.1 (and
 * when the editor is not iframed), else the `editor-canvas` iframe's body.
 *
 * @param page The editor page.
 */
export async function editorCanvas( page: Page ): Promise< Locator > {
	const iframeSelector = 'iframe[name="editor-canvas"]';
	await page
		.locator( `${ iframeSelector }, .block-editor-block-list__layout` )
		.first()
		.waitFor();
	if ( ( await page.locator( iframeSelector ).count() ) > 0 ) {
		return page.frameLocator( iframeSelector ).locator( 'body' );
	}
	return page.locator( 'body' );
}

type RestMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A REST answer's status and parsed body. */
interface RestAnswer< T > {
	status: number;
	body: T;
}

/**
 * A REST client logged in as the administrator (cookie + `X-WP-Nonce`), for
 * specs that set up their own data or change a setting for a while.
 */
export interface AdminRest {
	/**
	 * Calls a route of the plugin's namespace and returns status and body.
	 *
	 * @param method  HTTP method.
	 * @param route   Route below `/wp-json/appointease/v1/`, e.g. `services`.
	 * @param data    JSON body.
	 * @param headers More request headers, e.g. `Idempotency-Key`.
	 */
	call: < T = unknown >(
		method: RestMethod,
		route: string,
		data?: unknown,
		headers?: Record< string, string >
	) => Promise< RestAnswer< T > >;
	/**
	 * Calls any route of the site's REST API, e.g. `wp/v2/users`.
	 *
	 * @param method HTTP method.
	 * @param route  Route below `/wp-json/`.
	 * @param data   JSON body.
	 */
	wp: < T = unknown >(
		method: RestMethod,
		route: string,
		data?: unknown
	) => Promise< RestAnswer< T > >;
	/** Closes the browser context behind it. */
	close: () => Promise< void >;
}

/**
 * Logs the administrator in (in a context of its own) and gives a REST
 * client with the cookie nonce from `admin-ajax.php?action=rest-nonce`.
 *
 * @param browser The browser.
 */
export async function adminRest( browser: Browser ): Promise< AdminRest > {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login( page );
	const token = await (
		await context.request.get(
			'/wp-admin/admin-ajax.php?action=rest-nonce'
		)
	).text();
	expect( token, 'a REST nonce for the administrator' ).toMatch(
		/^[0-9a-f]{10}$/
	);
	await page.close();
	const fetchJson = async (
		method: RestMethod,
		route: string,
		data: unknown,
		headers: Record< string, string > = {}
	) => {
		const response = await context.request.fetch( `/wp-json/${ route }`, {
			method,
			data,
			headers: { ...headers, 'X-WP-Nonce': token },
		} );
		const text = await response.text();
		return {
			status: response.status(),
			body: ( text ? JSON.parse( text ) : null ) as never,
		};
	};
	return {
		call: ( method, route, data, headers ) =>
			fetchJson( method, `appointease/v1/${ route }`, data, headers ),
		wp: ( method, route, data ) => fetchJson( method, route, data ),
		close: () => context.close(),
	};
}

/**
 * Changes some plugin settings and gives back their previous values, to
 * restore afterwards with the same function.
 *
 * @param admin   The admin REST client.
 * @param changes Setting => value.
 */
export async function changeSettings(
	admin: AdminRest,
	changes: Record< string, unknown >
): Promise< Record< string, unknown > > {
	const before = await admin.call< Record< string, unknown > >(
		'GET',
		'settings'
	);
	expect( before.status ).toBe( 200 );
	const after = await admin.call( 'PATCH', 'settings', changes );
	expect( after.status, JSON.stringify( after.body ) ).toBe( 200 );
	return Object.fromEntries(
		Object.keys( changes ).map( ( key ) => [ key, before.body[ key ] ] )
	);
}

/**
 * The anti-spam settings for specs whose scripted visitors book at once,
 * often with one address, run after run: no minimum fill time, no cap per
 * address. anti-spam.spec.ts keeps the plugin's defaults and proves them.
 */
export const RELAXED_ANTI_SPAM = { min_fill_seconds: 0, bookings_per_email: 0 };

/**
 * Registers, in the calling spec file, a beforeAll that relaxes the
 * anti-spam settings (RELAXED_ANTI_SPAM) and turns the demo's consent box
 * off, and an afterAll that restores them.
 * For specs that do not use withBookable(), which does the same.
 */
export function withoutAntiSpam(): void {
	let admin: AdminRest | undefined;
	let restore: Record< string, unknown > | undefined;

	test.beforeAll( async ( { browser } ) => {
		admin = await adminRest( browser );
		restore = await changeSettings( admin, {
			...RELAXED_ANTI_SPAM,
			// The demo asks for consent; these specs book without it.
			consent_required: false,
		} );
	} );

	test.afterAll( async () => {
		if ( ! admin ) {
			return;
		}
		if ( restore ) {
			await changeSettings( admin, restore );
		}
		await admin.close();
	} );
}

/** A service and an employee made for one spec. */
export interface BookableFixture {
	service: { id: number; name: string };
	employee: { id: number; name: string };
}

/**
 * Creates a service and an employee who gives it, working 08:00–20:00 on
 * every day, with names no other spec uses.
 *
 * @param admin   The admin REST client.
 * @param label   A word for the names, e.g. "Flow".
 * @param service Service fields to set (duration, capacity…).
 */
export async function createBookable(
	admin: AdminRest,
	label: string,
	service: Record< string, unknown > = {}
): Promise< BookableFixture > {
	const suffix = `${ Date.now().toString( 36 ) }${ Math.floor(
		Math.random() * 1e4
	) }`;
	const createdService = await admin.call< { id: number; name: string } >(
		'POST',
		'services',
		{
			name: `E2E ${ label } service ${ suffix }`,
			duration: 30,
			capacity: 1,
			...service,
		}
	);
	expect( createdService.status, JSON.stringify( createdService.body ) ).toBe(
		201
	);
	const hours = [ 1, 2, 3, 4, 5, 6, 7 ].map( ( weekday ) => ( {
		weekday,
		start: '08:00',
		end: '20:00',
	} ) );
	const createdEmployee = await admin.call< { id: number; name: string } >(
		'POST',
		'employees',
		{
			name: `E2E ${ label } employee ${ suffix }`,
			services: [ createdService.body.id ],
			hours,
		}
	);
	expect(
		createdEmployee.status,
		JSON.stringify( createdEmployee.body )
	).toBe( 201 );
	return { service: createdService.body, employee: createdEmployee.body };
}

/**
 * Removes what createBookable() made; what bookings name is deactivated
 * instead (the API refuses to delete it).
 *
 * @param admin   The admin REST client.
 * @param fixture The service and employee.
 */
export async function removeBookable(
	admin: AdminRest,
	fixture: BookableFixture
): Promise< void > {
	await removeOrDeactivate( admin, `employees/${ fixture.employee.id }` );
	await removeOrDeactivate( admin, `services/${ fixture.service.id }` );
}

/**
 * Deletes a service or an employee, or deactivates it when bookings name it
 * (the API refuses to delete it then).
 *
 * @param admin The admin REST client.
 * @param route E.g. `employees/9`.
 */
export async function removeOrDeactivate(
	admin: AdminRest,
	route: string
): Promise< void > {
	const deleted = await admin.call( 'DELETE', route );
	if ( deleted.status !== 200 ) {
		const deactivated = await admin.call( 'PATCH', route, {
			active: false,
		} );
		expect( deactivated.status ).toBe( 200 );
	}
}

/** What withBookable() gives a spec once its beforeAll has run. */
export interface BookableSetup {
	/** The admin REST client. */
	readonly admin: AdminRest;
	/** The spec's own service. */
	readonly service: BookableFixture[ 'service' ];
	/** The spec's own employee, who gives the service. */
	readonly employee: BookableFixture[ 'employee' ];
}

/**
 * Registers, in the calling spec file, a beforeAll that logs the
 * administrator in, raises the write rate limit (the specs book more often
 * than 30 times a minute), turns the demo's consent box off, relaxes the anti-spam settings (unless
 * `antiSpam` is true) and makes the spec's own service and employee,
 * and an afterAll that removes them, restores the limit and closes the
 * client. Call it at the top level of the spec file.
 *
 * @param label            A word for the names, e.g. "Flow".
 * @param options          Options.
 * @param options.antiSpam Keep the anti-spam settings as they are.
 * @return Getters for the client, the service and the employee, which
 *         exist only in tests and hooks that run after the beforeAll.
 */
export function withBookable(
	label: string,
	{ antiSpam = false }: { antiSpam?: boolean } = {}
): BookableSetup {
	let admin: AdminRest | undefined;
	let fixture: BookableFixture | undefined;
	let restore: Record< string, unknown > | undefined;

	// eslint-disable-next-line playwright/no-duplicate-hooks -- registered in the spec that calls this, not here.
	test.beforeAll( async ( { browser } ) => {
		admin = await adminRest( browser );
		restore = await changeSettings( admin, {
			rate_limit_writes: 10000,
			// The demo asks for consent; specs about other things book without it.
			consent_required: false,
			...( antiSpam ? {} : RELAXED_ANTI_SPAM ),
		} );
		fixture = await createBookable( admin, label );
	} );

	// Undoes, in reverse order, what the beforeAll got done, so that a failed
	// beforeAll is reported for itself and not as an error here.
	// eslint-disable-next-line playwright/no-duplicate-hooks -- registered in the spec that calls this, not here.
	test.afterAll( async () => {
		if ( ! admin ) {
			return;
		}
		if ( fixture ) {
			await removeBookable( admin, fixture );
		}
		if ( restore ) {
			await changeSettings( admin, restore );
		}
		await admin.close();
	} );

	const ready = (): { admin: AdminRest; fixture: BookableFixture } => {
		if ( ! admin || ! fixture ) {
			throw new Error( 'withBookable(): used before its beforeAll ran' );
		}
		return { admin, fixture };
	};
	return {
		get admin() {
			return ready().admin;
		},
		get service() {
			return ready().fixture.service;
		},
		get employee() {
			return ready().fixture.employee;
		},
	};
}

/**
 * A local date some days from today, YYYY-MM-DD (in UTC, which is close
 * enough for a date several days ahead).
 *
 * @param days Days ahead.
 */
export function dateAhead( days: number ): string {
	return new Date( Date.now() + days * 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

/** What bookInBrowser() books and as whom. */
export interface BrowserBooking {
	/** The start to pick (data-start); the first free time when absent. */
	start?: string;
	/** The customer's name. */
	name: string;
	/** The customer's email address. */
	email: string;
}

/**
 * Opens the booking page of a spec's service and employee on a date and
 * books one time as a visitor does: the time, Continue, name and email,
 * Continue, Confirm booking. The answer of `POST bookings` is checked to be
 * 201 and returned with the app's region and the picked time's data-start,
 * for the spec's own checks after.
 *
 * @param page     The page.
 * @param bookable The spec's service and employee (withBookable()).
 * @param date     The day, YYYY-MM-DD.
 * @param booking  The time and the customer.
 */
export async function bookInBrowser(
	page: Page,
	bookable: Pick< BookableSetup, 'service' | 'employee' >,
	date: string,
	booking: BrowserBooking
): Promise< {
	app: Locator;
	start: string;
	answer: Record< string, unknown >;
} > {
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ date }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	const time = app.locator(
		booking.start
			? `button.appointease-time[data-start="${ booking.start }"][data-state="available"]`
			: 'button.appointease-time[data-state="available"]'
	);
	const start = ( await time.first().getAttribute( 'data-start' ) ) ?? '';
	await time.first().click();
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await app.getByLabel( /^Name/ ).fill( booking.name );
	await app.getByLabel( /^Email/ ).fill( booking.email );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	const booked = page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/bookings' ) &&
			response.request().method() === 'POST'
	);
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	const answer = await booked;
	expect( answer.status() ).toBe( 201 );
	return {
		app,
		start,
		answer: ( await answer.json() ) as Record< string, unknown >,
	};
}
