/**
 * The block in the editor: its settings offer the site's services and
 * employees (from the REST lists), and the preview follows the settings; a
 * post saved with the old `accentColor` attribute opens with that colour as
 * the block's link colour (the accent), and the Colour panel of the block
 * supports styles the preview.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	adminRest,
	artifactPath,
	collectPageErrors,
	dismissWelcomeGuide,
	editorCanvas,
	login,
	type AdminRest,
} from './utils';

const BLOCK_NAME = 'appointease/booking';

/**
 * A draft page made through REST, to open in the editor. (A new, empty page
 * would open WordPress 6.7+'s "Choose a pattern" dialog on a block theme.)
 *
 * @param admin   The admin REST client.
 * @param content The page's block markup.
 * @return The page's id.
 */
async function draftPage(
	admin: AdminRest,
	content: string
): Promise< number > {
	const made = await admin.wp< { id: number } >( 'POST', 'wp/v2/pages', {
		title: `Booking block e2e ${ Date.now() }`,
		status: 'draft',
		content,
	} );
	expect( made.status, 'the draft page is made' ).toBe( 201 );
	return made.body.id;
}

/**
 * Opens a page in the editor once the block type is registered.
 *
 * @param page The browser page (logged in).
 * @param id   The page's id.
 */
async function openInEditor( page: Page, id: number ): Promise< Locator > {
	await page.goto( `/wp-admin/post.php?post=${ id }&action=edit` );
	await expect
		.poll( () =>
			page.evaluate(
				( name ) => Boolean( window.wp?.blocks?.getBlockType( name ) ),
				BLOCK_NAME
			)
		)
		.toBe( true );
	await dismissWelcomeGuide( page );
	return editorCanvas( page );
}

/**
 * The attributes of the first booking block in the editor.
 *
 * @param page The editor page.
 */
async function blockAttributes(
	page: Page
): Promise< Record< string, unknown > | undefined > {
	return page.evaluate( ( name ) => {
		const blocks = ( window.wp?.data
			?.select( 'core/block-editor' )
			.getBlocks?.() ?? [] ) as Array< {
			name: string;
			attributes: Record< string, unknown >;
		} >;
		return blocks.find( ( block ) => block.name === name )?.attributes;
	}, BLOCK_NAME );
}

/**
 * The editor's settings sidebar, opened if the user had closed it.
 *
 * @param page The editor page.
 */
async function openSettings( page: Page ): Promise< Locator > {
	const sidebar = page.locator(
		'.interface-complementary-area, .edit-post-sidebar'
	);
	if ( ! ( await sidebar.getByLabel( 'Service' ).isVisible() ) ) {
		await page.getByRole( 'button', { name: 'Settings' } ).first().click();
	}
	await expect(
		sidebar.getByLabel( 'Service', { exact: true } )
	).toBeVisible();
	return sidebar;
}

/**
 * Opens the block settings sidebar on its Styles tab, whichever of them the
 * editor shows already (the sidebar may be closed, the tab may be absent
 * where the block has no style controls).
 *
 * @param page The editor page.
 * @return The sidebar.
 */
async function openBlockStyles( page: Page ): Promise< Locator > {
	const sidebar = page.locator( '.interface-complementary-area' );
	if ( ! ( await sidebar.isVisible() ) ) {
		await page.getByRole( 'button', { name: 'Settings' } ).first().click();
	}
	const stylesTab = sidebar.getByRole( 'tab', { name: 'Styles' } );
	if ( await stylesTab.isVisible() ) {
		await stylesTab.click();
	}
	return sidebar;
}

test( 'the block settings preselect a service and an employee, and the preview follows', async ( {
	browser,
	page,
	request,
} ) => {
	const services = ( await (
		await request.get( '/wp-json/appointease/v1/services' )
	).json() ) as Array< { id: number; name: string } >;
	const employees = ( await (
		await request.get( '/wp-json/appointease/v1/employees' )
	).json() ) as Array< { id: number; name: string; services: number[] } >;
	const service = services[ 0 ];
	const employee = employees.find( ( candidate ) =>
		candidate.services.includes( service?.id ?? 0 )
	);
	expect( service, 'the site offers a service' ).toBeDefined();
	expect( employee, 'someone gives it' ).toBeDefined();

	const admin = await adminRest( browser );
	// The block with its defaults, as inserting it leaves it.
	const pageId = await draftPage( admin, '<!-- wp:appointease/booking /-->' );

	await login( page );
	const errors = collectPageErrors( page );
	const canvas = await openInEditor( page, pageId );

	const preview = canvas.locator( `[data-type="${ BLOCK_NAME }"]` );
	await expect(
		preview.getByText( 'Service: chosen by the visitor' )
	).toBeVisible();
	await preview.click();

	// The sidebar lists the site's services and employees by name.
	const sidebar = await openSettings( page );
	const serviceSelect = sidebar.getByLabel( 'Service', { exact: true } );
	await expect(
		serviceSelect.locator( `option[value="${ service?.id }"]` )
	).toHaveText( service?.name ?? '' );
	await serviceSelect.selectOption( String( service?.id ) );
	await expect(
		preview.getByText( `Service: ${ service?.name } (preselected)` )
	).toBeVisible();

	const employeeSelect = sidebar.getByLabel( 'Employee', { exact: true } );
	await employeeSelect.selectOption( String( employee?.id ) );
	await expect(
		preview.getByText( `Employee: ${ employee?.name } (preselected)` )
	).toBeVisible();

	// The visitor always starts on the choosing screen (with both
	// preselected, it offers only the calendar and the times).
	await expect(
		preview.locator( '.appointease-steps__item' ).first()
	).toContainText( 'Time' );

	const attributes = await page.evaluate( () => {
		const selected = window.wp?.data
			?.select( 'core/block-editor' )
			.getSelectedBlock?.() as { attributes?: unknown } | null;
		return selected?.attributes;
	} );
	expect( attributes ).toMatchObject( {
		service: service?.id,
		employee: employee?.id,
	} );

	await page.screenshot( {
		path: artifactPath( 'screenshots/editor-settings-desktop.png' ),
	} );
	expect( errors ).toEqual( [] );
	await admin.wp( 'DELETE', `wp/v2/pages/${ pageId }?force=true` );
	await admin.close();
} );

