<?php
/**
 * The stack's maildev, read through its REST API.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

require_once __DIR__ . '/stack.php';

/**
 * What the site really sent over SMTP, as maildev received and parsed it:
 * no hook inside WordPress, so the tests see the MIME parts, headers and
 * attachments a mail client would. One maildev serves a whole test run, so
 * a test clears it first, or looks for addresses of its own.
 *
 * Each email is maildev's JSON: id, subject, to [{address, name}], text,
 * html, headers, attachments [{filename, contentType, …}], time.
 */
final class Maildev {

	// phpcs:disable WordPress.WP.AlternativeFunctions -- a test helper talking to a local server; WordPress's HTTP API is filtered by the site under test.

	/**
	 * The base URL of maildev, e.g. http://127.0.0.1:1080.
	 */
	public static function url(): string {
		$stack = appointease_tests_stack();
		if ( ! isset( $stack['maildev_url'] ) || '' === $stack['maildev_url'] ) {
			throw new \RuntimeException( 'The stack file names no maildev: run `npm run demo` (or bin/test.sh) again to rewrite it.' );
		}
		return rtrim( $stack['maildev_url'], '/' );
	}

	/**
	 * Every email maildev holds, oldest first.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function all(): array {
		$emails = json_decode( self::request( 'GET', '/api/email' ), true );
		return is_array( $emails ) ? array_values( $emails ) : array();
	}

	/**
	 * Deletes every email.
	 */
	public static function clear(): void {
		self::request( 'DELETE', '/api/email/all' );
	}

	/**
	 * The emails to an address (To), oldest first, whose subject contains
	 * $subject; waits up to $timeout seconds for at least $count of them.
	 *
	 * @param string $address The recipient.
	 * @param int    $count   How many to wait for (0: do not wait).
	 * @param string $subject Part of the subject, or '' for any.
	 * @param float  $timeout Seconds to wait at most.
	 * @return array<int, array<string, mixed>>
	 */
	public static function to( string $address, int $count = 1, string $subject = '', float $timeout = 10.0 ): array {
		$deadline = microtime( true ) + $timeout;
		do {
			$found = array_values(
				array_filter(
					self::all(),
					static function ( array $email ) use ( $address, $subject ): bool {
						$to = array_map( static fn( $who ): string => strtolower( (string) ( $who['address'] ?? '' ) ), (array) ( $email['to'] ?? array() ) );
						return in_array( strtolower( $address ), $to, true ) && ( '' === $subject || str_contains( (string) ( $email['subject'] ?? '' ), $subject ) );
					}
				)
			);
			if ( count( $found ) >= $count ) {
				return $found;
			}
			usleep( 100000 );
		} while ( microtime( true ) < $deadline );
		return $found;
	}

	/**
	 * An attachment's content.
	 *
	 * @param array<string, mixed> $email    From all() or to().
	 * @param string               $filename Its file name.
	 */
	public static function attachment( array $email, string $filename ): string {
		foreach ( (array) ( $email['attachments'] ?? array() ) as $file ) {
			if ( ( $file['filename'] ?? '' ) === $filename ) {
				return self::request( 'GET', '/api/email/' . rawurlencode( (string) $email['id'] ) . '/attachment/' . rawurlencode( (string) $file['generatedFileName'] ) );
			}
		}
		return '';
	}

	/**
	 * The raw message, as it came over SMTP.
	 *
	 * @param array<string, mixed> $email From all() or to().
	 */
	public static function source( array $email ): string {
		return self::request( 'GET', '/api/email/' . rawurlencode( (string) $email['id'] ) . '/source' );
	}

	/**
	 * One call to maildev's API, with a timeout.
	 *
	 * @param non-empty-string $method HTTP method.
	 * @param string           $path   Path below the base URL.
	 * @return string The answer's body.
	 * @throws \RuntimeException When maildev does not answer 2xx.
	 */
	private static function request( string $method, string $path ): string {
		$curl = curl_init( self::url() . $path );
		curl_setopt_array(
			$curl,
			array(
				CURLOPT_CUSTOMREQUEST  => $method,
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_CONNECTTIMEOUT => 2,
				CURLOPT_TIMEOUT        => 10,
			)
		);
		$body   = curl_exec( $curl );
		$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
		if ( ! is_string( $body ) || $status < 200 || $status > 299 ) {
			throw new \RuntimeException( sprintf( 'maildev (%s) answered %s %s with %d: %s', self::url(), $method, $path, $status, is_string( $body ) ? $body : curl_error( $curl ) ) );
		}
		return $body;
	}

	// phpcs:enable
}
