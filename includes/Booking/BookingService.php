<?php
/**
 * Makes, changes and ends bookings.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\Hold;
use AppointEase\Holds\HoldNotFoundException;
use AppointEase\Holds\HoldStore;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\HoldToken;
use AppointEase\Infrastructure\Transaction;
use AppointEase\Schedule\ServiceRules;
use AppointEase\Schedule\Slot;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Every booking change goes through here: it checks the slot the way
 * visitors see it, writes the booking, its seats (SeatLedger, which the
 * database backs with unique keys) and the calendar versions in one
 * transaction, and fires the hooks once that transaction has committed.
 */
final class BookingService {

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository            $services     Services.
	 * @param EmployeeRepository           $employees    Employees.
	 * @param BookingRepository            $bookings     Booking rows.
	 * @param SeatLedger                   $ledger       Seats and occupancy.
	 * @param Calendars                    $calendars    Calendar versions.
	 * @param Availability                 $availability Slots, live holds included.
	 * @param (callable(): HoldStore)|null $holds Gives the hold store when first needed; null when holds play no part.
	 * @param LimitLedger                  $limits       Places under the services' per-day and per-week limits.
	 */
	public function __construct(
		private readonly ServiceRepository $services,
		private readonly EmployeeRepository $employees,
		private readonly BookingRepository $bookings,
		private readonly SeatLedger $ledger,
		private readonly Calendars $calendars,
		private readonly Availability $availability,
		private $holds = null,
		private readonly LimitLedger $limits = new LimitLedger()
	) {
	}

	/**
	 * The service wired to the real repositories and the site's hold store.
	 */
	public static function create_default(): self {
		$bookings = new BookingRepository();
		$holds    = static fn(): HoldStore => HoldStoreFactory::shared()->store();
		return new self( new ServiceRepository(), new EmployeeRepository(), $bookings, new SeatLedger(), new Calendars(), new Availability( $bookings, $holds ), $holds );
	}

