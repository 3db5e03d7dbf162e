<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Infrastructure;

use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\TestCase;

final class InstallerTest extends TestCase {

	public function test_activation_created_every_table(): void {
		global $wpdb;
		foreach ( Schema::TABLES as $name ) {
			$table = Schema::table( $name );
			$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ), "Table $table is missing." );
		}
	}

	public function test_the_occupancy_and_seat_keys_are_the_ones_that_refuse_doubles(): void {
		global $wpdb;
		$this->assertSame( array( 'employee_id', 'cell_utc' ), $this->primary_key( Schema::table( 'occupancy' ) ) );
		$this->assertSame( array( 'employee_id', 'service_id', 'session_start_utc', 'seat_no' ), $this->primary_key( Schema::table( 'seats' ) ) );

		$row = array(
			'employee_id'       => 1,
			'cell_utc'          => '2030-01-07 09:00:00',
			'service_id'        => 1,
			'session_start_utc' => '2030-01-07 09:00:00',
		);
		$this->assertSame( 1, $wpdb->insert( Schema::table( 'occupancy' ), $row ) );
		$wpdb->suppress_errors( true );
		$second = $wpdb->insert( Schema::table( 'occupancy' ), array( 'service_id' => 2 ) + $row );
		$wpdb->suppress_errors( false );
		$this->assertFalse( $second, 'A second session must not take a cell that is taken.' );
		$this->assertStringContainsString( 'Duplicate entry', $wpdb->last_error );
	}

	public function test_schema_version_is_autoloaded_as_every_request_reads_it(): void {
		global $wpdb;
		$this->assertSame( Schema::VERSION, (int) get_option( Installer::VERSION_OPTION ) );
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", Installer::VERSION_OPTION ) );
		// WordPress 6.6+ stores an explicit "autoload" as 'on' ('yes' before); wp_autoload_values_to_autoload() lists what it loads.
		$this->assertContains( $autoload, wp_autoload_values_to_autoload(), 'Loaded with every request.' );
		// Explicitly, not 'auto'/'auto-on', which leave it to WordPress's size heuristics.
		$this->assertContains( $autoload, array( 'on', 'yes' ) );
		$this->assertTrue( Installer::is_current() );
	}

	public function test_administrators_get_the_manage_capability_and_others_do_not(): void {
		$this->assertTrue( $this->role( 'administrator' )->has_cap( Installer::CAPABILITY ) );
		foreach ( array( 'editor', 'author', 'contributor', 'subscriber' ) as $role ) {
			$this->assertFalse( $this->role( $role )->has_cap( Installer::CAPABILITY ), "$role must not manage bookings." );
		}
	}

	public function test_an_outdated_version_triggers_the_upgrade_which_restores_a_missing_table(): void {
		global $wpdb;
		$table = Schema::table( 'days_off' );
		$wpdb->query( "DROP TABLE `$table`" ); // Commits implicitly; the upgrade below restores it.
		update_option( Installer::VERSION_OPTION, Schema::VERSION - 1, false );
		$this->assertFalse( Installer::is_current() );

		Installer::maybe_upgrade();

		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		$this->assertTrue( Installer::is_current() );
	}

	public function test_deactivation_leaves_no_scheduled_job_and_activation_schedules_it_again(): void {
		Installer::activate();
		$this->assertNotFalse( wp_next_scheduled( \AppointEase\Holds\Housekeeping::HOOK ) );
		\AppointEase\Notifications\ChangeEmails::schedule( time() + 60 ); // A change email waiting.

		do_action( 'deactivate_' . plugin_basename( APPOINTEASE_FILE ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- core's own deactivation hook of this plugin.

		$this->assertFalse( wp_next_scheduled( \AppointEase\Holds\Housekeeping::HOOK ), 'A deactivated plugin leaves no job behind.' );
		$this->assertFalse( wp_next_scheduled( \AppointEase\Notifications\ChangeEmails::HOOK ) );
		Installer::activate();
		$this->assertNotFalse( wp_next_scheduled( \AppointEase\Holds\Housekeeping::HOOK ) );
	}

	public function test_upgrade_is_skipped_when_the_version_is_current(): void {
		wp_load_alloptions(); // Loaded once per request anyway, before plugins run.
		$queries = array();
		$collect = static function ( string $query ) use ( &$queries ): string {
			$queries[] = $query;
			return $query;
		};
		add_filter( 'query', $collect );
		Installer::maybe_upgrade();
		remove_filter( 'query', $collect );

		$this->assertLessThanOrEqual( 1, count( $queries ), 'At most the version option is read: ' . implode( '; ', $queries ) );
		$this->assertSame( array(), preg_grep( '/CREATE TABLE|DESCRIBE|ALTER TABLE/i', $queries ), 'A current site must not run dbDelta on every request.' );
	}

	/**
	 * @return string[]
	 */
	private function primary_key( string $table ): array {
		global $wpdb;
		$rows = $wpdb->get_results( "SHOW INDEX FROM `$table` WHERE Key_name = 'PRIMARY'", ARRAY_A );
		usort( $rows, static fn( array $a, array $b ): int => (int) $a['Seq_in_index'] <=> (int) $b['Seq_in_index'] );
		return array_column( $rows, 'Column_name' );
	}
}
