<?php
/**
 * Raised when the holder's hold has run out.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * The id and token match, but the hold's time to live or its maximum life has
 * passed, so it no longer counts and cannot be renewed or moved. The visitor
 * picks a time again. REST answers it with 410 and reason HOLD_EXPIRED.
 */
final class HoldExpiredException extends \RuntimeException {
}
