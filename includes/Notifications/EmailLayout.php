<?php
/**
 * The HTML document around every email's content.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Blocks\BookingBlock;

defined( 'ABSPATH' ) || exit;

/**
 * One responsive layout for every email, built the way mail clients render
 * reliably: nested tables, inline styles only (Gmail and Outlook drop or
 * ignore much of a `<style>` block), a 600 px column that shrinks on a phone
 * (width 100%, max-width 600px), web-safe fonts. It shows the site's icon as
 * the logo when one is set, the site's name, and the accent colour of the
 * booking block (a stripe on top and the links).
 *
 * Built when the email is sent (from the outbox), not when a booking queues
 * it: reading the theme's colours costs a request nothing then.
 */
final class EmailLayout {

	/** What the content's links carry for a colour until the document is built. */
	public const ACCENT_PLACEHOLDER = '%%appointease-accent%%';

	/** The booking block's own default accent (style.scss). */
	public const DEFAULT_ACCENT = '#2271b1';

	/**
	 * The whole HTML document.
	 *
	 * @param string $content The email's HTML content (EmailHtml).
	 * @param string $subject Its subject, as the document's title.
	 */
	public static function document( string $content, string $subject ): string {
		$accent = self::accent();
		$name   = EmailHtml::escape( wp_specialchars_decode( (string) get_bloginfo( 'name' ), ENT_QUOTES ) );
		$home   = esc_url( home_url( '/' ) );
		$icon   = get_site_icon_url( 96 );
		$logo   = '' === $icon ? '' : '<img src="' . esc_url( $icon ) . '" width="48" height="48" alt="" style="display:block;border:0;width:48px;height:48px;border-radius:8px;margin:0 auto 8px auto;">';
		$body   = str_replace( self::ACCENT_PLACEHOLDER, $accent, $content );
		$title  = EmailHtml::escape( $subject );
		$font   = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

		return '<!DOCTYPE html>
<html lang="' . esc_attr( get_bloginfo( 'language' ) ) . '">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>' . $title . '</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:600px;">
<tr><td align="center" style="padding:0 0 16px 0;font-family:' . $font . ';">
' . $logo . '<a href="' . $home . '" style="color:#1f2937;text-decoration:none;font-size:20px;font-weight:bold;">' . $name . '</a>
</td></tr>
<tr><td style="background-color:#ffffff;border-top:4px solid ' . $accent . ';border-radius:6px;padding:28px 24px;font-family:' . $font . ';font-size:16px;line-height:1.5;color:#1f2937;">
' . $body . '</td></tr>
<tr><td align="center" style="padding:16px 0 0 0;font-family:' . $font . ';font-size:13px;line-height:1.5;color:#6b7280;">
<a href="' . $home . '" style="color:#6b7280;">' . $name . '</a>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
';
	}

	/**
	 * The accent colour as a colour every mail client understands (hex or
	 * rgb()): the booking block's, with a theme preset resolved to its value
	 * (email clients know no CSS variables), else the block's default.
	 */
	public static function accent(): string {
		$accent = BookingBlock::accent_from_block( array() );
		if ( 1 === preg_match( '/^var\(--wp--preset--color--([a-z0-9-]+)\)$/', $accent, $match ) ) {
			$accent = self::preset( $match[1] );
		}
		/**
		 * Filters the accent colour of the emails (a hex or rgb() colour).
		 *
		 * @param string $accent The block's accent, or its default.
		 */
		$accent = (string) apply_filters( 'appointease_email_accent', '' === $accent ? self::DEFAULT_ACCENT : $accent );
		return 1 === preg_match( '/^(#[0-9a-f]{3,8}|rgba?\([0-9\s.,%]+\)|[a-z]{3,20})$/i', $accent ) ? $accent : self::DEFAULT_ACCENT;
	}

	/**
	 * The colour of a palette preset, or ''.
	 *
	 * @param string $slug The preset's slug, in CSS form (kebab case).
	 */
	private static function preset( string $slug ): string {
		$palettes = wp_get_global_settings( array( 'color', 'palette' ) );
		foreach ( array( 'custom', 'theme', 'default' ) as $origin ) {
			foreach ( (array) ( $palettes[ $origin ] ?? array() ) as $entry ) {
				if ( is_array( $entry ) && isset( $entry['slug'], $entry['color'] ) && _wp_to_kebab_case( (string) $entry['slug'] ) === $slug ) {
					return (string) $entry['color'];
				}
			}
		}
		return '';
	}
}
