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
	 * @return array<string, mixed>
	 */
	private function settings_in( string $html ): array {
		$this->assertSame( 1, preg_match( '/data-appointease="([^"]*)"/', $html, $m ), 'No mount point in: ' . $html );
		$settings = json_decode( html_entity_decode( $m[1] ?? '', ENT_QUOTES ), true );
		$this->assertIsArray( $settings );
		return $settings;
	}
}
