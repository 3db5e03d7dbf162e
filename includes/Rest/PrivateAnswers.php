<?php
/**
 * Keeps answers with personal data or secrets out of every cache.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * WordPress sends its no-cache headers only to logged-in users, but the
 * plugin's customers are anonymous: they read their booking (name, email,
 * phone) with a manage token, and get hold and manage tokens in answers. A
 * shared cache (a CDN, a proxy, the browser's back button on a shared
 * computer) must keep none of that. So every answer of the plugin's routes is
 * `Cache-Control: private, no-store`, except the public reads that are the
 * same for everyone (catalogue, availability, capacity, the poll), which
 * set their own caching or none.
 */
final class PrivateAnswers {

	/**
	 * Controllers whose GET answers are public, the same for every visitor.
	 */
	private const PUBLIC_READS = array(
		ServicesController::class,
		EmployeesController::class,
		AvailabilityController::class,
		CapacityController::class,
		\AppointEase\Poll\PollController::class,
		// Not public, but it sets its own private, short caching (calendar apps poll it).
		FeedController::class,
	);

	/**
	 * Hooked to `rest_post_dispatch`.
	 *
	 * @param mixed            $response The answer.
	 * @param \WP_REST_Server  $server   The server.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public static function mark( $response, $server, $request ) {
		if ( ! $response instanceof \WP_HTTP_Response || ! $request instanceof \WP_REST_Request ) {
			return $response;
		}
		$handler = $request->get_attributes();
		if ( ! Controller::handles( $handler ) ) {
			return $response;
		}
		$is_read = in_array( $request->get_method(), array( 'GET', 'HEAD' ), true );
		if ( $is_read && in_array( get_class( $handler['callback'][0] ), self::PUBLIC_READS, true ) ) {
			return $response;
		}
		$response->header( 'Cache-Control', 'private, no-store' );
		return $response;
	}
}
