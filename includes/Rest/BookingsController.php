<?php
/**
 * REST: bookings (public create and manage-by-token, admin list and actions).
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Access\EmployeeAccess;
use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\ChangePolicy;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Form\Answers;
use AppointEase\Form\BookingAnswers;
use AppointEase\Form\Fields;
use AppointEase\Form\InvalidAnswer;
use AppointEase\Infrastructure\Installer;
use AppointEase\Notifications\ManageLink;
use AppointEase\Notifications\Notifier;

defined( 'ABSPATH' ) || exit;

/**
 * Visitors create bookings without an account and later reach theirs with
 * the manage token, or the link token of their emails (ManageLink); a wrong
 * token answers exactly like a booking that does not exist. Admins list and
 * act on all bookings. A user linked to an employee lists and reads that
 * employee's bookings only (EmployeeAccess), and acts on none.
 */
final class BookingsController extends Controller {

	/**
	 * The route base.
	 *
	 * @var string
	 */
	protected $rest_base = 'bookings';

	/**
	 * Checks manage and link tokens.
	 *
	 * @var ManageLink
	 */
	private readonly ManageLink $links;

	/**
	 * Builds it.
	 *
	 * @param BookingService     $service   The booking rules.
	 * @param BookingRepository  $bookings  Booking rows.
	 * @param EmployeeRepository $employees Employees, for their timezones.
	 */
	public function __construct(
		private readonly BookingService $service,
		private readonly BookingRepository $bookings,
		private readonly EmployeeRepository $employees
	) {
		$this->links = new ManageLink( $bookings );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$base = '/' . $this->rest_base;
		$one  = $base . '/(?P<id>[^/]+)';
		// Reads take the token in the X-AppointEase-Token header only; these
		// POST routes also take it in the body. Never in the query (ManageTokens).
		$token = array(
			ManageTokens::PARAM => array(
				'description' => __( 'The manage token from the booking email, in the body (or the X-AppointEase-Token header, never the query string); admins need none.', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 128,
			),
		);
		self::route(
			$base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'can_list' ),
					'args'                => $this->get_collection_params(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => '__return_true',
					'args'                => $this->create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			$one,
			array(
				'args'   => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'can_read' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			$one . '/cancel',
			array(
				'args' => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'cancel' ),
					'permission_callback' => array( $this, 'can_manage_or_holds_token' ),
					'args'                => $token,
				),
			)
		);
		self::route(
			$one . '/reschedule',
			array(
				'args' => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'reschedule' ),
					'permission_callback' => array( $this, 'can_manage_or_holds_token' ),
					'args'                => $token + array(
						'start'    => array(
							'description'       => __( 'The new start, ISO 8601 with offset.', 'appointease' ),
							'type'              => 'string',
							'required'          => true,
							'validate_callback' => array( Input::class, 'validate_instant' ),
						),
						'employee' => array(
							'description' => __( 'Admins only: move the booking to this employee.', 'appointease' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => 4294967295,
						),
					),
				),
			)
		);
		self::route(
			$one . '/verify',
			array(
				'args'   => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'verify' ),
					'permission_callback' => array( $this, 'can_verify' ),
					'args'                => array(
						'token' => array(
							'description' => __( 'The confirm token from the link in the "confirm your booking" email, in the request body.', 'appointease' ),
							'type'        => 'string',
							'required'    => true,
							'minLength'   => 1,
							'maxLength'   => 128,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		self::route(
			$one . '/no-show',
			array(
				'args'   => self::id_args(),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'no_show' ),
					'permission_callback' => array( $this, 'can_mark_no_show' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		foreach ( array( 'approve', 'reject' ) as $action ) {
			self::route(
				$one . '/' . $action,
				array(
					'args' => self::id_args(),
					array(
						'methods'             => \WP_REST_Server::CREATABLE,
						'callback'            => array( $this, $action ),
						'permission_callback' => array( $this, 'can_manage' ),
					),
				)
			);
		}
	}

	/**
	 * Admins may act on any booking; anyone else needs its manage token (or
	 * the link token of its emails) in a header or the body, and a missing or
	 * wrong token answers like a booking that does not exist. A customer's
	 * token expires some days after the appointment (ManageLink). A token in
	 * the query string is refused for everyone (ManageTokens).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function can_manage_or_holds_token( $request ) {
		return ManageTokens::refuse_in_url( $request ) ?? ( self::is_admin() ? true : $this->check_token( $request ) );
	}

	/**
	 * Marking a no-show: admins, and the user linked to the booking's
	 * employee (who saw the customer not come). Anyone else is refused as
	 * for approve and reject; another employee's booking answers like one
	 * that does not exist, as reading it does.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function can_mark_no_show( $request ) {
		if ( self::is_admin() ) {
			return true;
		}
		$own = self::own_employee();
		if ( null === $own ) {
			return $this->can_manage();
		}
		$booking = $this->bookings->find( (int) $request['id'] );
		return null !== $booking && $booking->employee_id === $own ? true : self::not_found();
	}

	/**
	 * Marks a booking whose customer did not come: a confirmed booking that
	 * has started, or a completed one. 422 TOO_EARLY before its start, 409
	 * STATUS_CONFLICT from another status.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function no_show( $request ) {
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present( $this->service->mark_no_show( (int) $request['id'], new \DateTimeImmutable( 'now' ) ) ) ) );
	}

	/**
	 * Confirming a booking by email: anyone with the confirm token of its
	 * email link, sent in the body (never the URL, which servers log). A
	 * missing or wrong token answers like a booking that does not exist.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function can_verify( $request ) {
		$token = self::body_token( $request );
		$hash  = $this->bookings->verify_token_hash( (int) $request['id'] );
		if ( '' !== $token && null !== $hash && hash_equals( $hash, hash( 'sha256', $token ) ) ) {
			return true;
		}
		return self::not_found();
	}

	/**
	 * The confirm token, from the JSON or form body only.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function body_token( \WP_REST_Request $request ): string {
		$json  = $request->get_json_params();
		$token = is_array( $json ) && isset( $json['token'] ) ? $json['token'] : ( $request->get_body_params()['token'] ?? '' );
		return is_string( $token ) ? $token : '';
	}

	/**
	 * Confirms an unverified booking: it becomes pending (when bookings need
	 * approval) or confirmed, and the usual emails go out. Confirming again
	 * answers with the booking as it is; past the deadline the answer is
	 * 410 CONFIRMATION_EXPIRED.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function verify( $request ) {
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present( $this->service->verify( (int) $request['id'], self::body_token( $request ), new \DateTimeImmutable( 'now' ) ) ) ) );
	}

	/**
	 * Reading one booking: as for acting on it, and besides, the user linked
	 * to the booking's employee. Another employee's booking answers like one
	 * that does not exist.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	public function can_read( $request ) {
		$allowed = $this->can_manage_or_holds_token( $request );
		if ( true === $allowed || 'TOKEN_IN_URL' === self::reason( $allowed ) ) {
			return $allowed;
		}
		$own = self::own_employee();
		if ( null !== $own ) {
			$booking = $this->bookings->find( (int) $request['id'] );
			if ( null !== $booking && $booking->employee_id === $own ) {
				return true;
			}
		}
		return $allowed;
	}

	/**
	 * A customer's token: whether it opens the booking.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return true|\WP_Error
	 */
	private function check_token( \WP_REST_Request $request ) {
		switch ( $this->links->check( (int) $request['id'], ManageTokens::from( $request ), new \DateTimeImmutable( 'now' ) ) ) {
			case ManageLink::OPEN:
				return true;
			case ManageLink::EXPIRED:
				return Errors::make( 'TOKEN_EXPIRED', __( 'This link to your booking has expired: links work only until a few days after the appointment. Please contact us directly if you need anything about it.', 'appointease' ) );
			default:
				return self::not_found();
		}
	}

	/**
	 * The reason of an error, or null.
	 *
	 * @param mixed $error What a check returned.
	 */
	private static function reason( $error ): ?string {
		$data = $error instanceof \WP_Error ? $error->get_error_data() : null;
		return is_array( $data ) && isset( $data['reason'] ) ? (string) $data['reason'] : null;
	}

	/**
	 * Listing bookings: admins see all; a user linked to an employee sees that
	 * employee's (get_items() narrows the list).
	 *
	 * @return true|\WP_Error
	 */
	public function can_list() {
		if ( self::is_admin() ) {
			return true;
		}
		if ( current_user_can( Installer::VIEW_OWN_CAPABILITY ) ) {
			return null !== self::own_employee() ? true : Errors::make( 'FORBIDDEN', __( 'Your account is not linked to an employee, so it has no bookings to show.', 'appointease' ) );
		}
		return $this->can_manage();
	}

	/**
	 * Books a slot. An `Idempotency-Key` header makes a repeated submit
	 * answer with the booking the first one made.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function create_item( $request ) {
		$key = $request->get_header( 'idempotency_key' );
		if ( null !== $key && ! self::is_random_enough( $key ) ) {
			return Errors::make( 'VALIDATION_ERROR', __( 'The Idempotency-Key header must be 16 to 128 letters, digits or the characters _ . : - and mix at least three of: small letters, capital letters, digits, those characters. A random UUID will do.', 'appointease' ), array( 'params' => array( 'Idempotency-Key' => 'invalid' ) ) );
		}
		// Admins (phone bookings typed in wp-admin, scripts with an admin's application password) book without the checks meant for visitors.
		$by_visitor = ! self::is_admin();
		if ( $by_visitor && ( ! empty( $request['override'] ) || false === $request['notify'] ) ) {
			return Errors::make( 'FORBIDDEN', __( 'Only an admin can book outside the usual rules or without emailing the customer.', 'appointease' ) );
		}
		$refused = $by_visitor ? BookingScreening::check( $request ) : null;
		if ( null !== $refused ) {
			return $refused;
		}
		try {
			$answers = Answers::check( (int) $request['service'], $request['fields'], $request['consent'], $by_visitor, time() );
		} catch ( InvalidAnswer $invalid ) {
			return self::invalid_answer( $invalid );
		}
		$customer = (array) $request['customer'];
		$booking  = new BookingRequest(
			(int) $request['service'],
			(int) $request['employee'],
			Input::instant( $request['start'] ) ?? new \DateTimeImmutable( '@0' ),
			(int) $request['seats'],
			(string) $customer['name'],
			(string) $customer['email'],
			(string) ( $customer['phone'] ?? '' ),
			(string) ( $customer['notes'] ?? '' ),
			$key,
			isset( $request['hold_token'] ) ? (string) $request['hold_token'] : null,
			$by_visitor,
			(string) wp_json_encode( $answers ),
			! empty( $request['override'] )
		);
		$notify   = false !== $request['notify'];
		return $this->respond(
			function () use ( $booking, $notify ): \WP_REST_Response {
				$book     = fn() => $this->service->book( $booking, new \DateTimeImmutable( 'now' ) );
				$result   = $notify ? $book() : Notifier::without_customer_emails( $book );
				$response = self::json( $this->present( $result->booking ) + array( 'manage_token' => $result->manage_token ), 201 );
				$response->header( 'Location', rest_url( sprintf( '%s/%s/%d', $this->namespace, $this->rest_base, $result->booking->id ) ) );
				if ( ! $result->created ) {
					$response->header( 'Idempotent-Replayed', 'true' );
				}
				return $response;
			}
		);
	}

	/**
	 * The refusal of a form answer: VALIDATION_ERROR naming the field (its
	 * id, or `consent`) in `data.field` and `data.params`.
	 *
	 * @param InvalidAnswer $invalid What Answers::check() refused.
	 */
	private static function invalid_answer( InvalidAnswer $invalid ): \WP_Error {
		$param = 'consent' === $invalid->field ? 'consent' : 'fields.' . $invalid->field;
		return Errors::make(
			'VALIDATION_ERROR',
			$invalid->getMessage(),
			array(
				'field'  => $invalid->field,
				'params' => array( $param => $invalid->reason ),
			)
		);
	}

	/**
	 * A page of bookings, with X-WP-Total and X-WP-TotalPages.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_items( $request ) {
		$filters = self::scope_to_own( BookingFilters::from( $request ) );
		if ( $filters instanceof \WP_Error ) {
			return $filters;
		}
		$per_page = (int) $request['per_page'];
		$page     = $this->bookings->page( $filters, (int) $request['page'], $per_page );
		$pages    = (int) ceil( $page['total'] / $per_page );
		if ( (int) $request['page'] > max( 1, $pages ) ) {
			return Errors::make( 'VALIDATION_ERROR', __( 'The page number is larger than the number of pages.', 'appointease' ), array( 'params' => array( 'page' => 'out_of_range' ) ) );
		}
		$items = array_map( array( $this, 'present' ), $page['items'] );
		if ( self::is_admin() ) {
			$items = $this->with_no_shows( $page['items'], $items );
		}
		$response = self::json( $items );
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) $pages );
		return $response;
	}

	/**
	 * One booking.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function get_item( $request ) {
		$booking = $this->bookings->find( (int) $request['id'] );
		if ( null === $booking ) {
			return self::not_found();
		}
		$item = $this->present( $booking ) + $this->change_policy( $booking );
		return self::json( self::is_admin() ? $this->with_no_shows( array( $booking ), array( $item ) )[0] : $item );
	}

	/**
	 * Adds, for admins, how many other bookings of each customer (by email)
	 * were no-shows: one query for the whole page.
	 *
	 * @param Booking[]                        $bookings The bookings.
	 * @param array<int, array<string, mixed>> $items    What present() made of them, in the same order.
	 * @return array<int, array<string, mixed>>
	 */
	private function with_no_shows( array $bookings, array $items ): array {
		$counts = $this->bookings->no_show_counts( array_map( static fn( Booking $booking ): string => $booking->customer_email, $bookings ) );
		foreach ( $bookings as $i => $booking ) {
			$own                              = Booking::NO_SHOW === $booking->status ? 1 : 0;
			$items[ $i ]['customer_no_shows'] = max( 0, ( $counts[ strtolower( $booking->customer_email ) ] ?? 0 ) - $own );
		}
		return $items;
	}

	/**
	 * Cancels a booking and frees its seats.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function cancel( $request ) {
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present_with_policy( $this->service->cancel( (int) $request['id'], new \DateTimeImmutable( 'now' ), self::is_admin() ) ) ) );
	}

	/**
	 * Moves a booking to another start.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function reschedule( $request ) {
		if ( isset( $request['employee'] ) && ! self::is_admin() ) {
			return Errors::make( 'FORBIDDEN', __( 'Only an admin can move a booking to another employee.', 'appointease' ) );
		}
		$limited = RateLimiter::check_booking_change( (int) $request['id'] );
		if ( null !== $limited ) {
			return $limited;
		}
		$start = Input::instant( $request['start'] ) ?? new \DateTimeImmutable( '@0' );
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present_with_policy( $this->service->reschedule( (int) $request['id'], $start, isset( $request['employee'] ) ? (int) $request['employee'] : null, new \DateTimeImmutable( 'now' ), self::is_admin() ) ) ) );
	}

	/**
	 * Confirms a pending booking.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function approve( $request ) {
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present( $this->service->approve( (int) $request['id'] ) ) ) );
	}

	/**
	 * Turns down a pending booking.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function reject( $request ) {
		return $this->respond( fn(): \WP_REST_Response => self::json( $this->present( $this->service->reject( (int) $request['id'] ) ) ) );
	}

	/**
	 * Whether an idempotency key looks random enough to stand for one submit:
	 * keys share one space across all customers, so a short or plain one
	 * ("booking1") could be picked by two people, or guessed.
	 *
	 * @param string $key The header's value.
	 */
	private static function is_random_enough( string $key ): bool {
		if ( 1 !== preg_match( '/^[A-Za-z0-9_.:\-]{16,128}$/', $key ) ) {
			return false;
		}
		$kinds = 0;
		foreach ( array( '/[a-z]/', '/[A-Z]/', '/[0-9]/', '/[_.:\-]/' ) as $kind ) {
			$kinds += preg_match( $kind, $key );
		}
		return $kinds >= 3;
	}

	/**
	 * The arguments of POST bookings.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function create_args(): array {
		$lookup = AvailabilityController::lookup_args();
		return array(
			'service'                  => $lookup['service'],
			'employee'                 => array( 'required' => true ) + $lookup['employee'],
			'start'                    => array(
				'description'       => __( 'The start, ISO 8601 with offset.', 'appointease' ),
				'type'              => 'string',
				'required'          => true,
				'validate_callback' => array( Input::class, 'validate_instant' ),
			),
			'seats'                    => array(
				'description' => __( 'Seats to book.', 'appointease' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 1000,
				'default'     => 1,
			),
			'hold_token'               => array(
				'description' => __( 'The token of the visitor\'s hold on this time, from POST holds.', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 128,
			),
			BookingScreening::HONEYPOT => array(
				'description' => __( 'Leave out or empty: a field of the booking form that people never see; a booking that fills it is refused as automated.', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 500,
			),
			'captcha_token'            => array(
				'description' => __( 'The answer of the site\'s CAPTCHA widget, if the site has one (see the appointease_verify_booking_request filter).', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 4096,
			),
			'override'                 => array(
				'description' => __( 'Admins only: book outside the minimum notice, the booking horizon and the working hours (never over another booking). POST booking-check says which of these rules a time breaks.', 'appointease' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'notify'                   => array(
				'description' => __( 'Admins only: false books without emailing the customer (the staff are still emailed).', 'appointease' ),
				'type'        => 'boolean',
				'default'     => true,
			),
			'customer'                 => array(
				'description'          => __( 'Who books.', 'appointease' ),
				'type'                 => 'object',
				'required'             => true,
				'additionalProperties' => false,
				'properties'           => array(
					'name'  => array(
						'type'      => 'string',
						'minLength' => 1,
						'maxLength' => 100,
						'required'  => true,
					),
					'email' => array(
						'type'      => 'string',
						'format'    => 'email',
						'maxLength' => 191,
						'required'  => true,
					),
					'phone' => array(
						'type'      => 'string',
						'maxLength' => 50,
						'pattern'   => '^[0-9+() .\-]*$',
					),
					'notes' => array(
						'type'      => 'string',
						'maxLength' => 2000,
					),
				),
				'sanitize_callback'    => array( self::class, 'sanitize_customer' ),
			),
			'fields'                   => array(
				'description'       => __( 'Answers to the service\'s booking form (its `fields` in GET services), keyed by field id. Checked against that form when booking.', 'appointease' ),
				'type'              => 'object',
				'properties'        => self::field_properties(),
				// Checked in create_item() against the service's own form, so that a refusal names the field.
				'validate_callback' => static fn( $value ): bool => is_array( $value ),
				'sanitize_callback' => static fn( $value ) => $value,
			),
			'consent'                  => array(
				'description' => __( 'true when the visitor ticked the consent box (required when GET services shows one).', 'appointease' ),
				'type'        => 'boolean',
			),
		);
	}

	/**
	 * The schema of every form field, for OPTIONS and the REST index.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function field_properties(): array {
		$properties = array();
		foreach ( Fields::active() as $id => $field ) {
			$schema = match ( $field['type'] ) {
				'number'           => array( 'type' => 'number' ),
				'checkbox'         => array( 'type' => 'boolean' ),
				'checkboxes'       => array(
					'type'  => 'array',
					'items' => array(
						'type' => 'string',
						'enum' => $field['options'],
					),
				),
				'select', 'radio'  => array(
					'type' => 'string',
					'enum' => $field['options'],
				),
				'date'             => array(
					'type'   => 'string',
					'format' => 'date',
				),
				'email'            => array(
					'type'   => 'string',
					'format' => 'email',
				),
				default            => array(
					'type'      => 'string',
					'maxLength' => Answers::MAX_LENGTH[ $field['type'] ] ?? 200,
				),
			};//end match
			$properties[ $id ] = array(
				'description' => $field['label'] . ( 0 === $field['service'] ? '' : sprintf( /* translators: %d: a service id. */ __( ' (service %d only)', 'appointease' ), $field['service'] ) ),
			) + $schema;
		}//end foreach
		return $properties;
	}

	/**
	 * Validates the customer object by its schema, then cleans its text.
	 *
	 * @param mixed            $value   The customer object.
	 * @param \WP_REST_Request $request The request.
	 * @param string           $param   The parameter name.
	 * @return array<string, string>|\WP_Error
	 */
	public static function sanitize_customer( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}
		$value = (array) $value;
		$clean = array(
			'name'  => sanitize_text_field( (string) $value['name'] ),
			'email' => sanitize_email( (string) $value['email'] ),
			'phone' => sanitize_text_field( (string) ( $value['phone'] ?? '' ) ),
			'notes' => sanitize_textarea_field( (string) ( $value['notes'] ?? '' ) ),
		);
		if ( '' === $clean['name'] ) {
			return Errors::make( 'VALIDATION_ERROR', __( 'Please enter your name.', 'appointease' ), array( 'params' => array( 'customer.name' => 'empty' ) ) );
		}
		return $clean;
	}

	/**
	 * The list's filters and paging.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function get_collection_params() {
		$lookup = AvailabilityController::lookup_args();
		$date   = array(
			'type'              => 'string',
			'validate_callback' => array( Input::class, 'validate_local_date' ),
		);
		return array(
			'page'     => array(
				'description' => __( 'Page of the list, from 1.', 'appointease' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
				'maximum'     => 100000,
			),
			'per_page' => array(
				'description' => __( 'Bookings per page.', 'appointease' ),
				'type'        => 'integer',
				'default'     => 20,
				'minimum'     => 1,
				'maximum'     => 100,
			),
			'search'   => array(
				'description' => __( 'Part of the customer\'s name, email or phone.', 'appointease' ),
				'type'        => 'string',
				'maxLength'   => 100,
			),
			'status'   => array(
				'description' => __( 'Only bookings in this status.', 'appointease' ),
				'type'        => 'string',
				'enum'        => Booking::STATUSES,
			),
			'employee' => array( 'description' => __( 'Only this employee\'s bookings.', 'appointease' ) ) + $lookup['employee'],
			'service'  => array(
				'description' => __( 'Only bookings of this service.', 'appointease' ),
				'required'    => false,
			) + $lookup['service'],
			'from'     => array( 'description' => __( 'Bookings ending on or after this local date.', 'appointease' ) ) + $date,
			'to'       => array( 'description' => __( 'Bookings starting on or before this local date.', 'appointease' ) ) + $date,
		) + BookingFilters::args();
	}

	/**
	 * The booking schema.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( null === $this->schema ) {
			$time         = array(
				'type'   => 'string',
				'format' => 'date-time',
			);
			$this->schema = array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'appointease-booking',
				'type'       => 'object',
				// What every answer carries (manage_token only the one to POST bookings);
				// the generated front-end types read it. Arguments come from create_args().
				'required'   => array( 'id', 'employee', 'service', 'start', 'end', 'seats', 'status', 'customer', 'created_at', 'updated_at', 'answers', 'consent' ),
				'properties' => array(
					'id'                => array( 'type' => 'integer' ),
					'employee'          => array( 'type' => 'integer' ),
					'service'           => array( 'type' => 'integer' ),
					'start'             => $time,
					'end'               => $time,
					'seats'             => array( 'type' => 'integer' ),
					'status'            => array(
						'type' => 'string',
						'enum' => Booking::STATUSES,
					),
					'customer'          => array(
						'type'       => 'object',
						'properties' => array(
							'name'  => array( 'type' => 'string' ),
							'email' => array( 'type' => 'string' ),
							'phone' => array( 'type' => 'string' ),
							'notes' => array( 'type' => 'string' ),
						),
					),
					'created_at'        => $time,
					'updated_at'        => $time,
					'confirm_by'        => array(
						'description' => __( 'Only while the booking is unverified: until when its customer may confirm it by the link in the email.', 'appointease' ),
					) + $time,
					'customer_no_shows' => array(
						'description' => __( 'Admins only: how many other bookings of this customer (the same email address) were no-shows.', 'appointease' ),
						'type'        => 'integer',
					),
					'change_policy'     => array(
						'description' => __( 'Only when one booking is read, cancelled or moved: until when its customer may cancel or move it online, whether they still may now, and how to reach the business otherwise. Admins are not bound by it.', 'appointease' ),
						'type'        => 'object',
						'required'    => array( 'cancel_until', 'reschedule_until', 'can_cancel', 'can_reschedule', 'contact' ),
						'properties'  => array(
							'cancel_until'     => $time,
							'reschedule_until' => $time,
							'can_cancel'       => array( 'type' => 'boolean' ),
							'can_reschedule'   => array( 'type' => 'boolean' ),
							'contact'          => array( 'type' => 'string' ),
						),
					),
					'manage_token'      => array(
						'description' => __( 'Only in the answer to POST bookings: the secret of the customer\'s manage link.', 'appointease' ),
						'type'        => 'string',
					),
					'answers'           => array(
						'description' => __( 'The answers to the booking form, in form order, under each field\'s current label (deleted fields too).', 'appointease' ),
						'type'        => 'array',
						'items'       => array(
							'type'       => 'object',
							'required'   => array( 'id', 'label', 'type', 'value', 'text', 'removed' ),
							'properties' => array(
								'id'      => array( 'type' => 'string' ),
								'label'   => array( 'type' => 'string' ),
								'type'    => array(
									'type' => 'string',
									'enum' => Fields::TYPES,
								),
								'value'   => array(
									'description' => __( 'The answer as sent: text, a number, true, or a list of options.', 'appointease' ),
									'type'        => array( 'string', 'number', 'boolean', 'array' ),
									'items'       => array( 'type' => 'string' ),
								),
								'text'    => array(
									'description' => __( 'The answer as one line of text.', 'appointease' ),
									'type'        => 'string',
								),
								'removed' => array(
									'description' => __( 'true when the field has been deleted from the booking form since; the answer stays readable.', 'appointease' ),
									'type'        => 'boolean',
								),
							),
						),
					),
					'consent'           => array(
						'description' => __( 'The consent the customer gave when booking (when, UTC, and the exact text shown), or null.', 'appointease' ),
						'type'        => array( 'object', 'null' ),
						'required'    => array( 'at', 'text' ),
						'properties'  => array(
							'at'   => array(
								'type'   => 'string',
								'format' => 'date-time',
							),
							'text' => array( 'type' => 'string' ),
						),
					),
				),
			);
		}//end if
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * A booking as the API shows it, times in its calendar's timezone.
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, mixed>
	 */
	private function present( Booking $booking ): array {
		$employee = $this->employees->find( $booking->employee_id );
		return $booking->to_array( null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() ) ) + BookingAnswers::rest( $booking );
	}

	/**
	 * One booking as the API shows it, with its change policy.
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, mixed>
	 */
	private function present_with_policy( Booking $booking ): array {
		return $this->present( $booking ) + $this->change_policy( $booking );
	}

	/**
	 * Until when the customer may cancel or move the booking online, and
	 * whether they still may now (ChangePolicy); for the manage view. Admins
	 * are not bound by it, but see what their customer sees.
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, mixed>
	 */
	private function change_policy( Booking $booking ): array {
		$service = ( new ServiceRepository() )->find( $booking->service_id );
		if ( null === $service ) {
			return array();
		}
		$now      = new \DateTimeImmutable( 'now' );
		$employee = $this->employees->find( $booking->employee_id );
		$zone     = null === $employee ? wp_timezone() : $employee->timezone( wp_timezone() );
		$policy   = array( 'contact' => ChangePolicy::contact() );
		foreach ( array( ChangePolicy::CANCEL, ChangePolicy::RESCHEDULE ) as $change ) {
			$policy[ $change . '_until' ] = ChangePolicy::deadline( $booking, $service, $change )->setTimezone( $zone )->format( DATE_ATOM );
			$policy[ 'can_' . $change ]   = $booking->start > $now && ChangePolicy::allows( $booking, $service, $change, $now );
		}
		return array( 'change_policy' => $policy );
	}

	/**
	 * Whether the current user manages bookings.
	 */
	private static function is_admin(): bool {
		return current_user_can( Installer::CAPABILITY );
	}

	/**
	 * The employee whose bookings the current user may read, or null when
	 * the user may not read an employee's bookings.
	 */
	private static function own_employee(): ?int {
		if ( ! current_user_can( Installer::VIEW_OWN_CAPABILITY ) ) {
			return null;
		}
		return EmployeeAccess::employee_id( get_current_user_id() );
	}

	/**
	 * The list's filters narrowed to the bookings the current user may list:
	 * all for admins, their own employee's for a linked user (who may not
	 * ask for another employee's).
	 *
	 * @param array<string, mixed> $filters The repository's filters.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function scope_to_own( array $filters ) {
		if ( self::is_admin() ) {
			return $filters;
		}
		$own = self::own_employee();
		if ( null === $own || ( isset( $filters['employee'] ) && $filters['employee'] !== $own ) ) {
			return Errors::make( 'FORBIDDEN', __( 'You can only see your own bookings.', 'appointease' ) );
		}
		$filters['employee'] = $own;
		return $filters;
	}

	/**
	 * The answer for a booking that does not exist or whose token is wrong.
	 */
	private static function not_found(): \WP_Error {
		return Errors::make( 'NOT_FOUND', __( 'No booking matches this link. It may have been removed.', 'appointease' ) );
	}
}