	/**
	 * Books a slot.
	 *
	 * @param BookingRequest     $request What the customer asked for.
	 * @param \DateTimeImmutable $now     The current instant.
	 * @return BookingResult The new booking, or the one an earlier request with the same idempotency key made.
	 *                       A Refusal is thrown when the slot cannot be booked; nothing is written then.
	 * @throws Refusal When the request cannot be booked (no name, a time that is not free...); nothing is written then.
	 * @throws DuplicateBookingKeyException When a key clashed but its booking cannot be found (it cannot, short of a manual delete).
	 */
	public function book( BookingRequest $request, \DateTimeImmutable $now ): BookingResult {
		if ( '' === trim( $request->customer_name ) ) {
			// What was typed may have been nothing but control characters, which BookingRequest drops.
			throw new Refusal( 'VALIDATION_ERROR', __( 'Please enter your name.', 'appointease' ) );
		}
		$key_hash = null === $request->idempotency_key ? null : hash( 'sha256', 'idempotency|' . $request->idempotency_key );
		if ( null !== $key_hash ) {
			$earlier = $this->bookings->find_by_idempotency_key( $key_hash );
			if ( null !== $earlier ) {
				return $this->replay( $earlier, $request );
			}
		}

		list( $service, $employee ) = $this->bookable( $request->service_id, $request->employee_id );
		$hold                       = $this->own_hold( $request, $now );
		if ( $request->by_visitor ) {
			SpamGuard::check_fill_time( $hold, $now );
		}
		$slot   = $request->override
			? $this->any_free_slot( $service, $employee, $request->start, $request->seats, $now, $hold?->id )
			: $this->free_slot( $service, $employee, $request->start, $request->seats, $now, null, $hold?->id );
		$token  = bin2hex( random_bytes( 32 ) );
		$seal   = null === $request->idempotency_key ? null : ReplaySeal::seal( $token, $request );
		$status = self::status_when_confirmed();
		// With email confirmation on, a visitor's booking holds its time as `unverified` until
		// the link in the email is opened; the link's token exists only in that email. An
		// admin's booking (taken on the phone, perhaps without emailing the customer) is not
		// held back: the admin has spoken to the customer.
		$verify_token = $request->by_visitor && Settings::bool( 'require_email_confirmation' ) ? bin2hex( random_bytes( 32 ) ) : null;
		$verify       = array(
			'verify_token_hash'  => null === $verify_token ? null : hash( 'sha256', $verify_token ),
			'verify_expires_utc' => null === $verify_token ? null : gmdate( 'Y-m-d H:i:s', $now->getTimestamp() + MINUTE_IN_SECONDS * Settings::int( 'confirmation_minutes' ) ),
		);
		$status       = null === $verify_token ? $status : Booking::UNVERIFIED;

		// Taken before the transaction, so that a second booking of the same address
		// waits here and then counts this one (see SpamGuard).
		$lock = $request->by_visitor ? SpamGuard::lock_address( $request->customer_email ) : null;
		try {
			$booking = Transaction::run(
				function () use ( $request, $service, $employee, $slot, $token, $key_hash, $seal, $status, $now, $lock, $verify ): Booking {
					$this->events = array();
					// A retry after a deadlock starts over.
					if ( null !== $lock ) {
						SpamGuard::check_cap( $this->bookings, $request->customer_email, $now );
					}
					$id = $this->bookings->insert(
						array(
							'employee_id'          => $employee->id,
							'service_id'           => $service->id,
							'start_utc'            => self::utc( $slot->start ),
							'end_utc'              => self::utc( $slot->end ),
							'seats'                => $request->seats,
							'status'               => $status,
							'customer_name'        => $request->customer_name,
							'customer_email'       => $request->customer_email,
							'customer_phone'       => $request->customer_phone,
							'customer_notes'       => $request->customer_notes,
							'manage_token_hash'    => hash( 'sha256', $token ),
							'idempotency_key_hash' => $key_hash,
							'replay_seal'          => $seal,
							'form_answers'         => $request->form_answers,
						) + $verify
					);
					$this->claim( $id, $employee, $service, $slot, $request->seats, $request->customer_email );
					$booking = $this->must_find( $id );
					$this->changed( $booking, null, $booking->status );
					return $booking;
				}
			);
		} catch ( DuplicateBookingKeyException $duplicate ) {
			// A double submit raced this one and won; answer with its booking.
			$earlier = null === $key_hash ? null : $this->bookings->find_by_idempotency_key( $key_hash );
			if ( null === $earlier ) {
				throw $duplicate;
			}
			return $this->replay( $earlier, $request );
		} finally {
			SpamGuard::unlock( $lock );
			$events = $this->take_events();
		}//end try
		$this->release( $hold, $request, $now );
		$this->fire( $events );
		do_action( 'appointease_booking_created', $booking );
		if ( null !== $verify_token ) {
			/**
			 * A booking waits for its customer to confirm it by email. The token is the
			 * secret of the confirm link (ConfirmLink::url()); only its hash is stored.
			 *
			 * @param Booking $booking The unverified booking.
			 * @param string  $token   The confirm token.
			 */
			do_action( 'appointease_booking_unverified', $booking, $verify_token );
		}
		if ( Booking::CONFIRMED === $booking->status ) {
			do_action( 'appointease_booking_confirmed', $booking );
		}
		return new BookingResult( $booking, $token, true );
	}

	/**
	 * What a booking becomes once its customer stands behind it: pending
	 * where bookings need approval, else confirmed.
	 */
	private static function status_when_confirmed(): string {
		return Settings::bool( 'approval_required' ) ? Booking::PENDING : Booking::CONFIRMED;
	}

