<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Infrastructure;

use AppointEase\Holds\Housekeeping;
use AppointEase\Holds\RedisOutage;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Infrastructure\Uninstaller;
use AppointEase\Tests\Integration\TestCase;

final class UninstallerTest extends TestCase {

	protected function tear_down(): void {
		parent::tear_down();
		Installer::install(); // Dropping tables commits, so put the plugin back for the other tests.
	}

	public function test_removes_the_plugins_tables_options_and_capability_and_nothing_else(): void {
		global $wpdb;
		update_option( 'appointease_settings', array( 'slot_step' => 15 ) );
		update_option( 'blogname', 'Kept' );
		$this->assertNotFalse( wp_next_scheduled( Housekeeping::HOOK ), 'Activation schedules the hourly purge.' );
		$wpdb->query( 'COMMIT' );

		Uninstaller::run();

		foreach ( Schema::TABLES as $name ) {
			$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Schema::table( $name ) ) ) );
		}
		$this->assertFalse( get_option( Installer::VERSION_OPTION ) );
		$this->assertFalse( get_option( 'appointease_settings' ) );
		$this->assertFalse( get_option( RedisOutage::OPTION ) );
		$this->assertFalse( wp_next_scheduled( Housekeeping::HOOK ) );
		$this->assertFalse( $this->role( 'administrator' )->has_cap( Installer::CAPABILITY ) );
		$this->assertSame( 'Kept', get_option( 'blogname' ) );
		$this->assertNotNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->posts ) ) );
	}
}
