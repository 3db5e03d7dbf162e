<?php
/**
 * The JSON schemas of the `appointease/v1` routes, as WordPress itself
 * publishes them in the REST index (`GET /wp-json/appointease/v1?context=help`),
 * for a WordPress that is already loaded: tools/rest-schemas.php (behind
 * `npm run generate:types`) and RestTypesDriftTest both read them here.
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
