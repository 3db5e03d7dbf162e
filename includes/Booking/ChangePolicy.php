<?php
/**
 * Until when a customer may cancel or move a booking online.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Service;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The cut-offs of the change and cancel policy: a customer may cancel up to
 * `cancel_cutoff_hours` and move up to `reschedule_cutoff_hours` before the
 * start (the service's own value over the site's; 0 is up to the start).
 * Admins are never bound: only the customer's paths ask this class.
 */
final class ChangePolicy {

	public const CANCEL     = 'cancel';
	public const RESCHEDULE = 'reschedule';

	/**
	 * The cut-off of one kind of change for a service, in hours.
	 *
	 * @param Service $service The service.
	 * @param string  $change  self::CANCEL or self::RESCHEDULE.
	 */
	public static function hours( Service $service, string $change ): int {
		$own = self::CANCEL === $change ? $service->policy->cancel_cutoff_hours : $service->policy->reschedule_cutoff_hours;
		return $own ?? Settings::int( self::CANCEL === $change ? 'cancel_cutoff_hours' : 'reschedule_cutoff_hours' );
	}

	/**
	 * The last instant a customer may make this change online.
	 *
	 * @param Booking $booking The booking.
	 * @param Service $service Its service.
	 * @param string  $change  self::CANCEL or self::RESCHEDULE.
	 */
	public static function deadline( Booking $booking, Service $service, string $change ): \DateTimeImmutable {
		return $booking->start->modify( sprintf( '-%d hours', self::hours( $service, $change ) ) );
	}

	/**
	 * Whether a customer may still make this change at this instant. (A
	 * booking that has started is refused elsewhere, as SLOT_IN_PAST.)
	 *
	 * @param Booking            $booking The booking.
	 * @param Service            $service Its service.
	 * @param string             $change  self::CANCEL or self::RESCHEDULE.
	 * @param \DateTimeImmutable $now     The current instant.
	 */
	public static function allows( Booking $booking, Service $service, string $change, \DateTimeImmutable $now ): bool {
		return $now <= self::deadline( $booking, $service, $change );
	}

	/**
	 * Refuses a customer's change past its cut-off, naming the cut-off and how to reach the business.
	 *
	 * @param Booking            $booking The booking.
	 * @param Service            $service Its service.
	 * @param string             $change  self::CANCEL or self::RESCHEDULE.
	 * @param \DateTimeImmutable $now     The current instant.
	 * @throws Refusal TOO_LATE_TO_CHANGE when the cut-off has passed.
	 */
	public static function check( Booking $booking, Service $service, string $change, \DateTimeImmutable $now ): void {
		if ( self::allows( $booking, $service, $change, $now ) ) {
			return;
		}
		$hours   = self::hours( $service, $change );
		$message = self::CANCEL === $change
			/* translators: %d: hours before the appointment. */
			? sprintf( _n( 'Bookings can be cancelled online up to %d hour before they start, so this one can no longer be cancelled here.', 'Bookings can be cancelled online up to %d hours before they start, so this one can no longer be cancelled here.', $hours, 'appointease' ), $hours )
			/* translators: %d: hours before the appointment. */
			: sprintf( _n( 'Bookings can be moved online up to %d hour before they start, so this one can no longer be moved here.', 'Bookings can be moved online up to %d hours before they start, so this one can no longer be moved here.', $hours, 'appointease' ), $hours );
		throw new Refusal( 'TOO_LATE_TO_CHANGE', $message . ' ' . self::contact() );
	}

	/**
	 * How customers reach the business, from the settings.
	 */
	public static function contact(): string {
		$text = trim( Settings::text( 'change_contact_text' ) );
		return '' === $text ? __( 'Please contact us.', 'appointease' ) : $text;
	}

	/**
	 * The policy in one sentence for customers (the confirm step and the
	 * confirmation email), or '' when both changes are possible up to the start.
	 *
	 * @param Service $service The service.
	 */
	public static function text( Service $service ): string {
		$cancel     = self::hours( $service, self::CANCEL );
		$reschedule = self::hours( $service, self::RESCHEDULE );
		if ( 0 === $cancel && 0 === $reschedule ) {
			return '';
		}
		if ( $cancel === $reschedule ) {
			/* translators: %d: hours before the appointment. */
			return sprintf( _n( 'You can cancel or reschedule online up to %d hour before the appointment.', 'You can cancel or reschedule online up to %d hours before the appointment.', $cancel, 'appointease' ), $cancel );
		}
		return self::cancel_text( $cancel ) . ' ' . self::reschedule_text( $reschedule );
	}

	/**
	 * The cancel half of the policy, when the two cut-offs differ.
	 *
	 * @param int $hours The cancel cut-off.
	 */
	private static function cancel_text( int $hours ): string {
		if ( 0 === $hours ) {
			return __( 'You can cancel online up to the start of the appointment.', 'appointease' );
		}
		/* translators: %d: hours before the appointment. */
		return sprintf( _n( 'You can cancel online up to %d hour before the appointment.', 'You can cancel online up to %d hours before the appointment.', $hours, 'appointease' ), $hours );
	}

	/**
	 * The reschedule half of the policy, when the two cut-offs differ.
	 *
	 * @param int $hours The reschedule cut-off.
	 */
	private static function reschedule_text( int $hours ): string {
		if ( 0 === $hours ) {
			return __( 'You can reschedule online up to the start of the appointment.', 'appointease' );
		}
		/* translators: %d: hours before the appointment. */
		return sprintf( _n( 'You can reschedule online up to %d hour before the appointment.', 'You can reschedule online up to %d hours before the appointment.', $hours, 'appointease' ), $hours );
	}
}
