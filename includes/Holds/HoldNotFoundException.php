<?php
/**
 * Raised when no hold has this id and token.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Either no hold has the id, or the token does not match it: both get this
 * same answer, so that guessing ids teaches nothing. REST answers it with 404
 * and reason HOLD_NOT_FOUND.
 */
final class HoldNotFoundException extends \RuntimeException {
}
