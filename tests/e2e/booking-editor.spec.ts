/**
 * The block in the editor: its settings offer the site's services and
 * employees (from the REST lists), and the preview follows the settings.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	artifactPath,
	collectPageErrors,
	dismissWelcomeGuide,
	editorCanvas,
	login,
} from './utils';

const BLOCK_NAME = 'appointease/booking';

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

test( 'the block settings preselect a service and an employee, and the preview follows', async ( {
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

	await login( page );
	const errors = collectPageErrors( page );
	await page.goto( '/wp-admin/post-new.php?post_type=page' );
	await expect
		.poll( () =>
			page.evaluate(
				( name ) => Boolean( window.wp?.blocks?.getBlockType( name ) ),
				BLOCK_NAME
			)
		)
		.toBe( true );
	await dismissWelcomeGuide( page );
	const canvas = await editorCanvas( page );
	await page.evaluate( ( name ) => {
		const block = window.wp?.blocks?.createBlock( name );
		window.wp?.data
			?.dispatch( 'core/block-editor' )
			.insertBlocks?.( block );
	}, BLOCK_NAME );

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

	// With both preselected, the visitor starts at the date step.
	await expect(
		preview.locator( '.appointease-steps__item' ).first()
	).toContainText( 'Date' );

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
} );