	/**
	 * Confirms an unverified booking by the token of its email link: it
	 * becomes pending or confirmed and keeps its seats. Opening the link
	 * again answers with the booking as it is now. The row is locked and its
	 * status and deadline read under the lock, so a confirmation racing the
	 * expiry of the same booking loses or wins whole: exactly one of them
	 * changes it. A confirmation that finds the deadline passed expires the
	 * booking itself, so the answer never depends on when the job last ran.
	 *
	 * @param int                $id    Booking row id.
	 * @param string             $token The confirm token from the email.
	 * @param \DateTimeImmutable $now   The current instant.
	 * @throws Refusal NOT_FOUND for a wrong token, CONFIRMATION_EXPIRED past the deadline, STATUS_CONFLICT for a cancelled booking.
	 */
	public function verify( int $id, string $token, \DateTimeImmutable $now ): Booking {
		$hash = $this->bookings->verify_token_hash( $id );
		if ( '' === $token || null === $hash || ! hash_equals( $hash, hash( 'sha256', $token ) ) ) {
			throw new Refusal( 'NOT_FOUND', self::not_found_message() );
		}
		try {
			list( $after, $outcome ) = Transaction::run(
				function () use ( $id, $now ): array {
					$this->events = array();
					// A retry after a deadlock starts over.
					$locked = $this->bookings->find( $id, true );
					if ( null === $locked ) {
						throw new Refusal( 'NOT_FOUND', self::not_found_message() );
					}
					if ( Booking::UNVERIFIED !== $locked->status ) {
						return array( $locked, 'as_is' );
					}
					if ( self::past_deadline( $locked, $now ) ) {
						return array( $this->expire_locked( $locked ), 'expired' );
					}
					$to = self::status_when_confirmed();
					$this->bookings->update( $id, array( 'status' => $to ) );
					$after = $this->must_find( $id );
					$this->changed( $after, $locked->status, $to );
					return array( $after, 'verified' );
				}
			);
		} finally {
			$events = $this->take_events();
		}//end try
		$this->fire( $events );
		if ( 'expired' === $outcome ) {
			do_action( 'appointease_booking_expired', $after );
		}
		if ( 'verified' === $outcome ) {
			/**
			 * A customer confirmed an unverified booking by email; it is pending or confirmed now.
			 *
			 * @param Booking $booking The booking.
			 */
			do_action( 'appointease_booking_verified', $after );
			if ( Booking::CONFIRMED === $after->status ) {
				do_action( 'appointease_booking_confirmed', $after );
			}
		}
		if ( Booking::EXPIRED === $after->status ) {
			throw new Refusal( 'CONFIRMATION_EXPIRED', __( 'This booking was not confirmed in time, so its time was given free again. Please book again.', 'appointease' ) );
		}
		if ( ! in_array( $after->status, array( Booking::PENDING, Booking::CONFIRMED, Booking::COMPLETED, Booking::NO_SHOW ), true ) ) {
			/* translators: %s: the booking's status, e.g. "cancelled". */
			throw new Refusal( 'STATUS_CONFLICT', sprintf( __( 'This booking is %s, so it can no longer be confirmed. Please book again.', 'appointease' ), $after->status ) );
		}
		return $after;
	}

	/**
	 * Expires unverified bookings whose deadline has passed and frees their
	 * seats: the plugin's once-a-minute job, and lazily before the public
	 * routes that look for free times (never the poll).
	 *
	 * @param \DateTimeImmutable $now   The current instant.
	 * @param int                $limit At most this many in one call.
	 * @return int How many expired.
	 */
	public function expire_unverified( \DateTimeImmutable $now, int $limit = 50 ): int {
		$expired = 0;
		foreach ( $this->bookings->unverified_due( $now, $limit ) as $id ) {
			$events = array();
			try {
				$after = Transaction::run(
					function () use ( $id, $now ): ?Booking {
						$this->events = array();
						$locked       = $this->bookings->find( $id, true );
						// Read under the lock: a confirmation may have won meanwhile.
						if ( null === $locked || Booking::UNVERIFIED !== $locked->status || ! self::past_deadline( $locked, $now ) ) {
							return null;
						}
						return $this->expire_locked( $locked );
					}
				);
			} finally {
				$events = $this->take_events();
			}
			if ( null !== $after ) {
				$this->fire( $events );
				/**
				 * An unverified booking was not confirmed in time: it expired and its time is free.
				 *
				 * @param Booking $booking The expired booking.
				 */
				do_action( 'appointease_booking_expired', $after );
				++$expired;
			}
		}//end foreach
		return $expired;
	}

	/**
	 * Marks a locked unverified booking expired and frees its seats; inside a transaction.
	 *
	 * @param Booking $locked The booking, read FOR UPDATE.
	 */
	private function expire_locked( Booking $locked ): Booking {
		$this->bookings->update( $locked->id, array( 'status' => Booking::EXPIRED ) );
		$this->ledger->release( $locked->id );
		$this->limits->release( $locked->id );
		$after = $this->must_find( $locked->id );
		$this->changed( $after, $locked->status, Booking::EXPIRED );
		return $after;
	}

