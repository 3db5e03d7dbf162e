<?php
/**
 * Claims and frees a booking's place under its service's per-day and per-week limits.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Infrastructure\DatabaseFailure;
use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * The one writer of the `limit_claims` table. A booking of a service with
 * limits takes one numbered claim per limit: (service, scope, subject,
 * period, number) with the number 1..limit, tried in ascending order with a
 * plain INSERT, exactly like SeatLedger takes seats. The primary key makes
 * the database refuse the claim past the limit, so two bookings racing past
 * every check cannot both get the last place of a day.
 *
 * Scopes: `employee_day` (subject: the employee id; period: the local date
 * of the calendar), `email_day` and `email_week` (subject: a hash of the
 * customer's address in CustomerEmail's comparable form; period: the local
 * date, or the first day of its week by the site's "Week Starts On").
 *
 * Callers run claim() and release() inside the transaction of the booking
 * row, so a refused claim leaves nothing behind.
 *
 * Bookings made while a service had no limit (or before schema 10) took no
 * claims. claim_existing() gives them theirs when a limit is switched on and
 * on the upgrade, so they count against the limit like any later booking.
 */
final class LimitLedger {

	public const EMPLOYEE_DAY = 'employee_day';
	public const EMAIL_DAY    = 'email_day';
	public const EMAIL_WEEK   = 'email_week';

	/**
	 * Bookings older than this many days cannot share a period with a new
	 * booking (the longest period is a week), so claim_existing() skips them.
	 */
	private const LOOK_BACK_DAYS = 8;

	/**
	 * How high claim_existing() numbers claims: above the limit when a day
	 * already had more bookings than the limit allows, so each still counts.
	 */
	private const NO_LIMIT = 10000;

	/**
	 * Takes the booking's place under each limit its service sets.
	 *
	 * @param int     $booking_id  The booking.
	 * @param Service $service     Its service.
	 * @param int     $employee_id Its employee.
	 * @param string  $local_date  The local date of its start in its calendar's timezone, Y-m-d.
	 * @param string  $email       The customer's address.
	 * @throws Refusal LIMIT_REACHED when a limit has no place left; database failures come from DatabaseFailure.
	 */
	public function claim( int $booking_id, Service $service, int $employee_id, string $local_date, string $email ): void {
		$policy = $service->policy;
		if ( $policy->daily_limit > 0 && ! $this->take( $booking_id, $service->id, self::EMPLOYEE_DAY, (string) $employee_id, $local_date, $policy->daily_limit ) ) {
			throw new Refusal( 'LIMIT_REACHED', self::day_full_message() );
		}
		$subject = hash( 'sha256', 'limit|' . CustomerEmail::key( $email ) );
		if ( $policy->email_daily_limit > 0 && ! $this->take( $booking_id, $service->id, self::EMAIL_DAY, $subject, $local_date, $policy->email_daily_limit ) ) {
			/* translators: %d: bookings allowed per day. */
			throw new Refusal( 'LIMIT_REACHED', sprintf( _n( 'One email address can book this service %d time per day, and yours already has. Please pick another day.', 'One email address can book this service %d times per day, and yours already has. Please pick another day.', $policy->email_daily_limit, 'appointease' ), $policy->email_daily_limit ) );
		}
		if ( $policy->email_weekly_limit > 0 && ! $this->take( $booking_id, $service->id, self::EMAIL_WEEK, $subject, self::week_start( $local_date ), $policy->email_weekly_limit ) ) {
			/* translators: %d: bookings allowed per week. */
			throw new Refusal( 'LIMIT_REACHED', sprintf( _n( 'One email address can book this service %d time per week, and yours already has. Please pick another week.', 'One email address can book this service %d times per week, and yours already has. Please pick another week.', $policy->email_weekly_limit, 'appointease' ), $policy->email_weekly_limit ) );
		}
	}

