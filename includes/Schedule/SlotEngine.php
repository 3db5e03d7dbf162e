<?php
/**
 * Computes the bookable start times of a service for one employee.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * The slot engine: working hours, days off, busy times and existing sessions in, slots
 * per local date out; pure PHP, no WordPress, so it is unit-tested on its own.
 *
 * Candidates are stepped in absolute time from each working range's real
 * start instant (see WallClock), never in wall-clock minutes: that is what
 * keeps DST days right. A spring-forward range is shorter and skips the
 * missing hour; a fall-back range is longer and offers the repeated local
 * times twice, with their two UTC offsets.
 */
final class SlotEngine {

	/**
	 * Builds the engine for one employee.
	 *
	 * @param WeeklyHours   $hours    Working hours by ISO weekday, in $timezone.
	 * @param \DateTimeZone $timezone The employee's own timezone, or the site's.
	 * @param DaysOff       $days_off Local dates without slots.
	 * @param BusyTimes     $busy     Instants the employee is busy elsewhere: no slot touches them.
	 */
	public function __construct(
		private readonly WeeklyHours $hours,
		private readonly \DateTimeZone $timezone,
		private readonly DaysOff $days_off,
		private readonly BusyTimes $busy = new BusyTimes()
	) {
	}

	/**
	 * The slots of each local date asked for, every date present (empty when
	 * there is nothing) so that a caller can render a whole month.
	 *
	 * @param SlotRequest $request  The service, dates and booking window.
	 * @param Session[]   $sessions The employee's existing sessions (any service) around those dates.
	 * @return array<string, Slot[]> Local date "Y-m-d" => slots, earliest first.
	 */
	public function slots( SlotRequest $request, array $sessions ): array {
		$occupancy = new Occupancy( $sessions );
		$days      = array();
		foreach ( $request->dates() as $date ) {
			$days[ $date ] = $this->days_off->contains( $date ) ? array() : $this->day( $date, $request, $occupancy );
		}
		return $days;
	}

	/**
	 * The slots of one working day.
	 *
	 * @param string      $date      Local date, "Y-m-d".
	 * @param SlotRequest $request   The request.
	 * @param Occupancy   $occupancy The existing sessions.
	 * @return Slot[]
	 */
	private function day( string $date, SlotRequest $request, Occupancy $occupancy ): array {
		$rules    = $request->rules;
		$duration = $rules->duration * 60;
		$step     = $request->step * 60;
		$earliest = $request->earliest_start();
		$latest   = $request->latest_start( $this->timezone );
		$slots    = array();
		foreach ( $this->hours->ranges( LocalDate::weekday( $date ) ) as $range ) {
			$range_end = WallClock::instant( $date, $range->end, $this->timezone );
			for ( $start = WallClock::instant( $date, $range->start, $this->timezone ); $start + $duration <= $range_end && $start <= $latest; $start += $step ) {
				$candidate = new Slot(
					WallClock::at( $start, $this->timezone ),
					WallClock::at( $start + $duration, $this->timezone ),
					$rules->buffer_before,
					$rules->buffer_after,
					$rules->capacity,
					Slot::AVAILABLE
				);
				// Like a day off: a time the employee is busy elsewhere is not offered at all.
				if ( $this->busy->overlaps( $candidate->occupied_start()->getTimestamp(), $candidate->occupied_end()->getTimestamp() ) ) {
					continue;
				}
				// Too soon is final: what is booked then no longer matters to a visitor.
				$slots[] = $start < $earliest
					? $candidate->with_state( 0, Slot::PAST )
					: $occupancy->apply( $candidate, $request->service_id, $rules->capacity );
			}
		}//end foreach
		return $slots;
	}
}
