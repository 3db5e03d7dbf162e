<?php
/**
 * A request the booking rules refuse, with the reason a caller can act on.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown by the booking service; the REST layer turns it into the error
 * envelope (its reason picks the HTTP status, see Rest\Errors).
 */
final class Refusal extends \RuntimeException {

	/**
	 * Builds the refusal.
	 *
	 * @param string $reason  One of Rest\Errors::STATUS's keys, e.g. SLOT_TAKEN.
	 * @param string $message A translated sentence for people.
	 */
	public function __construct( public readonly string $reason, string $message ) {
		parent::__construct( $message );
	}
}
