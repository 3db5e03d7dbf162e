<?php
/**
 * REST: GET slots/poll.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Poll;

use AppointEase\Rest\Controller;

defined( 'ABSPATH' ) || exit;

/**
 * The route as the REST index lists it. Most requests never reach it:
 * EarlyPoll answers them before the theme and the REST server load.
 */
final class PollController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'slots/poll';

	/**
	 * Builds it.
	 *
	 * @param callable(): PollResponder $responder Gives the responder.
	 */
	public function __construct( private $responder ) {
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => '__return_true',
					// PollResponder validates both, so that the early path and this route
					// refuse bad input with the same answer (and its no-store header).
					'args'                => array(
						'employee' => array(
							'description' => __( 'Employee id (required).', 'appointease' ),
							'type'        => array( 'integer', 'string' ),
						),
						'date'     => array(
							'description' => __( 'Local date of the calendar, YYYY-MM-DD (required).', 'appointease' ),
							'type'        => 'string',
						),
					),
				),
				// Built only when the index or OPTIONS asks, never on a poll.
				'schema' => array( \AppointEase\Rest\PollSchema::class, 'get' ),
			)
		);
	}

	/**
	 * The answer.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		list( $status, $headers, $body ) = ( $this->responder )()->respond( $request['employee'], $request['date'], $request->get_header( 'if_none_match' ) );
		$response                        = new \WP_REST_Response( $body, $status );
		$response->set_headers( $headers );
		return $response;
	}
}
