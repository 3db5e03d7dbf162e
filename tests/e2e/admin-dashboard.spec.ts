/**
 * wp-admin, issue 18: the dashboard, the AppointEase menu's first screen.
 * The spec seeds bookings today (put there in the database: the API takes
 * no booking in the past), then checks the figures the screen shows
 * against the same figures counted by SQL in the test, over the week
 * boundaries of the site's timezone.
 */
import { expect, test } from '@playwright/test';
import { sql, sqlValue } from './sql';
import { dateAhead, login, withBookable } from './utils';

const setup = withBookable( 'Dashboard' );

const BOOKED = `'pending','confirmed','completed','no_show'`;

/**
 * A wall-clock time in a timezone as UTC, "YYYY-MM-DD HH:MM:SS".
 *
 * @param local    "YYYY-MM-DDTHH:MM".
 * @param timeZone An IANA timezone.
 */
function utcOf( local: string, timeZone: string ): string {
	const guess = Date.parse( `${ local }:00Z` );
	const offsetAt = ( instant: number ) => {
		const parts = Object.fromEntries(
			new Intl.DateTimeFormat( 'en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			} )
				.formatToParts( new Date( instant ) )
				.map( ( part ) => [ part.type, part.value ] )
		);
		const wall = Date.parse(
			`${ parts.year }-${ parts.month }-${ parts.day }T${ parts.hour }:${ parts.minute }:${ parts.second }Z`
		);
		return wall - instant;
	};
	const instant = guess - offsetAt( guess - offsetAt( guess ) );
	return new Date( instant ).toISOString().slice( 0, 19 ).replace( 'T', ' ' );
}

/**
 * A date some days from another, YYYY-MM-DD.
 *
 * @param date YYYY-MM-DD.
 * @param days Days to add.
 */
function plusDays( date: string, days: number ): string {
	return new Date( Date.parse( `${ date }T00:00:00Z` ) + days * 86_400_000 )
		.toISOString()
		.slice( 0, 10 );
}

test( 'the dashboard shows the figures the database counts', async ( {
	page,
} ) => {
	const { admin, service, employee } = setup;
	expect(
		(
			await admin.call( 'PATCH', `services/${ service.id }`, {
				price: '25.00',
			} )
		).status
	).toBe( 200 );

	// Three bookings made ahead, one cancelled, then all put on today.
	const date = dateAhead( 3 );
	const open = await admin.call< {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	} >(
		'GET',
		`availability?service=${ service.id }&employee=${ employee.id }&from=${ date }&to=${ date }`
	);
	const free = open.body.days
		.flatMap( ( day ) => day.slots )
		.filter( ( slot ) => slot.state === 'available' );
	const ids: number[] = [];
	// Whole hours only: neighbouring slots of a 30-minute service may overlap.
	for ( const slot of free
		.filter( ( one ) => one.start.slice( 14, 16 ) === '00' )
		.slice( 0, 3 ) ) {
		const booked = await admin.call< { id: number } >( 'POST', 'bookings', {
			service: service.id,
			employee: employee.id,
			start: slot.start,
			customer: {
				name: 'Dashboard Customer',
				email: 'e2e-dashboard@example.com',
			},
		} );
		expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
		ids.push( booked.body.id );
	}
	expect(
		( await admin.call( 'POST', `bookings/${ ids[ 2 ] }/cancel` ) ).status
	).toBe( 200 );

	const timeZone =
		sqlValue(
			`SELECT option_value FROM wp_options WHERE option_name = 'timezone_string'`
		) || 'UTC';
	const today = new Intl.DateTimeFormat( 'en-CA', { timeZone } ).format(
		new Date()
	);
	const weekday = ( new Date( `${ today }T12:00:00Z` ).getUTCDay() + 6 ) % 7;
	const monday = plusDays( today, -weekday );
	ids.forEach( ( id, i ) =>
		sql(
			`UPDATE wp_appointease_bookings SET start_utc = '${ utcOf( `${ today }T0${ i + 1 }:00`, timeZone ) }', end_utc = '${ utcOf( `${ today }T0${ i + 1 }:30`, timeZone ) }' WHERE id = ${ Number( id ) }`
		)
	);

	// The same figures, counted here.
	const dayFrom = utcOf( `${ today }T00:00`, timeZone );
	const dayTo = utcOf( `${ plusDays( today, 1 ) }T00:00`, timeZone );
	const weekFrom = utcOf( `${ monday }T00:00`, timeZone );
	const weekTo = utcOf( `${ plusDays( monday, 7 ) }T00:00`, timeZone );
	const count = ( where: string ) =>
		sqlValue(
			`SELECT COUNT(*) FROM wp_appointease_bookings WHERE ${ where }`
		);
	const todayCount = count(
		`status IN (${ BOOKED }) AND start_utc >= '${ dayFrom }' AND start_utc < '${ dayTo }'`
	);
	const weekCount = count(
		`status IN (${ BOOKED }) AND start_utc >= '${ weekFrom }' AND start_utc < '${ weekTo }'`
	);
	const cancelled = count(
		`status = 'cancelled' AND start_utc >= '${ weekFrom }' AND start_utc < '${ weekTo }'`
	);
	const revenue = sqlValue(
		`SELECT COALESCE( SUM( COALESCE( s.price, 0 ) * b.seats ), 0 ) FROM wp_appointease_bookings b LEFT JOIN wp_appointease_services s ON s.id = b.service_id WHERE b.status IN (${ BOOKED }) AND b.start_utc >= '${ weekFrom }' AND b.start_utc < '${ weekTo }'`
	);
	const minutes = sqlValue(
		`SELECT COALESCE( SUM( TIMESTAMPDIFF( MINUTE, start_utc, end_utc ) ), 0 ) FROM ( SELECT DISTINCT start_utc, end_utc FROM wp_appointease_bookings WHERE employee_id = ${ Number( employee.id ) } AND status IN (${ BOOKED }) AND start_utc >= '${ weekFrom }' AND start_utc < '${ weekTo }' ) sessions`
	);
	expect( Number( todayCount ) ).toBeGreaterThanOrEqual( 2 );
	expect( Number( cancelled ) ).toBeGreaterThanOrEqual( 1 );
	expect( minutes ).toBe( '60' );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease' );
	await expect(
		page.getByRole( 'heading', { name: 'Dashboard', level: 1 } )
	).toBeVisible();
	await expect( page.locator( '[data-figure="today"]' ) ).toHaveText(
		todayCount
	);
	await expect( page.locator( '[data-figure="week"]' ) ).toHaveText(
		weekCount
	);
	// The current week is the charts' last row (row 7 of 8).
	await expect( page.locator( '[data-figure="bookings-7-0"]' ) ).toHaveText(
		weekCount
	);
	await expect( page.locator( '[data-figure="bookings-7-1"]' ) ).toHaveText(
		cancelled
	);
	const shown = await page
		.locator( '[data-figure="revenue-7-0"]' )
		.textContent();
	expect( ( shown ?? '' ).replace( /\D/g, '' ) ).toBe(
		Number( revenue ).toFixed( 2 ).replace( /\D/g, '' )
	);

	// Utilisation, as a table: the spec's employee booked 60 of 7 × 12 hours.
	const utilisation = page.getByRole( 'table', {
		name: 'Utilisation per employee this week',
	} );
	const row = utilisation.getByRole( 'row', {
		name: new RegExp( employee.name ),
	} );
	await expect( row.getByRole( 'cell' ) ).toHaveText( [
		/%$/,
		minutes,
		String( 7 * 12 * 60 ),
	] );
	await expect(
		page.getByRole( 'img', { name: 'Bookings and cancellations per week' } )
	).toBeVisible();

	for ( const id of ids.slice( 0, 2 ) ) {
		await admin.call( 'POST', `bookings/${ id }/cancel` );
	}
} );
