<?php
/**
 * Raised when a hold would collide with another hold or overfill a session.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * The time is being chosen by someone else: a live hold of another session
 * overlaps it, or the session's live holds and bookings leave too few seats.
 * REST answers it with 409 and reason SLOT_HELD.
 */
final class HoldConflictException extends \RuntimeException {
}
