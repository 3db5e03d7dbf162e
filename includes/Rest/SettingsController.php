<?php
/**
 * REST: the booking settings (admins only).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * `GET settings` and `POST|PUT|PATCH settings` with any subset of them.
 */
final class SettingsController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'settings';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Every setting.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_item( $request ) {
		return self::json( Settings::all() );
	}

	/**
	 * Changes the settings the request carries.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		try {
			return self::json( Settings::update( $this->writable_fields( $request ) ) );
		} catch ( \InvalidArgumentException $invalid ) {
			return Errors::make( 'VALIDATION_ERROR', $invalid->getMessage() );
		}
	}

	/**
	 * The settings schema, from Settings, which validates with the same one.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$properties = array();
			foreach ( Settings::schema() as $key => $schema ) {
				$properties[ $key ] = $schema + array( 'context' => array( 'view', 'edit' ) );
			}
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-settings',
				'type'       => 'object',
				'properties' => $properties,
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}
}
