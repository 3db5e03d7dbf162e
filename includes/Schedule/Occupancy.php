<?php
/**
 * Decides how much of a candidate slot the existing sessions leave.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * The sessions an employee already has, asked about one candidate at a time;
 * pure PHP, no WordPress.
 *
 * An employee gives one session at a time (DESIGN.md, invariant 1), so a
 * candidate that overlaps any other session, buffers on both sides included,
 * is taken. The one session a candidate may share is its own: the same
 * service at the same start, which a group service fills seat by seat.
 */
final class Occupancy {

	/**
	 * Sessions with at least one seat taken.
	 *
	 * @var Session[]
	 */
	private array $sessions;

	/**
	 * Builds the occupancy.
	 *
	 * @param Session[] $sessions The employee's sessions around the dates asked for.
	 */
	public function __construct( array $sessions ) {
		// A session whose seats were all released occupies nothing.
		$this->sessions = array_values( array_filter( $sessions, static fn( Session $session ): bool => $session->seats_taken() > 0 ) );
	}

	/**
	 * The candidate with the seats and state the sessions leave it.
	 *
	 * @param Slot $candidate  The candidate, available with every seat.
	 * @param int  $service_id The service of the candidate.
	 * @param int  $capacity   Seats per session of that service.
	 * @return Slot
	 */
	public function apply( Slot $candidate, int $service_id, int $capacity ): Slot {
		$from       = $candidate->occupied_start()->getTimestamp();
		$to         = $candidate->occupied_end()->getTimestamp();
		$blocked    = false;
		$blocked_by = Slot::HELD;
		$own_booked = 0;
		$own_held   = 0;
		foreach ( $this->sessions as $session ) {
			if ( $session->is( $service_id, $candidate->start ) ) {
				$own_booked += $session->booked;
				$own_held   += $session->held;
				continue;
			}
			if ( $session->occupied_start()->getTimestamp() < $to && $from < $session->occupied_end()->getTimestamp() ) {
				$blocked = true;
				// Bookings outrank holds: a hold may still be released, a booking will not.
				if ( $session->booked > 0 ) {
					$blocked_by = Slot::BOOKED;
				}
			}
		}
		if ( $blocked ) {
			return $candidate->with_state( 0, $blocked_by );
		}
		$seats_left = max( 0, $capacity - $own_booked - $own_held );
		if ( 0 === $seats_left ) {
			return $candidate->with_state( 0, $own_booked > 0 ? Slot::BOOKED : Slot::HELD );
		}
		return $candidate->with_state( $seats_left, Slot::AVAILABLE );
	}
}
