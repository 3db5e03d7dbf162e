<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Infrastructure;

use AppointEase\Holds\Housekeeping;
use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisConnector;
use AppointEase\Holds\RedisOutage;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Infrastructure\Uninstaller;
use AppointEase\Tests\Integration\TestCase;

/**
 * Dropping tables commits, so this test commits its set-up, and tear_down
 * removes its users and other keys and installs the plugin again.
 */
final class UninstallerTest extends TestCase {

	/** A key of another site on the same Redis, which must survive. */
	private const OTHER_SITE_KEY = 'appointease:another_site:wp_:{holds}:emp:1';

	/**
	 * Users this test made.
	 *
	 * @var int[]
	 */
	private array $users = array();

	protected function tear_down(): void {
		parent::tear_down();
		require_once ABSPATH . 'wp-admin/includes/user.php';
		foreach ( $this->users as $user ) {
			wp_delete_user( $user );
		}
		delete_option( 'appointeasefriend_setting' );
		wp_clear_scheduled_hook( 'someone_elses_event' );
		$this->redis()->del( self::OTHER_SITE_KEY );
		Installer::install(); // Put the plugin back for the other tests.
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

	public function test_removes_the_role_prefixed_options_transients_meta_events_and_redis_keys_and_nothing_else(): void {
		global $wpdb;
		$employee    = $this->user( Installer::EMPLOYEE_ROLE );
		$also_editor = $this->user( 'editor' );
		$this->user_object( $also_editor )->add_role( Installer::EMPLOYEE_ROLE );
		$this->role( 'editor' )->add_cap( Installer::VIEW_OWN_CAPABILITY );
		update_option( 'appointease_admin_screen', 'bookings' );
		update_option( 'appointeasefriend_setting', 'kept' );
		set_transient( 'appointease_cache', 'x', HOUR_IN_SECONDS );
		set_transient( 'someone_elses_cache', 'kept', HOUR_IN_SECONDS );
		update_user_meta( $also_editor, 'appointease_columns', 'id,start' );
		update_user_meta( $also_editor, 'nickname', 'Kept' );
		wp_schedule_single_event( time() + 600, 'appointease_send_reminders' );
		wp_schedule_single_event( time() + 600, 'someone_elses_event' );
		$prefix = (string) RedisConfig::from_constants()?->prefix;
		$this->assertStringStartsWith( 'appointease:', $prefix );
		$redis = $this->redis();
		$redis->set( $prefix . '{holds}:emp:1', 'x' );
		$redis->set( $prefix . 'rate:writes:abc', '3' );
		$redis->set( self::OTHER_SITE_KEY, 'kept' );
		$wpdb->query( 'COMMIT' );

		Uninstaller::run_everywhere();
		wp_cache_flush();

		$this->assertNull( get_role( Installer::EMPLOYEE_ROLE ) );
		$this->assertSame( array(), $this->user_object( $employee )->roles, 'The role is gone from its user too.' );
		$this->assertSame( array( 'editor' ), $this->user_object( $also_editor )->roles, 'Other roles stay.' );
		$this->assertFalse( $this->role( 'editor' )->has_cap( Installer::VIEW_OWN_CAPABILITY ) );
		$this->assertTrue( $this->role( 'editor' )->has_cap( 'edit_posts' ) );
		$this->assertFalse( get_option( 'appointease_admin_screen' ) );
		$this->assertSame( 'kept', get_option( 'appointeasefriend_setting' ) );
		$this->assertFalse( get_transient( 'appointease_cache' ) );
		$this->assertSame( 'kept', get_transient( 'someone_elses_cache' ) );
		$this->assertSame( '', get_user_meta( $also_editor, 'appointease_columns', true ) );
		$this->assertSame( 'Kept', get_user_meta( $also_editor, 'nickname', true ) );
		$this->assertFalse( wp_next_scheduled( 'appointease_send_reminders' ) );
		$this->assertNotFalse( wp_next_scheduled( 'someone_elses_event' ) );
		$this->assertSame( array(), $redis->keys( addcslashes( $prefix, '*?[]\\' ) . '*' ) );
		$this->assertSame( 'kept', $redis->get( self::OTHER_SITE_KEY ) );
		delete_transient( 'someone_elses_cache' );
	}

	/**
	 * A committed user with a role, deleted in tear_down.
	 *
	 * @param string $role A role.
	 */
	private function user( string $role ): int {
		$id = wp_insert_user(
			array(
				'user_login' => 'uninstall_' . $role . '_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		$this->users[] = $id;
		return $id;
	}

	/**
	 * A user that must exist.
	 *
	 * @param int $id User id.
	 */
	private function user_object( int $id ): \WP_User {
		$user = get_userdata( $id );
		$this->assertInstanceOf( \WP_User::class, $user );
		return $user;
	}

	/**
	 * The test site's Redis.
	 */
	private function redis(): \Redis {
		$config = RedisConfig::from_constants();
		$this->assertNotNull( $config, 'The test site has Redis configured.' );
		return RedisConnector::connect( $config );
	}
}
