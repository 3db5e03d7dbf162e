<?php
/**
 * Cloudflare Turnstile as the booking form's CAPTCHA, when the site has keys.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Integrations;

use AppointEase\Rest\Errors;
use AppointEase\Rest\RateLimiter;

defined( 'ABSPATH' ) || exit;

/**
 * An optional adapter for the CAPTCHA hook, inactive unless wp-config.php
 * defines both keys from the Cloudflare dashboard, as the constants
 * APPOINTEASE_TURNSTILE_SITE_KEY and APPOINTEASE_TURNSTILE_SECRET_KEY.
 *
 * In the browser, a page with the booking form loads Turnstile's script and a
 * `window.appointeaseCaptcha` provider that renders the widget above the
 * "Confirm booking" button and gives its answer, which the form sends as
 * `captcha_token`. On the server, `appointease_verify_booking_request` asks
 * Cloudflare's siteverify whether that answer is good.
 */
final class Turnstile {

	public const VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
	public const SCRIPT_URL = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
	public const HANDLE     = 'appointease-turnstile';

	/**
	 * Hooks the adapter in, if the site has both keys.
	 */
	public static function register(): void {
		if ( null === self::secret_key() || null === self::site_key() ) {
			return;
		}
		add_filter( 'appointease_verify_booking_request', array( self::class, 'verify' ), 10, 2 );
		add_action( 'appointease_booking_form_assets', array( self::class, 'enqueue' ) );
	}

	/**
	 * The site key, or null when none is defined.
	 */
	public static function site_key(): ?string {
		return self::constant( 'APPOINTEASE_TURNSTILE_SITE_KEY' );
	}

	/**
	 * The secret key, or null when none is defined.
	 */
	private static function secret_key(): ?string {
		return self::constant( 'APPOINTEASE_TURNSTILE_SECRET_KEY' );
	}

	/**
	 * A non-empty string constant, or null.
	 *
	 * @param string $name The constant's name.
	 */
	private static function constant( string $name ): ?string {
		$value = defined( $name ) ? constant( $name ) : null;
		return is_string( $value ) && '' !== trim( $value ) ? trim( $value ) : null;
	}

	/**
	 * Loads Turnstile's script and the provider the booking form calls.
	 */
	public static function enqueue(): void {
		if ( ! wp_script_is( self::HANDLE, 'registered' ) ) {
			// Turnstile's own script, loaded from Cloudflare as its terms require; explicit rendering lets the form say where.
			wp_register_script( self::HANDLE, self::SCRIPT_URL, array(), null, array( 'strategy' => 'defer' ) ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- Cloudflare serves the current version at this one URL.
			wp_add_inline_script( self::HANDLE, self::provider_script(), 'before' );
		}
		wp_enqueue_script( self::HANDLE );
	}

	/**
	 * The `window.appointeaseCaptcha` provider: renders a widget into the
	 * form's container (once Turnstile's script has loaded), gives its answer,
	 * and resets it after a failed booking, as each answer counts only once.
	 */
	private static function provider_script(): string {
		$site_key = (string) wp_json_encode( self::site_key() );
		return <<<JS
window.appointeaseCaptcha = ( function () {
	var widgets = new WeakMap();
	function whenReady( run ) {
		if ( window.turnstile ) { run(); } else { setTimeout( function () { whenReady( run ); }, 100 ); }
	}
	return {
		render: function ( element ) {
			whenReady( function () {
				if ( ! widgets.has( element ) && element.isConnected ) {
					widgets.set( element, window.turnstile.render( element, { sitekey: {$site_key} } ) );
				}
			} );
		},
		token: function ( element ) {
			var id = widgets.get( element );
			return id === undefined || ! window.turnstile ? null : window.turnstile.getResponse( id ) || null;
		},
		reset: function ( element ) {
			var id = widgets.get( element );
			if ( id !== undefined && window.turnstile ) { window.turnstile.reset( id ); }
		}
	};
} )();
JS;
	}

	/**
	 * Asks Cloudflare whether the request's `captcha_token` is a good answer.
	 *
	 * Hooked to `appointease_verify_booking_request`.
	 *
	 * @param true|\WP_Error   $verdict What earlier checks said.
	 * @param \WP_REST_Request $request The booking request.
	 * @return true|\WP_Error
	 */
	public static function verify( $verdict, $request ) {
		$secret = self::secret_key();
		if ( is_wp_error( $verdict ) || null === $secret ) {
			return $verdict;
		}
		$token = $request instanceof \WP_REST_Request ? $request['captcha_token'] : null;
		if ( ! is_string( $token ) || '' === $token ) {
			return Errors::make( 'CAPTCHA_FAILED', __( 'Please complete the check that you are a person, just above the "Confirm booking" button, then confirm again.', 'appointease' ) );
		}
		$answer = wp_remote_post(
			self::VERIFY_URL,
			array(
				'timeout' => 10,
				'body'    => array(
					'secret'   => $secret,
					'response' => $token,
					'remoteip' => RateLimiter::client_ip(),
				),
			)
		);
		$body   = is_wp_error( $answer ) ? null : json_decode( wp_remote_retrieve_body( $answer ), true );
		if ( ! is_array( $body ) || ! isset( $body['success'] ) || 200 !== (int) wp_remote_retrieve_response_code( $answer ) ) {
			// Cloudflare could not be asked: not the visitor's fault, and no reason to let a booking through unchecked.
			return Errors::make( 'STORE_UNAVAILABLE', __( 'We could not check the form just now, so nothing was booked. Please try again in a moment.', 'appointease' ) );
		}
		if ( true !== $body['success'] ) {
			return Errors::make( 'CAPTCHA_FAILED', __( 'The check that you are a person did not pass or has expired, so nothing was booked. Please complete it again, then confirm again.', 'appointease' ) );
		}
		return $verdict;
	}
}
