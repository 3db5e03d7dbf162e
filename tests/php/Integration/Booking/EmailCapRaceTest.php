<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\BookingRace;
use AppointEase\Tests\Integration\Support\Fixtures;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Separate PHP processes book different free times for one address, written
 * in different ways, at the same instant, through the real booking service:
 * the cap on coming bookings per address lets exactly its number through.
 * Without the lock each racer counts the bookings committed before it
 * started, sees none, and all of them win.
 */
final class EmailCapRaceTest extends TestCase {

	use BookingRace;

	protected function set_up(): void {
		parent::set_up();
		$this->set_up_race();
	}

	protected function tear_down(): void {
		$this->tear_down_race();
		parent::tear_down();
	}

	public function test_racers_for_one_address_get_exactly_the_cap_of_bookings(): void {
		Settings::update( array( 'bookings_per_email' => 2 ) );
		$spellings = array( 'racer@example.com', 'Racer@Example.com', 'racer+1@example.com', 'racer+2@example.com', 'RACER@example.com', 'racer+3@example.com' );
		$racers    = array();
		foreach ( $spellings as $i => $email ) {
			// A free time each, so that only the cap can stop them.
			$racers[] = array( sprintf( '%s %02d:00', Fixtures::MONDAY, 9 + $i + ( $i >= 3 ? 1 : 0 ) ), $email );
		}

		$results = $this->race( $racers );

		$this->assertSame( 2, self::count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 4, self::count_of( 'refused TOO_MANY_BOOKINGS', $results ), implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( '2', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
	}
}
