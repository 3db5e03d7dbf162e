/**
 * Issue 17: the business's own booking form. A visitor in Chromium books a
 * service whose form has a required drop-down and the consent box: the
 * details step refuses to go on until both are answered (with the server's
 * own messages), the booking carries the answers, and the admin sees them
 * in the wp-admin bookings list and in the booking's view: opened from the
 * list, from the calendar, and by its address (also on a phone's width).
 */
import { expect, test, type Locator } from '@playwright/test';
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
		id: number;
		start: string;
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

	// The booking's view, from the customer's name in the list.
	await row
		.getByRole( 'link', {
			name: new RegExp( `^View the booking of ${ customer }, ` ),
		} )
		.click();
	await expect( page ).toHaveURL( new RegExp( `&booking=${ made.id }$` ) );
	const view = page.getByRole( 'region', {
		name: new RegExp( `^${ customer }, ` ),
	} );
	await expect(
		view.getByRole( 'heading', { level: 2, name: new RegExp( customer ) } )
	).toBeFocused();
	await expectAnswersAndConsent( view );
	await view.getByRole( 'button', { name: 'Back to bookings' } ).click();
	await expect( row ).toBeVisible();
	await expect( page ).not.toHaveURL( /&booking=/ );

	// From the calendar: the booking's dialog shows the same summary.
	const date = made.start.slice( 0, 10 );
	await page.getByRole( 'button', { name: 'Calendar' } ).click();
	await page.getByLabel( 'Date', { exact: true } ).fill( date );
	await page
		.locator(
			`section[data-employee="${ bookable.employee.id }"][data-date="${ date }"] [data-booking="${ made.id }"]`
		)
		.click();
	const dialog = page.getByRole( 'dialog' );
	await expectAnswersAndConsent( dialog );
	await page.keyboard.press( 'Escape' );

	// By its address, as a link in an email or a bookmark, on a phone's width.
	await page.setViewportSize( { width: 390, height: 844 } );
	await page.goto(
		`/wp-admin/admin.php?page=appointease-bookings&booking=${ made.id }`
	);
	await expectAnswersAndConsent( view );
	const box = await view.boundingBox();
	expect( ( box?.x ?? 0 ) + ( box?.width ?? 0 ) ).toBeLessThanOrEqual( 390 );
	await page.screenshot( {
		path: artifactPath( 'screenshots/admin-booking-view-390.png' ),
		fullPage: true,
	} );
} );

/**
 * What the booking view shows of the form: the answer under its label, and
 * the consent with the exact text the visitor was shown.
 *
 * @param scope The view or the calendar's dialog.
 */
async function expectAnswersAndConsent( scope: Locator ) {
	const answers = scope.locator( '.appointease-admin__answers' );
	await expect(
		answers.getByText( QUESTION, { exact: true } )
	).toBeVisible();
	await expect(
		answers.getByText( 'The web', { exact: true } )
	).toBeVisible();
	await expect( answers.getByText( /^Given / ) ).toBeVisible();
	await expect( answers.getByText( CONSENT, { exact: true } ) ).toBeVisible();
}
