/**
 * wp-admin, issue 18: a booking taken on the phone, the bookings list's
 * defaults, and its CSV export.
 *
 * The admin books an earlier customer at a time before the employee's
 * working hours (the form warns that it overrides them); a visitor who has
 * /book/ open for that day sees the overlapped first time go booked within
 * seconds, through the poll. The CSV download holds what the list's filters
 * show, with formulas defused; nobody logged out gets it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	artifactPath,
	collectPageErrors,
	dateAhead,
	login,
	withBookable,
} from './utils';

const setup = withBookable( 'Phone' );

/**
 * A name no other run uses.
 *
 * @param label Its first word.
 */
function unique( label: string ): string {
	return `${ label } ${ Date.now().toString( 36 ) }${ Math.floor(
		Math.random() * 1e4
	) }`;
}

/**
 * The available starts on the hour of a day, as the availability route
 * gives them: half-hour bookings at these never overlap.
 *
 * @param date YYYY-MM-DD.
 */
async function starts( date: string ): Promise< string[] > {
	const { admin, service, employee } = setup;
	const open = await admin.call< {
		days: Array< { slots: Array< { start: string; state: string } > } >;
	} >(
		'GET',
		`availability?service=${ service.id }&employee=${ employee.id }&from=${ date }&to=${ date }`
	);
	expect( open.status ).toBe( 200 );
	return open.body.days
		.flatMap( ( day ) => day.slots )
		.filter(
			( slot ) =>
				slot.state === 'available' && /T\d\d:00:/.test( slot.start )
		)
		.map( ( slot ) => slot.start );
}

/**
 * Books through the admin REST client.
 *
 * @param start          ISO 8601.
 * @param customer       The customer.
 * @param customer.name  Their name.
 * @param customer.email Their email.
 * @param customer.phone Their phone, if any.
 */
async function book(
	start: string,
	customer: { name: string; email: string; phone?: string }
): Promise< number > {
	const { admin, service, employee } = setup;
	const booked = await admin.call< { id: number } >( 'POST', 'bookings', {
		service: service.id,
		employee: employee.id,
		start,
		customer,
	} );
	expect( booked.status, JSON.stringify( booked.body ) ).toBe( 201 );
	return booked.body.id;
}

test( 'an admin books an earlier customer before working hours with the override warning, and the open booking page shows the time taken', async ( {
	page,
	browser,
} ) => {
	const { service, employee } = setup;
	const date = dateAhead( 3 );
	const customer = {
		name: unique( 'Phone Customer' ),
		email: `e2e-phone-${ Date.now().toString( 36 ) }@example.com`,
		phone: '+49 30 5550',
	};
	// An earlier booking makes them an earlier customer.
	const earlier = ( await starts( dateAhead( 5 ) ) )[ 0 ] ?? '';
	await book( earlier, customer );
	const first = ( await starts( date ) )[ 0 ] ?? '';
	expect( first ).toContain( 'T08:00' );

	// A visitor has the day open.
	const visitorContext = await browser.newContext();
	const visitor = await visitorContext.newPage();
	const visitorErrors = collectPageErrors( visitor );
	await visitor.goto(
		`/book/?service=${ service.id }&employee=${ employee.id }&date=${ date }`
	);
	const eight = visitor
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first()
		.locator( `button.appointease-time[data-start="${ first }"]` );
	await expect( eight ).toHaveAttribute( 'data-state', 'available' );

	const errors = collectPageErrors( page );
	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page.getByRole( 'button', { name: 'New booking' } ).click();
	const dialog = page.getByRole( 'dialog', { name: 'New booking' } );
	await dialog
		.getByLabel( 'Service' )
		.selectOption( { label: service.name } );
	await dialog
		.getByLabel( 'Employee' )
		.selectOption( { label: employee.name } );
	await dialog.getByLabel( 'Date' ).fill( date );
	await expect(
		dialog.getByRole( 'button', { name: '08:00', exact: true } )
	).toBeEnabled();
	// 07:45–08:15: before the 08:00 start of the working day, over the first time.
	await dialog.getByLabel( 'Start time' ).fill( '07:45' );
	const warning = dialog.locator( '.appointease-admin__override-warning' );
	await expect( warning ).toContainText(
		'Visitors could not book this time'
	);
	await expect( warning ).toContainText( 'outside the employee' );

	await dialog
		.getByLabel( 'Find an earlier customer' )
		.fill( customer.name.slice( -8 ) );
	await dialog
		.getByRole( 'button', { name: new RegExp( customer.name ) } )
		.click();
	await expect( dialog.getByLabel( 'Email' ) ).toHaveValue( customer.email );
	await expect( dialog.getByLabel( 'Phone' ) ).toHaveValue( customer.phone );
	await expect( dialog.getByLabel( 'Notify the customer' ) ).toBeChecked();
	// Tall enough for the whole form, for the README.
	await page.setViewportSize( { width: 1280, height: 1500 } );
	await dialog.screenshot( {
		path: artifactPath( 'screenshots/admin-new-booking.png' ),
	} );

	await dialog.getByRole( 'button', { name: 'Book anyway' } ).click();
	await expect(
		page.locator( '.components-notice.is-success' )
	).toContainText( `${ customer.name } is booked for` );
	await expect( dialog ).toBeHidden();

	// The visitor's page polls every second: the overlapped time goes booked within seconds.
	await expect( eight ).toHaveAttribute( 'data-state', 'booked', {
		timeout: 8000,
	} );
	expect( errors ).toEqual( [] );
	expect( visitorErrors ).toEqual( [] );
	await visitorContext.close();
} );

