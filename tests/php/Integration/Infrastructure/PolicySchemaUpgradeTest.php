<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Infrastructure;

use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\TestCase;

/**
 * A site on schema 8 (before the change policy and the limits) upgrades:
 * the services table gets its cut-off and limit columns, and the
 * `limit_claims` table its key, which is what refuses a booking past a limit.
 */
final class PolicySchemaUpgradeTest extends TestCase {

	private const POLICY_COLUMNS = array( 'cancel_cutoff_hours', 'reschedule_cutoff_hours', 'daily_limit', 'email_daily_limit', 'email_weekly_limit' );

	public function test_a_schema_8_site_gets_the_policy_columns_and_the_limit_claims_table(): void {
		global $wpdb;
		$services = Schema::table( 'services' );
		$claims   = Schema::table( 'limit_claims' );
		// Both commit implicitly; the upgrade below puts everything back.
		$wpdb->query( "DROP TABLE `$claims`" );
		$wpdb->query( "ALTER TABLE `$services` DROP COLUMN " . implode( ', DROP COLUMN ', self::POLICY_COLUMNS ) );
		update_option( Installer::VERSION_OPTION, 8, false );
		$this->assertFalse( Installer::is_current() );

		Installer::maybe_upgrade();

		$this->assertTrue( Installer::is_current() );
		$columns = $wpdb->get_col( "SHOW COLUMNS FROM `$services`" );
		foreach ( self::POLICY_COLUMNS as $column ) {
			$this->assertContains( $column, $columns );
		}
		$key = $wpdb->get_col( "SHOW INDEX FROM `$claims` WHERE Key_name = 'PRIMARY'", 4 );
		$this->assertSame( array( 'service_id', 'scope', 'subject', 'period', 'claim_no' ), $key );
	}
}
