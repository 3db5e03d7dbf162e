<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Blocks;

use AppointEase\Blocks\BookingBlock;
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
