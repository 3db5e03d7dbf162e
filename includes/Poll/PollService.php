<?php
/**
 * The answer of the 1-second poll for one calendar.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Poll;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\Calendars;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\HoldStore;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Schedule\LocalDate;

defined( 'ABSPATH' ) || exit;

/**
 * Everything a visitor's page needs to redraw one employee's day: the booked
 * sessions with their seats left, the live holds by public id, the calendar's
 * version and the server's clock. The same for every visitor, without
 * personal data, so any HTTP cache may keep it for a second.
 */
final class PollService {

	/**
	 * Builds it.
	 *
	 * @param EmployeeRepository    $employees Employees.
	 * @param ServiceRepository     $services  Services, for capacities.
	 * @param BookingRepository     $bookings  Booked sessions.
	 * @param Calendars             $calendars Calendar versions.
	 * @param callable(): HoldStore $holds     Gives the hold store.
	 * @param PollSnapshots|null    $snapshots Where the booked part is kept between changes; null reads the database each time.
	 */
	public function __construct(
		private readonly EmployeeRepository $employees,
		private readonly ServiceRepository $services,
		private readonly BookingRepository $bookings,
		private readonly Calendars $calendars,
		private $holds,
		private readonly ?PollSnapshots $snapshots = null
	) {
	}

	/**
	 * The service wired to the real repositories, the site's hold store and
	 * its Redis snapshots.
	 */
	public static function create_default(): self {
		return new self( new EmployeeRepository(), new ServiceRepository(), new BookingRepository(), new Calendars(), static fn(): HoldStore => HoldStoreFactory::shared()->store(), PollSnapshots::create_default() );
	}

	/**
	 * The answer, or null when the employee does not exist or is inactive.
	 *
	 * @param int                $employee_id Employee.
	 * @param string             $date        Local date, Y-m-d (already validated).
	 * @param \DateTimeImmutable $now         The current instant.
	 * @return array{version: int, employee: int, date: string, booked: array<int, array<string, mixed>>, held: array<int, array<string, mixed>>, server_time: string}|null
	 */
	public function answer( int $employee_id, string $date, \DateTimeImmutable $now ): ?array {
		$build    = fn(): ?array => $this->calendar( $employee_id, $date );
		$calendar = null === $this->snapshots ? $build() : $this->snapshots->get( $employee_id, $date, $build );
		if ( null === $calendar ) {
			return null;
		}
		$timezone          = new \DateTimeZone( $calendar['timezone'] );
		list( $from, $to ) = self::day( $date, $timezone );

		$held = array();
		foreach ( ( $this->holds )()->live( $employee_id, $from->getTimestamp(), $to->getTimestamp(), $now->getTimestamp() ) as $hold ) {
			$held[] = array(
				'start' => $hold->start->setTimezone( $timezone )->format( DATE_ATOM ),
				'end'   => $hold->end->setTimezone( $timezone )->format( DATE_ATOM ),
				'id'    => $hold->id,
				'seats' => $hold->seats,
			);
		}
		return array(
			'version'     => $calendar['version'],
			'employee'    => $employee_id,
			'date'        => $date,
			'booked'      => $calendar['booked'],
			'held'        => $held,
			'server_time' => $now->setTimezone( $timezone )->format( DATE_ATOM ),
		);
	}

	/**
	 * The part of the answer that lives in the database: the calendar's
	 * timezone and version and the booked sessions with their seats left.
	 *
	 * @param int    $employee_id Employee.
	 * @param string $date        Local date, Y-m-d.
	 * @return array{timezone: string, version: int, booked: array<int, array{start: string, end: string, seats_left: int}>}|null Null when the employee does not exist or is inactive.
	 */
	public function calendar( int $employee_id, string $date ): ?array {
		$timezone = $this->employees->active_timezone( $employee_id, wp_timezone() );
		if ( null === $timezone ) {
			return null;
		}
		list( $from, $to ) = self::day( $date, $timezone );

		$booked     = array();
		$capacities = array();
		foreach ( $this->bookings->sessions( $employee_id, $from, $to ) as $session ) {
			if ( ! isset( $capacities[ $session->service_id ] ) ) {
				$capacities[ $session->service_id ] = $this->services->find( $session->service_id )->capacity ?? $session->booked;
			}
			$booked[] = array(
				'start'      => $session->start->setTimezone( $timezone )->format( DATE_ATOM ),
				'end'        => $session->end->setTimezone( $timezone )->format( DATE_ATOM ),
				'seats_left' => max( 0, $capacities[ $session->service_id ] - $session->booked ),
			);
		}
		usort( $booked, static fn( array $a, array $b ): int => strcmp( $a['start'], $b['start'] ) );
		return array(
			'timezone' => $timezone->getName(),
			'version'  => $this->calendars->version( $employee_id, $date ),
			'booked'   => $booked,
		);
	}

	/**
	 * The first instant of a local day and of the day after.
	 *
	 * @param string        $date     Local date, Y-m-d.
	 * @param \DateTimeZone $timezone The calendar's timezone.
	 * @return array{0: \DateTimeImmutable, 1: \DateTimeImmutable}
	 */
	private static function day( string $date, \DateTimeZone $timezone ): array {
		$next = LocalDate::parse( $date )->modify( '+1 day' )->format( 'Y-m-d' );
		return array( new \DateTimeImmutable( $date . ' 00:00:00', $timezone ), new \DateTimeImmutable( $next . ' 00:00:00', $timezone ) );
	}

	/**
	 * The entity tag of an answer: a hash of everything but the clock, so it
	 * changes exactly when what a visitor sees changes (an expired hold
	 * included, which bumps no version).
	 *
	 * @param array<string, mixed> $answer What answer() gave.
	 */
	public static function etag( array $answer ): string {
		unset( $answer['server_time'] );
		return '"' . substr( hash( 'sha256', (string) wp_json_encode( $answer ) ), 0, 32 ) . '"';
	}
}
