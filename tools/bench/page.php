<?php
/**
 * Renders one front-end URL of the local site with PHP's CLI, as php-fpm would
 * through index.php, for bin/bench.sh's page-overhead row.
 *
 *   APPOINTEASE_BENCH_PLUGIN=on|off APPOINTEASE_BENCH_STATS=<file> \
 *   [APPOINTEASE_BENCH_PLUGIN_DIR=<plugins folder>] php tools/bench/page.php <WordPress folder> <URL>
 *
 * "off" is the same site, same database and same code with only AppointEase left
 * out of the active plugins for this one process: the option is filtered on
 * read, never written, so the measurement leaves the site's data as it is. Both
 * modes install the same two hooks (the filter simply returns the list unchanged
 * when "on"), so the only difference between them is the plugin itself.
 *
 * The page's output is counted and dropped. The stats file gets one JSON object:
 * the HTTP status, bytes of output, the number of queries and each query's text.
 *
 * Never shipped; used only by bin/bench.sh.
 *
 * @package AppointEase
 */

// phpcs:disable WordPress.Security, WordPress.WP.GlobalVariablesOverride, WordPress.WP.AlternativeFunctions, WordPress.NamingConventions.PrefixAllGlobals -- a bench harness that stands in for the web server, never shipped.

if ( 'cli' !== PHP_SAPI || $argc < 3 ) {
	fwrite( STDERR, "usage: php tools/bench/page.php <WordPress folder> <URL>\n" );
	exit( 2 );
}

$appointease_bench_wp   = rtrim( $argv[1], '/' );
$appointease_bench_url  = parse_url( $argv[2] );
$appointease_bench_on   = 'off' !== getenv( 'APPOINTEASE_BENCH_PLUGIN' );
$appointease_bench_file = (string) getenv( 'APPOINTEASE_BENCH_STATS' );

// The request as nginx hands it to php-fpm for a GET of the URL.
$appointease_bench_host = $appointease_bench_url['host'] . ( isset( $appointease_bench_url['port'] ) ? ':' . $appointease_bench_url['port'] : '' );
$appointease_bench_path = ( $appointease_bench_url['path'] ?? '/' );
$appointease_bench_qs   = $appointease_bench_url['query'] ?? '';
$_SERVER                = array_merge(
	$_SERVER,
	array(
		'REQUEST_METHOD'  => 'GET',
		'REQUEST_URI'     => $appointease_bench_path . ( '' === $appointease_bench_qs ? '' : '?' . $appointease_bench_qs ),
		'QUERY_STRING'    => $appointease_bench_qs,
		'HTTP_HOST'       => $appointease_bench_host,
		'SERVER_NAME'     => $appointease_bench_url['host'],
		'SERVER_PORT'     => (string) ( $appointease_bench_url['port'] ?? 80 ),
		'SERVER_PROTOCOL' => 'HTTP/1.1',
		'REMOTE_ADDR'     => '127.0.0.1',
		'HTTP_USER_AGENT' => 'AppointEase page bench',
		'HTTP_ACCEPT'     => 'text/html,application/json',
		'DOCUMENT_ROOT'   => $appointease_bench_wp,
		'SCRIPT_FILENAME' => $appointease_bench_wp . '/index.php',
		'SCRIPT_NAME'     => '/index.php',
		'PHP_SELF'        => '/index.php',
	)
);
unset( $_SERVER['argv'], $_SERVER['argc'] );
parse_str( $appointease_bench_qs, $_GET );
$_REQUEST = $_GET;

// A copy of the plugin as it ships (bin/bench.sh makes it) instead of the working tree,
// so that edits made meanwhile cannot change the code between two renders. Both modes
// use it; the URLs stay those of the site's own plugins folder.
$appointease_bench_plugins = (string) getenv( 'APPOINTEASE_BENCH_PLUGIN_DIR' );
if ( '' !== $appointease_bench_plugins ) {
	define( 'WP_PLUGIN_DIR', rtrim( $appointease_bench_plugins, '/' ) );
	define( 'WP_PLUGIN_URL', $appointease_bench_url['scheme'] . '://' . $appointease_bench_host . '/wp-content/plugins' );
}

// WP-Cron would spawn an HTTP request (and write a lock) whenever an event is due:
// that is neither the page's own work nor repeatable, so it stays off in both modes.
define( 'DISABLE_WP_CRON', true );

$appointease_bench_queries = array();

// Hooks given before WordPress loads: wp-includes/plugin.php turns these into WP_Hook objects.
$GLOBALS['wp_filter'] = array(
	'option_active_plugins' => array(
		10 => array(
			array(
				'function'      => static function ( $plugins ) use ( $appointease_bench_on ) {
					if ( $appointease_bench_on || ! is_array( $plugins ) ) {
						return $plugins;
					}
					return array_values( array_diff( $plugins, array( 'appointease/appointease.php' ) ) );
				},
				'accepted_args' => 1,
			),
		),
	),
	// Last, so it sees each query as it goes to the server.
	'query'                 => array(
		PHP_INT_MAX => array(
			array(
				'function'      => static function ( $sql ) use ( &$appointease_bench_queries ) {
					$appointease_bench_queries[] = preg_replace( '/\s+/', ' ', trim( (string) $sql ) );
					return $sql;
				},
				'accepted_args' => 1,
			),
		),
	),
);

$appointease_bench_bytes = 0;
ob_start(
	static function ( $chunk ) use ( &$appointease_bench_bytes ) {
		$appointease_bench_bytes += strlen( $chunk );
		return '';
	}
);

// PHP runs shutdown functions in order; this one is added from the last shutdown
// function registered so far, so it runs after WordPress's own `shutdown` action.
register_shutdown_function(
	static function () use ( &$appointease_bench_queries, &$appointease_bench_bytes, $appointease_bench_file ) {
		register_shutdown_function(
			static function () use ( &$appointease_bench_queries, &$appointease_bench_bytes, $appointease_bench_file ) {
				while ( ob_get_level() > 0 ) {
					ob_end_flush();
				}
				if ( '' === $appointease_bench_file ) {
					return;
				}
				$stats = array(
					'status'  => http_response_code(),
					'bytes'   => $appointease_bench_bytes,
					'loaded'  => defined( 'APPOINTEASE_VERSION' ),
					'queries' => $appointease_bench_queries,
				);
				file_put_contents( $appointease_bench_file, json_encode( $stats, JSON_UNESCAPED_SLASHES ) );
			}
		);
	}
);

chdir( $appointease_bench_wp );
require $appointease_bench_wp . '/index.php';