	/**
	 * Whether an unverified booking's confirmation deadline has passed.
	 *
	 * @param Booking            $booking The booking.
	 * @param \DateTimeImmutable $now     The current instant.
	 */
	private static function past_deadline( Booking $booking, \DateTimeImmutable $now ): bool {
		return null !== $booking->verify_by && strtotime( $booking->verify_by . ' UTC' ) <= $now->getTimestamp();
	}

	/**
	 * Confirms a pending booking (an admin's approval).
	 *
	 * @param int $id Booking row id.
	 * @throws Refusal When there is no such booking or it is not pending.
	 */
	public function approve( int $id ): Booking {
		return $this->transition( $id, array( Booking::PENDING ), Booking::CONFIRMED, 'appointease_booking_confirmed' );
	}

	/**
	 * Turns down a pending booking and frees its seats.
	 *
	 * @param int $id Booking row id.
	 * @throws Refusal When there is no such booking or it is not pending.
	 */
	public function reject( int $id ): Booking {
		return $this->transition( $id, array( Booking::PENDING ), Booking::REJECTED, 'appointease_booking_rejected' );
	}

	/**
	 * Marks a confirmed booking whose end has passed as completed (the
	 * reminder job does this). Its seats are freed like any booking that no
	 * longer counts against capacity: the time is in the past, where nobody
	 * can book, and the slot engine counts only active bookings anyway.
	 *
	 * @param int $id Booking row id.
	 * @throws Refusal When there is no such booking or it is not confirmed.
	 */
	public function complete( int $id ): Booking {
		return $this->transition( $id, array( Booking::CONFIRMED ), Booking::COMPLETED, 'appointease_booking_completed' );
	}

	/**
	 * Marks a booking whose customer did not come: a confirmed booking whose
	 * start has passed, or one already completed.
	 *
	 * @param int                $id  Booking row id.
	 * @param \DateTimeImmutable $now The current instant.
	 * @throws Refusal When there is no such booking, it has not started yet, or its status does not allow it.
	 */
	public function mark_no_show( int $id, \DateTimeImmutable $now ): Booking {
		$booking = $this->bookings->find( $id );
		if ( null === $booking ) {
			throw new Refusal( 'NOT_FOUND', self::not_found_message() );
		}
		if ( in_array( $booking->status, Booking::NO_SHOW_FROM, true ) && $booking->start > $now ) {
			throw new Refusal( 'TOO_EARLY', __( 'This appointment has not started yet, so its customer cannot have missed it.', 'appointease' ) );
		}
		return $this->transition( $id, Booking::NO_SHOW_FROM, Booking::NO_SHOW, 'appointease_booking_no_show' );
	}

	/**
	 * Cancels an active booking and frees its seats at once.
	 *
	 * @param int                $id        Booking row id.
	 * @param \DateTimeImmutable $now       The current instant.
	 * @param bool               $by_admin  Admins may cancel after the start; customers may not.
	 * @throws Refusal When there is no such booking, it is not active, or (for customers) it has started.
	 */
	public function cancel( int $id, \DateTimeImmutable $now, bool $by_admin ): Booking {
		if ( ! $by_admin ) {
			$booking = $this->bookings->find( $id );
			if ( null !== $booking && $booking->start <= $now ) {
				throw new Refusal( 'SLOT_IN_PAST', __( 'This booking has already started, so it can no longer be cancelled online. Please contact us.', 'appointease' ) );
			}
			$service = null === $booking ? null : $this->services->find( $booking->service_id );
			if ( null !== $booking && null !== $service && $booking->is_active() ) {
				ChangePolicy::check( $booking, $service, ChangePolicy::CANCEL, $now );
			}
		}
		return $this->transition( $id, Booking::ACTIVE, Booking::CANCELLED, 'appointease_booking_cancelled' );
	}

