<?php
/**
 * Raised when the hold store cannot be reached.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * Redis did not answer (or answered with an error), or the database failed.
 * FailoverHoldStore turns a Redis failure into a switch to the database; a
 * failure that reaches REST is answered with 503 and reason STORE_UNAVAILABLE.
 */
final class StoreUnavailableException extends \RuntimeException {
}