	/**
	 * Gives every booking of a service that still holds its time, or took
	 * place in the last days, the claims its service's limits ask for and it
	 * does not have yet. Safe to run again: a booking with a claim in a scope
	 * is left alone there. Each claim takes the lowest free number with the
	 * same plain INSERT as claim(), so it races bookings being made safely;
	 * where a day already had more bookings than the limit, they all count
	 * and the day stays closed.
	 *
	 * @param Service            $service The service, with its limits as they are now.
	 * @param \DateTimeImmutable $now     The current instant.
	 */
	public function claim_existing( Service $service, \DateTimeImmutable $now ): void {
		global $wpdb;
		$scopes = array_keys(
			array_filter(
				array(
					self::EMPLOYEE_DAY => $service->policy->daily_limit,
					self::EMAIL_DAY    => $service->policy->email_daily_limit,
					self::EMAIL_WEEK   => $service->policy->email_weekly_limit,
				)
			)
		);
		if ( array() === $scopes ) {
			return;
		}
		$bookings  = Schema::table( 'bookings' );
		$employees = Schema::table( 'employees' );
		$claims    = Schema::table( 'limit_claims' );
		$ended     = array( Booking::CANCELLED, Booking::REJECTED, Booking::EXPIRED );
		$since     = gmdate( 'Y-m-d H:i:s', $now->getTimestamp() - self::LOOK_BACK_DAYS * DAY_IN_SECONDS );
		$rows      = $wpdb->get_results( $wpdb->prepare( "SELECT b.id, b.employee_id, b.start_utc, b.customer_email, e.timezone, (SELECT GROUP_CONCAT(c.scope) FROM `$claims` c WHERE c.booking_id = b.id) AS claimed FROM `$bookings` b LEFT JOIN `$employees` e ON e.id = b.employee_id WHERE b.service_id = %d AND b.start_utc >= %s AND b.status NOT IN (%s, %s, %s) ORDER BY b.id", $service->id, $since, $ended[0], $ended[1], $ended[2] ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table names from Schema.
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$start   = new \DateTimeImmutable( $row['start_utc'], new \DateTimeZone( 'UTC' ) );
			$date    = $start->setTimezone( Employee::zone( (string) $row['timezone'], wp_timezone() ) )->format( 'Y-m-d' );
			$subject = hash( 'sha256', 'limit|' . CustomerEmail::key( (string) $row['customer_email'] ) );
			$places  = array(
				self::EMPLOYEE_DAY => array( (string) $row['employee_id'], $date ),
				self::EMAIL_DAY    => array( $subject, $date ),
				self::EMAIL_WEEK   => array( $subject, self::week_start( $date ) ),
			);
			$claimed = explode( ',', (string) $row['claimed'] );
			foreach ( $scopes as $scope ) {
				if ( ! in_array( $scope, $claimed, true ) ) {
					$this->take( (int) $row['id'], $service->id, $scope, $places[ $scope ][0], $places[ $scope ][1], self::NO_LIMIT );
				}
			}
		}
	}

	/**
	 * What a booker hears of a day whose per-employee limit is reached.
	 */
	public static function day_full_message(): string {
		return __( 'This day is fully booked for this service. Please pick another day.', 'appointease' );
	}

	/**
	 * Frees every claim of a booking (it was cancelled, rejected, expired or is moving).
	 *
	 * @param int $booking_id The booking.
	 */
	public function release( int $booking_id ): void {
		global $wpdb;
		$table = Schema::table( 'limit_claims' );
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE booking_id = %d", $booking_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
	}

	/**
	 * How many bookings of a service an employee has on each local date of a
	 * range, by their claims: one index range read (the primary key's prefix).
	 *
	 * @param int      $service_id  Service.
	 * @param int      $employee_id Employee.
	 * @param string   $from        First local date, Y-m-d.
	 * @param string   $to          Last local date, Y-m-d.
	 * @param int|null $except      A booking not to count (being moved).
	 * @return array<string, int> Local date => bookings; dates without any are left out.
	 */
	public function employee_days( int $service_id, int $employee_id, string $from, string $to, ?int $except ): array {
		global $wpdb;
		$table = Schema::table( 'limit_claims' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT period, COUNT(*) AS taken FROM `$table` WHERE service_id = %d AND scope = %s AND subject = %s AND period BETWEEN %s AND %s AND booking_id <> %d GROUP BY period", $service_id, self::EMPLOYEE_DAY, (string) $employee_id, $from, $to, $except ?? 0 ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name from Schema.
		$days  = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$days[ (string) $row['period'] ] = (int) $row['taken'];
		}
		return $days;
	}

	/**
	 * The first day of the week a local date falls in, by the site's "Week Starts On".
	 *
	 * @param string $local_date Y-m-d.
	 */
	public static function week_start( string $local_date ): string {
		$date    = new \DateTimeImmutable( $local_date . ' 00:00:00', new \DateTimeZone( 'UTC' ) );
		$first   = ( (int) get_option( 'start_of_week', 1 ) ) % 7;
		$weekday = (int) $date->format( 'w' );
		return $date->modify( sprintf( '-%d days', ( $weekday - $first + 7 ) % 7 ) )->format( 'Y-m-d' );
	}

	/**
	 * Takes the lowest free claim number 1..$limit.
	 *
	 * Each number is tried with a plain INSERT; one another booking holds (or
	 * is inserting right now) fails on the primary key and the next one is
	 * tried. No FOR UPDATE read, whose gap locks would deadlock racers.
	 *
	 * @param int    $booking_id Booking.
	 * @param int    $service_id Service.
	 * @param string $scope      One of the scope constants.
	 * @param string $subject    Employee id or address hash.
	 * @param string $period     Local date or week start, Y-m-d.
	 * @param int    $limit      The limit, at least 1.
	 * @return bool Whether a number was free.
	 */
	private function take( int $booking_id, int $service_id, string $scope, string $subject, string $period, int $limit ): bool {
		global $wpdb;
		$table = Schema::table( 'limit_claims' );
		for ( $number = 1; $number <= $limit; $number++ ) {
			$sql        = $wpdb->prepare( "INSERT INTO `$table` (service_id, scope, subject, period, claim_no, booking_id) VALUES (%d, %s, %s, %s, %d, %d)", $service_id, $scope, $subject, $period, $number, $booking_id ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$suppressed = $wpdb->suppress_errors( true );
			$done       = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery -- prepared above.
			$wpdb->suppress_errors( $suppressed );
			if ( false !== $done ) {
				return true;
			}
			if ( ! str_contains( $wpdb->last_error, 'Duplicate entry' ) ) {
				DatabaseFailure::raise( 'Claiming a place under a booking limit', $wpdb->last_error );
			}
		}
		return false;
	}
}