	/**
	 * Moves an active booking to another start (and, for admins, another
	 * employee), freeing the old seats and taking the new ones in one step.
	 *
	 * @param int                $id          Booking row id.
	 * @param \DateTimeImmutable $start       The new start.
	 * @param int|null           $employee_id The new employee, or null to keep the current one.
	 * @param \DateTimeImmutable $now         The current instant.
	 * @param bool               $by_admin    Whether an admin asks (customers cannot move a booking that has started).
	 * @throws Refusal When the booking cannot move there; nothing changes then.
	 */
	public function reschedule( int $id, \DateTimeImmutable $start, ?int $employee_id, \DateTimeImmutable $now, bool $by_admin ): Booking {
		$before = $this->bookings->find( $id );
		if ( null === $before ) {
			throw new Refusal( 'NOT_FOUND', self::not_found_message() );
		}
		if ( ! $before->is_movable() ) {
			throw new Refusal( 'STATUS_CONFLICT', __( 'Only a pending or confirmed booking can be moved.', 'appointease' ) );
		}
		if ( ! $by_admin && $before->start <= $now ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This booking has already started, so it can no longer be moved online. Please contact us.', 'appointease' ) );
		}
		list( $service, $employee ) = $this->bookable( $before->service_id, $employee_id ?? $before->employee_id );
		if ( ! $by_admin ) {
			ChangePolicy::check( $before, $service, ChangePolicy::RESCHEDULE, $now );
		}
		$slot = $this->free_slot( $service, $employee, $start, $before->seats, $now, $before->id );

		try {
			$after = Transaction::run(
				function () use ( $id, $before, $service, $employee, $slot, $by_admin ): Booking {
					$this->events = array();
					// A retry after a deadlock starts over.
					$locked = $this->bookings->find( $id, true );
					// The checks above read the booking without a lock. Whatever changed it
					// since (an admin's move or approval, the customer's other tab) must not
					// be silently undone by a move decided on the older state.
					if ( null === $locked || ! $locked->is_movable() || ! $locked->same_time_and_status( $before ) ) {
						throw new Refusal( 'STATUS_CONFLICT', __( 'This booking changed in the meantime. Please reload it.', 'appointease' ) );
					}
					$this->ledger->release( $id );
					$this->limits->release( $id );
					$this->bookings->update(
						$id,
						array(
							'employee_id' => $employee->id,
							'start_utc'   => self::utc( $slot->start ),
							'end_utc'     => self::utc( $slot->end ),
							'status'      => $this->status_after_move( $locked, $by_admin ),
						)
					);
					$this->claim( $id, $employee, $service, $slot, $locked->seats, $locked->customer_email );
					$moved = $this->must_find( $id );
					$this->changed( $locked, $locked->status, null );
					$this->changed( $moved, null, $moved->status );
					return $moved;
				}
			);
		} finally {
			$events = $this->take_events();
		}//end try
		$this->fire( $events );
		do_action( 'appointease_booking_rescheduled', $after, $before );
		return $after;
	}

	/**
	 * The status of a booking after a move. Where bookings need approval, an
	 * approved time is what the admin agreed to: a customer who moves it asks
	 * anew, so the booking waits for approval again. An admin's move keeps it.
	 *
	 * @param Booking $booking  The booking before the move.
	 * @param bool    $by_admin Whether an admin moves it.
	 */
	private function status_after_move( Booking $booking, bool $by_admin ): string {
		if ( ! $by_admin && Booking::CONFIRMED === $booking->status && Settings::bool( 'approval_required' ) ) {
			return Booking::PENDING;
		}
		return $booking->status;
	}

