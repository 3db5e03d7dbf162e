<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Demo;

use AppointEase\Demo\DemoData;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\TestCase;

final class DemoDataTest extends TestCase {

	public function test_seeds_three_employees_and_services_with_a_group_class(): void {
		global $wpdb;
		$this->assertFalse( DemoData::is_seeded() );

		$counts = DemoData::seed( new \DateTimeImmutable( '2030-01-01T08:00:00Z' ) );
		$this->assertSame( 'EUR', \AppointEase\Settings\Settings::text( 'currency' ), 'The demo shows its prices in euros.' );

		$this->assertSame(
			array(
				'employees' => 3,
				'services'  => 4,
				'bookings'  => 4,
			),
			$counts
		);
		$this->assertSame( '4', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
		$this->assertSame( '6', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) ), 'Three single seats and three seats of the yoga class are claimed in the ledger.' );
		$this->assertTrue( DemoData::is_seeded() );
		$this->assertSame( '3', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'employees' ) ) );
		$this->assertGreaterThan( 1, (int) $wpdb->get_var( 'SELECT MAX(capacity) FROM ' . Schema::table( 'services' ) ) );
		$this->assertSame( '0', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'employees' ) . ' e WHERE NOT EXISTS (SELECT 1 FROM ' . Schema::table( 'employee_services' ) . ' s WHERE s.employee_id = e.id)' ), 'Every employee gives at least one service.' );
	}

	public function test_someone_works_on_every_day_of_the_week(): void {
		global $wpdb;
		DemoData::seed( new \DateTimeImmutable( '2030-01-01T08:00:00Z' ) );

		$weekdays = array_map( 'intval', $wpdb->get_col( 'SELECT DISTINCT weekday FROM ' . Schema::table( 'working_hours' ) . ' ORDER BY weekday' ) );
		$this->assertSame( array( 1, 2, 3, 4, 5, 6, 7 ), $weekdays );
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'working_hours' ) . ' WHERE employee_id = (SELECT MIN(id) FROM ' . Schema::table( 'employees' ) . ') GROUP BY weekday HAVING COUNT(*) > 1 LIMIT 1' ), 'The demo shows a lunch break: two ranges on one day.' );
	}
}
