<?php
/**
 * Runs a REST controller's create or update for a command.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Rest\Controller;

defined( 'ABSPATH' ) || exit;

/**
 * The command line creates and changes services and employees through the
 * same controller methods as the REST API, after the same validation and
 * sanitizing of the same schema, so one set of rules holds everywhere. Only
 * the permission check is skipped: whoever runs WP-CLI has the site's files.
 */
final class ControllerCall {

	/**
	 * Creates an item.
	 *
	 * @param Controller           $controller The resource's controller.
	 * @param array<string, mixed> $fields     Field => value, as REST would take them.
	 * @return array<string, mixed> The new item, as REST answers it.
	 * @throws \InvalidArgumentException With the reason, when the fields are refused.
	 */
	public static function create( Controller $controller, array $fields ): array {
		$request = self::request( $controller, 'POST', \WP_REST_Server::CREATABLE, $fields );
		return self::answer( $controller->create_item( $request ) );
	}

	/**
	 * Changes an item.
	 *
	 * @param Controller           $controller The resource's controller.
	 * @param int                  $id         The item's id.
	 * @param array<string, mixed> $fields     Field => value, as REST would take them.
	 * @return array<string, mixed> The item after the change, as REST answers it.
	 * @throws \InvalidArgumentException With the reason, when the fields are refused.
	 */
	public static function update( Controller $controller, int $id, array $fields ): array {
		$request = self::request( $controller, 'PATCH', \WP_REST_Server::EDITABLE, $fields );
		$request->set_url_params( array( 'id' => $id ) );
		return self::answer( $controller->update_item( $request ) );
	}

	/**
	 * A request that has passed the schema's validation and sanitizing, as
	 * the REST server would have made it.
	 *
	 * @param Controller           $controller The resource's controller.
	 * @param string               $method     HTTP method.
	 * @param string               $methods    The WP_REST_Server method set whose arguments apply.
	 * @param array<string, mixed> $fields     Field => value.
	 * @throws \InvalidArgumentException When a value is refused.
	 */
	private static function request( Controller $controller, string $method, string $methods, array $fields ): \WP_REST_Request {
		$args     = $controller->get_endpoint_args_for_item_schema( $methods );
		$request  = new \WP_REST_Request( $method );
		$defaults = array();
		foreach ( $args as $name => $arg ) {
			if ( array_key_exists( 'default', $arg ) ) {
				$defaults[ $name ] = $arg['default'];
			}
		}
		$request->set_attributes( array( 'args' => $args ) );
		$request->set_default_params( $defaults );
		$request->set_body_params( $fields );
		self::answer( $request->has_valid_params() );
		self::answer( $request->sanitize_params() );
		return $request;
	}

	/**
	 * The data of an answer, or the reason it is a refusal.
	 *
	 * @param mixed $answer A response, true, or a WP_Error.
	 * @return array<string, mixed>
	 * @throws \InvalidArgumentException When the answer is an error.
	 */
	private static function answer( $answer ): array {
		if ( $answer instanceof \WP_Error ) {
			$message = $answer->get_error_message();
			$data    = $answer->get_error_data();
			if ( is_array( $data ) && isset( $data['params'] ) && is_array( $data['params'] ) ) {
				$message .= ' (' . implode( '; ', array_map( 'strval', $data['params'] ) ) . ')';
			}
			throw new \InvalidArgumentException( esc_html( $message ) );
		}
		if ( $answer instanceof \WP_REST_Response ) {
			$data = $answer->get_data();
			return is_array( $data ) ? $data : array();
		}
		return array();
	}
}
