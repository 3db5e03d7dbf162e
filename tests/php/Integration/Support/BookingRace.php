<?php
/**
 * The set-up shared by the tests that race booking processes.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;

/**
 * One service and one employee on the site's test timezone, and racers that
 * book them through race-book.php at the same instant. The racers commit, so
 * a test class using this runs outside the per-test transaction: it empties
 * the booking tables before and after, and puts the settings back.
 */
trait BookingRace {

	private Fixtures $fixtures;

	private Service $service;

	private Employee $employee;

	/**
	 * The settings and timezone before the test, to put back.
	 *
	 * @var array<string, mixed>
	 */
	private array $options = array();

	/**
	 * Saves the settings, makes the service and its employee, empties the tables.
	 *
	 * @param array<string, mixed> $service Fields of the service to race for.
	 */
	private function set_up_race( array $service = array() ): void {
		foreach ( array( Settings::OPTION, 'timezone_string', 'gmt_offset' ) as $option ) {
			$this->options[ $option ] = get_option( $option );
		}
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->service  = $this->fixtures->service( $service );
		$this->employee = $this->fixtures->employee( array( $this->service->id ) );
		self::empty_booking_tables();
		Settings::update( array( 'min_fill_seconds' => 0 ) );
	}

	/**
	 * Empties the tables, removes the service and employee, puts the settings back.
	 */
	private function tear_down_race(): void {
		self::empty_booking_tables();
		$this->fixtures->employees->delete( $this->employee->id );
		$this->fixtures->services->delete( $this->service->id );
		foreach ( $this->options as $option => $value ) {
			false === $value ? delete_option( $option ) : update_option( $option, $value );
		}
	}

	/**
	 * Starts one booking process per racer, all released at the same instant;
	 * returns their outputs, each "won <id>" or "refused <REASON>".
	 *
	 * @param array<int, array{0: string, 1: string}> $racers Local start ("Y-m-d H:i" on the test timezone) and email.
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
	 * How many results start with a prefix.
	 *
	 * @param string   $prefix  Such as "won" or "refused LIMIT_REACHED".
	 * @param string[] $results What race() returned.
	 */
	private static function count_of( string $prefix, array $results ): int {
		return count( array_filter( $results, static fn( string $result ): bool => str_starts_with( $result, $prefix ) ) );
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
