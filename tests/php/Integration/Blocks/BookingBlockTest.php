<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Blocks;

use AppointEase\Blocks\BookingBlock;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\TestCase;

final class BookingBlockTest extends TestCase {

	public function test_the_block_is_registered_from_its_built_metadata(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( BookingBlock::NAME );
		$this->assertInstanceOf( \WP_Block_Type::class, $block );
		$this->assertSame( 3, $block->api_version );
		$this->assertNotEmpty( $block->editor_script_handles, 'The editor script must be registered.' );
		$this->assertSame( array( 'appointease-booking-view-script' ), $block->view_script_handles );
		$this->assertTrue( wp_script_is( 'appointease-booking-view-script', 'registered' ) );
		$this->assertTrue( shortcode_exists( BookingBlock::SHORTCODE ) );
	}

	public function test_the_metadata_comes_from_the_build_manifest_not_block_json(): void {
		$folder = APPOINTEASE_DIR . 'build/blocks/booking';
		$this->assertTrue( \WP_Block_Metadata_Registry::has_metadata( $folder ), 'The block must be registered from build/blocks-manifest.php.' );
		$this->assertSame( BookingBlock::NAME, \WP_Block_Metadata_Registry::get_metadata( $folder )['name'] ?? null );

		$block = \WP_Block_Type_Registry::get_instance()->get_registered( BookingBlock::NAME );
		$this->assertInstanceOf( \WP_Block_Type::class, $block );
		$this->assertSame( array( BookingBlock::class, 'render_block' ), $block->render_callback );
		$this->assertFalse( has_filter( 'block_type_metadata_settings', array( BookingBlock::class, 'add_render_callback' ) ), 'The filter lives only while the block registers.' );
	}

	public function test_the_block_declares_the_supports_themes_style_it_with(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( BookingBlock::NAME );
		$this->assertInstanceOf( \WP_Block_Type::class, $block );
		foreach ( array( array( 'color', 'text' ), array( 'color', 'background' ), array( 'color', 'link' ), array( 'typography', 'fontSize' ), array( 'spacing', 'padding' ), array( 'spacing', 'margin' ), array( '__experimentalBorder', 'color' ), array( '__experimentalBorder', 'radius' ), array( '__experimentalBorder', 'style' ), array( '__experimentalBorder', 'width' ) ) as $feature ) {
			$this->assertTrue( block_has_support( $block, $feature ), implode( '.', $feature ) );
		}
		// The supports add the attributes they save into.
		$attributes = $block->get_attributes();
		$this->assertArrayHasKey( 'style', $attributes );
		$this->assertArrayHasKey( 'fontSize', $attributes );
		$this->assertArrayNotHasKey( 'accentColor', $attributes, 'The accent is the link colour now.' );
	}

	public function test_the_supports_style_the_wrapper_and_the_link_colour_is_the_accent(): void {
		$html = do_blocks( '<!-- wp:appointease/booking {"fontSize":"large","style":{"color":{"background":"#123456","text":"#fefefe"},"elements":{"link":{"color":{"text":"var:preset|color|accent-1"}}},"spacing":{"padding":{"top":"2rem"}},"border":{"radius":"12px","width":"3px","style":"dashed","color":"#00ff00"}}} /-->' );

		$wrapper = $this->wrapper_in( $html );
		foreach ( array( 'appointease-booking', 'wp-block-appointease-booking', 'has-background', 'has-text-color', 'has-large-font-size', 'has-border-color' ) as $class ) {
			$this->assertContains( $class, $wrapper['class'], $class );
		}
		$this->assertNotEmpty( preg_grep( '/^wp-elements-/', $wrapper['class'] ), 'The link colour support names the wrapper.' );
		foreach ( array( 'background-color:#123456', 'color:#fefefe', 'padding-top:2rem', 'border-radius:12px', 'border-width:3px', 'border-style:dashed', 'border-color:#00ff00', '--appointease-accent:var(--wp--preset--color--accent-1)' ) as $declaration ) {
			$this->assertStringContainsString( $declaration, $wrapper['style'] );
		}
		$this->assertSame( '', $this->settings_in( $html )['accentColor'], 'The JSON accent is only the shortcode\'s (and old posts\').' );
	}

	public function test_an_old_post_with_accent_color_still_gets_its_accent(): void {
		// What posts saved before the block had supports hold.
		$html = do_blocks( '<!-- wp:appointease/booking {"service":2,"accentColor":"#aa3300","align":"wide"} /-->' );

		$wrapper = $this->wrapper_in( $html );
		$this->assertContains( 'alignwide', $wrapper['class'] );
		$this->assertSame( '--appointease-accent:#aa3300', $wrapper['style'] );
		$settings = $this->settings_in( $html );
		$this->assertSame( 2, $settings['service'] );
		$this->assertSame( '#aa3300', $settings['accentColor'] );
	}

