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
use AppointEase\Schedule\LocalDate;
use AppointEase\Schedule\Session;
use AppointEase\Schedule\Slot;
use AppointEase\Schedule\SlotEngine;
use AppointEase\Schedule\SlotRequest;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Feeds the pure slot engine with an employee's hours, days off and booked
 * sessions and the site's settings. Both the availability route and the
 * booking service ask it, so a visitor is offered exactly what can be booked.
 */
final class Availability {

	/**
	 * Builds it.
	 *
	 * @param BookingRepository            $bookings Where booked sessions come from.
	 * @param (callable(): HoldStore)|null $holds    Gives the hold store when first needed (connecting to Redis costs a round trip); null leaves holds out.
	 * @param LimitLedger                  $limits   Bookings per day, for the services' daily limits.
	 */
	public function __construct( private readonly BookingRepository $bookings, private $holds = null, private readonly LimitLedger $limits = new LimitLedger() ) {
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
		$engine   = new SlotEngine( $employee->hours, $timezone, $employee->days_off_ranges() );
		$request  = new SlotRequest(
			$service->id,
			$service->rules(),
			$from,
			$to,
			Settings::int( 'slot_step' ),
			$now,
			Settings::int( 'minimum_notice' ),
			Settings::int( 'horizon_days' )
		);
		// A day either side catches sessions whose buffers reach over midnight.
		$window_start = LocalDate::parse( $from )->setTimezone( $timezone )->modify( '-1 day' );
		$window_end   = LocalDate::parse( $to )->setTimezone( $timezone )->modify( '+2 days' );
		$sessions     = $this->bookings->sessions( $employee->id, $window_start, $window_end, $except );
		if ( null !== $this->holds && '' !== $own_hold ) {
			foreach ( ( $this->holds )()->live( $employee->id, $window_start->getTimestamp(), $window_end->getTimestamp(), $now->getTimestamp() ) as $hold ) {
				if ( $hold->id !== $own_hold ) {
					$sessions[] = self::held_session( $hold );
				}
			}
		}
		return $this->close_full_days( $engine->slots( $request, $sessions ), $service, $employee, $from, $to, $except );
	}

	/**
	 * Empties the days on which the employee has as many bookings of the
	 * service as its daily limit allows: nothing is left to offer there.
	 * (Services without a limit cost no query.)
	 *
	 * @param array<string, Slot[]> $days     Slots by local date.
	 * @param Service               $service  The service.
	 * @param Employee              $employee The employee.
	 * @param string                $from     First local date.
	 * @param string                $to       Last local date.
	 * @param int|null              $except   A booking not to count (being moved).
	 * @return array<string, Slot[]>
	 */
	private function close_full_days( array $days, Service $service, Employee $employee, string $from, string $to, ?int $except ): array {
		if ( $service->policy->daily_limit < 1 ) {
			return $days;
		}
		foreach ( $this->limits->employee_days( $service->id, $employee->id, $from, $to, $except ) as $date => $taken ) {
			if ( $taken >= $service->policy->daily_limit && isset( $days[ $date ] ) ) {
				$days[ $date ] = array();
			}
		}
		return $days;
	}

	/**
	 * Whether the employee's day of this instant is closed by the service's daily limit.
	 *
	 * @param Service            $service  The service.
	 * @param Employee           $employee The employee.
	 * @param \DateTimeImmutable $start    An instant of the day.
	 * @param int|null           $except   A booking not to count (being moved).
	 */
	public function day_full( Service $service, Employee $employee, \DateTimeImmutable $start, ?int $except = null ): bool {
		if ( $service->policy->daily_limit < 1 ) {
			return false;
		}
		$date = $start->setTimezone( $this->timezone( $employee ) )->format( 'Y-m-d' );
		return ( $this->limits->employee_days( $service->id, $employee->id, $date, $date, $except )[ $date ] ?? 0 ) >= $service->policy->daily_limit;
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
	 * The timezone of an employee's calendar.
	 *
	 * @param Employee $employee Whose calendar.
	 */
	public function timezone( Employee $employee ): \DateTimeZone {
		return $employee->timezone( wp_timezone() );
	}
}
