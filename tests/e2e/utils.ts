/**
 * Helpers shared by the end-to-end specs.
 */
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Where specs save screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.join( __dirname, 'artifacts' );

export const ADMIN_USER = process.env.APPOINTEASE_ADMIN_USER || 'admin';
export const ADMIN_PASSWORD =
	process.env.APPOINTEASE_ADMIN_PASSWORD || 'password';

/**
 * The path of an artifact file.
 *
 * @param name File name, e.g. "booking-page-phone.png".
 */
export function artifactPath( name: string ): string {
	return path.join( ARTIFACTS_DIR, name );
}

/**
 * The parts of `window.wp` that the specs call in the editor.
 */
export interface WpGlobal {
	blocks: {
		createBlock: (
			name: string,
			attributes?: Record< string, unknown >
		) => unknown;
		getBlockType: ( name: string ) => unknown;
	};
	data: {
		select: (
			store: string
		) => Record<
			string,
			( ( ...args: unknown[] ) => unknown ) | undefined
		>;
		dispatch: (
			store: string
		) => Record<
			string,
			( ( ...args: unknown[] ) => unknown ) | undefined
		>;
	};
}

declare global {
	interface Window {
		wp?: Partial< WpGlobal >;
	}
}

/**
 * Whether a console message is a failed request to another host. The test
 * machines have no internet access, so a theme's or WordPress's request to an
 * outside host (fonts, emoji images, avatars) fails there for reasons that are
 * not the site's fault. Failed requests to the site itself still count.
 *
 * @param page The page.
 * @param text The console message.
 * @param url  The URL the message is about.
 */
function isOutsideRequestFailure(
	page: Page,
	text: string,
	url: string
): boolean {
	if ( ! text.startsWith( 'Failed to load resource' ) || ! url ) {
		return false;
	}
	try {
		return new URL( url ).host !== new URL( page.url() ).host;
	} catch {
		return false;
	}
}

/**
 * Collects console errors and uncaught page errors from now on (except
 * failed requests to other hosts, see isOutsideRequestFailure()).
 *
 * @param page The page to watch.
 * @return The list the errors are pushed into.
 */
export function collectPageErrors( page: Page ): string[] {
	const errors: string[] = [];
	page.on( 'console', ( message ) => {
		if ( message.type() !== 'error' ) {
			return;
		}
		const { url, lineNumber } = message.location();
		if ( isOutsideRequestFailure( page, message.text(), url ) ) {
			return;
		}
		errors.push(
			`console.error: ${ message.text() }${
				url ? ` (${ url }:${ lineNumber })` : ''
			}`
		);
	} );
	page.on( 'pageerror', ( error ) => {
		errors.push( `pageerror: ${ error.message }` );
	} );
	return errors;
}

/**
 * Logs in to WordPress through wp-login.php and waits for wp-admin.
 *
 * @param page     The page.
 * @param user     User name (APPOINTEASE_ADMIN_USER, else "admin").
 * @param password Password (APPOINTEASE_ADMIN_PASSWORD, else "password").
 */
export async function login(
	page: Page,
	user: string = ADMIN_USER,
	password: string = ADMIN_PASSWORD
): Promise< void > {
	await page.goto( '/wp-login.php' );
	await page.locator( '#user_login' ).fill( user );
	await page.locator( '#user_pass' ).fill( password );
	await Promise.all( [
		page.waitForURL( /\/wp-admin\/?/ ),
		page.locator( '#wp-submit' ).click(),
	] );
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
}

/**
 * Closes the block editor's welcome guide if it is on screen, and turns it
 * off for this user.
 *
 * @param page The editor page.
 */
export async function dismissWelcomeGuide( page: Page ): Promise< void > {
	await page.evaluate( () => {
		const data = window.wp?.data;
		if ( ! data ) {
			return;
		}
		// WordPress 6.1–6.4 keep the flag in core/edit-post; later versions
		// in core/preferences.
		const editPost = data.select( 'core/edit-post' );
		if ( editPost?.isFeatureActive?.( 'welcomeGuide' ) ) {
			data.dispatch( 'core/edit-post' )?.toggleFeature?.(
				'welcomeGuide'
			);
		}
		const preferences = data.select( 'core/preferences' );
		if ( preferences?.get?.( 'core/edit-post', 'welcomeGuide' ) ) {
			data.dispatch( 'core/preferences' )?.set?.(
				'core/edit-post',
				'welcomeGuide',
				false
			);
		}
	} );

	const guide = page.locator(
		'.edit-post-welcome-guide, .editor-welcome-guide'
	);
	if ( await guide.isVisible() ) {
		await guide.getByRole( 'button', { name: 'Close' } ).click();
	}
	await expect( guide ).toBeHidden();
}

/**
 * The block editor's content area: the main document on WordPress 6.1 (and
 * when the editor is not iframed), else the `editor-canvas` iframe's body.
 *
 * @param page The editor page.
 */
export async function editorCanvas( page: Page ): Promise< Locator > {
	const iframeSelector = 'iframe[name="editor-canvas"]';
	await page
		.locator( `${ iframeSelector }, .block-editor-block-list__layout` )
		.first()
		.waitFor();
	if ( ( await page.locator( iframeSelector ).count() ) > 0 ) {
		return page.frameLocator( iframeSelector ).locator( 'body' );
	}
	return page.locator( 'body' );
}