	public function test_the_blocks_own_link_colour_wins_over_an_old_accent_color(): void {
		$this->assertSame(
			'#000000',
			BookingBlock::accent_from_block(
				array(
					'accentColor' => '#aa3300',
					'style'       => array( 'elements' => array( 'link' => array( 'color' => array( 'text' => '#000000' ) ) ) ),
				)
			)
		);
		$this->assertSame( '', BookingBlock::accent_from_block( array( 'accentColor' => 'red;x:y' ) ) );
		$this->assertSame( '', BookingBlock::accent_from_block( array( 'style' => array( 'elements' => 'link' ) ) ) );
	}

	public function test_the_site_wide_link_colour_of_the_block_is_the_accent_of_every_booking_block(): void {
		$add_link_colour = static function ( \WP_Theme_JSON_Data $data ): \WP_Theme_JSON_Data {
			return $data->update_with(
				array(
					'version' => 3,
					'styles'  => array(
						'blocks' => array(
							BookingBlock::NAME => array( 'elements' => array( 'link' => array( 'color' => array( 'text' => 'var:preset|color|accent-2' ) ) ) ),
						),
					),
				)
			);
		};
		add_filter( 'wp_theme_json_data_theme', $add_link_colour );
		wp_clean_theme_json_cache();
		try {
			$this->assertSame( 'var(--wp--preset--color--accent-2)', BookingBlock::accent_from_block( array() ) );
			$this->assertSame( '#aa3300', BookingBlock::accent_from_block( array( 'accentColor' => '#aa3300' ) ), 'A block\'s own accent wins.' );
		} finally {
			remove_filter( 'wp_theme_json_data_theme', $add_link_colour );
			wp_clean_theme_json_cache();
		}
		$this->assertSame( '', BookingBlock::accent_from_block( array() ) );
	}

	/**
	 * @dataProvider link_colours
	 *
	 * @param mixed $given The stored value.
	 */
	public function test_a_link_colour_becomes_safe_css_or_nothing( $given, string $kept ): void {
		$this->assertSame( $kept, BookingBlock::css_color( $given ) );
	}

	/**
	 * The same cases as cssColor() in tests/js/booking-block-accent.test.ts.
	 *
	 * @return array<string, array{0: mixed, 1: string}>
	 */
	public static function link_colours(): array {
		return array(
			'preset reference'      => array( 'var:preset|color|accent-1', 'var(--wp--preset--color--accent-1)' ),
			'preset in camel case'  => array( 'var:preset|color|darkBlue2', 'var(--wp--preset--color--dark-blue-2)' ),
			'preset variable'       => array( 'var(--wp--preset--color--contrast)', 'var(--wp--preset--color--contrast)' ),
			'short hex'             => array( '#fff', '#fff' ),
			'long hex'              => array( ' #1E73BE ', '#1E73BE' ),
			'hex with alpha'        => array( '#1e73be80', '#1e73be80' ),
			'rgb()'                 => array( 'rgb(255, 0, 102)', 'rgb(255, 0, 102)' ),
			'hsla()'                => array( 'hsla(120deg 50% 50% / 0.5)', 'hsla(120deg 50% 50% / 0.5)' ),
			'colour name'           => array( 'rebeccapurple', 'rebeccapurple' ),
			'five hex digits'       => array( '#abcde', '' ),
			'other variable'        => array( 'var(--evil)', '' ),
			'preset with a bracket' => array( 'var:preset|color|a)', '' ),
			'injection'             => array( 'red; background: url(x)', '' ),
			'nested function'       => array( 'rgb(calc(1) 0 0)', '' ),
			'not a string'          => array( 42, '' ),
		);
	}

	public function test_rendering_the_block_gives_the_mount_point_with_its_settings(): void {
		$html = do_blocks( '<!-- wp:appointease/booking {"service":2,"showEmployeeStep":false,"accentColor":"#aa3300"} /-->' );

		$settings = $this->settings_in( $html );
		$this->assertSame( 2, $settings['service'] );
		$this->assertSame( 0, $settings['employee'] );
		$this->assertFalse( $settings['showEmployeeStep'] );
		$this->assertSame( '#aa3300', $settings['accentColor'] );
		$this->assertSame( 'appointease/v1', $settings['restNamespace'] );
		$this->assertStringContainsString( 'wp-block-appointease-booking', $html );
		$this->assertStringContainsString( '<noscript>', $html );
	}

	public function test_the_shortcode_renders_the_same_app_and_enqueues_its_script(): void {
		$html = do_shortcode( '[appointease employee="3" show_employee_step="no" accent_color="#123456"]' );

		$settings = $this->settings_in( $html );
		$this->assertSame( 3, $settings['employee'] );
		$this->assertFalse( $settings['showEmployeeStep'] );
		$this->assertSame( '#123456', $settings['accentColor'] );
		$this->assertTrue( wp_script_is( 'appointease-booking-view-script', 'enqueued' ) );
	}

