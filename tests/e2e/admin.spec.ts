/**
 * wp-admin: the administrator logs in, the booking block can be added to a
 * page in the block editor, where it shows its preview, and the employee
 * form fits a phone screen.
 */
import { expect, test } from '@playwright/test';
import { dismissWelcomeGuide, editorCanvas, login } from './utils';

const BLOCK_NAME = 'appointease/booking';

test( 'the administrator logs in and reaches the dashboard', async ( {
	page,
} ) => {
	await login( page );
	await page.goto( '/wp-admin/' );
	await expect(
		page.getByRole( 'heading', { level: 1, name: 'Dashboard' } )
	).toBeVisible();
} );

test( 'the booking block shows its preview in the editor', async ( {
	page,
} ) => {
	await login( page );
	await page.goto( '/wp-admin/post-new.php?post_type=page' );

	// The plugin's editor script has registered the block.
	await expect
		.poll(
			() =>
				page.evaluate(
					( name ) =>
						Boolean( window.wp?.blocks?.getBlockType( name ) ),
					BLOCK_NAME
				),
			{ message: `${ BLOCK_NAME } is registered in the editor` }
		)
		.toBe( true );

	await dismissWelcomeGuide( page );
	const canvas = await editorCanvas( page );

	await page.evaluate( ( name ) => {
		const wp = window.wp;
		if ( ! wp?.blocks || ! wp.data ) {
			throw new Error( 'window.wp.blocks / window.wp.data missing' );
		}
		const block = wp.blocks.createBlock( name );
		const insertBlocks =
			wp.data.dispatch( 'core/block-editor' ).insertBlocks;
		if ( ! insertBlocks ) {
			throw new Error( 'core/block-editor insertBlocks missing' );
		}
		insertBlocks( block );
	}, BLOCK_NAME );

	const preview = canvas.locator( `[data-type="${ BLOCK_NAME }"]` );
	await expect( preview ).toHaveCount( 1 );
	await expect(
		preview.getByText( 'Book an appointment', { exact: true } )
	).toBeVisible();
	await expect(
		preview.getByText( 'Service: chosen by the visitor' )
	).toBeVisible();
} );

test( 'the employee form fits a phone screen, weekly hours included', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 390, height: 844 } );
	await login( page );
	await page.goto( '/wp-admin/admin.php?page=appointease-employees' );
	await page.getByRole( 'button', { name: /^Edit/ } ).first().click();
	await expect(
		page.getByRole( 'group', { name: 'Monday' } ).first()
	).toBeVisible();

	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect( overflow, 'The page scrolls sideways by this many pixels.' ).toBe(
		0
	);
} );
