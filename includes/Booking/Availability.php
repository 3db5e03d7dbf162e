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
use AppointEase\Schedule\Occupancy;
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
	 * @param LimitLedger                  $limits   Bookings per day, for the services' daily limits.
	 * @param ExternalCalendarRepository   $outside  Busy times read from outside calendars.
	 */
	public function __construct( private readonly BookingRepository $bookings, private $holds = null, private readonly LimitLedger $limits = new LimitLedger(), private readonly ExternalCalendarRepository $outside = new ExternalCalendarRepository() ) {
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
		return $this->close_full_days( $engine->slots( $request, $this->sessions( $employee, $window_start, $window_end, $now, $except, $own_hold ) ), $service, $employee, $from, $to, $except );
	}

	/**
	 * The employee's booked and held sessions between two instants.
	 *
	 * @param Employee           $employee Whose sessions.
	 * @param \DateTimeImmutable $from     Window start.
	 * @param \DateTimeImmutable $to       Window end.
	 * @param \DateTimeImmutable $now      The current instant (holds that ran out do not count).
	 * @param int|null           $except   A booking left out.
	 * @param string|null        $own_hold A hold left out, or '' to leave every hold out.
	 * @return Session[]
	 */
	private function sessions( Employee $employee, \DateTimeImmutable $from, \DateTimeImmutable $to, \DateTimeImmutable $now, ?int $except, ?string $own_hold ): array {
		$sessions = $this->bookings->sessions( $employee->id, $from, $to, $except );
		if ( null !== $this->holds && '' !== $own_hold ) {
			foreach ( ( $this->holds )()->live( $employee->id, $from->getTimestamp(), $to->getTimestamp(), $now->getTimestamp() ) as $hold ) {
				if ( $hold->id !== $own_hold ) {
					$sessions[] = self::held_session( $hold );
				}
			}
		}
		return $sessions;
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
	 * The session at any start an admin picks, outside working hours, notice
	 * and horizon included: only the bookings and live holds around it decide
	 * its seats and state. The start must lie on the 5-minute grid the
	 * database's occupancy cells use (see ServiceRules::CELL_MINUTES).
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param \DateTimeImmutable $start    The asked-for start.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @param int|null           $except   A booking whose seats are treated as free.
	 * @param string|null        $own_hold A hold whose seats are treated as free.
	 */
	public function slot_at_any_time( Service $service, Employee $employee, \DateTimeImmutable $start, \DateTimeImmutable $now, ?int $except = null, ?string $own_hold = null ): Slot {
		$rules     = $service->rules();
		$local     = $start->setTimezone( $this->timezone( $employee ) );
		$candidate = new Slot( $local, $local->modify( '+' . $rules->duration . ' minutes' ), $rules->buffer_before, $rules->buffer_after, $rules->capacity, Slot::AVAILABLE );
		$sessions  = $this->sessions( $employee, $local->modify( '-1 day' ), $local->modify( '+2 days' ), $now, $except, $own_hold );
		return ( new Occupancy( $sessions ) )->apply( $candidate, $service->id, $rules->capacity );
	}

	/**
	 * Which of the visitors' rules a start breaks: `minimum_notice` (too
	 * soon), `horizon` (too far ahead), `working_hours` (outside the
	 * employee's hours, on a day off, or not one of the start times visitors
	 * are offered). Empty when a visitor could pick it (taken or not).
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param \DateTimeImmutable $start    The asked-for start.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @return string[]
	 */
	public function rules_broken( Service $service, Employee $employee, \DateTimeImmutable $start, \DateTimeImmutable $now ): array {
		$timezone = $this->timezone( $employee );
		$date     = $start->setTimezone( $timezone )->format( 'Y-m-d' );
		$notice   = Settings::int( 'minimum_notice' );
		$horizon  = Settings::int( 'horizon_days' );
		$visitor  = new SlotRequest( $service->id, $service->rules(), $date, $date, Settings::int( 'slot_step' ), $now, $notice, $horizon );
		$broken   = array();
		if ( $start->getTimestamp() < $visitor->earliest_start() ) {
			$broken[] = 'minimum_notice';
		}
		if ( $start->getTimestamp() > $visitor->latest_start( $timezone ) ) {
			$broken[] = 'horizon';
		}
		// The working day alone: no notice, a horizon far enough to reach the date, no sessions.
		$days_ahead = max( 1, LocalDate::days_between( $now->setTimezone( $timezone )->format( 'Y-m-d' ), $date ) + 2 );
		$any_day    = new SlotRequest( $service->id, $service->rules(), $date, $date, Settings::int( 'slot_step' ), $now, 0, $days_ahead );
		$engine     = new SlotEngine( $employee->hours, $timezone, $employee->days_off_ranges() );
		$offered    = array_filter( $engine->slots( $any_day, array() )[ $date ] ?? array(), static fn( Slot $slot ): bool => $slot->start->getTimestamp() === $start->getTimestamp() );
		if ( array() === $offered ) {
			$broken[] = 'working_hours';
		}
		return $broken;
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
