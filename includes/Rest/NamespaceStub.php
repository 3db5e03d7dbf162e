<?php
/**
 * The plugin's REST namespace without its routes, for REST requests that never
 * reach them.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * Every REST request fires `rest_api_init`, and building the routes in full (nine
 * controllers, about 120 argument schemas with translated descriptions, the
 * settings schema with every email template) and listing them cost about 5
 * million instructions: 5 % of a request for the site's REST index or for
 * another plugin's route, neither of which ever runs ours.
 *
 * For such a request only the namespace is registered, through one hidden stub
 * endpoint on one of its real routes: the site's index names `appointease/v1`,
 * whose own index (`/wp-json/appointease/v1`) describes every route and argument.
 * The first dispatch into the namespace (the request itself, an OPTIONS request,
 * or `rest_do_request()` from other code) registers the full routes before
 * WordPress matches a handler (Routes::complete_before_dispatch); the real route
 * then replaces the stub.
 */
final class NamespaceStub {

	/**
	 * A real route of the namespace, so that the full registration replaces the stub.
	 */
	public const ROUTE = '/services';

	/**
	 * Whether the REST request being served is for a route outside the plugin's
	 * namespace. Only a request WordPress serves from its `rest_route` query
	 * variable can say so; anything else (wp-admin preloading, WP-CLI, tests)
	 * answers false and gets the full routes.
	 */
	public static function request_is_elsewhere(): bool {
		$route = $GLOBALS['wp']->query_vars['rest_route'] ?? null;
		return is_string( $route ) && '' !== $route && ! self::is_ours( $route );
	}

	/**
	 * Whether a route is in the plugin's namespace, spelled any way WordPress
	 * would still match it (any letter case, extra leading slashes).
	 *
	 * @param string $route The request's route.
	 */
	public static function is_ours( string $route ): bool {
		return 1 === preg_match( '#^/*appointease(?:/|$)#i', $route );
	}

	/**
	 * Registers the namespace with the stub endpoint. It is left out of the
	 * index and refuses, though no dispatch reaches it.
	 */
	public static function register(): void {
		register_rest_route(
			Controller::NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => '__return_false',
					'permission_callback' => '__return_false',
					'show_in_index'       => false,
				),
			)
		);
	}
}
