<?php
/**
 * What every AppointEase REST controller shares.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\DeadlockException;
use AppointEase\Booking\Refusal;
use AppointEase\Infrastructure\Installer;

defined( 'ABSPATH' ) || exit;

/**
 * Namespace, the admin permission check, and the translation of domain
 * refusals into the error envelope.
 */
abstract class Controller extends \WP_REST_Controller {

	public const NAMESPACE = 'appointease/v1';

	/**
	 * The route namespace.
	 *
	 * @var string
	 */
	protected $namespace = self::NAMESPACE;

	/**
	 * Registers one route of the namespace. It replaces what is there: the
	 * stub endpoint when the routes are completed during a request (see
	 * NamespaceStub), which WordPress would otherwise keep beside the real ones.
	 *
	 * @param non-falsy-string    $route The route below the namespace.
	 * @param array<mixed, mixed> $args  The endpoints and the route's options.
	 */
	protected static function route( string $route, array $args ): void {
		register_rest_route( self::NAMESPACE, $route, $args, true );
	}

	/**
	 * Whether a handler WordPress matched belongs to one of the plugin's
	 * controllers. Checks that must hold for every spelling of a route key on
	 * this, not on the path as sent.
	 *
	 * @param mixed $handler The matched handler (its `callback` is [controller, method]).
	 */
	public static function handles( $handler ): bool {
		$callback = is_array( $handler ) ? ( $handler['callback'] ?? null ) : null;
		return is_array( $callback ) && ( $callback[0] ?? null ) instanceof self;
	}

	/**
	 * Permission callback of the admin routes.
	 *
	 * @return true|\WP_Error
	 */
	public function can_manage() {
		if ( current_user_can( Installer::CAPABILITY ) ) {
			return true;
		}
		return new \WP_Error(
			'appointease_forbidden',
			__( 'You are not allowed to manage bookings.', 'appointease' ),
			array(
				'status' => rest_authorization_required_code(),
				'reason' => 'FORBIDDEN',
			)
		);
	}

	/**
	 * Registers the collection and item routes of a resource that anyone may
	 * read and admins may write: GET and POST on the collection; GET, PUT or
	 * PATCH and DELETE on one item.
	 *
	 * @param array<string, array<string, mixed>> $list_args Filters the collection's GET takes besides `context`.
	 */
	protected function register_crud_routes( array $list_args ): void {
		$context = array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) );
		self::route(
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $context + $list_args,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::CREATABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			'/' . $this->rest_base . '/(?P<id>[^/]+)',
			array(
				'args'   => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $context,
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'can_manage' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ),
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
	 * Anyone may read; only admins may ask for the edit context (hidden fields, inactive rows).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function get_items_permissions_check( $request ) {
		return 'edit' === $request['context'] ? $this->can_manage() : true;
	}

	/**
	 * Runs a handler, answering refusals with the envelope instead of letting
	 * them become 500s. A deadlock that outlived every retry means the
	 * database is overloaded: the caller may try again shortly. Any other
	 * runtime failure is the database or the hold store failing under the
	 * request (a lost connection, a failed COMMIT); the transaction was rolled
	 * back, or its outcome is unknown and a retry with the same
	 * Idempotency-Key settles it, so the caller is told to try again too.
	 *
	 * @param callable(): (\WP_REST_Response|\WP_Error) $work The handler's body.
	 * @return \WP_REST_Response|\WP_Error
	 */
	protected function respond( callable $work ) {
		try {
			return $work();
		} catch ( Refusal $refusal ) {
			return Errors::from_refusal( $refusal );
		} catch ( DeadlockException $deadlock ) {
			return Errors::make( 'STORE_UNAVAILABLE', __( 'Bookings are very busy right now. Please try again in a moment.', 'appointease' ) );
		} catch ( \RuntimeException $failure ) {
			error_log( 'AppointEase: a request failed and was answered 503: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of the failure.
			return Errors::make( 'STORE_UNAVAILABLE', __( 'Bookings are unavailable for a moment. Please try again shortly.', 'appointease' ) );
		}
	}

	/**
	 * The argument of a numeric path id.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	protected static function id_args(): array {
		return array(
			'id' => array(
				'description' => __( 'Unique identifier.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 4294967295,
			),
		);
	}

	/**
	 * The writable schema fields the request carries (defaults included on create).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	protected function writable_fields( \WP_REST_Request $request ): array {
		$fields = array();
		foreach ( $this->get_item_schema()['properties'] as $key => $property ) {
			if ( empty( $property['readonly'] ) && $request->has_param( $key ) ) {
				$fields[ $key ] = $request[ $key ];
			}
		}
		return $fields;
	}

	/**
	 * A response with a status.
	 *
	 * @param mixed $data   The body.
	 * @param int   $status HTTP status.
	 */
	protected static function json( $data, int $status = 200 ): \WP_REST_Response {
		return new \WP_REST_Response( $data, $status );
	}
}
