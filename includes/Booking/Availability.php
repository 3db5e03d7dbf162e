<?php
/**
 * Slots of one service with one employee, from the stored calendar.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Holds\Hold;
use AppointEase\Holds\HoldStore;
use AppointEase\Schedule\BusyTimes;
use AppointEase\Schedule\LocalDate;
use AppointEase\Schedule\Session;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Settings\Settings;
use AppointEase\Sync\ExternalCalendarRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Feeds the pure slot engine with an employee's hours, days off, busy times
 * from outside calendars and booked sessions and the site's settings. Both the availability route and the
 * booking service ask it, so a visitor is offered exactly what can be booked.
 */
final class Availability {

	/**
	 * Builds it.
	 *
	 * @param BookingRepository            $bookings Where booked sessions come from.
	 * @param (callable(): HoldStore)|null $holds    Gives the hold store when first needed (connecting to Redis costs a round trip); null leaves holds out.
	 * @param ExternalCalendarRepository   $outside  Busy times read from outside calendars.
	 */
	public function __construct( private readonly BookingRepository $bookings, private $holds = null, private readonly ExternalCalendarRepository $outside = new ExternalCalendarRepository() ) {
	}

	/**
	 * Slots by local date, from one date to another inclusive.
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param string             $from     First local date, Y-m-d.
	 * @param string             $to       Last local date, Y-m-d.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @param int|null           $except   A booking whose seats are treated as free (being rescheduled).
	 * @param string|null        $own_hold A hold whose seats are treated as free (its holder is asking), or '' to leave every hold out.
	 * @return array<string, Slot[]>
	 */
	public function days( Service $service, Employee $employee, string $from, string $to, \DateTimeImmutable $now, ?int $except = null, ?string $own_hold = null ): array {
		$timezone = $this->timezone( $employee );
		// A day either side catches sessions whose buffers reach over midnight.
		$window_start = LocalDate::parse( $from )->setTimezone( $timezone )->modify( '-1 day' );
		$window_end   = LocalDate::parse( $to )->setTimezone( $timezone )->modify( '+2 days' );
		$busy         = new BusyTimes( $this->outside->busy_between( $employee->id, $window_start, $window_end ) );
		$engine       = new SlotEngine( $employee->hours, $timezone, $employee->days_off_ranges(), $busy );
		$request      = new SlotRequest(
			$service->id,
			$service->rules(),
			$from,
			$to,
			Settings::int( 'slot_step' ),
			$now,
			Settings::int( 'minimum_notice' ),
			Settings::int( 'horizon_days' )
		);
		$sessions     = $this->bookings->sessions( $employee->id, $window_start, $window_end, $except );
		if ( null !== $this->holds && '' !== $own_hold ) {
			foreach ( ( $this->holds )()->live( $employee->id, $window_start->getTimestamp(), $window_end->getTimestamp(), $now->getTimestamp() ) as $hold ) {
				if ( $hold->id !== $own_hold ) {
					$sessions[] = self::held_session( $hold );
				}
			}
		}
		return $engine->slots( $request, $sessions );
	}

	/**
	 * A live hold as the slot engine sees it: a session whose seats are held.
	 *
	 * @param Hold $hold The hold.
	 */
	private static function held_session( Hold $hold ): Session {
		return new Session(
			$hold->service_id,
			$hold->start,
			$hold->end,
			intdiv( $hold->start->getTimestamp() - $hold->occupied_start->getTimestamp(), 60 ),
			intdiv( $hold->occupied_end->getTimestamp() - $hold->end->getTimestamp(), 60 ),
			0,
			$hold->seats
		);
	}

	/**
	 * The slot that starts at this instant, or null when none does (outside
	 * working hours, off the step grid, a day off, beyond the horizon).
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param \DateTimeImmutable $start    The asked-for start.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @param int|null           $except   A booking whose seats are treated as free.
	 * @param string|null        $own_hold A hold whose seats are treated as free, or '' to leave every hold out.
	 */
	public function slot_at( Service $service, Employee $employee, \DateTimeImmutable $start, \DateTimeImmutable $now, ?int $except = null, ?string $own_hold = null ): ?Slot {
		$date = $start->setTimezone( $this->timezone( $employee ) )->format( 'Y-m-d' );
		foreach ( $this->days( $service, $employee, $date, $date, $now, $except, $own_hold )[ $date ] ?? array() as $slot ) {
			if ( $slot->start->getTimestamp() === $start->getTimestamp() ) {
				return $slot;
			}
		}
		return null;
	}

	/**
	 * Whether the employee is busy elsewhere (an outside calendar) at any
	 * moment of [from, to).
	 *
	 * @param Employee           $employee Who.
	 * @param \DateTimeImmutable $from     Start.
	 * @param \DateTimeImmutable $to       End, exclusive.
	 */
	public function busy( Employee $employee, \DateTimeImmutable $from, \DateTimeImmutable $to ): bool {
		return ( new BusyTimes( $this->outside->busy_between( $employee->id, $from, $to ) ) )->overlaps( $from->getTimestamp(), $to->getTimestamp() );
	}

	/**
	 * The timezone of an employee's calendar.
	 *
	 * @param Employee $employee Whose calendar.
	 */
	public function timezone( Employee $employee ): \DateTimeZone {
		return $employee->timezone( wp_timezone() );
	}
}
