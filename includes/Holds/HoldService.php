<?php
/**
 * Takes, renews, moves and releases visitors' holds.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

use AppointEase\Booking\Availability;
use AppointEase\Booking\Bookable;
use AppointEase\Booking\Calendars;
use AppointEase\Booking\LimitLedger;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Schedule\Slot;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The rules around the hold store: a hold may only be taken on a slot that
 * bookings leave free (the store then checks other holds atomically), lasts
 * the hold TTL per heartbeat up to the hold's maximum life, and every change
 * bumps the calendar's version and fires `appointease_slot_changed`.
 */
final class HoldService {

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository  $services     Services.
	 * @param EmployeeRepository $employees    Employees.
	 * @param Availability       $availability Slots, from bookings only (holds are the store's to check).
	 * @param HoldStore          $store        Where holds live.
	 * @param Calendars          $calendars    Calendar versions.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly Availability $availability,
		private readonly HoldStore $store,
		private readonly Calendars $calendars
	) {
	}

	/**
	 * Takes a hold.
	 *
	 * @param int                $service_id  Service.
	 * @param int                $employee_id Employee.
	 * @param \DateTimeImmutable $start       The slot's start.
	 * @param int                $seats       Seats to hold.
	 * @param \DateTimeImmutable $now         The current instant.
	 * @return array{0: Hold, 1: string} The hold and its secret token.
	 * @throws Refusal When the slot cannot be held.
	 */
	public function acquire( int $service_id, int $employee_id, \DateTimeImmutable $start, int $seats, \DateTimeImmutable $now ): array {
		$claim = $this->claim( $service_id, $employee_id, $start, $seats, $now );
		$token = HoldToken::generate();
		try {
			$hold = $this->store->acquire( $claim, HoldToken::hash( $token ), Settings::int( 'hold_ttl' ), Settings::int( 'hold_max_life' ), $now->getTimestamp() );
		} catch ( HoldConflictException $conflict ) {
			throw self::held();
		}
		$this->changed( $hold, null, 'held' );
		return array( $hold, $token );
	}

	/**
	 * Renews a hold (the holder's heartbeat).
	 *
	 * @param string             $id    Hold id.
	 * @param string             $token The holder's token.
	 * @param \DateTimeImmutable $now   The current instant.
	 * @throws Refusal When the hold is unknown (or the token wrong) or expired.
	 */
	public function renew( string $id, string $token, \DateTimeImmutable $now ): Hold {
		try {
			// The poll answer does not show expiry times, so a renewal changes no calendar.
			return $this->store->renew( $id, HoldToken::hash( $token ), Settings::int( 'hold_ttl' ), $now->getTimestamp() );
		} catch ( HoldNotFoundException $missing ) {
			throw self::not_found();
		} catch ( HoldExpiredException $expired ) {
			throw self::expired();
		}
	}

	/**
	 * Moves a hold to another time of the same service and employee.
	 *
	 * @param string             $id    Hold id.
	 * @param string             $token The holder's token.
	 * @param \DateTimeImmutable $start The new start.
	 * @param \DateTimeImmutable $now   The current instant.
	 * @throws Refusal When the hold is gone or the new time cannot be held; the old hold stays then.
	 */
	public function move( string $id, string $token, \DateTimeImmutable $start, \DateTimeImmutable $now ): Hold {
		$before = $this->store->find( $id, $now->getTimestamp() );
		if ( null === $before ) {
			// Let the store tell a wrong token or an unknown id from an expired hold.
			$this->renew( $id, $token, $now );
			throw self::expired();
		}
		$claim = $this->claim( $before->service_id, $before->employee_id, $start, $before->seats, $now );
		try {
			$after = $this->store->move( $id, HoldToken::hash( $token ), $claim, Settings::int( 'hold_ttl' ), $now->getTimestamp() );
		} catch ( HoldNotFoundException $missing ) {
			throw self::not_found();
		} catch ( HoldExpiredException $expired ) {
			throw self::expired();
		} catch ( HoldConflictException $conflict ) {
			throw self::held();
		}
		$this->changed( $before, 'held', null );
		$this->changed( $after, null, 'held' );
		return $after;
	}

	/**
	 * Releases a hold (the visitor left or picked nothing).
	 *
	 * @param string             $id    Hold id.
	 * @param string             $token The holder's token.
	 * @param \DateTimeImmutable $now   The current instant.
	 * @throws Refusal When the hold is unknown or the token wrong.
	 */
	public function release( string $id, string $token, \DateTimeImmutable $now ): void {
		$hold = $this->store->find( $id, $now->getTimestamp() );
		try {
			$was_live = $this->store->release( $id, HoldToken::hash( $token ), $now->getTimestamp() );
		} catch ( HoldNotFoundException $missing ) {
			throw self::not_found();
		}
		if ( $was_live && null !== $hold ) {
			$this->changed( $hold, 'held', null );
		}
	}

