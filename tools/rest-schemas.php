<?php
/**
 * The JSON schemas of the `appointease/v1` routes, as WordPress itself
 * publishes them in the REST index (`GET /wp-json/appointease/v1?context=help`).
 *
 * Run as a script (`php tools/rest-schemas.php`), it loads the local stack's
 * WordPress ($APPOINTEASE_RUNTIME/stack.json) and prints them as JSON for
 * tools/generate-rest-types.mjs. Included (the drift test), it only defines
 * appointease_rest_schemas(), for a WordPress that is already loaded.
 *
 * Going through the REST server, not the controllers, means the types follow
 * exactly what clients can read from the index, additional fields included.
 *
 * @package AppointEase
 */

declare(strict_types=1);

/**
 * Route => {methods, schema} for every route of the namespace that has a
 * schema, sorted by route so that the output is stable.
 *
 * @return array<string, array{methods: list<string>, schema: array<string, mixed>}>
 */
function appointease_rest_schemas(): array {
	// Descriptions are translated: the generated file must not depend on the site's language.
	$switched = switch_to_locale( 'en_US' );
	$request  = new WP_REST_Request( 'GET', '/appointease/v1' );
	$request->set_param( 'context', 'help' );
	$data = rest_get_server()->dispatch( $request )->get_data();
	if ( $switched ) {
		restore_previous_locale();
	}
	$routes = array();
	foreach ( (array) ( $data['routes'] ?? array() ) as $route => $info ) {
		if ( ! isset( $info['schema'] ) || ! is_array( $info['schema'] ) ) {
			continue;
		}
		$methods = array_values( array_unique( array_map( 'strval', (array) ( $info['methods'] ?? array() ) ) ) );
		sort( $methods );
		$routes[ (string) $route ] = array(
			'methods' => $methods,
			'schema'  => $info['schema'],
		);
	}
	ksort( $routes );
	return $routes;
}

// Run as a script: load the stack's WordPress and print the schemas.
if ( PHP_SAPI === 'cli' && isset( $argv[0] ) && realpath( $argv[0] ) === __FILE__ ) {
	require dirname( __DIR__ ) . '/tests/php/Integration/Support/stack.php';
	$appointease_stack = appointease_tests_stack();
	appointease_tests_fake_request( $appointease_stack );
	define( 'WP_USE_THEMES', false );
	require $appointease_stack['wp_dir'] . '/wp-load.php';
	echo wp_json_encode( appointease_rest_schemas(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
}
