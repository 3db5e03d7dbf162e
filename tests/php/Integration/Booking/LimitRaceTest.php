<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\BookingService;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\Support\BookingRace;
use AppointEase\Tests\Integration\Support\Fixtures;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Twenty PHP processes book twenty different free times of one employee's
 * day, at the same instant, through the real booking service, for a service
 * that allows three bookings per employee and day: exactly three win, the
 * rest are refused with LIMIT_REACHED. Each racer dawdles between its checks
 * and its writes (race-book.php), so all of them pass the check that reads
 * the day's count; only the numbered claims in `limit_claims`, whose primary
 * key refuses the fourth, hold the limit. Bookings made before the limit
 * was switched on count the same way.
 */
final class LimitRaceTest extends TestCase {

	use BookingRace;

	private const RACERS = 20;

	private const LIMIT = 3;

	protected function set_up(): void {
		parent::set_up();
		// 15 minutes, so that the day has room for twenty separate times.
		$this->set_up_race(
			array(
				'duration'    => 15,
				'daily_limit' => self::LIMIT,
			)
		);
	}

	protected function tear_down(): void {
		$this->tear_down_race();
		parent::tear_down();
	}

	public function test_twenty_racers_for_one_day_get_exactly_the_daily_limit_of_bookings(): void {
		$results = $this->race( self::racers( self::RACERS ) );

		$this->assertSame( self::LIMIT, self::count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( self::RACERS - self::LIMIT, self::count_of( 'refused LIMIT_REACHED', $results ), implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'limit_claims' ) ) );
	}

	public function test_bookings_made_before_the_limit_count_when_racers_come(): void {
		$this->fixtures->services->update( $this->service->id, array( 'daily_limit' => 0 ) );
		$bookings = BookingService::create_default();
		foreach ( array( '16:00', '16:30' ) as $time ) {
			$bookings->book( Fixtures::request( $this->service, $this->employee, Fixtures::MONDAY . ' ' . $time, array( 'email' => "early$time@example.com" ) ), Fixtures::now() );
		}
		// The limit switched on counts the two bookings already there.
		$this->fixtures->services->update( $this->service->id, array( 'daily_limit' => self::LIMIT ) );

		$results = $this->race( self::racers( 10 ) );

		$this->assertSame( 1, self::count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 9, self::count_of( 'refused LIMIT_REACHED', $results ), implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
		$this->assertSame( (string) self::LIMIT, $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'limit_claims' ) ) );
	}

	/**
	 * Racers for different free times of MONDAY, each with their own address.
	 *
	 * @param int $count How many, at most 20.
	 * @return array<int, array{0: string, 1: string}>
	 */
	private static function racers( int $count ): array {
		$racers = array();
		for ( $i = 0; $i < $count; $i++ ) {
			// 09:00-11:45 and 13:00-14:45, a quarter hour apart: no two racers want the same time.
			$minutes  = $i < 12 ? 9 * 60 + 15 * $i : 13 * 60 + 15 * ( $i - 12 );
			$racers[] = array( sprintf( '%s %02d:%02d', Fixtures::MONDAY, intdiv( $minutes, 60 ), $minutes % 60 ), sprintf( 'racer%d@example.com', $i ) );
		}
		return $racers;
	}
}