test( "an old post's accent colour becomes the link colour, and the colour supports style the preview", async ( {
	browser,
	page,
} ) => {
	const admin = await adminRest( browser );
	// What the block saved before it had supports.
	const pageId = await draftPage(
		admin,
		'<!-- wp:appointease/booking {"showEmployeeStep":false,"accentColor":"#aa3300"} /-->'
	);
	try {
		await login( page );
		const errors = collectPageErrors( page );
		const canvas = await openInEditor( page, pageId );
		const preview = canvas.locator( `[data-type="${ BLOCK_NAME }"]` );
		await expect( preview.getByText( 'Time' ).first() ).toBeVisible();

		// The deprecation moved the colour; the block is valid.
		expect( await blockAttributes( page ) ).toEqual(
			expect.objectContaining( {
				showEmployeeStep: false,
				style: { elements: { link: { color: { text: '#aa3300' } } } },
			} )
		);
		expect( await blockAttributes( page ) ).not.toHaveProperty(
			'accentColor'
		);
		await expect( canvas.locator( '.block-editor-warning' ) ).toHaveCount(
			0
		);
		// The accent colours the current step in the preview.
		await expect(
			preview.locator( '.is-current .appointease-steps__number' )
		).toHaveCSS( 'background-color', 'rgb(170, 51, 0)' );

		// The supports' controls are in the sidebar; no extra accent picker.
		await preview.click();
		const sidebar = await openBlockStyles( page );
		await expect(
			sidebar.getByRole( 'heading', { name: 'Background' } )
		).toBeVisible();
		await expect( sidebar.getByText( 'Accent colour' ) ).toHaveCount( 0 );

		// A background and a font size from the supports show in the preview.
		await page.evaluate( ( name ) => {
			const editor = window.wp?.data;
			const block = (
				( editor?.select( 'core/block-editor' ).getBlocks?.() ??
					[] ) as Array< {
					clientId: string;
					name: string;
					attributes: { style?: Record< string, unknown > };
				} >
			 ).find( ( candidate ) => candidate.name === name );
			editor
				?.dispatch( 'core/block-editor' )
				.updateBlockAttributes?.( block?.clientId, {
					style: {
						...block?.attributes.style,
						color: { background: '#123456', text: '#fefefe' },
						// Under 14px, so the theme's fluid type leaves it as it is.
						typography: { fontSize: '13px' },
					},
				} );
		}, BLOCK_NAME );
		await expect( preview ).toHaveCSS(
			'background-color',
			'rgb(18, 52, 86)'
		);
		await expect( preview ).toHaveCSS( 'color', 'rgb(254, 254, 254)' );
		await expect( preview ).toHaveCSS( 'font-size', '13px' );
		await page.screenshot( {
			path: artifactPath( 'screenshots/editor-styles-desktop.png' ),
		} );

		// Saved, the post holds the new shape.
		await page.evaluate( () =>
			window.wp?.data?.dispatch( 'core/editor' ).savePost?.()
		);
		await expect
			.poll( async () => {
				const saved = await admin.wp< {
					content: { raw: string };
				} >( 'GET', `wp/v2/pages/${ pageId }?context=edit` );
				return saved.body.content.raw;
			} )
			.toContain( '"elements":{"link":{"color":{"text":"#aa3300"}}}' );
		const saved = await admin.wp< { content: { raw: string } } >(
			'GET',
			`wp/v2/pages/${ pageId }?context=edit`
		);
		expect( saved.body.content.raw ).not.toContain( 'accentColor' );
		expect( errors ).toEqual( [] );
	} finally {
		await admin.wp( 'DELETE', `wp/v2/pages/${ pageId }?force=true` );
		await admin.close();
	}
} );