	public function test_hostile_attribute_values_are_neutralised(): void {
		$html = do_shortcode( '[appointease service="-4" accent_color="red;background:url(x)" employee="1\"><script>alert(1)</script>"]' );

		$this->assertStringNotContainsString( '<script>', $html );
		$settings = $this->settings_in( $html );
		$this->assertSame( 4, $settings['service'], 'absint turns -4 into 4; ids are never negative.' );
		$this->assertSame( '', $settings['accentColor'] );
		$this->assertTrue( $settings['showEmployeeStep'] );
	}

	public function test_the_view_script_uses_wordpress_api_fetch_and_has_translations(): void {
		$script = wp_scripts()->registered['appointease-booking-view-script'] ?? null;
		$this->assertNotNull( $script );
		// WordPress sets up wp-api-fetch with the REST root and the cookie nonce.
		$this->assertContains( 'wp-api-fetch', $script->deps );
		$this->assertContains( 'wp-i18n', $script->deps );
		$this->assertSame( 'appointease', $script->textdomain );
		$editor = wp_scripts()->registered['appointease-booking-editor-script'] ?? null;
		$this->assertNotNull( $editor );
		$this->assertSame( 'appointease', $editor->textdomain );
	}

	public function test_the_settings_carry_the_site_settings_the_page_needs(): void {
		Settings::update(
			array(
				'poll_interval'  => 3,
				'hold_ttl'       => 45,
				'minimum_notice' => 120,
			)
		);
		$settings = $this->settings_in( do_blocks( '<!-- wp:appointease/booking /-->' ) );

		$this->assertSame( 3, $settings['pollInterval'] );
		$this->assertSame( 45, $settings['holdTtl'] );
		$this->assertSame( 120, $settings['minimumNotice'] );
		$this->assertSame( rest_url(), $settings['restUrl'] );
		$this->assertSame( '', $settings['currency'], 'No currency until the site names one.' );
		$this->assertSame( 'en-US', $settings['locale'], "The site's language as a BCP 47 tag." );
	}

	public function test_the_settings_carry_the_sites_currency_and_language(): void {
		Settings::update( array( 'currency' => 'EUR' ) );
		add_filter( 'locale', $german = static fn(): string => 'de_DE_formal' );
		try {
			$settings = $this->settings_in( do_blocks( '<!-- wp:appointease/booking /-->' ) );
		} finally {
			remove_filter( 'locale', $german );
		}
		$this->assertSame( 'EUR', $settings['currency'] );
		$this->assertSame( 'de-DE-formal', $settings['locale'] );
	}

	public function test_the_settings_name_the_business_time_zone(): void {
		$before = get_option( 'timezone_string' );
		update_option( 'timezone_string', 'Asia/Tokyo' );
		try {
			$settings = $this->settings_in( do_blocks( '<!-- wp:appointease/booking /-->' ) );
		} finally {
			update_option( 'timezone_string', $before );
		}
		$this->assertSame( 'Asia/Tokyo', $settings['timezone'], 'The zone the times are shown in by default.' );
	}

	/**
	 * @dataProvider accent_colours
	 */
	public function test_the_accent_colour_is_a_hex_colour_or_nothing( string $given, string $kept ): void {
		$settings = BookingBlock::settings_from_block( array( 'accentColor' => $given ) );
		$this->assertSame( $kept, $settings['accentColor'] );
	}

	/**
	 * The same cases as sanitizeColor() in tests/js/config.test.ts: one rule.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	public static function accent_colours(): array {
		return array(
			'short hex'       => array( '#fff', '#fff' ),
			'long hex'        => array( '#1E73BE', '#1E73BE' ),
			'spaces trimmed'  => array( '  #abc ', '#abc' ),
			'four digits'     => array( '#abcd', '' ),
			'with alpha'      => array( '#1e73be80', '' ),
			'rgb()'           => array( 'rgb(255, 0, 102)', '' ),
			'named colour'    => array( 'rebeccapurple', '' ),
			'preset variable' => array( 'var(--wp--preset--color--primary)', '' ),
			'injection'       => array( 'red; background: url(x)', '' ),
		);
	}

	/**
	 * The wrapper's classes and inline style.
	 *
	 * @return array{class: string[], style: string}
	 */
	private function wrapper_in( string $html ): array {
		$tags = new \WP_HTML_Tag_Processor( $html );
		$this->assertTrue( $tags->next_tag( array( 'tag_name' => 'div' ) ), 'No wrapper in: ' . $html );
		$class   = $tags->get_attribute( 'class' );
		$style   = $tags->get_attribute( 'style' );
		$classes = preg_split( '/\s+/', is_string( $class ) ? $class : '', -1, PREG_SPLIT_NO_EMPTY );
		return array(
			'class' => is_array( $classes ) ? $classes : array(),
			'style' => is_string( $style ) ? $style : '',
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function settings_in( string $html ): array {
		$this->assertSame( 1, preg_match( '/data-appointease="([^"]*)"/', $html, $m ), 'No mount point in: ' . $html );
		$settings = json_decode( html_entity_decode( $m[1] ?? '', ENT_QUOTES ), true );
		$this->assertIsArray( $settings );
		return $settings;
	}
}
