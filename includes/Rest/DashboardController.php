<?php
/**
 * REST: the admin dashboard's figures.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Admin\DashboardFigures;

defined( 'ABSPATH' ) || exit;

/**
 * `GET dashboard` answers the figures of the AppointEase dashboard
 * (DashboardFigures), for managers only.
 */
final class DashboardController extends Controller {

	/** The most weeks a chart may show. */
	public const MAX_WEEKS = 26;

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'dashboard';

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
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => array(
						'weeks' => array(
							'description' => __( 'How many weeks the charts show, the current week last.', 'appointease' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => self::MAX_WEEKS,
							'default'     => 8,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The figures.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		$figures  = new DashboardFigures( wp_timezone(), new \DateTimeImmutable( 'now' ) );
		$response = self::json( $figures->all( (int) $request['weeks'] ) );
		$response->header( 'Cache-Control', 'private, no-store' );
		return $response;
	}

	/**
	 * The answer's schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		$count = array(
			'type'    => 'integer',
			'minimum' => 0,
		);
		$date  = array(
			'type'   => 'string',
			'format' => 'date',
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'dashboard',
			'type'       => 'object',
			'properties' => array(
				'today'        => $date + array( 'description' => __( "Today's date in the site's timezone.", 'appointease' ) ),
				'week_start'   => $date + array( 'description' => __( "This week's Monday.", 'appointease' ) ),
				'today_count'  => $count + array( 'description' => __( 'Bookings that start today (pending, confirmed, completed or no-show).', 'appointease' ) ),
				'week_count'   => $count + array( 'description' => __( 'Bookings that start this week.', 'appointease' ) ),
				'weeks'        => array(
					'description' => __( 'One entry per week, oldest first, the current week last.', 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'required'             => array( 'start', 'bookings', 'cancellations', 'no_shows', 'revenue' ),
						'properties'           => array(
							'start'         => $date,
							'bookings'      => $count,
							'cancellations' => $count,
							'no_shows'      => $count,
							'revenue'       => array(
								'description' => __( 'Price × seats of the bookings that start this week.', 'appointease' ),
								'type'        => 'number',
							),
						),
					),
				),
				'no_show_rate' => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'required'             => array( 'no_shows', 'happened', 'rate' ),
					'properties'           => array(
						'no_shows' => $count,
						'happened' => $count + array( 'description' => __( 'Completed and no-show bookings of the weeks shown.', 'appointease' ) ),
						'rate'     => array(
							'description' => __( 'No-shows ÷ happened, from 0 to 1; null when nothing happened.', 'appointease' ),
							'type'        => array( 'number', 'null' ),
						),
					),
				),
				'utilisation'  => array(
					'description' => __( "This week's booked and working minutes of each active employee.", 'appointease' ),
					'type'        => 'array',
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'required'             => array( 'employee', 'name', 'booked_minutes', 'working_minutes' ),
						'properties'           => array(
							'employee'        => array( 'type' => 'integer' ),
							'name'            => array( 'type' => 'string' ),
							'booked_minutes'  => $count,
							'working_minutes' => $count,
						),
					),
				),
			),
			'required'   => array( 'today', 'week_start', 'today_count', 'week_count', 'weeks', 'no_show_rate', 'utilisation' ),
		);
	}
}
