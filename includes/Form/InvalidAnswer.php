<?php
/**
 * A refused answer of the booking form.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Form;

defined( 'ABSPATH' ) || exit;

/**
 * Names the field at fault (its id, or `consent`) and why, with a message
 * for people.
 */
final class InvalidAnswer extends \InvalidArgumentException {

	/**
	 * Builds it.
	 *
	 * @param string $field   The field id, or `consent`.
	 * @param string $reason  required, invalid, not_an_option, too_long or unknown.
	 * @param string $message For people; translated.
	 */
	public function __construct( public readonly string $field, public readonly string $reason, string $message ) {
		parent::__construct( $message );
	}
}
