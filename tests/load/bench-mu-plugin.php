<?php
/**
 * Plugin Name: AppointEase benchmark helper
 * Description: Installed by bin/bench.sh for one run and removed when it ends. Never shipped.
 *
 * Only requests that carry the run's secret header are affected, so tests that
 * run against the same local site meanwhile see no difference. For those it
 * - switches the plugin's rate limits off (the benchmark is one client on loopback);
 * - registers row (a) of the benchmark, a "naive" poll route: a plain
 *   register_rest_route() GET handler running one SQL query and one Redis read
 *   on every request, the way most plugins answer a poll.
 *
 * @package AppointEase
 */

defined( 'ABSPATH' ) || exit;

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- only compared with the run's token.
if ( 'cli' === PHP_SAPI || ! isset( $_SERVER['HTTP_X_APPOINTEASE_BENCH'] ) || ! hash_equals( '@BENCH_TOKEN@', (string) $_SERVER['HTTP_X_APPOINTEASE_BENCH'] ) ) {
	return;
}

add_filter( 'appointease_rate_limit_enabled', '__return_false' );

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'appointease-bench/v1',
			'/naive-poll',
			array(
				'methods'             => 'GET',
				'permission_callback' => '__return_true',
				'args'                => array(
					'employee' => array(
						'type'     => 'integer',
						'minimum'  => 1,
						'required' => true,
					),
					'date'     => array(
						'type'     => 'string',
						'pattern'  => '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
						'required' => true,
					),
				),
				'callback'            => 'appointease_bench_naive_poll',
			)
		);
	}
);

/**
 * The naive poll: one query for the day's bookings, one Redis GET for a version.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function appointease_bench_naive_poll( WP_REST_Request $request ) {
	global $wpdb;
	$employee = (int) $request['employee'];
	$date     = (string) $request['date'];
	$next     = gmdate( 'Y-m-d', strtotime( $date . ' +1 day' ) );

	$table = $wpdb->prefix . 'appointease_bookings';
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the point of this route; the table name is ours (%i needs WordPress 6.2).
	$rows = $wpdb->get_results(
		$wpdb->prepare(
			"SELECT start_utc, end_utc, seats FROM {$table} WHERE employee_id = %d AND start_utc >= %s AND start_utc < %s AND status IN ( %s, %s ) ORDER BY start_utc",
			$employee,
			$date . ' 00:00:00',
			$next . ' 00:00:00',
			'pending',
			'confirmed'
		)
	);

	$version = false;
	$redis   = new Redis();
	try {
		$redis->connect( defined( 'APPOINTEASE_REDIS_HOST' ) ? APPOINTEASE_REDIS_HOST : '127.0.0.1', defined( 'APPOINTEASE_REDIS_PORT' ) ? (int) APPOINTEASE_REDIS_PORT : 6379, 0.5 );
		$version = $redis->get( 'appointease-bench:version:' . $employee . ':' . $date );
		$redis->close();
	} catch ( RedisException $e ) {
		$version = false;
	}

	$booked = array();
	foreach ( (array) $rows as $row ) {
		$booked[] = array(
			'start'      => gmdate( DATE_ATOM, (int) strtotime( $row->start_utc . ' UTC' ) ),
			'end'        => gmdate( DATE_ATOM, (int) strtotime( $row->end_utc . ' UTC' ) ),
			'seats_left' => 0,
		);
	}
	return new WP_REST_Response(
		array(
			'version'     => (int) $version,
			'employee'    => $employee,
			'date'        => $date,
			'booked'      => $booked,
			'held'        => array(),
			'server_time' => gmdate( DATE_ATOM ),
		)
	);
}
