<?php
/**
 * Anonymises a customer's bookings for an erasure request.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Privacy;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\LimitLedger;
use AppointEase\Notifications\ChangeEmails;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Notifications\ManageLink;

defined( 'ABSPATH' ) || exit;

/**
 * The eraser behind Tools → Erase Personal Data.
 *
 * A booking is kept, because it is the business's record (what was booked,
 * when, with whom), but the customer's name, email, phone and notes are
 * replaced by WordPress's anonymous values, its booking-form answers and
 * consent record removed, and its manage and link tokens
 * stop working (an old email link would otherwise still open the record and
 * show that it was erased, or let someone act on it). A booking that is still to come
 * (pending or confirmed, not yet ended) is retained as it is: the customer
 * would otherwise lose the appointment without a word. The eraser says which
 * ones; cancel them, then erase again.
 */
final class BookingEraser {

	/** Bookings read per query. */
	private const BATCH = 100;

	/**
	 * Builds it.
	 *
	 * @param BookingRepository $bookings Booking rows.
	 */
	public function __construct( private readonly BookingRepository $bookings ) {
	}

	/**
	 * Erases in one call; the callback WordPress calls.
	 *
	 * @param string $email The requester's email address.
	 * @param int    $page  1-based page; this eraser finishes on the first.
	 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}
	 */
	public function erase( $email, $page = 1 ): array {
		unset( $page );
		$now      = new \DateTimeImmutable( 'now' );
		$removed  = false;
		$messages = array();
		// Anonymised rows no longer match, so every match is read before any is changed.
		foreach ( $this->all( (string) $email ) as $booking ) {
			if ( $booking->is_active() && $booking->end > $now ) {
				$messages[] = sprintf(
					/* translators: 1: booking number, 2: its start date. */
					__( 'Booking %1$d on %2$s is still to come, so it was kept. Cancel it first, then erase again.', 'appointease' ),
					$booking->id,
					wp_date( (string) get_option( 'date_format' ), $booking->start->getTimestamp() )
				);
				continue;
			}
			// A cancel or move still waiting to be emailed goes out to the real address first.
			ChangeEmails::send_waiting_now( $booking->id );
			OutboxSender::send_booking_now( $booking->id );
			$this->bookings->update(
				$booking->id,
				array(
					'customer_name'  => wp_privacy_anonymize_data( 'text', $booking->customer_name ),
					'customer_email' => wp_privacy_anonymize_data( 'email', $booking->customer_email ),
					'customer_phone' => '',
					'customer_notes' => '',
					'form_answers'   => null,
				) + ManageLink::forgotten()
			);
			// Its places under the per-address limits are keyed on a hash of the address.
			( new LimitLedger() )->release( $booking->id );
			$removed = true;
		}//end foreach
		return array(
			'items_removed'  => $removed,
			'items_retained' => array() !== $messages,
			'messages'       => $messages,
			'done'           => true,
		);
	}

	/**
	 * Every booking made with an email address.
	 *
	 * @param string $email The address.
	 * @return Booking[]
	 */
	private function all( string $email ): array {
		$all = array();
		for ( $page = 1; ; $page++ ) {
			$found = $this->bookings->by_customer_email( $email, $page, self::BATCH );
			$all   = array_merge( $all, $found );
			if ( count( $found ) < self::BATCH ) {
				return $all;
			}
		}
	}
}
