<?php
/**
 * The booking block and the [appointease] shortcode.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Blocks;

use AppointEase\Infrastructure\Translations;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Registers `appointease/booking` from the build's blocks manifest and renders the
 * mount point that the front-end view script turns into the booking app.
 * The block and the shortcode share one renderer, so both behave the same.
 */
final class BookingBlock {

	public const NAME      = 'appointease/booking';
	public const SHORTCODE = 'appointease';

	/** Script and style handles WordPress derives from the block name. */
	private const VIEW_SCRIPT_HANDLE = 'appointease-booking-view-script';
	private const STYLE_HANDLE       = 'appointease-booking-style';

	/**
	 * Registers the block and the shortcode on `init`.
	 *
	 * The block's metadata comes from build/blocks-manifest.php, which
	 * `npm run build` writes (`wp-scripts build-blocks-manifest`): WordPress
	 * reads that PHP array (OPcache keeps it compiled) instead of parsing
	 * block.json on every request. wp_register_block_types_from_metadata_collection()
	 * (WordPress 6.8+, our minimum) takes no per-block arguments, so the
	 * render callback is added by a filter that lives only for this call and
	 * therefore never runs for core's blocks.
	 *
	 * A build without the manifest (`wp-scripts start`, or a bare
	 * `wp-scripts build`) still has block.json: the block then registers
	 * from that file, so a developer's page keeps working.
	 */
	public static function register(): void {
		$build    = APPOINTEASE_DIR . 'build/blocks';
		$manifest = APPOINTEASE_DIR . 'build/blocks-manifest.php';
		if ( ! is_readable( $manifest ) && ! is_readable( $build . '/booking/block.json' ) ) {
			add_action( 'admin_notices', array( self::class, 'missing_build_notice' ) );
			return;
		}
		// The block's scripts wait until WordPress sets up its scripts (BlockScripts).
		BlockScripts::before_block_registration();
		if ( is_readable( $manifest ) ) {
			add_filter( 'block_type_metadata_settings', array( self::class, 'add_render_callback' ), 10, 2 );
			wp_register_block_types_from_metadata_collection( $build, $manifest );
			remove_filter( 'block_type_metadata_settings', array( self::class, 'add_render_callback' ), 10 );
		} else {
			register_block_type( $build . '/booking', array( 'render_callback' => array( self::class, 'render_block' ) ) );
		}
		BlockScripts::after_block_registration();

		add_shortcode( self::SHORTCODE, array( self::class, 'render_shortcode' ) );
	}

	/**
	 * Gives the booking block its server-side render callback while its
	 * metadata is registered (see register()).
	 *
	 * @param array<string, mixed> $settings Block type settings built from the metadata.
	 * @param array<string, mixed> $metadata The block's metadata.
	 * @return array<string, mixed>
	 */
	public static function add_render_callback( array $settings, array $metadata ): array {
		if ( isset( $metadata['name'] ) && self::NAME === $metadata['name'] ) {
			$settings['render_callback'] = array( self::class, 'render_block' );
		}
		return $settings;
	}