test( 'the list opens on upcoming bookings, hides cancelled ones and counts them', async ( {
	page,
} ) => {
	const { admin, employee } = setup;
	const name = unique( 'List Customer' );
	const later = ( await starts( dateAhead( 6 ) ) )[ 0 ] ?? '';
	const sooner = ( await starts( dateAhead( 2 ) ) )[ 1 ] ?? '';
	const cancelled = ( await starts( dateAhead( 2 ) ) )[ 2 ] ?? '';
	await book( later, {
		name: `${ name } later`,
		email: 'e2e-list@example.com',
	} );
	await book( sooner, {
		name: `${ name } sooner`,
		email: 'e2e-list@example.com',
	} );
	const gone = await book( cancelled, {
		name: `${ name } gone`,
		email: 'e2e-list@example.com',
	} );
	expect(
		( await admin.call( 'POST', `bookings/${ gone }/cancel` ) ).status
	).toBe( 200 );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page.getByLabel( 'Employee', { exact: true } ).selectOption( {
		label: employee.name,
	} );
	await page.getByRole( 'searchbox', { name: 'Customer' } ).fill( name );
	const rows = page.locator( 'tr[data-booking]' );
	await expect( rows ).toHaveCount( 2 );
	await expect( rows.nth( 0 ) ).toContainText( `${ name } sooner` );
	await expect( rows.nth( 1 ) ).toContainText( `${ name } later` );
	await expect( page.getByLabel( 'From' ) ).toHaveValue(
		new Date().toISOString().slice( 0, 10 )
	);
	await page.getByRole( 'button', { name: 'Cancelled (1)' } ).click();
	await expect( rows ).toHaveCount( 1 );
	await expect( rows.nth( 0 ) ).toContainText( `${ name } gone` );
} );

test( 'the CSV download holds the filtered rows, formulas defused, and only for a logged-in admin', async ( {
	page,
	browser,
} ) => {
	const { employee } = setup;
	const tag = unique( 'Csv' );
	const [ one, two ] = await starts( dateAhead( 4 ) );
	await book( one ?? '', {
		name: `=HYPERLINK("x") ${ tag }`,
		email: 'e2e-csv@example.com',
		phone: '+49 1',
	} );
	await book( two ?? '', {
		name: `Other ${ unique( 'Csv' ) }`,
		email: 'e2e-csv-other@example.com',
	} );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page.getByLabel( 'Employee', { exact: true } ).selectOption( {
		label: employee.name,
	} );
	await page.getByRole( 'searchbox', { name: 'Customer' } ).fill( tag );
	await expect( page.locator( 'tr[data-booking]' ) ).toHaveCount( 1 );
	const link = page.getByRole( 'link', { name: 'Export CSV' } );
	await expect( link ).toHaveAttribute( 'href', /search=/ );
	const [ download ] = await Promise.all( [
		page.waitForEvent( 'download' ),
		link.click(),
	] );
	expect( download.suggestedFilename() ).toMatch( /^bookings-.*\.csv$/ );
	const text = readFileSync( await download.path(), 'utf8' ).replace(
		/^\uFEFF/,
		''
	);
	const lines = text.trim().split( '\n' );
	// The columns, then one per booking-form question the site has, then consent.
	expect( lines[ 0 ] ).toMatch(
		/^id,status,service,employee,start,end,seats,customer_name,customer_email,customer_phone,customer_notes,created_at,updated_at(,.+)?,Consent$/
	);
	expect( lines ).toHaveLength( 2 );
	expect( lines[ 1 ] ).toContain( `"'=HYPERLINK(""x"") ${ tag }"` );
	expect( lines[ 1 ] ).toContain( "'+49 1" );

	// The same address without the admin's cookie gets no CSV.
	const href = ( await link.getAttribute( 'href' ) ) ?? '';
	const stranger = await browser.newContext();
	const answer = await stranger.request.get( href, { maxRedirects: 0 } );
	expect( answer.headers()[ 'content-type' ] ?? '' ).not.toContain(
		'text/csv'
	);
	expect( await answer.text() ).not.toContain( tag );
	await stranger.close();
} );
