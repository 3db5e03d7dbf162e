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
use AppointEase\Schedule\LocalDate;
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
	 * @param BookingRepository $bookings Where booked sessions come from.
	 */
	public function __construct( private readonly BookingRepository $bookings ) {
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
	 * @return array<string, Slot[]>
	 */
	public function days( Service $service, Employee $employee, string $from, string $to, \DateTimeImmutable $now, ?int $except = null ): array {
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
		return $engine->slots( $request, $this->bookings->sessions( $employee->id, $window_start, $window_end, $except ) );
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
	 */
	public function slot_at( Service $service, Employee $employee, \DateTimeImmutable $start, \DateTimeImmutable $now, ?int $except = null ): ?Slot {
		$date = $start->setTimezone( $this->timezone( $employee ) )->format( 'Y-m-d' );
		foreach ( $this->days( $service, $employee, $date, $date, $now, $except )[ $date ] ?? array() as $slot ) {
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
