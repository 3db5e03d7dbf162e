<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Admin;

use AppointEase\Admin\SiteHealth;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Infrastructure\Schema;
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
}
