<?php
/**
 * A REST request for another route registers only the namespace; the first
 * dispatch into the namespace gets every route in full.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Rest\Controller;
use AppointEase\Rest\NamespaceStub;

final class NamespaceStubTest extends RestTestCase {

	protected function tear_down(): void {
		unset( $GLOBALS['wp']->query_vars['rest_route'] );
		parent::tear_down();
	}

	/**
	 * A fresh server, set up as WordPress does when it serves a REST request for $route.
	 *
	 * @param string $route The request's route, as in the `rest_route` query variable.
	 */
	private function serve( string $route ): \WP_REST_Server {
		global $wp_rest_server;
		$GLOBALS['wp']->query_vars['rest_route'] = $route;
		// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- a fresh server, as in RestTestCase::set_up().
		$wp_rest_server = new \WP_REST_Server();
		do_action( 'rest_api_init', $wp_rest_server );
		return $wp_rest_server;
	}

	/**
	 * The routes of the namespace and how many endpoints each has.
	 *
	 * @param \WP_REST_Server $server The server.
	 * @return array<string, int>
	 */
	private static function our_routes( \WP_REST_Server $server ): array {
		$routes = array();
		foreach ( $server->get_routes( Controller::NAMESPACE ) as $route => $handlers ) {
			$routes[ $route ] = count( $handlers );
		}
		ksort( $routes );
		return $routes;
	}

	public function test_the_site_index_names_the_namespace_without_building_its_routes(): void {
		$full = self::our_routes( rest_get_server() );

		$server = $this->serve( '/' );
		$this->assertSame(
			array(
				'/appointease/v1'                        => 1,
				'/appointease/v1' . NamespaceStub::ROUTE => 1,
			),
			self::our_routes( $server ),
			'only the namespace and the stub are registered'
		);
		$this->assertGreaterThan( 10, count( $full ), 'the full registration has every route' );

		$index = $server->get_index( new \WP_REST_Request( 'GET', '/' ) )->get_data();
		$this->assertContains( Controller::NAMESPACE, $index['namespaces'] );
		$this->assertArrayHasKey( '/appointease/v1', $index['routes'] );
		$this->assertArrayNotHasKey( '/appointease/v1' . NamespaceStub::ROUTE, $index['routes'], 'the stub is not listed' );
	}

	public function test_a_request_for_another_namespace_gets_the_stub_too(): void {
		$this->assertCount( 2, self::our_routes( $this->serve( '/wp/v2/posts' ) ) );
	}

	public function test_requests_into_the_namespace_get_the_full_routes_from_the_start(): void {
		$full = self::our_routes( rest_get_server() );
		foreach ( array( '/appointease/v1/services', '/AppointEase/V1/Holds', '//appointease/v1', '/appointease' ) as $route ) {
			$this->assertSame( $full, self::our_routes( $this->serve( $route ) ), $route );
		}
	}

	/**
	 * Each way into the namespace after a stub registration: the routes are
	 * complete before WordPress matches, so arguments are checked and the
	 * real handler answers.
	 *
	 * @return array<string, array{0: string}>
	 */
	public function dispatches(): array {
		return array(
			'as registered'   => array( '/appointease/v1/availability' ),
			'odd letter case' => array( '/AppointEase/v1/Availability' ),
		);
	}

	/**
	 * @dataProvider dispatches
	 *
	 * @param string $route The route dispatched.
	 */
	public function test_a_dispatch_into_the_namespace_completes_the_routes_first( string $route ): void {
		$full   = self::our_routes( rest_get_server() );
		$server = $this->serve( '/wp/v2/posts' );

		$request = new \WP_REST_Request( 'GET', $route );
		$request->set_query_params(
			array(
				'service' => 'not-a-number',
				'from'    => $this->monday,
				'to'      => $this->monday,
			)
		);
		$answer = rest_do_request( $request );
		$this->assertSame( 400, $answer->get_status(), 'the arguments of the full route are checked' );
		$this->assertSame( 'rest_invalid_param', $answer->get_data()['code'] );

		$this->assertSame( $full, self::our_routes( $server ), 'every route is registered once, the stub replaced' );
		foreach ( $server->get_routes( Controller::NAMESPACE ) as $handlers ) {
			foreach ( $handlers as $handler ) {
				$this->assertNotSame( '__return_false', $handler['callback'], 'no stub handler is left' );
			}
		}

		$listed = $this->get( 'services' );
		$this->assertSame( 200, $listed->get_status(), 'the stub route is now the real one' );
	}

	public function test_options_and_the_namespace_index_describe_every_argument(): void {
		$this->serve( '/' );
		$options = rest_do_request( new \WP_REST_Request( 'OPTIONS', '/appointease/v1/holds' ) );
		$this->assertSame( 200, $options->get_status() );
		$this->assertArrayHasKey( 'service', $options->get_data()['endpoints'][0]['args'] );

		$this->serve( '/' );
		$index = rest_do_request( new \WP_REST_Request( 'GET', '/appointease/v1' ) );
		$this->assertSame( 200, $index->get_status() );
		$routes = $index->get_data()['routes'];
		$this->assertArrayHasKey( '/appointease/v1/bookings', $routes );
		$this->assertNotEmpty( $routes['/appointease/v1/settings']['endpoints'][1]['args'] ?? array(), 'the settings route lists its arguments' );
	}

	public function test_other_namespaces_do_not_complete_the_routes(): void {
		$server = $this->serve( '/' );
		rest_do_request( new \WP_REST_Request( 'GET', '/wp/v2/types' ) );
		$this->assertCount( 2, self::our_routes( $server ) );
	}

	public function test_which_routes_are_ours(): void {
		foreach ( array( '/appointease/v1', '/appointease/v1/holds', '/APPOINTEASE/V1/HOLDS', '//appointease/v1/x', '/appointease' ) as $route ) {
			$this->assertTrue( NamespaceStub::is_ours( $route ), $route );
		}
		foreach ( array( '/', '', '/wp/v2/posts', '/appointeasex/v1', '/x/appointease/v1', '/wp/v2/appointease' ) as $route ) {
			$this->assertFalse( NamespaceStub::is_ours( $route ), $route );
		}
	}
}
