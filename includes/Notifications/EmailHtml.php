<?php
/**
 * The HTML part of an email, from the same text as its plain part.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Templates are plain text, edited as such in the settings. Their HTML part
 * is that text escaped, with every placeholder value escaped too (a customer
 * named `<b>&` reads as typed, never as markup), blank lines as paragraphs,
 * line breaks kept, and the link placeholders as links. The plain part is
 * the same text with the plain values (Placeholders::fill()).
 */
final class EmailHtml {

	/** Placeholders whose value is a URL of the site's own, shown as a link. */
	public const LINKS = array( '{manage_link}', '{booking_page}', '{site_url}', '{confirm_link}', '{admin_link}' );

	/**
	 * A template's HTML content: escaped text, escaped values, links.
	 *
	 * @param string                $template The body template (plain text).
	 * @param array<string, string> $values   Placeholder (with braces) => plain value.
	 */
	public static function fill( string $template, array $values ): string {
		$html = array();
		foreach ( $values as $name => $value ) {
			$html[ self::escape( $name ) ] = in_array( $name, self::LINKS, true ) ? self::link( $value ) : self::escape( $value );
		}
		return self::paragraphs( strtr( self::escape( str_replace( "\r\n", "\n", $template ) ), $html ) );
	}

	/**
	 * The HTML content of a message that has a plain body only (a filter's,
	 * or a future email's): escaped, with its web addresses as links.
	 *
	 * @param string $text The plain body.
	 */
	public static function from_text( string $text ): string {
		$parts = preg_split( '#(https?://[^\s<>"]+)#', str_replace( "\r\n", "\n", $text ), -1, PREG_SPLIT_DELIM_CAPTURE );
		$html  = '';
		foreach ( is_array( $parts ) ? $parts : array( $text ) as $i => $part ) {
			$html .= 1 === $i % 2 ? self::link( $part ) : self::escape( $part );
		}
		return self::paragraphs( $html );
	}

	/**
	 * Text as HTML text: every special character escaped, entities too.
	 *
	 * @param string $text Plain text.
	 */
	public static function escape( string $text ): string {
		return htmlspecialchars( $text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8' );
	}

	/**
	 * A web address as a link showing itself; anything else as escaped text.
	 *
	 * @param string $url The address.
	 */
	private static function link( string $url ): string {
		$href = esc_url( $url, array( 'http', 'https' ) );
		if ( '' === $url || '' === $href ) {
			return self::escape( $url );
		}
		return '<a href="' . $href . '" style="color:' . EmailLayout::ACCENT_PLACEHOLDER . ';word-break:break-all;">' . self::escape( $url ) . '</a>';
	}

	/**
	 * Escaped text with blank lines as paragraphs and line breaks as `<br>`.
	 *
	 * @param string $html Escaped text.
	 */
	private static function paragraphs( string $html ): string {
		$out        = '';
		$paragraphs = preg_split( "/\n[ \t]*\n/", trim( $html ) );
		foreach ( is_array( $paragraphs ) ? $paragraphs : array() as $paragraph ) {
			if ( '' !== trim( $paragraph ) ) {
				$out .= '<p style="margin:0 0 16px 0;">' . nl2br( trim( $paragraph ), false ) . "</p>\n";
			}
		}
		return $out;
	}
}
