/**
 * The choosing screen's harder cases (issue 16): a visitor in Tokyo sees
 * each time under the day it falls on there; Back, Forward and a reload
 * keep the visitor's place, choice and typed details, and the held time;
 * an empty month offers "Next available"; a booking system that cannot
 * be reached says so, with "Try again", instead of showing a fully booked
 * month; and while php-fpm is down (stopped and started again on this
 * stack) the staleness line follows the answers' `server_time`, not the
 * browser's clock.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readStack } from './stack';
import { collectPageErrors, dateAhead, withBookable } from './utils';

const bookable = withBookable( 'Screen' );

/**
 * The booking app on a page.
 *
 * @param page The page.
 */
function appOf( page: Page ): Locator {
	return page.getByRole( 'region', { name: 'Book an appointment' } ).first();
}

/**
 * The day after a date, YYYY-MM-DD.
 *
 * @param date YYYY-MM-DD.
 */
function dayAfter( date: string ): string {
	return new Date( Date.parse( `${ date }T12:00:00Z` ) + 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

test( 'a visitor in Tokyo sees the times under the day they fall on there', async ( {
	browser,
} ) => {
	const context = await browser.newContext( { timezoneId: 'Asia/Tokyo' } );
	const page = await context.newPage();
	const errors = collectPageErrors( page );
	const date = dateAhead( 4 );
	await page.goto( `/book/?service=${ bookable.service.id }&date=${ date }` );
	const app = appOf( page );
	// The business's zone by default, the visitor's one click away.
	await expect( app.getByText( 'Times in Europe/Berlin' ) ).toBeVisible();
	const evening = app.locator(
		`button.appointease-time[data-start="${ date }T17:00:00+01:00"]`
	);
	await expect( evening ).toContainText( /5:00\sPM|17:00/ );
	await app
		.getByRole( 'button', { name: 'Use my time zone (Asia/Tokyo)' } )
		.click();
	await expect( app.getByText( 'Times in Asia/Tokyo' ) ).toBeVisible();

	// 17:00 in Berlin is 01:00 the next day in Tokyo: listed under that day.
	await expect( evening ).toContainText( /1:00\sAM|01:00/ );
	await expect( evening.locator( 'xpath=ancestor::ul[1]' ) ).toHaveAttribute(
		'data-date',
		dayAfter( date )
	);
	const morning = app.locator(
		`button.appointease-time[data-start="${ date }T09:00:00+01:00"]`
	);
	await expect( morning ).toContainText( /5:00\sPM|17:00/ );
	await expect( morning.locator( 'xpath=ancestor::ul[1]' ) ).toHaveAttribute(
		'data-date',
		date
	);

	// The pick names the zone, here and on the later screens.
	await evening.click();
	await expect( evening ).toHaveAttribute( 'data-state', 'yours' );
	await expect( app.locator( '.appointease-chosen' ) ).toContainText(
		'(Asia/Tokyo)'
	);
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await app.getByLabel( /^Name/ ).fill( 'Kenji E2E' );
	await app.getByLabel( /^Email/ ).fill( 'kenji.e2e@example.com' );
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( app.getByText( /\(Asia\/Tokyo\)/ ) ).toBeVisible();

	// Any zone can be searched for.
	await app.getByRole( 'button', { name: 'Back' } ).click();
	await app.getByRole( 'button', { name: 'Back' } ).click();
	await app.getByRole( 'button', { name: 'Other time zone…' } ).click();
	await app.getByLabel( 'Time zone' ).fill( 'America/New_York' );
	await expect( app.getByText( 'Times in America/New_York' ) ).toBeVisible();
	await expect( morning ).toContainText( /3:00\sAM|03:00/ );
	expect( errors ).toEqual( [] );
	await context.close();
} );

test( 'Back, Forward and a reload keep the place, the choice, the details and the held time', async ( {
	page,
} ) => {
	const errors = collectPageErrors( page );
	const date = dateAhead( 5 );
	await page.goto( `/book/?service=${ bookable.service.id }&date=${ date }` );
	const app = appOf( page );
	const time = app
		.locator( 'button.appointease-time[data-state="available"]' )
		.nth( 1 );
	const start = ( await time.getAttribute( 'data-start' ) ) ?? '';
	await time.click();
	const mine = app.locator( `button[data-start="${ start }"]` );
	await expect( mine ).toHaveAttribute( 'data-state', 'yours' );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	// Each screen has its own URL.
	await expect( page ).toHaveURL( /appointease_step=details/ );
	await expect( page ).toHaveURL( new RegExp( `date=${ date }` ) );
	await app.getByLabel( /^Name/ ).fill( 'Rosa E2E' );
	await app.getByLabel( /^Email/ ).fill( 'rosa.e2e@example.com' );

	// The browser's Back goes to the choosing screen, not off the page.
	await page.goBack();
	await expect(
		app.getByRole( 'heading', { level: 2, name: 'Choose a time' } )
	).toBeVisible();
	await expect( page ).not.toHaveURL( /appointease_step/ );
	await expect( mine ).toHaveAttribute( 'data-state', 'yours' );

	// Forward comes back to the details, as typed.
	await page.goForward();
	await expect(
		app.getByRole( 'heading', { level: 2, name: 'Your details' } )
	).toBeVisible();
	await expect( app.getByLabel( /^Name/ ) ).toHaveValue( 'Rosa E2E' );

	// A reload keeps the screen and the typed details, and the time is held
	// again (the page let it go when it unloaded).
	const retaken = page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/holds' ) &&
			response.request().postDataJSON()?.start === start
	);
	await page.reload();
	await expect(
		app.getByRole( 'heading', { level: 2, name: 'Your details' } )
	).toBeVisible();
	await expect( app.getByLabel( /^Name/ ) ).toHaveValue( 'Rosa E2E' );
	await expect( app.getByLabel( /^Email/ ) ).toHaveValue(
		'rosa.e2e@example.com'
	);
	expect( ( await retaken ).status() ).toBe( 201 );

	// Confirm and book: the saved choice is gone afterwards.
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( page ).toHaveURL( /appointease_step=review/ );
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	await expect(
		app.getByText( 'Thank you! Your booking is confirmed.' )
	).toBeVisible();
	expect(
		await page.evaluate( () =>
			Object.keys( window.sessionStorage ).filter( ( key ) =>
				key.startsWith( 'appointease-flow:' )
			)
		)
	).toEqual( [] );
	expect( errors ).toEqual( [] );
} );

test( 'an empty month offers the next available day', async ( { page } ) => {
	const errors = collectPageErrors( page );
	// The employee is away from today to the end of next month.
	const today = dateAhead( 0 );
	const lastDayOfNextMonth = new Date(
		Date.UTC(
			Number( today.slice( 0, 4 ) ),
			Number( today.slice( 5, 7 ) ) + 1,
			0
		)
	)
		.toISOString()
		.slice( 0, 10 );
	const firstFree = dayAfter( lastDayOfNextMonth );
	const away = await bookable.admin.call(
		'PATCH',
		`employees/${ bookable.employee.id }`,
		{
			days_off: [
				{ start: today, end: lastDayOfNextMonth, reason: 'Away' },
			],
		}
	);
	expect( away.status, JSON.stringify( away.body ) ).toBe( 200 );
	try {
		await page.goto( `/book/?service=${ bookable.service.id }` );
		const app = appOf( page );
		// On arrival, the first day with a free time is chosen, months ahead.
		await expect(
			app.locator( 'button[data-date][aria-pressed="true"]' )
		).toHaveAttribute( 'data-date', firstFree );
		await expect(
			app
				.locator(
					`button.appointease-time[data-start^="${ firstFree }T"]`
				)
				.first()
		).toBeVisible();

		// Back in an empty month: it says so, and offers the jump.
		await app.getByRole( 'button', { name: 'Previous month' } ).click();
		await expect(
			app.getByText( /^There are no free times in / )
		).toBeVisible();
		const jump = app.getByRole( 'button', { name: /^Next available: / } );
		await expect( jump ).toHaveAttribute( 'data-next-free', firstFree );
		await jump.click();
		await expect(
			app.locator( 'button[data-date][aria-pressed="true"]' )
		).toHaveAttribute( 'data-date', firstFree );
		expect( errors ).toEqual( [] );
	} finally {
		await bookable.admin.call(
			'PATCH',
			`employees/${ bookable.employee.id }`,
			{ days_off: [] }
		);
	}
} );

test( 'a booking system that cannot be reached says so and tries again', async ( {
	page,
} ) => {
	// The availability requests fail as when the server is away.
	await page.route( '**/appointease/v1/availability**', ( route ) =>
		route.abort( 'connectionrefused' )
	);
	await page.goto( `/book/?service=${ bookable.service.id }` );
	const app = appOf( page );
	await expect(
		app.getByText( /can't reach the booking system right now/ )
	).toBeVisible();
	const retry = app.getByRole( 'button', { name: 'Try again' } );
	await expect( retry ).toBeVisible();
	// Not a fully booked month: the days are "not known yet".
	await expect(
		app.getByRole( 'button', { name: /: not known yet$/ } ).first()
	).toBeVisible();
	await expect(
		app.getByRole( 'button', { name: /: no free times$/ } )
	).toHaveCount( 0 );

	await page.unroute( '**/appointease/v1/availability**' );
	await retry.click();
	await expect(
		app.locator( 'button.appointease-time[data-state="available"]' ).first()
	).toBeVisible();
	await expect( retry ).toBeHidden();
} );

test( 'while php-fpm is down and nginx answers from its cache, "last checked" does not say "just now"', async ( {
	page,
} ) => {
	const runtime = readStack().runtime;
	const date = dateAhead( 6 );
	await page.goto( `/book/?service=${ bookable.service.id }&date=${ date }` );
	const app = appOf( page );
	const checked = app.locator( '.appointease-last-checked' );
	await expect( checked ).toHaveText( 'Last availability check: just now' );
	const pid = readFileSync(
		path.join( runtime, 'run', 'php-fpm.pid' ),
		'utf8'
	).trim();
	// php-fpm stops; nginx keeps handing out its last poll answer (STALE).
	execFileSync( 'kill', [ '-QUIT', pid ] );
	try {
		await expect( checked ).toHaveText(
			/^Last availability check: ([5-9]|\d\d) seconds ago$/,
			{ timeout: 20_000 }
		);
	} finally {
		execFileSync( 'php-fpm8.2', [
			'-R',
			'-y',
			path.join( runtime, 'etc', 'php-fpm.conf' ),
		] );
	}
	// Back: the server vouches for the calendar again.
	await expect( checked ).toHaveText( 'Last availability check: just now', {
		timeout: 20_000,
	} );
} );
