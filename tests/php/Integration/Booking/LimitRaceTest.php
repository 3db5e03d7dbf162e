<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\Support\Racer;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Twenty PHP processes book twenty different free times of one employee's
 * day, at the same instant, through the real booking service, for a service
 * that allows three bookings per employee and day: exactly three win, the
 * rest are refused with LIMIT_REACHED. Each racer dawdles between its checks
 * and its writes (race-book.php), so all of them pass the check that reads
 * the day's count; only the numbered claims in `limit_claims`, whose primary
 * key refuses the fourth, hold the limit. The racers commit, so this class
 * runs outside the per-test transaction and cleans up itself.
 */
final class LimitRaceTest extends TestCase {

	private const RACERS = 20;

	private const LIMIT = 3;

	private Fixtures $fixtures;

	private Service $service;

	private Employee $employee;

	/**
	 * The settings and timezone before the test, to put back.
	 *
	 * @var array<string, mixed>
	 */
	private array $options = array();

	protected function set_up(): void {
		parent::set_up();
		foreach ( array( Settings::OPTION, 'timezone_string', 'gmt_offset' ) as $option ) {
			$this->options[ $option ] = get_option( $option );
		}
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		// 15 minutes, so that the day has room for twenty separate times.
		$this->service  = $this->fixtures->service(
			array(
				'duration'    => 15,
				'daily_limit' => self::LIMIT,
			)
		);
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		self::empty_booking_tables();
	}

	protected function tear_down(): void {
		self::empty_booking_tables();
		$this->fixtures->employees->delete( $this->employee->id );
		$this->fixtures->services->delete( $this->service->id );
		foreach ( $this->options as $option => $value ) {
			false === $value ? delete_option( $option ) : update_option( $option, $value );
		}
		parent::tear_down();
	}

	public function test_twenty_racers_for_one_day_get_exactly_the_daily_limit_of_bookings(): void {
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		$start_at = Racer::soon();
		$procs    = array();
		for ( $i = 0; $i < self::RACERS; $i++ ) {
			// 09:00-11:45 and 13:00-14:45, a quarter hour apart: no two racers want the same time.
			$minutes = $i < 12 ? 9 * 60 + 15 * $i : 13 * 60 + 15 * ( $i - 12 );
			$local   = sprintf( '%s %02d:%02d', Fixtures::MONDAY, intdiv( $minutes, 60 ), $minutes % 60 );
			$procs[] = Racer::start(
				'race-book.php',
				$start_at,
				array(
					(string) $this->service->id,
					(string) $this->employee->id,
					Fixtures::at( $local )->format( DATE_ATOM ),
					sprintf( 'racer%d@example.com', $i ),
					Fixtures::now()->format( DATE_ATOM ),
				)
			);
		}
		$results = array();
		foreach ( $procs as $proc ) {
			$out = $proc->output();
			$this->assertMatchesRegularExpression( '/^(won \d+|refused [A-Z_]+)$/', $out, 'A racer failed instead of booking or being refused.' );
			$results[] = $out;
		}

		$won     = count( array_filter( $results, static fn( string $result ): bool => str_starts_with( $result, 'won' ) ) );
		$limited = count( array_filter( $results, static fn( string $result ): bool => 'refused LIMIT_REACHED' === $result ) );
		$this->assertSame( self::LIMIT, $won, implode( ', ', $results ) );
		$this->assertSame( self::RACERS - self::LIMIT, $limited, implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'limit_claims' ) ) );
	}

	/**
	 * Empties what the racers committed, their bookings' emails included:
	 * left in the outbox, they would be sent during a later test's requests.
	 */
	private static function empty_booking_tables(): void {
		global $wpdb;
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions', 'calendars', 'limit_claims', 'outbox' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- test clean-up; the name is from a fixed list.
		}
	}
}