	/**
	 * Moves a booking from one status to another, freeing its seats when the
	 * new status no longer counts against capacity.
	 *
	 * @param int              $id     Booking row id.
	 * @param string[]         $from   Statuses the booking may be in.
	 * @param string           $to     The new status.
	 * @param non-empty-string $action The hook to fire afterwards, with the booking after and before.
	 * @throws Refusal When there is no such booking or it is in another status.
	 */
	private function transition( int $id, array $from, string $to, string $action ): Booking {
		$previous = null;
		try {
			$after = Transaction::run(
				function () use ( $id, $from, $to, &$previous ): Booking {
					$this->events = array();
					// A retry after a deadlock starts over.
					$before = $this->bookings->find( $id, true );
					if ( null === $before ) {
						throw new Refusal( 'NOT_FOUND', self::not_found_message() );
					}
					if ( ! in_array( $before->status, $from, true ) ) {
						/* translators: %s: the booking's status, e.g. "cancelled". */
						throw new Refusal( 'STATUS_CONFLICT', sprintf( __( 'This booking is %s, so it cannot be changed that way.', 'appointease' ), $before->status ) );
					}
					$this->bookings->update( $id, array( 'status' => $to ) );
					if ( ! in_array( $to, Booking::ACTIVE, true ) ) {
						$this->ledger->release( $id );
					}
					// A booking that never took place stops counting against the limits; a completed one or a no-show still counts.
					if ( in_array( $to, array( Booking::CANCELLED, Booking::REJECTED ), true ) ) {
						$this->limits->release( $id );
					}
					$after    = $this->must_find( $id );
					$previous = $before;
					$this->changed( $after, $before->status, $to );
					return $after;
				}
			);
		} finally {
			$events = $this->take_events();
		}//end try
		$this->fire( $events );
		// The row as it was too, so that a listener knows what the change undid (the notifier's baseline).
		do_action( $action, $after, $previous ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.DynamicHooknameFound -- one of the documented appointease_booking_* names, passed in above.
		return $after;
	}

	/**
	 * The service and employee, both active and matched, or a refusal.
	 *
	 * @param int $service_id  Service row id.
	 * @param int $employee_id Employee row id.
	 * @return array{0: Service, 1: Employee}
	 */
	private function bookable( int $service_id, int $employee_id ): array {
		return ( new Bookable( $this->services, $this->employees ) )->pair( $service_id, $employee_id );
	}

	/**
	 * The slot at $start, if it has $seats free, or the refusal that says why not.
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param \DateTimeImmutable $start    The asked-for start.
	 * @param int                $seats    Seats wanted.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @param int|null           $except   A booking whose seats count as free.
	 * @param string|null        $own_hold The booker's own hold, whose seats count as free.
	 * @throws Refusal When the slot does not exist, has passed, or lacks seats.
	 */
	private function free_slot( Service $service, Employee $employee, \DateTimeImmutable $start, int $seats, \DateTimeImmutable $now, ?int $except, ?string $own_hold = null ): Slot {
		if ( $seats > $service->capacity ) {
			/* translators: %d: seats per session. */
			throw new Refusal( 'VALIDATION_ERROR', sprintf( _n( 'This service has %d seat per session.', 'This service has %d seats per session.', $service->capacity, 'appointease' ), $service->capacity ) );
		}
		if ( $start <= $now ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This time has passed. Please pick a later one.', 'appointease' ) );
		}
		$slot = $this->availability->slot_at( $service, $employee, $start, $now, $except, $own_hold );
		// A day the service's daily limit closed has no slots; say so rather than "nobody works".
		if ( null === $slot && $this->availability->day_full( $service, $employee, $start, $except ) ) {
			throw new Refusal( 'LIMIT_REACHED', LimitLedger::day_full_message() );
		}
		if ( null === $slot && $this->availability->busy( $employee, $start->modify( '-' . $service->buffer_before . ' minutes' ), $start->modify( '+' . ( $service->duration + $service->buffer_after ) . ' minutes' ) ) ) {
			throw new Refusal( 'EMPLOYEE_BUSY', __( 'The employee is busy elsewhere at this time. Please pick one of the offered times.', 'appointease' ) );
		}
		if ( null === $slot ) {
			throw new Refusal( 'SLOT_UNAVAILABLE', __( 'Nobody works at this time. Please pick one of the offered times.', 'appointease' ) );
		}
		if ( Slot::PAST === $slot->state ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This time is too soon to book. Please pick a later one.', 'appointease' ) );
		}
		if ( $slot->seats_left < $seats && Slot::HELD === $slot->state ) {
			throw new Refusal( 'SLOT_HELD', __( 'Another visitor is booking this time right now. Please pick another one, or try again in a minute.', 'appointease' ) );
		}
		if ( $slot->seats_left < $seats ) {
			throw new Refusal( 'SLOT_TAKEN', __( 'Someone else has just booked this time. Please pick another one.', 'appointease' ) );
		}
		return $slot;
	}

	/**
	 * The session at any start an admin picks (outside the visitors' rules),
	 * if it has $seats free. The database claim still refuses an overlap.
	 *
	 * @param Service            $service  What is to be booked.
	 * @param Employee           $employee Who gives it.
	 * @param \DateTimeImmutable $start    The asked-for start.
	 * @param int                $seats    Seats wanted.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @param string|null        $own_hold The booker's own hold, whose seats count as free.
	 * @throws Refusal When the start is past or off the 5-minute grid, or the seats are not free.
	 */
	private function any_free_slot( Service $service, Employee $employee, \DateTimeImmutable $start, int $seats, \DateTimeImmutable $now, ?string $own_hold ): Slot {
		if ( $start <= $now ) {
			throw new Refusal( 'SLOT_IN_PAST', __( 'This time has passed. Please pick a later one.', 'appointease' ) );
		}
		if ( 0 !== $start->getTimestamp() % ( ServiceRules::CELL_MINUTES * 60 ) ) {
			/* translators: %d: minutes, 5. */
			throw new Refusal( 'VALIDATION_ERROR', sprintf( __( 'A booking starts on a multiple of %d minutes, like 10:05.', 'appointease' ), ServiceRules::CELL_MINUTES ) );
		}
		if ( $seats > $service->capacity ) {
			/* translators: %d: seats per session. */
			throw new Refusal( 'VALIDATION_ERROR', sprintf( _n( 'This service has %d seat per session.', 'This service has %d seats per session.', $service->capacity, 'appointease' ), $service->capacity ) );
		}
		$slot = $this->availability->slot_at_any_time( $service, $employee, $start, $now, null, $own_hold );
		if ( $slot->seats_left < $seats && Slot::HELD === $slot->state ) {
			throw new Refusal( 'SLOT_HELD', __( 'Another visitor is booking this time right now. Please pick another one, or try again in a minute.', 'appointease' ) );
		}
		if ( $slot->seats_left < $seats ) {
			throw new Refusal( 'SLOT_TAKEN', __( 'Someone else has just booked this time. Please pick another one.', 'appointease' ) );
		}
		return $slot;
	}

	/**
	 * The booker's live hold, when the request carries its token. A hold that
	 * ran out is no reason to refuse: the time may well still be free.
	 *
	 * @param BookingRequest     $request The request.
	 * @param \DateTimeImmutable $now     The current instant.
	 * @throws Refusal When the hold is for another time than the one asked for.
	 */
	private function own_hold( BookingRequest $request, \DateTimeImmutable $now ): ?Hold {
		if ( null === $request->hold_token || null === $this->holds ) {
			return null;
		}
		$hold = ( $this->holds )()->find_by_token( HoldToken::hash( $request->hold_token ), $now->getTimestamp() );
		if ( null === $hold ) {
			return null;
		}
		if ( $hold->employee_id !== $request->employee_id || $hold->service_id !== $request->service_id || $hold->start->getTimestamp() !== $request->start->getTimestamp() ) {
			throw new Refusal( 'SLOT_CHANGED', __( 'Your hold is for another time than the one being booked. Please pick the time again.', 'appointease' ) );
		}
		return $hold;
	}

	/**
	 * Lets go of the hold a booking replaced; its seats are booked now.
	 *
	 * @param Hold|null          $hold    The booker's hold.
	 * @param BookingRequest     $request The request, which carries the hold's token.
	 * @param \DateTimeImmutable $now     The current instant.
	 */
	private function release( ?Hold $hold, BookingRequest $request, \DateTimeImmutable $now ): void {
		if ( null === $hold || null === $request->hold_token || null === $this->holds ) {
			return;
		}
		try {
			( $this->holds )()->release( $hold->id, HoldToken::hash( $request->hold_token ), $now->getTimestamp() );
		} catch ( HoldNotFoundException $gone ) {
			// It expired and was purged meanwhile: nothing left to release.
			return;
		}
	}

	/**
	 * Claims the seats of a booking; the database refuses what does not fit.
	 *
	 * @param int      $booking_id Booking row id.
	 * @param Employee $employee   Who gives it.
	 * @param Service  $service    What is given.
	 * @param Slot     $slot       When.
	 * @param int      $seats      How many seats.
	 * @param string   $email      The customer's address, for the per-address limits.
	 * @throws Refusal When another booking got there first, or a limit of the service is reached.
	 */
	private function claim( int $booking_id, Employee $employee, Service $service, Slot $slot, int $seats, string $email ): void {
		try {
			$this->ledger->claim( $booking_id, $employee->id, $service->id, $slot->start, $slot->occupied_start(), $slot->occupied_end(), $seats, $service->capacity );
		} catch ( SlotTakenException $taken ) {
			throw new Refusal( 'SLOT_TAKEN', __( 'Someone else has just booked this time. Please pick another one.', 'appointease' ) );
		}
		if ( $service->policy->has_limits() ) {
			$local_date = $slot->start->setTimezone( $this->availability->timezone( $employee ) )->format( 'Y-m-d' );
			$this->limits->claim( $booking_id, $service, $employee->id, $local_date, $email );
		}
	}

	/**
	 * What an earlier request with the same idempotency key made, if this
	 * request is that same request again. A replay answers with the booking
	 * and its manage token, so it must prove it is no more than a repeat: the
	 * token comes back only when the whole request (the customer's every
	 * field, the time, the seats, the hold token) opens the seal the first
	 * request left. A key reused for anything else is refused, and says
	 * nothing about the booking.
	 *
	 * @param Booking        $earlier The booking the key made.
	 * @param BookingRequest $request This request.
	 * @throws Refusal When the request is not the one that made the booking.
	 */
	private function replay( Booking $earlier, BookingRequest $request ): BookingResult {
		$seal  = $this->bookings->replay_seal( $earlier->id );
		$token = null === $seal ? null : ReplaySeal::open( $seal, $request );
		if ( null === $token ) {
			throw new Refusal( 'IDEMPOTENCY_KEY_REUSED', __( 'This Idempotency-Key was already used for another booking. Send a new key for a new booking.', 'appointease' ) );
		}
		return new BookingResult( $earlier, $token, false );
	}

	/**
	 * Calendar changes made in the running transaction, fired after it commits.
	 *
	 * @var array<int, array<string, mixed>>
	 */
	private array $events = array();

	/**
	 * Bumps the calendar of a booking and notes the change for its hook.
	 *
	 * @param Booking     $booking  The booking as it is (or was, for the side being freed).
	 * @param string|null $previous Status before, null when the booking did not hold this time.
	 * @param string|null $current  Status after, null when it no longer does.
	 */
	private function changed( Booking $booking, ?string $previous, ?string $current ): void {
		$employee = $this->employees->find( $booking->employee_id );
		$timezone = null === $employee ? wp_timezone() : $this->availability->timezone( $employee );
		$date     = $booking->start->setTimezone( $timezone )->format( 'Y-m-d' );

		list( $old, $new ) = $this->calendars->bump( $booking->employee_id, $date );

		$this->events[] = array(
			'employee_id'      => $booking->employee_id,
			'date'             => $date,
			'previous_version' => $old,
			'version'          => $new,
			'booking_id'       => $booking->id,
			'service_id'       => $booking->service_id,
			'start'            => $booking->start->setTimezone( $timezone )->format( DATE_ATOM ),
			'end'              => $booking->end->setTimezone( $timezone )->format( DATE_ATOM ),
			'previous'         => $previous,
			'current'          => in_array( $current, Booking::ACTIVE, true ) ? $current : null,
		);
	}

	/**
	 * Takes the noted changes, leaving none; a retried transaction notes them again.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function take_events(): array {
		$events       = $this->events;
		$this->events = array();
		return $events;
	}

	/**
	 * Fires appointease_slot_changed for each committed change.
	 *
	 * @param array<int, array<string, mixed>> $events Changes.
	 */
	private function fire( array $events ): void {
		foreach ( $events as $event ) {
			/**
			 * A calendar changed: its version moved on and a booking took or freed a time.
			 *
			 * @param array $change employee_id, date, previous_version, version, booking_id,
			 *                      service_id, start, end, previous and current status
			 *                      (null when the booking does not hold the time).
			 */
			do_action( 'appointease_slot_changed', $event );
		}
	}

	/**
	 * A booking that must exist, having just been written.
	 *
	 * @param int $id Row id.
	 * @throws \RuntimeException When it does not.
	 */
	private function must_find( int $id ): Booking {
		$booking = $this->bookings->find( $id );
		if ( null === $booking ) {
			throw new \RuntimeException( esc_html( "Booking $id vanished after it was written." ) );
		}
		return $booking;
	}

	/**
	 * What a caller hears of a booking that does not exist.
	 */
	private static function not_found_message(): string {
		return __( 'No booking matches this link. It may have been removed.', 'appointease' );
	}

	/**
	 * An instant as a UTC column value.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 */
	private static function utc( \DateTimeImmutable $time ): string {
		return gmdate( 'Y-m-d H:i:s', $time->getTimestamp() );
	}
}
