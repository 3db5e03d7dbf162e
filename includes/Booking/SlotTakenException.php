<?php
/**
 * Raised when the database refuses a claim on a time.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * The time is taken: another session holds one of its cells, or every seat
 * of the session is gone. REST answers it with 409 and reason SLOT_TAKEN.
 */
final class SlotTakenException extends \RuntimeException {
}
