/**
 * The booking page of the local site (/book/, made by the demo set-up) shows
 * the booking block's app, without errors, on desktop and phone widths.
 */
import { expect, test } from '@playwright/test';
import { artifactPath, collectPageErrors } from './utils';

const VIEWPORTS = [
	{ name: 'desktop', width: 1280, height: 800 },
	{ name: 'phone', width: 360, height: 740 },
] as const;

for ( const viewport of VIEWPORTS ) {
	test( `the booking app mounts on /book/ (${ viewport.name })`, async ( {
		page,
	} ) => {
		const errors = collectPageErrors( page );
		await page.setViewportSize( {
			width: viewport.width,
			height: viewport.height,
		} );

		await page.goto( '/book/' );

		// The server-rendered container got the app.
		const container = page
			.locator( '.appointease-booking[data-appointease]' )
			.first();
		await expect( container ).toHaveAttribute(
			'data-appointease-mounted',
			''
		);

		const app = page
			.getByRole( 'region', { name: 'Book an appointment' } )
			.first();
		await expect(
			app.getByRole( 'heading', { name: 'Book an appointment' } )
		).toBeVisible();

		const current = app
			.getByRole( 'list', { name: 'Booking steps' } )
			.locator( '[aria-current="step"]' );
		await expect( current ).toHaveCount( 1 );
		await expect( current ).toContainText( 'Service' );
		await expect(
			app.getByRole( 'heading', { name: 'Choose a service' } )
		).toBeVisible();

		// The app fits the viewport (no sideways scrolling on a phone).
		const box = await app.boundingBox();
		expect( box ).not.toBeNull();
		expect( ( box?.x ?? 0 ) + ( box?.width ?? 0 ) ).toBeLessThanOrEqual(
			viewport.width
		);

		await page.screenshot( {
			path: artifactPath( `booking-page-${ viewport.name }.png` ),
			fullPage: true,
		} );

		expect( errors ).toEqual( [] );
	} );
}
