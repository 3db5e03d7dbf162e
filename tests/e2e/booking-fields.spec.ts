/**
 * Issue 17: the business's own booking form. A visitor in Chromium books a
 * service whose form has a required drop-down and the consent box: the
 * details step refuses to go on until both are answered (with the server's
 * own messages), the booking carries the answers, and the admin sees them
 * in the wp-admin bookings list.
 */
import { expect, test } from '@playwright/test';
import {
	adminRest,
	artifactPath,
	changeSettings,
	dateAhead,
	login,
	withBookable,
	type AdminRest,
} from './utils';

const bookable = withBookable( 'Fields' );

const QUESTION = 'How did you hear of us (E2E)?';
const CONSENT = 'I agree that my details are kept for this booking (E2E).';

let field = '';
let restore: Record< string, unknown > | undefined;
// A client of its own: withBookable() closes its client in an afterAll that runs before this file's.
let admin: AdminRest | undefined;

test.beforeAll( async ( { browser } ) => {
	admin = await adminRest( browser );
	const { service } = bookable;
	const made = await admin.call< { id: string } >( 'POST', 'booking-fields', {
		label: QUESTION,
		type: 'select',
		options: [ 'A friend', 'The web' ],
		required: true,
		service: service.id,
	} );
	expect( made.status, JSON.stringify( made.body ) ).toBe( 201 );
	field = made.body.id;
	restore = await changeSettings( admin, {
		consent_required: true,
		consent_text: CONSENT,
	} );
} );

test.afterAll( async () => {
	if ( ! admin ) {
		return;
	}
	if ( restore ) {
		await changeSettings( admin, restore );
	}
	if ( field ) {
		await admin.call( 'DELETE', `booking-fields/${ field }` );
	}
	await admin.close();
} );

test( 'a visitor answers the booking form and gives consent; the admin sees the answers', async ( {
	page,
} ) => {
	const customer = `Fields ${ Date.now().toString( 36 ) }`;
	await page.goto(
		`/book/?service=${ bookable.service.id }&employee=${ bookable.employee.id }&date=${ dateAhead( 3 ) }`
	);
	const app = page
		.getByRole( 'region', { name: 'Book an appointment' } )
		.first();
	await app
		.locator( 'button.appointease-time[data-state="available"]' )
		.first()
		.click();
	await expect(
		app.locator( 'button.appointease-time[data-state="yours"]' )
	).toHaveCount( 1 );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	await app.getByLabel( /^Name/ ).fill( customer );
	await app.getByLabel( /^Email/ ).fill( 'fields.e2e@example.com' );
	const question = app.getByLabel( QUESTION );
	const consent = app.getByRole( 'checkbox', { name: CONSENT } );
	await expect( consent ).toBeVisible();
	await app.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( question ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( question ).toBeFocused();
	await expect(
		app.getByText( `Please answer "${ QUESTION }".` )
	).toBeVisible();
	await expect(
		app.getByText( 'Please agree to the privacy policy to book.' )
	).toBeVisible();

	await question.selectOption( 'The web' );
	await consent.check();
	await page.screenshot( {
		path: artifactPath( 'screenshots/booking-fields-details.png' ),
		fullPage: true,
	} );
	await app.getByRole( 'button', { name: 'Continue' } ).click();

	const booked = page.waitForResponse(
		( response ) =>
			response.url().includes( '/appointease/v1/bookings' ) &&
			response.request().method() === 'POST'
	);
	await app.getByRole( 'button', { name: 'Confirm booking' } ).click();
	const response = await booked;
	expect( response.status() ).toBe( 201 );
	expect( response.request().postDataJSON() ).toMatchObject( {
		fields: { [ field ]: 'The web' },
		consent: true,
	} );
	const made = ( await response.json() ) as {
		answers: Array< { id: string; text: string } >;
		consent: { text: string } | null;
	};
	expect( made.answers ).toEqual( [
		expect.objectContaining( { id: field, text: 'The web' } ),
	] );
	expect( made.consent?.text ).toBe( CONSENT );

	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-bookings' );
	await page.getByRole( 'searchbox', { name: 'Customer' } ).fill( customer );
	const row = page.getByRole( 'row', { name: new RegExp( customer ) } );
	await expect( row ).toContainText( QUESTION );
	await expect( row ).toContainText( 'The web' );
	await expect( row ).toContainText( 'Consent' );
} );
