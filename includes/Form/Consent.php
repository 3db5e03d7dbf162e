<?php
/**
 * The consent box of the booking form.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Form;

use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * With the `consent_required` setting on, visitors tick "I agree to the
 * privacy policy" (the `consent_text` setting, or a default) beside a link
 * to the site's privacy page; each booking records when and the exact text.
 */
final class Consent {

	/**
	 * Whether visitors must agree before they book.
	 */
	public static function required(): bool {
		return Settings::bool( 'consent_required' );
	}

	/**
	 * The text of the box, as shown.
	 */
	public static function text(): string {
		$text = trim( Settings::text( 'consent_text' ) );
		return '' === $text ? __( 'I agree to the privacy policy.', 'appointease' ) : $text;
	}

	/**
	 * The box as the public form shows it, or null when it is off.
	 *
	 * @return array{text: string, privacy_url: string}|null
	 */
	public static function public_view(): ?array {
		if ( ! self::required() ) {
			return null;
		}
		return array(
			'text'        => self::text(),
			'privacy_url' => get_privacy_policy_url(),
		);
	}
}
