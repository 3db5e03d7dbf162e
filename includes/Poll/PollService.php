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
	 * @param callable(): HoldStore $holds  Gives the hold store.
	 */
	public function __construct(
		private readonly EmployeeRepository $employees,
		private readonly ServiceRepository $services,
		private readonly BookingRepository $bookings,
		private readonly Calendars $calendars,
		private $holds
	) {
	}

	/**
	 * The service wired to the real repositories and the site's hold store.
	 */
	public static function create_default(): self {
		return new self( new EmployeeRepository(), new ServiceRepository(), new BookingRepository(), new Calendars(), static fn(): HoldStore => \AppointEase\Holds\HoldStoreFactory::shared()->store() );
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
		$timezone = $this->employees->active_timezone( $employee_id, wp_timezone() );
		if ( null === $timezone ) {
			return null;
		}
		$from = new \DateTimeImmutable( $date . ' 00:00:00', $timezone );
		$to   = LocalDate::parse( $date )->modify( '+1 day' )->format( 'Y-m-d' );
		$to   = new \DateTimeImmutable( $to . ' 00:00:00', $timezone );

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
		$held = array();
		foreach ( ( $this->holds )()->live( $employee_id, $from->getTimestamp(), $to->getTimestamp(), $now->getTimestamp() ) as $hold ) {
			$held[] = array(
				'start' => $hold->start->setTimezone( $timezone )->format( DATE_ATOM ),
				'end'   => $hold->end->setTimezone( $timezone )->format( DATE_ATOM ),
				'id'    => $hold->id,
				'seats' => $hold->seats,
			);
		}
		usort( $booked, static fn( array $a, array $b ): int => strcmp( $a['start'], $b['start'] ) );
		return array(
			'version'     => $this->calendars->version( $employee_id, $date ),
			'employee'    => $employee_id,
			'date'        => $date,
			'booked'      => $booked,
			'held'        => $held,
			'server_time' => $now->setTimezone( $timezone )->format( DATE_ATOM ),
		);
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
