<?php
/**
 * A `db-error.php` drop-in: what WordPress sends when it cannot reach its
 * database. WordPress includes wp-content/db-error.php from wpdb::db_connect()
 * and dead_db(), before any plugin (even a must-use one) has loaded, and
 * dies right after it. Without it, every request made while MariaDB is down
 * or restarting gets a 500 "Error establishing a database connection" page,
 * REST calls included.
 *
 * This one answers 503 with Retry-After, so clients and crawlers know to come
 * back, and on AppointEase's REST routes it answers the plugin's own error
 * envelope with the reason STORE_UNAVAILABLE, which the booking front end
 * already turns into "try again in a moment".
 *
 * It ships with the plugin; a site installs it by copying it to
 * wp-content/db-error.php (docs/deployment.md). The local demo site and the
 * chaos stack have it.
 *
 * @package AppointEase
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether the failed request was for AppointEase's REST namespace, pretty
 * permalinks (/wp-json/appointease/...) or plain ones (?rest_route=/appointease/...).
 */
function appointease_db_error_is_rest(): bool {
	// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput -- only matched against fixed patterns, never printed.
	$uri   = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '';
	$route = isset( $_GET['rest_route'] ) && is_string( $_GET['rest_route'] ) ? $_GET['rest_route'] : '';
	// phpcs:enable
	return 1 === preg_match( '#/wp-json/appointease/#', $uri ) || 1 === preg_match( '#^/?appointease/#', $route );
}

if ( ! headers_sent() ) {
	header( 'HTTP/1.1 503 Service Unavailable', true, 503 );
	header( 'Retry-After: 5' );
	header( 'Cache-Control: no-store' );
}

if ( appointease_db_error_is_rest() ) {
	if ( ! headers_sent() ) {
		header( 'Content-Type: application/json; charset=UTF-8' );
	}
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.WP.AlternativeFunctions.json_encode_json_encode -- JSON of fixed strings; wp_json_encode() may not be loaded yet.
	echo json_encode(
		array(
			'code'    => 'appointease_store_unavailable',
			// Plain English: translations need the locale, which is an option in the unreachable database.
			'message' => 'Bookings are unavailable for a moment. Please try again shortly.',
			'data'    => array(
				'status' => 503,
				'reason' => 'STORE_UNAVAILABLE',
			),
		)
	);
	return;
}

if ( ! headers_sent() ) {
	header( 'Content-Type: text/html; charset=UTF-8' );
}
?>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>Temporarily unavailable</title></head>
<body><h1>Temporarily unavailable</h1><p>This site cannot reach its database right now. Please try again in a moment.</p></body>
</html>
