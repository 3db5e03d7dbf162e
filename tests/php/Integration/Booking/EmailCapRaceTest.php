<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Tests\Integration\Support\Racer;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use Yoast\PHPUnitPolyfills\TestCases\TestCase;

/**
 * Separate PHP processes book different free times for one address, written
 * in different ways, at the same instant, through the real booking service:
 * the cap on coming bookings per address lets exactly its number through.
 * Without the lock each racer counts the bookings committed before it
 * started, sees none, and all of them win. The racers commit, so this class
 * runs outside the per-test transaction and cleans up itself.
 */
final class EmailCapRaceTest extends TestCase {

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
		$this->service  = $this->fixtures->service();
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		$this->empty_booking_tables();
	}

	protected function tear_down(): void {
		$this->empty_booking_tables();
		$this->fixtures->employees->delete( $this->employee->id );
		$this->fixtures->services->delete( $this->service->id );
		foreach ( $this->options as $option => $value ) {
			false === $value ? delete_option( $option ) : update_option( $option, $value );
		}
		parent::tear_down();
	}

	public function test_racers_for_one_address_get_exactly_the_cap_of_bookings(): void {
		Settings::update(
			array(
				'min_fill_seconds'   => 0,
				'bookings_per_email' => 2,
			)
		);
		$spellings = array( 'racer@example.com', 'Racer@Example.com', 'racer+1@example.com', 'racer+2@example.com', 'RACER@example.com', 'racer+3@example.com' );
		$racers    = array();
		foreach ( $spellings as $i => $email ) {
			// A free time each, so that only the cap can stop them.
			$racers[] = array( sprintf( '%s %02d:00', Fixtures::MONDAY, 9 + $i + ( $i >= 3 ? 1 : 0 ) ), $email );
		}

		$results = $this->race( $racers );

		$this->assertSame( 2, $this->count_of( 'won', $results ), implode( ', ', $results ) );
		$this->assertSame( 4, $this->count_of( 'refused TOO_MANY_BOOKINGS', $results ), implode( ', ', $results ) );
		global $wpdb;
		$this->assertSame( '2', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'bookings' ) ) );
	}

	/**
	 * Starts one process per racer, all released at the same instant; returns their outputs.
	 *
	 * @param array<int, array{0: string, 1: string}> $racers Local start ("Y-m-d H:i" in Berlin) and email.
	 * @return string[]
	 */
	private function race( array $racers ): array {
		$start_at = Racer::soon();
		$procs    = array();
		foreach ( $racers as list( $local, $email ) ) {
			$procs[] = Racer::start(
				'race-book.php',
				$start_at,
				array(
					(string) $this->service->id,
					(string) $this->employee->id,
					Fixtures::at( $local )->format( DATE_ATOM ),
					$email,
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
		return $results;
	}

	/**
	 * @param string[] $results
	 */
	private function count_of( string $prefix, array $results ): int {
		return count( array_filter( $results, static fn( string $result ): bool => str_starts_with( $result, $prefix ) ) );
	}

	private function empty_booking_tables(): void {
		global $wpdb;
		foreach ( array( 'bookings', 'seats', 'occupancy', 'sessions', 'calendars' ) as $name ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $name ) );
		}
	}
}
