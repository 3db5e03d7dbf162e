<?php
/**
 * Base class for integration tests against the real WordPress.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration;

use Yoast\PHPUnitPolyfills\TestCases\TestCase as PolyfillTestCase;

/**
 * Runs each test inside a database transaction that is rolled back afterwards,
 * so tests leave no rows behind. Schema changes commit implicitly in MySQL:
 * tests that make them must restore what they change.
 */
abstract class TestCase extends PolyfillTestCase {

	protected function set_up(): void {
		parent::set_up();
		global $wpdb;
		// Emails that other processes (WP-CLI, racers) queued and committed would reach this test's outbox reads.
		$wpdb->query( 'DELETE FROM ' . \AppointEase\Infrastructure\Schema::table( 'outbox' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table, emptied before the test's transaction.
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
		// Counters in Redis outlive the rollback; tests of the limits turn them back on.
		add_filter( 'appointease_rate_limit_enabled', '__return_false' );
		// The anti-spam checks would refuse the suite's quick, hold-less bookings; AntiSpamTest turns them back on.
		add_filter( 'appointease_spam_checks_enabled', '__return_false' );
	}

	/**
	 * A role that must exist on every site.
	 */
	protected function role( string $name ): \WP_Role {
		$role = get_role( $name );
		$this->assertInstanceOf( \WP_Role::class, $role, "The role $name is missing." );
		return $role;
	}

	protected function tear_down(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_set_current_user( 0 );
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		remove_filter( 'appointease_spam_checks_enabled', '__return_false' );
		parent::tear_down();
	}
}
