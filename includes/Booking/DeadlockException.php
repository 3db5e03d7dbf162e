<?php
/**
 * Raised when the database chose this transaction as a deadlock victim.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * InnoDB rolled the whole transaction back to break a lock cycle, which can
 * happen when several bookings join one session at once. Nothing was written;
 * the caller runs its transaction again.
 */
final class DeadlockException extends \RuntimeException {
}
