<?php
/**
 * Answers GET slots/poll, from the REST route or early in the request.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Poll;

use AppointEase\Holds\StoreUnavailableException;
use AppointEase\Infrastructure\Translations;
use AppointEase\Rest\Errors;
use AppointEase\Rest\Input;
use AppointEase\Rest\RateLimiter;

defined( 'ABSPATH' ) || exit;

/**
 * Validates the two parameters and builds the status, headers and body of
 * the answer. The REST route and the early path both send what it builds,
 * so they cannot drift apart.
 */
final class PollResponder {

	/**
	 * Cache headers of a successful answer: one second, for browsers and shared caches alike.
	 */
	public const CACHE_CONTROL = 'public, max-age=1, s-maxage=1';

	/**
	 * Builds it.
	 *
	 * @param PollService $poll The answer's source.
	 */
	public function __construct( private readonly PollService $poll ) {
	}

	/**
	 * Status, headers and body for these query parameters.
	 *
	 * @param mixed       $employee      The `employee` parameter.
	 * @param mixed       $date          The `date` parameter.
	 * @param string|null $if_none_match The If-None-Match header, if sent.
	 * @return array{0: int, 1: array<string, string>, 2: array<string, mixed>|null}
	 */
	public function respond( $employee, $date, ?string $if_none_match ): array {
		$limited = RateLimiter::check( 'poll' );
		if ( null !== $limited ) {
			$data = (array) $limited->get_error_data();
			return array(
				429,
				array(
					'Cache-Control' => 'no-store',
					'Retry-After'   => (string) (int) ( $data['retry_after'] ?? 60 ),
				),
				array(
					'code'    => $limited->get_error_code(),
					'message' => $limited->get_error_message(),
					'data'    => $data,
				),
			);
		}
		$id = is_string( $employee ) || is_int( $employee ) ? filter_var(
			$employee,
			FILTER_VALIDATE_INT,
			array(
				'options' => array(
					'min_range' => 1,
					'max_range' => 4294967295,
				),
			)
		) : false;
		if ( false === $id || ! Input::is_local_date( $date ) ) {
			return self::error( 'VALIDATION_ERROR' );
		}
		try {
			$answer = $this->poll->answer( (int) $id, (string) $date, new \DateTimeImmutable( 'now' ) );
		} catch ( StoreUnavailableException $unavailable ) {
			return self::error( 'STORE_UNAVAILABLE' );
		}
		if ( null === $answer ) {
			return self::error( 'NOT_FOUND' );
		}
		$etag    = PollService::etag( $answer );
		$headers = array(
			'ETag'          => $etag,
			'Cache-Control' => self::CACHE_CONTROL,
		);
		if ( null !== $if_none_match && self::matches( $etag, $if_none_match ) ) {
			return array( 304, $headers, null );
		}
		return array( 200, $headers, $answer );
	}

	/**
	 * Whether If-None-Match names this tag. The comparison is the weak one
	 * HTTP prescribes for If-None-Match: a proxy that compresses the answer
	 * (nginx's gzip) turns the tag into W/"…", and clients send that back.
	 *
	 * @param string $etag          The answer's tag.
	 * @param string $if_none_match The header: tags separated by commas, or *.
	 */
	private static function matches( string $etag, string $if_none_match ): bool {
		foreach ( explode( ',', $if_none_match ) as $tag ) {
			$tag = trim( $tag );
			if ( '*' === $tag || ( str_starts_with( $tag, 'W/' ) ? substr( $tag, 2 ) : $tag ) === $etag ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An error in the envelope, never cached.
	 *
	 * The early poll gets here before `init`: Translations::prepare() makes
	 * the message translatable there without WordPress's "too early" notice,
	 * and only here, so the 200/304 path loads no translations at all.
	 *
	 * @param string $reason VALIDATION_ERROR, STORE_UNAVAILABLE or NOT_FOUND.
	 * @return array{0: int, 1: array<string, string>, 2: array<string, mixed>}
	 */
	private static function error( string $reason ): array {
		Translations::prepare();
		$message = match ( $reason ) {
			'VALIDATION_ERROR'  => __( 'Send employee (a positive id) and date (YYYY-MM-DD).', 'appointease' ),
			'STORE_UNAVAILABLE' => __( 'Live times are unavailable for a moment. Please try again.', 'appointease' ),
			default             => __( 'This employee does not exist or cannot be booked.', 'appointease' ),
		};
		$error = Errors::make( $reason, $message );
		return array(
			Errors::STATUS[ $reason ],
			array( 'Cache-Control' => 'no-store' ),
			array(
				'code'    => $error->get_error_code(),
				'message' => $error->get_error_message(),
				'data'    => $error->get_error_data(),
			),
		);
	}
}
