<?php
/**
 * The anti-spam rules a visitor's booking must meet.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Holds\Hold;
use AppointEase\Infrastructure\NamedLock;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Two rules of the booking service, for bookings made by visitors only
 * (admins, WP-CLI and the site's own PHP book without them):
 *
 * - a minimum fill time (`min_fill_seconds`): a booking must come at least
 *   that long after the visitor's own hold on the time was taken. The hold's
 *   creation time is the server's, kept with the hold, so the browser cannot
 *   claim to have started earlier; a booking without a live hold of its own
 *   has no start to measure from and counts as too fast;
 * - a cap on coming bookings per email address (`bookings_per_email`),
 *   compared by CustomerEmail::key(), checked inside the booking's
 *   transaction under a named lock on that key, so that two requests for one
 *   address at once are counted one after the other.
 *
 * The honeypot and the CAPTCHA hook are checked earlier, on the REST request
 * (Rest\BookingScreening). The filter `appointease_spam_checks_enabled`
 * turns every one of them off (load tests, a site with its own defence).
 */
final class SpamGuard {

	/** Seconds to wait for another booking of the same address to finish. */
	private const LOCK_WAIT = 10;

	/**
	 * Whether the anti-spam checks run at all.
	 */
	public static function enabled(): bool {
		/**
		 * Whether visitors' bookings go through the anti-spam checks (honeypot,
		 * minimum fill time, bookings per email, the CAPTCHA hook).
		 *
		 * @param bool $enabled True by default.
		 */
		return (bool) apply_filters( 'appointease_spam_checks_enabled', true );
	}

	/**
	 * Refuses a booking sent sooner after its hold was taken than a person could.
	 *
	 * @param Hold|null          $hold The visitor's own live hold on the time, if any.
	 * @param \DateTimeImmutable $now  The current instant.
	 * @throws Refusal TOO_FAST when it came too soon, or with no hold to measure from.
	 */
	public static function check_fill_time( ?Hold $hold, \DateTimeImmutable $now ): void {
		$minimum = Settings::int( 'min_fill_seconds' );
		if ( $minimum <= 0 || ! self::enabled() ) {
			return;
		}
		if ( null !== $hold && $now->getTimestamp() - $hold->created_at >= $minimum ) {
			return;
		}
		throw new Refusal( 'TOO_FAST', __( 'This booking was sent faster than a person usually fills in the form, so nothing was booked. Please take a moment to check your details, then select "Confirm booking" again.', 'appointease' ) );
	}

	/**
	 * The lock that serialises the bookings of one address, when its
	 * bookings are capped; null when they are not.
	 *
	 * @param string $email The customer's address.
	 * @return string|null The lock to release after the transaction.
	 * @throws Refusal STORE_UNAVAILABLE when another booking of the address holds it too long.
	 */
	public static function lock_address( string $email ): ?string {
		if ( Settings::int( 'bookings_per_email' ) <= 0 || ! self::enabled() ) {
			return null;
		}
		$lock = NamedLock::acquire( 'email|' . CustomerEmail::key( $email ), self::LOCK_WAIT );
		if ( null === $lock ) {
			throw new Refusal( 'STORE_UNAVAILABLE', __( 'Bookings are very busy right now. Please try again in a moment.', 'appointease' ) );
		}
		return $lock;
	}

	/**
	 * Refuses a booking that would give an address more coming bookings than
	 * the cap. Runs inside the booking's transaction, under lock_address().
	 *
	 * @param BookingRepository  $bookings Booking rows.
	 * @param string             $email    The customer's address.
	 * @param \DateTimeImmutable $now      The current instant.
	 * @throws Refusal TOO_MANY_BOOKINGS when the address has its fill.
	 */
	public static function check_cap( BookingRepository $bookings, string $email, \DateTimeImmutable $now ): void {
		$cap = Settings::int( 'bookings_per_email' );
		if ( $cap <= 0 || ! self::enabled() ) {
			return;
		}
		$key   = CustomerEmail::key( $email );
		$count = 0;
		foreach ( $bookings->coming_emails_at( CustomerEmail::domains( $key ), $now ) as $stored ) {
			$count += CustomerEmail::key( $stored ) === $key ? 1 : 0;
		}
		if ( $count >= $cap ) {
			throw new Refusal(
				'TOO_MANY_BOOKINGS',
				sprintf(
					/* translators: %d: how many coming bookings one email address may have. */
					_n(
						'This email address already has %d coming booking, the most we take online for one address. Please cancel it with the link in its email, wait until it has passed, or contact us to book more.',
						'This email address already has %d coming bookings, the most we take online for one address. Please cancel one with the link in its email, wait until one has passed, or contact us to book more.',
						$cap,
						'appointease'
					),
					$cap
				)
			);
		}
	}

	/**
	 * Lets the address's lock go.
	 *
	 * @param string|null $lock What lock_address() gave.
	 */
	public static function unlock( ?string $lock ): void {
		if ( null !== $lock ) {
			NamedLock::release( $lock );
		}
	}
}
