<?php
/**
 * The booking block and the [appointease] shortcode.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Blocks;

use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Registers `appointease/booking` from its built block.json and renders the
 * mount point that the front-end view script turns into the booking app.
 * The block and the shortcode share one renderer, so both behave the same.
 */
final class BookingBlock {

	public const NAME      = 'appointease/booking';
	public const SHORTCODE = 'appointease';

	/** Script and style handles WordPress derives from the block name. */
	private const VIEW_SCRIPT_HANDLE   = 'appointease-booking-view-script';
	private const EDITOR_SCRIPT_HANDLE = 'appointease-booking-editor-script';
	private const STYLE_HANDLE         = 'appointease-booking-style';

	/**
	 * Registers the block and the shortcode on `init`.
	 */
	public static function register(): void {
		$metadata = APPOINTEASE_DIR . 'build/blocks/booking';
		if ( ! is_readable( $metadata . '/block.json' ) ) {
			add_action( 'admin_notices', array( self::class, 'missing_build_notice' ) );
			return;
		}
		register_block_type( $metadata, array( 'render_callback' => array( self::class, 'render_block' ) ) );
		add_shortcode( self::SHORTCODE, array( self::class, 'render_shortcode' ) );
		foreach ( array( self::VIEW_SCRIPT_HANDLE, self::EDITOR_SCRIPT_HANDLE ) as $handle ) {
			wp_set_script_translations( $handle, 'appointease', APPOINTEASE_DIR . 'languages' );
		}
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
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public static function render_block( array $attributes ): string {
		$settings = self::settings_from_block( $attributes );
		return self::render( $settings, get_block_wrapper_attributes( array( 'class' => 'appointease-booking' ) ) );
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
	 * The accent colour follows one rule everywhere: a hex colour, #rgb or
	 * #rrggbb (sanitize_hex_color() here, the same pattern in the editor and
	 * the view script). Anything else becomes '' (the default colour).
	 *
	 * @param array<string, mixed> $attributes Raw attributes.
	 * @return array{service: int, employee: int, showEmployeeStep: bool, accentColor: string, restNamespace: string, restUrl: string, pollInterval: int, holdTtl: int, minimumNotice: int}
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
		return sprintf(
			'<div %1$s data-appointease="%2$s"><noscript>%3$s</noscript></div>',
			$wrapper_attributes,
			esc_attr( (string) wp_json_encode( $settings ) ),
			esc_html__( 'Booking an appointment needs JavaScript. Please turn it on, or contact us to book.', 'appointease' )
		);
	}
}
