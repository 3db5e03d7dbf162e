/**
 * The booking form's CAPTCHA extension point. A site that wants a CAPTCHA
 * sets `window.appointeaseCaptcha` (e.g. from a script it enqueues on the
 * PHP action `appointease_booking_form_assets`); the review step then gives
 * it a container to draw its widget in, and each booking sends its answer as
 * `captcha_token`, which the server's `appointease_verify_booking_request`
 * filter checks. Without a provider nothing is drawn and nothing is sent.
 * docs/anti-spam.md has the Turnstile adapter that ships with the plugin.
 */

/** What a site's CAPTCHA provider offers the form. */
export interface CaptchaProvider {
	/** Draws the widget in the container (called once per container). */
	render: ( container: HTMLElement ) => void;
	/** The widget's current answer, or null when there is none yet. */
	token: (
		container: HTMLElement
	) => string | null | Promise< string | null >;
	/** Gets a fresh widget after a failed booking: an answer counts only once. */
	reset?: ( container: HTMLElement ) => void;
}

declare global {
	interface Window {
		appointeaseCaptcha?: CaptchaProvider;
	}
}

/**
 * The site's provider, when it set a usable one.
 */
export function captchaProvider(): CaptchaProvider | null {
	const provider =
		typeof window === 'undefined' ? undefined : window.appointeaseCaptcha;
	return provider &&
		typeof provider.render === 'function' &&
		typeof provider.token === 'function'
		? provider
		: null;
}

/**
 * The container the review step drew the widget in, per booking app (a page
 * may hold several forms).
 */
const containers = new WeakMap< object, HTMLElement >();

/**
 * Notes (or forgets, with null) the widget's container of one app.
 *
 * @param app       The app's store.
 * @param container The element, or null when it went away.
 */
export function setCaptchaContainer(
	app: object,
	container: HTMLElement | null
): void {
	if ( container ) {
		containers.set( app, container );
	} else {
		containers.delete( app );
	}
}

/**
 * The widget's answer for one app, or undefined when there is no widget.
 *
 * @param app The app's store.
 */
export async function captchaToken(
	app: object
): Promise< string | undefined > {
	const provider = captchaProvider();
	const container = containers.get( app );
	if ( ! provider || ! container ) {
		return undefined;
	}
	try {
		return ( await provider.token( container ) ) ?? '';
	} catch {
		// A broken widget: the server says what is missing.
		return '';
	}
}

/**
 * Resets the widget of one app after a failed booking.
 *
 * @param app The app's store.
 */
export function resetCaptcha( app: object ): void {
	const container = containers.get( app );
	const provider = captchaProvider();
	if ( container && provider?.reset ) {
		try {
			provider.reset( container );
		} catch {
			// Nothing more to do: the visitor can still solve it again.
		}
	}
}
