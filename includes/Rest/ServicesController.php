<?php
/**
 * REST: services (public list, admin CRUD).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\ChangePolicy;
use AppointEase\Catalog\Service;
use AppointEase\Form\Consent;
use AppointEase\Form\Fields;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Installer;
use AppointEase\Reminders\ReminderTimes;

defined( 'ABSPATH' ) || exit;

/**
 * `GET services` shows the active services to anyone; with `context=edit`
 * (admins only) it shows every service. Writes need `appointease_manage`.
 */
final class ServicesController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'services';

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository $services The services.
	 */
	public function __construct( private readonly ServiceRepository $services ) {
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$this->register_crud_routes( array() );
	}

	/**
	 * Lists services.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function get_items( $request ) {
		$items = array();
		foreach ( $this->services->all( 'edit' !== $request['context'] ) as $service ) {
			$items[] = self::present( $service );
		}
		return self::json( $items );
	}

	/**
	 * One service; an inactive one only for admins.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$service = $this->visible( (int) $request['id'] );
		return null === $service ? self::not_found() : self::json( self::present( $service ) );
	}

	/**
	 * Adds a service.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response
	 */
	public function create_item( $request ) {
		$service  = $this->services->insert( $this->writable_fields( $request ) );
		$response = self::json( self::present( $service ), 201 );
		$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $service->id ) ) );
		return $response;
	}

	/**
	 * Changes a service.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function update_item( $request ) {
		$id = (int) $request['id'];
		if ( null === $this->services->find( $id ) ) {
			return self::not_found();
		}
		return self::json( self::present( $this->services->update( $id, $this->writable_fields( $request ) ) ) );
	}

	/**
	 * Removes a service no booking names; one with bookings can only be deactivated.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function delete_item( $request ) {
		$service = $this->services->find( (int) $request['id'] );
		if ( null === $service ) {
			return self::not_found();
		}
		if ( $this->services->is_in_use( $service->id ) ) {
			return Errors::make( 'IN_USE', __( 'This service has bookings, so it is kept for the record. Deactivate it instead.', 'appointease' ) );
		}
		$this->services->delete( $service->id );
		return self::json(
			array(
				'deleted'  => true,
				'previous' => $service->to_array(),
			)
		);
	}

	/**
	 * The service schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$minutes      = array(
				'type'       => 'integer',
				'minimum'    => 0,
				'maximum'    => 240,
				'multipleOf' => 5,
				'default'    => 0,
				'context'    => array( 'view', 'edit' ),
			);
			$cutoff       = array(
				'type'    => array( 'integer', 'null' ),
				'minimum' => 0,
				'maximum' => 8760,
				'default' => null,
				'context' => array( 'view', 'edit' ),
			);
			$limit        = array(
				'type'    => 'integer',
				'minimum' => 0,
				'maximum' => 1000,
				'default' => 0,
				'context' => array( 'view', 'edit' ),
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-service',
				'type'       => 'object',
				'properties' => array(
					'id'                      => array(
						'description' => __( 'Unique identifier.', 'appointease' ),
						'type'        => 'integer',
						'readonly'    => true,
						'context'     => array( 'view', 'edit' ),
					),
					'name'                    => array(
						'description' => __( 'Name shown to visitors.', 'appointease' ),
						'type'        => 'string',
						'minLength'   => 1,
						'maxLength'   => 191,
						'required'    => true,
						'context'     => array( 'view', 'edit' ),
						'arg_options' => array( 'sanitize_callback' => array( Input::class, 'required_text' ) ),
					),
					'description'             => array(
						'description' => __( 'Shown to visitors under the name.', 'appointease' ),
						'type'        => 'string',
						'maxLength'   => 5000,
						'default'     => '',
						'context'     => array( 'view', 'edit' ),
						'arg_options' => array( 'sanitize_callback' => 'sanitize_textarea_field' ),
					),
					'duration'                => array(
						'description' => __( 'Minutes the service takes.', 'appointease' ),
						'type'        => 'integer',
						'minimum'     => 5,
						'maximum'     => 1440,
						'multipleOf'  => 5,
						'required'    => true,
						'context'     => array( 'view', 'edit' ),
					),
					'buffer_before'           => array( 'description' => __( 'Minutes kept free before.', 'appointease' ) ) + $minutes,
					'buffer_after'            => array( 'description' => __( 'Minutes kept free after.', 'appointease' ) ) + $minutes,
					'capacity'                => array(
						'description' => __( 'Seats per session: 1 for one-to-one, more for a class.', 'appointease' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 1000,
						'default'     => 1,
						'context'     => array( 'view', 'edit' ),
					),
					'price'                   => array(
						'description' => __( 'Price shown to visitors, or null for none.', 'appointease' ),
						'type'        => array( 'string', 'null' ),
						'pattern'     => '^[0-9]{1,8}(\.[0-9]{1,2})?$',
						'default'     => null,
						'context'     => array( 'view', 'edit' ),
					),
					'active'                  => array(
						'description' => __( 'Whether visitors can book it.', 'appointease' ),
						'type'        => 'boolean',
						'default'     => true,
						'context'     => array( 'view', 'edit' ),
					),
					'reminders'               => array(
						'description' => __( 'Reminder emails before the start for this service, such as "24h, 2h" or "30m"; "off" (or empty) sends none; null follows the site\'s reminder times.', 'appointease' ),
						'type'        => array( 'string', 'null' ),
						'maxLength'   => 200,
						'default'     => null,
						'context'     => array( 'view', 'edit' ),
						'arg_options' => array(
							'validate_callback' => array( ReminderTimes::class, 'validate' ),
							'sanitize_callback' => array( ReminderTimes::class, 'sanitize_for_service' ),
						),
					),
					'fields'                  => array(
						'description' => __( 'The booking form of this service: the business\'s own fields, in order. Answers go in the `fields` of POST bookings, keyed by id.', 'appointease' ),
						'type'        => 'array',
						'readonly'    => true,
						'context'     => array( 'view', 'edit' ),
						'items'       => array(
							'type'       => 'object',
							'required'   => array( 'id', 'type', 'label', 'help', 'required', 'options' ),
							'properties' => array(
								'id'       => array( 'type' => 'string' ),
								'type'     => array(
									'type' => 'string',
									'enum' => Fields::TYPES,
								),
								'label'    => array( 'type' => 'string' ),
								'help'     => array( 'type' => 'string' ),
								'required' => array( 'type' => 'boolean' ),
								'options'  => array(
									'type'  => 'array',
									'items' => array( 'type' => 'string' ),
								),
							),
						),
					),
					'consent'                 => array(
						'description' => __( 'The consent box visitors must tick to book (send `consent: true`), or null when the site asks for none.', 'appointease' ),
						'type'        => array( 'object', 'null' ),
						'readonly'    => true,
						'context'     => array( 'view', 'edit' ),
						'required'    => array( 'text', 'privacy_url' ),
						'properties'  => array(
							'text'        => array( 'type' => 'string' ),
							'privacy_url' => array(
								'description' => __( 'The site\'s privacy policy page; empty when it has none.', 'appointease' ),
								'type'        => 'string',
							),
						),
					),
					'cancel_cutoff_hours'     => array(
						'description' => __( 'Hours before the start up to which customers may cancel online; null follows the site\'s setting, 0 is up to the start.', 'appointease' ),
					) + $cutoff,
					'reschedule_cutoff_hours' => array(
						'description' => __( 'Hours before the start up to which customers may reschedule online; null follows the site\'s setting, 0 is up to the start.', 'appointease' ),
					) + $cutoff,
					'daily_limit'             => array(
						'description' => __( 'At most this many bookings of this service per employee and day, in the calendar\'s timezone (0: no limit).', 'appointease' ),
					) + $limit,
					'email_daily_limit'       => array(
						'description' => __( 'At most this many bookings of this service per customer email address and day (0: no limit).', 'appointease' ),
					) + $limit,
					'email_weekly_limit'      => array(
						'description' => __( 'At most this many bookings of this service per customer email address and week, the week starting on the site\'s "Week Starts On" day (0: no limit).', 'appointease' ),
					) + $limit,
					'change_policy'           => array(
						'description' => __( 'The change and cancel policy in words for customers, or empty when both are possible up to the start.', 'appointease' ),
						'type'        => 'string',
						'readonly'    => true,
						'context'     => array( 'view', 'edit' ),
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * A service as the API shows it, with its booking form and its change policy in words for customers.
	 *
	 * @param Service $service The service.
	 * @return array<string, mixed>
	 */
	private static function present( Service $service ): array {
		return $service->to_array() + array(
			'fields'        => array_values( array_map( array( Fields::class, 'public_view' ), Fields::for_service( $service->id ) ) ),
			'consent'       => Consent::public_view(),
			'change_policy' => ChangePolicy::text( $service ),
		);
	}

	/**
	 * A service the current user may see: active ones for all, any for admins.
	 *
	 * @param int $id Row id.
	 */
	private function visible( int $id ): ?Service {
		$service = $this->services->find( $id );
		if ( null === $service || ( ! $service->active && ! current_user_can( Installer::CAPABILITY ) ) ) {
			return null;
		}
		return $service;
	}

	/**
	 * The answer for a service that does not exist.
	 */
	private static function not_found(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'There is no such service.', 'appointease' ) );
	}
}
