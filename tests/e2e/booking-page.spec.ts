/**
 * The booking page of the local site (/book/, made by the demo set-up) shows
 * the booking block's app, without errors, on desktop and phone widths; the
 * block's supports (colours, font size, spacing, border) and its accent
 * style the front end, also for a post saved with the old `accentColor`.
 */
import { expect, test } from '@playwright/test';
import { adminRest, artifactPath, collectPageErrors } from './utils';

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
		// The page's title names the page; the block's own name is for
		// screen readers only, so the page does not say it twice.
		await expect(
			app.getByRole( 'heading', { name: 'Book an appointment' } )
		).toHaveClass( /\bappointease-visually-hidden\b/ );

		const current = app
			.getByRole( 'list', { name: 'Booking steps' } )
			.locator( '[aria-current="step"]' );
		await expect( current ).toHaveCount( 1 );
		await expect( current ).toContainText( 'Time' );
		await expect(
			app.getByRole( 'heading', { name: 'Choose a time' } )
		).toBeVisible();
		await expect(
			app.getByRole( 'heading', { name: 'Service' } )
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

test( 'the block supports and the accent style the block on the front end', async ( {
	browser,
	page,
} ) => {
	const admin = await adminRest( browser );
	// A block styled in the editor, then one saved before the block had
	// supports (its `accentColor` is read until the post is edited again).
	const content = [
		'<!-- wp:appointease/booking {"style":{"color":{"background":"#123456","text":"#fefefe"},"elements":{"link":{"color":{"text":"#ff6600"}}},"typography":{"fontSize":"13px"},"spacing":{"padding":{"top":"40px","right":"40px","bottom":"40px","left":"40px"}},"border":{"width":"3px","style":"solid","color":"#00ff00","radius":"12px"}}} /-->',
		'<!-- wp:appointease/booking {"showEmployeeStep":false,"accentColor":"#aa3300"} /-->',
	].join( '\n\n' );
	const made = await admin.wp< { id: number; link: string } >(
		'POST',
		'wp/v2/pages',
		{ title: `Styled booking ${ Date.now() }`, status: 'publish', content }
	);
	expect( made.status, 'the page is made' ).toBe( 201 );
	try {
		const errors = collectPageErrors( page );
		await page.goto( made.body.link );

		const blocks = page.locator( '.wp-block-appointease-booking' );
		await expect( blocks ).toHaveCount( 2 );
		const styled = blocks.nth( 0 );
		const old = blocks.nth( 1 );
		await expect( styled ).toHaveAttribute(
			'data-appointease-mounted',
			''
		);
		await expect( old ).toHaveAttribute( 'data-appointease-mounted', '' );

		await expect( styled ).toHaveClass( /\bhas-background\b/ );
		await expect( styled ).toHaveCSS(
			'background-color',
			'rgb(18, 52, 86)'
		);
		await expect( styled ).toHaveCSS( 'color', 'rgb(254, 254, 254)' );
		await expect( styled ).toHaveCSS( 'font-size', '13px' );
		await expect( styled ).toHaveCSS( 'padding-top', '40px' );
		await expect( styled ).toHaveCSS( 'border-top-width', '3px' );
		await expect( styled ).toHaveCSS(
			'border-top-color',
			'rgb(0, 255, 0)'
		);
		await expect( styled ).toHaveCSS( 'border-top-left-radius', '12px' );
		// The form inherits the text colour and size, and the link colour is
		// its accent.
		await expect(
			styled.locator( '.appointease-app__panel-title' )
		).toHaveCSS( 'color', 'rgb(254, 254, 254)' );
		await expect(
			styled.locator( '.is-current .appointease-steps__number' )
		).toHaveCSS( 'background-color', 'rgb(255, 102, 0)' );
		await expect(
			styled.locator( '.appointease-steps__item' ).first()
		).toHaveCSS( 'font-size', `${ 13 * 0.875 }px` );

		// The old post keeps its accent and the default card.
		await expect(
			old.locator( '.is-current .appointease-steps__number' )
		).toHaveCSS( 'background-color', 'rgb(170, 51, 0)' );
		await expect( old ).toHaveCSS( 'border-top-width', '1px' );

		await page.screenshot( {
			path: artifactPath( 'booking-block-styles-desktop.png' ),
			fullPage: true,
		} );
		expect( errors ).toEqual( [] );
	} finally {
		await admin.wp( 'DELETE', `wp/v2/pages/${ made.body.id }?force=true` );
		await admin.close();
	}
} );