	/**
	 * What the store needs to hold a slot, once bookings leave it free.
	 *
	 * @param int                $service_id  Service.
	 * @param int                $employee_id Employee.
	 * @param \DateTimeImmutable $start       The slot's start.
	 * @param int                $seats       Seats to hold.
	 * @param \DateTimeImmutable $now         The current instant.
	 * @throws Refusal When the slot does not exist, has passed, or bookings leave too few seats.
	 */
	private function claim( int $service_id, int $employee_id, \DateTimeImmutable $start, int $seats, \DateTimeImmutable $now ): HoldClaim {
		list( $service, $employee ) = $this->bookable( $service_id, $employee_id );
		if ( $seats > $service->capacity ) {
			/* translators: %d: seats per session. */
			throw new Refusal( 'VALIDATION_ERROR', sprintf( _n( 'This service has %d seat per session.', 'This service has %d seats per session.', $service->capacity, 'appointease' ), $service->capacity ) );
		}
		if ( $start <= $now ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This time has passed. Please pick a later one.', 'appointease' ) );
		}
		// Bookings only: other holds are for the store to weigh, atomically.
		$slot = $this->availability->slot_at( $service, $employee, $start, $now, null, '' );
		if ( null === $slot && $this->availability->day_full( $service, $employee, $start ) ) {
			throw new Refusal( 'LIMIT_REACHED', LimitLedger::day_full_message() );
		}
		if ( null === $slot ) {
			throw new Refusal( 'SLOT_UNAVAILABLE', __( 'Nobody works at this time. Please pick one of the offered times.', 'appointease' ) );
		}
		if ( Slot::PAST === $slot->state ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This time is too soon to book. Please pick a later one.', 'appointease' ) );
		}
		if ( $slot->seats_left < $seats ) {
			throw new Refusal( 'SLOT_TAKEN', __( 'Someone else has just booked this time. Please pick another one.', 'appointease' ) );
		}
		return new HoldClaim( $employee->id, $service->id, $slot->start, $slot->end, $slot->occupied_start(), $slot->occupied_end(), $seats, $service->capacity, $service->capacity - $slot->seats_left );
	}

	/**
	 * The service and employee, both active and matched, or a refusal.
	 *
	 * @param int $service_id  Service.
	 * @param int $employee_id Employee.
	 * @return array{0: Service, 1: Employee}
	 */
	private function bookable( int $service_id, int $employee_id ): array {
		return ( new Bookable( $this->services, $this->employees ) )->pair( $service_id, $employee_id );
	}

	/**
	 * Bumps the hold's calendar and fires `appointease_slot_changed`.
	 *
	 * @param Hold        $hold     The hold.
	 * @param string|null $previous 'held' when the hold held the time before, else null.
	 * @param string|null $current  'held' when it holds it now, else null.
	 */
	private function changed( Hold $hold, ?string $previous, ?string $current ): void {
		$employee = $this->employees->find( $hold->employee_id );
		$timezone = null === $employee ? wp_timezone() : $this->availability->timezone( $employee );
		$date     = $hold->start->setTimezone( $timezone )->format( 'Y-m-d' );

		list( $old, $new ) = $this->calendars->bump( $hold->employee_id, $date );

		/** This action is documented in includes/Booking/BookingService.php */
		do_action(
			'appointease_slot_changed',
			array(
				'employee_id'      => $hold->employee_id,
				'date'             => $date,
				'previous_version' => $old,
				'version'          => $new,
				'booking_id'       => null,
				'hold_id'          => $hold->id,
				'service_id'       => $hold->service_id,
				'start'            => $hold->start->setTimezone( $timezone )->format( DATE_ATOM ),
				'end'              => $hold->end->setTimezone( $timezone )->format( DATE_ATOM ),
				'previous'         => $previous,
				'current'          => $current,
			)
		);
	}

	/**
	 * The refusal when other visitors' holds leave too few seats.
	 */
	private static function held(): Refusal {
		return new Refusal( 'SLOT_HELD', __( 'Another visitor is booking this time right now. Please pick another one, or try again in a minute.', 'appointease' ) );
	}

	/**
	 * The refusal for an unknown hold or a wrong token (the same, on purpose).
	 */
	private static function not_found(): Refusal {
		return new Refusal( 'HOLD_NOT_FOUND', __( 'This hold does not exist. Please pick a time again.', 'appointease' ) );
	}

	/**
	 * The refusal for a hold that ran out.
	 */
	private static function expired(): Refusal {
		return new Refusal( 'HOLD_EXPIRED', __( 'Your hold on this time ran out. Please pick the time again.', 'appointease' ) );
	}
}
