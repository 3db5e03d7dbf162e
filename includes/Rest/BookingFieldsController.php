<?php
/**
 * REST: the fields of the booking form (admins only).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Form\Fields;

defined( 'ABSPATH' ) || exit;

/**
 * `GET|POST booking-fields`, `PUT|PATCH|DELETE booking-fields/{id}`: the
 * definitions behind Settings → Booking form and each service's form. The
 * public reads each service's form in `GET services`.
 */
final class BookingFieldsController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'booking-fields';

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->write_args( true ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The field\'s id.', 'appointease' ),
						'type'        => 'string',
						'maxLength'   => 40,
					),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->write_args( false ),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Every field that is not deleted, in form order.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		return self::json( array_values( array_map( array( self::class, 'present' ), Fields::active() ) ) );
	}

	/**
	 * Adds a field.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		return $this->change( fn(): array => Fields::create( $this->given( $request ) ), 201 );
	}

	/**
	 * Changes a field.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		if ( null === $this->active( (string) $request['id'] ) ) {
			return self::not_found();
		}
		return $this->change( fn(): array => Fields::update( (string) $request['id'], $this->given( $request ) ) );
	}

	/**
	 * Takes a field off every form; old answers keep its label.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$field = $this->active( (string) $request['id'] );
		if ( null === $field ) {
			return self::not_found();
		}
		Fields::delete( $field['id'] );
		return self::json(
			array(
				'deleted'  => true,
				'previous' => self::present( $field ),
			)
		);
	}

	/**
	 * The field schema: Fields::schema() plus the id.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$properties = array(
				'id' => array(
					'description' => __( 'Stable id; answers are stored under it.', 'appointease' ),
					'type'        => 'string',
					'readonly'    => true,
				),
			);
			foreach ( Fields::schema() as $key => $schema ) {
				$properties[ $key ] = $schema;
			}
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-booking-field',
				'type'       => 'object',
				'required'   => array_keys( $properties ),
				'properties' => $properties,
			);
		}
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The arguments of a create or change: every key of the schema; label
	 * and type required on create.
	 *
	 * @param bool $create Whether the field is new.
	 * @return array<string, array<string, mixed>>
	 */
	private function write_args( bool $create ): array {
		$args = Fields::schema();
		if ( $create ) {
			$args['label']['required'] = true;
			$args['type']['required']  = true;
		}
		return $args;
	}

	/**
	 * The schema keys the request carries.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	private function given( \WP_REST_Request $request ): array {
		$values = array();
		foreach ( array_keys( Fields::schema() ) as $key ) {
			if ( $request->has_param( $key ) ) {
				$values[ $key ] = $request[ $key ];
			}
		}
		return $values;
	}

	/**
	 * Runs a change, answering a refusal with VALIDATION_ERROR.
	 *
	 * @param callable $change Gives the field after the change.
	 * @param int      $status The status of a success.
	 * @return \WP_REST_Response|\WP_Error
	 *
	 * @phpstan-param callable(): array<string, mixed> $change
	 */
	private function change( callable $change, int $status = 200 ) {
		try {
			return self::json( self::present( $change() ), $status );
		} catch ( \InvalidArgumentException $invalid ) {
			return Errors::make( 'VALIDATION_ERROR', html_entity_decode( $invalid->getMessage(), ENT_QUOTES ) );
		}
	}

	/**
	 * A field that is not deleted, or null.
	 *
	 * @param string $id Its id.
	 * @return array<string, mixed>|null
	 */
	private function active( string $id ): ?array {
		$field = Fields::find( $id );
		return null === $field || $field['deleted'] ? null : $field;
	}

	/**
	 * A field as the route shows it.
	 *
	 * @param array<string, mixed> $field The field.
	 * @return array<string, mixed>
	 */
	private static function present( array $field ): array {
		unset( $field['deleted'] );
		return $field;
	}

	/**
	 * The answer for a field that does not exist.
	 */
	private static function not_found(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'There is no such field.', 'appointease' ) );
	}
}
