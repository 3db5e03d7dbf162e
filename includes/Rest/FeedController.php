<?php
/**
 * GET feeds/{secret}.ics: the calendar feeds calendar apps subscribe to.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Sync\Feed;
use AppointEase\Sync\FeedKeys;

defined( 'ABSPATH' ) || exit;

/**
 * The secret in the address is the permission (see Sync\FeedKeys for why it
 * is in the path): a wrong or replaced one answers 404, like any address that
 * does not exist. The answer carries an ETag and a Last-Modified and may be
 * kept for five minutes by the subscriber only (`private`); a conditional
 * request for an unchanged feed answers 304 without a body.
 */
final class FeedController extends Controller {

	/** Seconds a subscriber may reuse an answer. */
	private const MAX_AGE = 300;

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'feeds';

	/**
	 * Builds it.
	 *
	 * @param Feed $feed The feed writer.
	 */
	public function __construct( private readonly Feed $feed = new Feed() ) {
	}

	/**
	 * Registers the route; BookingCalendarController's filter sends its answer unencoded.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base . '/(?P<secret>[0-9a-f]{40})\.ics',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					// Public: the secret in the address is checked by the callback, which answers 404 to a wrong one.
					'permission_callback' => '__return_true',
				),
			)
		);
	}

	/**
	 * The feed.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$owner = FeedKeys::owner( (string) $request['secret'] );
		$feed  = null === $owner ? null : $this->feed->render( $owner, new \DateTimeImmutable( 'now' ) );
		if ( null === $feed ) {
			// Only misses count against the read limit: a subscriber's app (Google fetches
			// many people's feeds from a few addresses) is never refused, while guessing
			// addresses, hopeless against 160 bits anyway, is slowed to the limit.
			$limited = RateLimiter::check( 'read' );
			if ( null !== $limited ) {
				return $limited;
			}
			return Errors::make( 'NOT_FOUND', __( 'No calendar feed has this address. It may have been replaced by a new one.', 'appointease' ) );
		}
		$etag     = '"' . hash( 'sha256', $feed['body'] ) . '"';
		$modified = gmdate( 'D, d M Y H:i:s', $feed['last_modified'] ) . ' GMT';
		$response = new \WP_REST_Response( self::unchanged( $request, $etag, $feed['last_modified'] ) ? '' : $feed['body'] );
		if ( '' === $response->get_data() ) {
			$response->set_status( 304 );
		}
		$response->header( 'Content-Type', BookingCalendarController::CONTENT_TYPE );
		$response->header( 'ETag', $etag );
		$response->header( 'Last-Modified', $modified );
		// Customers' appointments: the subscriber may keep it a short while, no shared cache may.
		$response->header( 'Cache-Control', 'private, max-age=' . self::MAX_AGE );
		$response->header( 'Content-Disposition', 'inline; filename="appointments.ics"' );
		return $response;
	}

	/**
	 * Whether the client's copy is current: its If-None-Match names this
	 * ETag, or (without one) its If-Modified-Since is not older than the feed.
	 *
	 * @param \WP_REST_Request $request       The request.
	 * @param string           $etag          The feed's ETag.
	 * @param int              $last_modified The feed's last change, Unix seconds.
	 */
	private static function unchanged( \WP_REST_Request $request, string $etag, int $last_modified ): bool {
		$if_none_match = (string) $request->get_header( 'if_none_match' );
		if ( '' !== $if_none_match ) {
			$tags = array_map( static fn( string $tag ): string => (string) preg_replace( '#^W/#', '', trim( $tag ) ), explode( ',', $if_none_match ) );
			return in_array( $etag, $tags, true ) || in_array( '*', $tags, true );
		}
		$since = strtotime( (string) $request->get_header( 'if_modified_since' ) );
		return false !== $since && $since >= $last_modified;
	}
}
