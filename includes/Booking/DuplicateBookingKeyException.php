<?php
/**
 * A booking row that repeats a unique key.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * The bookings table refused a row whose idempotency key (or manage token,
 * which is derived from it) is already used: a double submit.
 */
final class DuplicateBookingKeyException extends \RuntimeException {
}