	/**
	 * Tells admins that the front end has not been built.
	 */
	public static function missing_build_notice(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'AppointEase cannot show its booking form: the build folder is missing. Install the plugin from its release zip, or run "npm run build" in the plugin folder.', 'appointease' )
		);
	}

	/**
	 * Block render callback.
	 *
	 * The wrapper gets the block supports' classes and inline styles
	 * (get_block_wrapper_attributes()): colours, font size, spacing, border and
	 * alignment; the accent colour joins them as the `--appointease-accent`
	 * custom property, which style.scss reads.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public static function render_block( array $attributes ): string {
		$settings = self::settings_from_block( $attributes );
		$extra    = array( 'class' => 'appointease-booking' );
		$accent   = self::accent_from_block( $attributes );
		if ( '' !== $accent ) {
			$extra['style'] = '--appointease-accent:' . $accent;
		}
		return self::render( $settings, get_block_wrapper_attributes( $extra ) );
	}

	/**
	 * The block's accent colour as a CSS value, or '' for the default.
	 *
	 * The accent is the block's link colour (Colour panel, block supports),
	 * first the block's own, then what an old post saved as `accentColor`
	 * (before the block had supports; the editor migrates it to the link
	 * colour when the post is next edited, see deprecated.ts), then the link
	 * colour the site gives every booking block (Styles → Blocks in the Site
	 * Editor, or theme.json `styles.blocks["appointease/booking"]`).
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public static function accent_from_block( array $attributes ): string {
		$accent = self::css_color( self::dig( $attributes, array( 'style', 'elements', 'link', 'color', 'text' ) ) );
		if ( '' === $accent && isset( $attributes['accentColor'] ) && is_string( $attributes['accentColor'] ) ) {
			$accent = (string) sanitize_hex_color( trim( $attributes['accentColor'] ) );
		}
		if ( '' === $accent ) {
			$accent = self::css_color( wp_get_global_styles( array( 'elements', 'link', 'color', 'text' ), array( 'block_name' => self::NAME ) ) );
		}
		return $accent;
	}

	/**
	 * A colour value from block supports or theme.json as safe CSS, or ''.
	 *
	 * Takes what WordPress stores there: a preset reference
	 * (`var:preset|color|accent-1`, or its CSS form
	 * `var(--wp--preset--color--accent-1)`) or a custom colour (hex with 3, 4,
	 * 6 or 8 digits, rgb()/rgba()/hsl()/hsla(), a colour name). Nothing that
	 * could end the declaration (`;`, quotes, braces, nested brackets) passes.
	 *
	 * @param mixed $value The stored value.
	 */
	public static function css_color( $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}
		$value = trim( $value );
		if ( 1 === preg_match( '/^var:preset\|color\|([A-Za-z0-9_-]+)$/', $value, $m ) ) {
			// The same slug-to-variable rule as WordPress's style engine.
			return 'var(--wp--preset--color--' . _wp_to_kebab_case( $m[1] ) . ')';
		}
		$patterns = array(
			'/^var\(--wp--preset--color--[a-z0-9-]+\)$/',
			'/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i',
			'/^(?:rgba?|hsla?)\([a-z0-9\s.,%\/+-]*\)$/i',
			'/^[a-z]{3,20}$/i',
		);
		foreach ( $patterns as $pattern ) {
			if ( 1 === preg_match( $pattern, $value ) ) {
				return $value;
			}
		}
		return '';
	}

	/**
	 * A value deep in nested arrays, or null where the path breaks off.
	 *
	 * @param mixed    $value The outer value.
	 * @param string[] $path  Keys, outermost first.
	 * @return mixed
	 */
	private static function dig( $value, array $path ) {
		foreach ( $path as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return null;
			}
			$value = $value[ $key ];
		}
		return $value;
	}

	/**
	 * Shortcode callback: `[appointease service="2" employee="0" show_employee_step="yes" accent_color="#2271b1"]`.
	 *
	 * @param array<string, string>|string $atts Shortcode attributes; WordPress passes '' when there are none.
	 */
	public static function render_shortcode( $atts ): string {
		$atts = shortcode_atts(
			array(
				'service'            => '0',
				'employee'           => '0',
				'show_employee_step' => 'yes',
				'accent_color'       => '',
			),
			is_array( $atts ) ? $atts : array(),
			self::SHORTCODE
		);
		wp_enqueue_script( self::VIEW_SCRIPT_HANDLE );
		wp_enqueue_style( self::STYLE_HANDLE );
		$settings = self::settings_from_block(
			array(
				'service'          => $atts['service'],
				'employee'         => $atts['employee'],
				'showEmployeeStep' => ! in_array( strtolower( $atts['show_employee_step'] ), array( 'no', 'false', '0' ), true ),
				'accentColor'      => $atts['accent_color'],
			)
		);
		return self::render( $settings, 'class="appointease-booking wp-block-appointease-booking"' );
	}

	/**
	 * Normalises block attributes into the settings the view script reads,
	 * with the site settings the page needs: how often to poll, how long a
	 * hold lasts, the minimum notice, and the REST root for plain links.
	 *
	 * `accentColor` here is the shortcode's `accent_color` (or an old post's
	 * saved attribute) and follows one rule everywhere: a hex colour, #rgb or
	 * #rrggbb (sanitize_hex_color() here, the same pattern in the view
	 * script). Anything else becomes '' (the default colour). The block's
	 * own accent is its link colour, on the wrapper (accent_from_block()).
	 *
	 * @param array<string, mixed> $attributes Raw attributes.
	 * @return array{service: int, employee: int, showEmployeeStep: bool, accentColor: string, restNamespace: string, restUrl: string, pollInterval: int, holdTtl: int, minimumNotice: int, currency: string, locale: string, timezone: string}
	 */
	public static function settings_from_block( array $attributes ): array {
		$accent = isset( $attributes['accentColor'] ) && is_string( $attributes['accentColor'] )
			? sanitize_hex_color( trim( $attributes['accentColor'] ) )
			: '';
		return array(
			'service'          => isset( $attributes['service'] ) && is_scalar( $attributes['service'] ) ? absint( $attributes['service'] ) : 0,
			'employee'         => isset( $attributes['employee'] ) && is_scalar( $attributes['employee'] ) ? absint( $attributes['employee'] ) : 0,
			'showEmployeeStep' => ! isset( $attributes['showEmployeeStep'] ) || (bool) $attributes['showEmployeeStep'],
			'accentColor'      => is_string( $accent ) ? $accent : '',
			'restNamespace'    => 'appointease/v1',
			'restUrl'          => esc_url_raw( rest_url() ),
			'pollInterval'     => Settings::int( 'poll_interval' ),
			'holdTtl'          => Settings::int( 'hold_ttl' ),
			'minimumNotice'    => Settings::int( 'minimum_notice' ),
			'currency'         => Settings::text( 'currency' ),
			'locale'           => Translations::language_tag(),
			// The business's zone: the time list's default clock and its label.
			'timezone'         => wp_timezone_string(),
		);
	}

	/**
	 * The mount point: a wrapper carrying the settings as JSON, with a message
	 * for visitors whose browser runs no JavaScript.
	 *
	 * @param array<string, mixed> $settings           Settings for the view script.
	 * @param string               $wrapper_attributes Already escaped HTML attributes.
	 */
	private static function render( array $settings, string $wrapper_attributes ): string {
		/**
		 * A booking form is on the page: the place to enqueue what the form
		 * needs besides its own script, e.g. a CAPTCHA widget's script and the
		 * `window.appointeaseCaptcha` provider the form calls (docs/anti-spam.md).
		 */
		do_action( 'appointease_booking_form_assets' );
		return sprintf(
			'<div %1$s data-appointease="%2$s"><noscript>%3$s</noscript></div>',
			$wrapper_attributes,
			esc_attr( (string) wp_json_encode( $settings ) ),
			esc_html__( 'Booking an appointment needs JavaScript. Please turn it on, or contact us to book.', 'appointease' )
		);
	}
}
