<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Admin;

use AppointEase\Admin\SiteHealth;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The test site has Redis configured (wp-config's APPOINTEASE_REDIS_*), so
 * Site Health must report Redis as the hold store.
 */
final class SiteHealthTest extends TestCase {

	public function test_the_hold_store_test_is_registered_and_reports_redis(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'appointease_hold_store', $tests['direct'] );

		$result = SiteHealth::hold_store_test();

		$this->assertSame( 'redis', HoldStoreFactory::shared()->status()['store'] );
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'Redis', $result['label'] );
		$this->assertSame( 'appointease_hold_store', $result['test'] );
	}

	public function test_the_info_tab_names_the_store_and_the_schema_version(): void {
		$info = apply_filters( 'debug_information', array() );

		$this->assertArrayHasKey( 'appointease', $info );
		$fields = $info['appointease']['fields'];
		$this->assertSame( 'redis', $fields['hold_store']['value'] );
		$this->assertStringStartsWith( Schema::VERSION . ' ', $fields['schema']['value'] );
		$this->assertStringContainsString( 'reachable', $fields['redis']['value'] );
		$this->assertStringNotContainsString( 'not scheduled', $fields['purge']['value'] );
	}

	public function test_the_schema_test_passes_on_a_current_site_and_is_critical_on_an_outdated_one(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'appointease_schema_version', $tests['direct'] );

		$current = SiteHealth::schema_test();
		$this->assertSame( 'good', $current['status'] );
		$this->assertSame( 'appointease_schema_version', $current['test'] );
		$this->assertStringContainsString( 'version ' . Schema::VERSION, $current['description'] );

		update_option( Installer::VERSION_OPTION, Schema::VERSION - 1 );
		$outdated = SiteHealth::schema_test();
		$this->assertSame( 'critical', $outdated['status'] );
		$this->assertStringContainsString( 'version ' . ( Schema::VERSION - 1 ) . ', but this release of AppointEase expects version ' . Schema::VERSION, $outdated['description'] );
	}

	public function test_the_scheduled_jobs_test_sees_a_missing_or_overdue_purge(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'appointease_scheduled_jobs', $tests['direct'] );
		$this->assertSame( 'good', SiteHealth::scheduled_jobs_test()['status'] );

		Housekeeping::unschedule();
		$missing = SiteHealth::scheduled_jobs_test();
		$this->assertSame( 'recommended', $missing['status'] );
		$this->assertStringContainsString( 'not scheduled', $missing['label'] );

		wp_schedule_event( time() - 3 * HOUR_IN_SECONDS, 'hourly', Housekeeping::HOOK );
		$overdue = SiteHealth::scheduled_jobs_test();
		$this->assertSame( 'recommended', $overdue['status'] );
		$this->assertStringContainsString( 'overdue', $overdue['label'] );
		$this->assertStringContainsString( 'DISABLE_WP_CRON', $overdue['description'] );

		Housekeeping::unschedule();
		Housekeeping::schedule();
		$this->assertSame( 'good', SiteHealth::scheduled_jobs_test()['status'] );
	}

	public function test_the_database_error_page_test_finds_the_drop_in_missing_foreign_or_ours(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'appointease_db_error_page', $tests['direct'] );
		$folder = get_temp_dir() . 'appointease-dropin-' . wp_generate_password( 8, false );
		wp_mkdir_p( $folder );
		$path = $folder . '/db-error.php';

		try {
			$missing = SiteHealth::db_error_page_result( $path );
			$this->assertSame( 'recommended', $missing['status'] );
			$this->assertStringContainsString( 'not installed', $missing['label'] );
			$this->assertStringContainsString( esc_html( $path ), $missing['description'] );

			file_put_contents( $path, "<?php\necho 'Down for maintenance';\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a scratch file of this test.
			$foreign = SiteHealth::db_error_page_result( $path );
			$this->assertSame( 'good', $foreign['status'] );
			$this->assertStringContainsString( 'its own', $foreign['label'] );

			copy( APPOINTEASE_DIR . 'dropins/db-error.php', $path );
			$ours = SiteHealth::db_error_page_result( $path );
			$this->assertSame( 'good', $ours['status'] );
			$this->assertSame( 'The database error page is installed', $ours['label'] );
		} finally {
			wp_delete_file( $path );
			rmdir( $folder ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- the scratch folder made above.
		}
	}

	public function test_the_info_tab_shows_how_the_site_books(): void {
		$fixtures = new Fixtures();
		$service  = $fixtures->service();
		$fixtures->service( array( 'active' => false ) );
		$fixtures->employee( array( $service->id ), array( 'wp_user' => 1 ) );
		Settings::update( array( 'approval_required' => true ) );

		$fields = apply_filters( 'debug_information', array() )['appointease']['fields'];

		$this->assertSame( home_url( '/' ), $fields['booking_page']['value'] );
		$this->assertSame( 'yes', $fields['approval_required']['value'] );
		$this->assertSame( 'yes / yes', $fields['staff_emails']['value'] );
		$this->assertSame( '1 / 2', $fields['services']['value'] );
		$this->assertSame( '1 / 1 / 1', $fields['employees']['value'] );
		$this->assertSame( 0, $fields['bookings']['value'] );
	}
}
