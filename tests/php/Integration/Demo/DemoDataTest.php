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

		$now    = new \DateTimeImmutable( '2030-01-01T08:00:00Z' );
		$counts = DemoData::seed( $now );
		$this->assertSame( 'EUR', \AppointEase\Settings\Settings::text( 'currency' ), 'The demo shows its prices in euros.' );

		$coming = "start_utc > '2030-01-01 08:00:00'";
		$this->assertSame( 3, $counts['employees'] );
		$this->assertSame( 4, $counts['services'] );
		$this->assertSame( (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ), $counts['bookings'] );
		$this->assertSame( '4', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) . " WHERE $coming" ), 'Four bookings in the coming days.' );
		$this->assertSame( '6', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) ), 'Three single seats and three seats of the yoga class are claimed in the ledger: past bookings hold none.' );
		$this->assertTrue( DemoData::is_seeded() );
		$this->assertSame( '3', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'employees' ) ) );
		$this->assertGreaterThan( 1, (int) $wpdb->get_var( 'SELECT MAX(capacity) FROM ' . Schema::table( 'services' ) ) );
		$this->assertSame( '0', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'employees' ) . ' e WHERE NOT EXISTS (SELECT 1 FROM ' . Schema::table( 'employee_services' ) . ' s WHERE s.employee_id = e.id)' ), 'Every employee gives at least one service.' );
	}

	public function test_seeds_eight_weeks_of_past_bookings_that_a_dashboard_can_show(): void {
		global $wpdb;
		$started = microtime( true );
		DemoData::seed( new \DateTimeImmutable( '2030-01-16T08:00:00Z' ) );
		$this->assertLessThan( 30.0, microtime( true ) - $started, 'Seeding stays quick.' );

		$bookings = Schema::table( 'bookings' );
		$statuses = array_map( 'intval', array_column( (array) $wpdb->get_results( "SELECT status, COUNT(*) AS n FROM `$bookings` WHERE start_utc < '2030-01-16 08:00:00' GROUP BY status", ARRAY_A ), 'n', 'status' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name from Schema.
		$count    = static fn( string $status ): int => $statuses[ $status ] ?? 0;
		$past     = array_sum( $statuses );
		$this->assertGreaterThan( 150, $past, 'Eight weeks of a small business.' );
		$kinds = array_keys( $statuses );
		sort( $kinds );
		$this->assertSame( array( 'cancelled', 'completed', 'no_show' ), $kinds, 'Past bookings are completed, cancelled or no-shows; none is left confirmed.' );
		$this->assertGreaterThan( 0.7, $count( 'completed' ) / $past, 'Most are completed.' );
		$this->assertGreaterThan( 0.05, $count( 'cancelled' ) / $past );
		$this->assertLessThan( 0.15, $count( 'cancelled' ) / $past );
		$this->assertGreaterThan( 0.03, $count( 'no_show' ) / $past );
		$this->assertLessThan( 0.12, $count( 'no_show' ) / $past );
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM `$bookings` WHERE start_utc < '2029-11-20 00:00:00'" ), 'Nothing older than eight weeks.' );
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM `$bookings` a JOIN `$bookings` b ON a.employee_id = b.employee_id AND a.id < b.id AND a.service_id <> b.service_id AND a.start_utc < b.end_utc AND b.start_utc < a.end_utc" ), 'No employee has two different sessions at once.' );
		$this->assertGreaterThan( 1, (int) $wpdb->get_var( "SELECT MAX(seats) FROM `$bookings` WHERE start_utc < '2030-01-16 00:00:00'" ), 'The yoga class had several seats taken.' );
	}

	public function test_someone_works_on_every_day_of_the_week(): void {
		global $wpdb;
		DemoData::seed( new \DateTimeImmutable( '2030-01-01T08:00:00Z' ) );

		$weekdays = array_map( 'intval', $wpdb->get_col( 'SELECT DISTINCT weekday FROM ' . Schema::table( 'working_hours' ) . ' ORDER BY weekday' ) );
		$this->assertSame( array( 1, 2, 3, 4, 5, 6, 7 ), $weekdays );
		$this->assertGreaterThan( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'working_hours' ) . ' WHERE employee_id = (SELECT MIN(id) FROM ' . Schema::table( 'employees' ) . ') GROUP BY weekday HAVING COUNT(*) > 1 LIMIT 1' ), 'The demo shows a lunch break: two ranges on one day.' );
	}
}
