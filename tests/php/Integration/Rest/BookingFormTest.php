<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\BookingRepository;
use AppointEase\Form\BookingAnswers;
use AppointEase\Form\Fields;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Privacy\BookingEraser;
use AppointEase\Privacy\BookingExporter;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\Support\Maildev;

/**
 * The business's own booking form over REST: fields in GET services, answers
 * checked and stored by POST bookings, shown on the booking, in emails, the
 * exporter and the CSV columns, removed by the eraser; and the consent box.
 */
final class BookingFormTest extends RestTestCase {

	/**
	 * A field of every type, by type => id.
	 *
	 * @var array<string, string>
	 */
	private array $ids = array();

	protected function set_up(): void {
		parent::set_up();
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		parent::tear_down();
	}

	/**
	 * Makes one optional field of every type, and one required select.
	 */
	private function make_fields(): void {
		foreach ( Fields::TYPES as $type ) {
			$this->ids[ $type ] = Fields::create(
				array(
					'label'   => 'My ' . $type,
					'type'    => $type,
					'options' => in_array( $type, Fields::CHOICE_TYPES, true ) ? array( 'Red', 'Green', 'Blue' ) : array(),
				)
			)['id'];
		}
		$this->ids['required'] = Fields::create(
			array(
				'label'    => 'How did you hear of us?',
				'type'     => 'select',
				'options'  => array( 'A friend', 'The web' ),
				'required' => true,
			)
		)['id'];
	}

	/**
	 * Every booking row.
	 */
	private static function bookings(): int {
		return Fixtures::rows( 'bookings' );
	}

	public function test_get_services_carries_each_services_form_and_the_consent_box(): void {
		$global = Fields::create(
			array(
				'label' => 'Allergies',
				'type'  => 'long_text',
				'help'  => 'Anything we should know',
			)
		);
		$other  = $this->make_service( array( 'name' => 'Massage' ) );
		$own    = Fields::create(
			array(
				'label'   => 'Pressure',
				'type'    => 'radio',
				'options' => array( 'Soft', 'Firm' ),
				'service' => $other->id,
			)
		);
		Fields::update( $global['id'], array( 'hidden_for' => array( $this->service->id ) ) );

		$services = array_column( $this->assertOk( 200, $this->get( 'services' ) ), null, 'id' );
		$this->assertSame( array(), $services[ $this->service->id ]['fields'], 'The haircut hides the global field.' );
		$this->assertSame(
			array(
				array(
					'id'       => $global['id'],
					'type'     => 'long_text',
					'label'    => 'Allergies',
					'help'     => 'Anything we should know',
					'required' => false,
					'options'  => array(),
				),
				array(
					'id'       => $own['id'],
					'type'     => 'radio',
					'label'    => 'Pressure',
					'help'     => '',
					'required' => false,
					'options'  => array( 'Soft', 'Firm' ),
				),
			),
			$services[ $other->id ]['fields']
		);
		$this->assertNull( $services[ $other->id ]['consent'], 'No consent box while the setting is off.' );

		Settings::update(
			array(
				'consent_required' => true,
				'consent_text'     => 'I agree that my data is kept.',
			)
		);
		$this->assertSame( array( 'text', 'privacy_url' ), array_keys( (array) $this->assertOk( 200, $this->get( 'services/' . $other->id ) )['consent'] ) );
		$this->assertSame( 'I agree that my data is kept.', $this->assertOk( 200, $this->get( 'services/' . $other->id ) )['consent']['text'] );
	}

	public function test_options_describes_every_field_in_the_schema_of_post_bookings(): void {
		$this->make_fields();
		// The routes read the fields when they are registered.
		global $wp_rest_server;
		$wp_rest_server = new \WP_REST_Server(); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- a fresh server that sees the new fields.
		do_action( 'rest_api_init', $wp_rest_server );

		$options = $this->assertOk( 200, $this->call( 'OPTIONS', 'bookings' ) );
		$create  = array_values( array_filter( $options['endpoints'], static fn( array $endpoint ): bool => in_array( 'POST', $endpoint['methods'], true ) ) )[0];
		$fields  = $create['args']['fields']['properties'];
		$this->assertSame( 'select', Fields::find( $this->ids['required'] )['type'] ?? null );
		$this->assertSame( array( 'A friend', 'The web' ), $fields[ $this->ids['required'] ]['enum'] );
		$this->assertSame( 'number', $fields[ $this->ids['number'] ]['type'] );
		$this->assertSame( 'boolean', $fields[ $this->ids['checkbox'] ]['type'] );
		$this->assertSame( array( 'Red', 'Green', 'Blue' ), $fields[ $this->ids['checkboxes'] ]['items']['enum'] );
		$this->assertSame( 'My email', $fields[ $this->ids['email'] ]['description'] );
		$this->assertSame( 'boolean', $create['args']['consent']['type'] );
	}

	/**
	 * A bad answer of each type, the reason, and part of the message.
	 *
	 * @return array<string, array{0: string, 1: mixed, 2: string, 3: string}>
	 */
	public static function bad_answers(): array {
		return array(
			'text too long'          => array( 'text', str_repeat( 'a', 201 ), 'too_long', '"My text" is too long: at most 200 characters.' ),
			'text not text'          => array( 'text', array( 'a' ), 'invalid', '"My text" needs text.' ),
			'long text too long'     => array( 'long_text', str_repeat( 'a', 2001 ), 'too_long', 'at most 2000 characters' ),
			'email not an email'     => array( 'email', 'maria-at-example', 'invalid', '"My email" needs an email address' ),
			'phone with letters'     => array( 'phone', 'call me', 'invalid', '"My phone" needs a phone number' ),
			'number not a number'    => array( 'number', 'twelve', 'invalid', '"My number" needs a number.' ),
			'date not a date'        => array( 'date', '2026-02-30', 'invalid', '"My date" needs a date' ),
			'select not an option'   => array( 'select', 'Purple', 'not_an_option', 'Please choose one of the choices of "My select".' ),
			'radio not an option'    => array( 'radio', 'red', 'not_an_option', '"My radio"' ),
			'checkboxes not options' => array( 'checkboxes', array( 'Red', 'Pink' ), 'not_an_option', '"My checkboxes"' ),
			'checkbox not boolean'   => array( 'checkbox', 'yes', 'invalid', '"My checkbox" is ticked or not' ),
			'required left empty'    => array( 'required', '  ', 'required', 'Please answer "How did you hear of us?".' ),
		);
	}

	/**
	 * @dataProvider bad_answers
	 *
	 * @param string $type    Which field.
	 * @param mixed  $value   The answer.
	 * @param string $reason  The reason in data.params.
	 * @param string $message Part of the message.
	 */
	public function test_a_bad_answer_is_refused_naming_the_field_and_writes_nothing( string $type, $value, string $reason, string $message ): void {
		$this->make_fields();
		$before                         = self::bookings();
		$answers                        = array( $this->ids['required'] => 'A friend' );
		$answers[ $this->ids[ $type ] ] = $value;

		$error = $this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $this->booking_body( '10:00', array( 'fields' => $answers ) ) ) );

		$this->assertStringContainsString( $message, $error['message'] );
		$this->assertSame( $this->ids[ $type ], $error['data']['field'] );
		$this->assertSame( array( 'fields.' . $this->ids[ $type ] => $reason ), $error['data']['params'] );
		$this->assertSame( $before, self::bookings(), 'Nothing is written.' );
		$this->assertSame( 0, Fixtures::rows( 'seats' ), 'No seat is taken.' );
	}

	public function test_a_missing_required_answer_and_an_unknown_field_are_refused(): void {
		$this->make_fields();
		$error = $this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $this->booking_body() ) );
		$this->assertSame( $this->ids['required'], $error['data']['field'] );

		$error = $this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'fields' => array(
							$this->ids['required'] => 'The web',
							'f_nothere'            => 'x',
						),
					)
				)
			)
		);
		$this->assertSame( 'f_nothere', $error['data']['field'] );
		$this->assertSame( array( 'fields.f_nothere' => 'unknown' ), $error['data']['params'] );

		Fields::update( $this->ids['text'], array( 'hidden_for' => array( $this->service->id ) ) );
		$error = $this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'fields' => array(
							$this->ids['required'] => 'The web',
							$this->ids['text']     => 'x',
						),
					)
				)
			)
		);
		$this->assertSame( $this->ids['text'], $error['data']['field'], 'A field the service hides is not on its form.' );
		$this->assertSame( 0, self::bookings() );
	}

	public function test_answers_are_stored_and_shown_and_a_renamed_or_deleted_field_keeps_them(): void {
		$this->make_fields();
		$answers = array(
			$this->ids['required']   => 'The web',
			$this->ids['text']       => ' Short <b>answer</b> ',
			$this->ids['long_text']  => "Two\nlines",
			$this->ids['email']      => 'other@example.com',
			$this->ids['phone']      => '+49 30 123',
			$this->ids['number']     => '12.5',
			$this->ids['date']       => '2026-12-31',
			$this->ids['select']     => 'Green',
			$this->ids['radio']      => 'Blue',
			$this->ids['checkboxes'] => array( 'Red', 'Blue' ),
			$this->ids['checkbox']   => true,
		);

		$made = $this->book( '10:00', array( 'fields' => $answers ) );

		$shown = array_column( $made['answers'], null, 'id' );
		$this->assertSame( 'Short answer', $shown[ $this->ids['text'] ]['value'], 'Text is cleaned as other customer text is.' );
		$this->assertSame( "Two\nlines", $shown[ $this->ids['long_text'] ]['value'] );
		$this->assertSame( 12.5, $shown[ $this->ids['number'] ]['value'] );
		$this->assertSame( array( 'Red', 'Blue' ), $shown[ $this->ids['checkboxes'] ]['value'] );
		$this->assertSame( 'Red, Blue', $shown[ $this->ids['checkboxes'] ]['text'] );
		$this->assertSame( 'Yes', $shown[ $this->ids['checkbox'] ]['text'] );
		$this->assertSame( 'How did you hear of us?', $shown[ $this->ids['required'] ]['label'] );
		$this->assertCount( 11, $made['answers'] );
		$this->assertNull( $made['consent'] );

		Fields::update( $this->ids['required'], array( 'label' => 'Where did you find us?' ) );
		Fields::delete( $this->ids['select'] );
		$this->log_in_as_admin();
		$read = array_column( $this->assertOk( 200, $this->get( 'bookings/' . $made['id'] ) )['answers'], null, 'id' );
		$this->assertSame( 'Where did you find us?', $read[ $this->ids['required'] ]['label'], 'A renamed field shows its new label over the old answer.' );
		$this->assertSame( 'The web', $read[ $this->ids['required'] ]['value'] );
		$this->assertSame( 'My select', $read[ $this->ids['select'] ]['label'], 'A deleted field\'s answer stays readable.' );
		$this->assertSame( 'Green', $read[ $this->ids['select'] ]['value'] );
		$this->assertTrue( $read[ $this->ids['select'] ]['removed'], 'The view labels it as removed.' );
		$this->assertFalse( $read[ $this->ids['required'] ]['removed'] );
		$listed = $this->assertOk( 200, $this->get( 'bookings' ) );
		$this->assertSame( 'Green', array_column( $listed[0]['answers'], 'value', 'id' )[ $this->ids['select'] ], 'The list shows answers too.' );
		$this->assertArrayNotHasKey( $this->ids['select'], Fields::for_service( $this->service->id ), 'A deleted field leaves the form.' );

		$stored = ( new BookingRepository() )->find( (int) $made['id'] );
		$this->assertNotNull( $stored );
		$columns = BookingAnswers::columns( array( $stored ) );
		$this->assertSame( 'Where did you find us?', $columns['headers'][ 'field:' . $this->ids['required'] ] );
		$this->assertSame( 'My select', $columns['headers'][ 'field:' . $this->ids['select'] ] );
		$this->assertSame( 'Red, Blue', $columns['rows'][ $made['id'] ][ 'field:' . $this->ids['checkboxes'] ] );
		$this->assertSame( '', $columns['rows'][ $made['id'] ]['consent'] );
	}

	public function test_consent_is_required_of_visitors_and_recorded_with_its_time_and_exact_text(): void {
		Settings::update(
			array(
				'consent_required' => true,
				'consent_text'     => 'Yes, keep my details for this booking.',
			)
		);
		$error = $this->assertError( 400, 'VALIDATION_ERROR', $this->post( 'bookings', $this->booking_body( '10:00', array( 'consent' => false ) ) ) );
		$this->assertSame( 'consent', $error['data']['field'] );
		$this->assertSame( 'Please agree to the privacy policy to book.', $error['message'] );
		$this->assertSame( 0, self::bookings() );

		$before = time();
		$made   = $this->book( '10:00', array( 'consent' => true ) );
		$this->assertSame( 'Yes, keep my details for this booking.', $made['consent']['text'] );
		$this->assertEqualsWithDelta( $before, strtotime( $made['consent']['at'] ), 5 );

		Settings::update( array( 'consent_text' => 'A newer text.' ) );
		$stored = ( new BookingRepository() )->find( (int) $made['id'] );
		$this->assertNotNull( $stored );
		$this->assertSame( 'Yes, keep my details for this booking.', BookingAnswers::consent( $stored )['text'] ?? null, 'The booking keeps the text that was shown.' );

		$this->log_in_as_admin();
		$by_admin = $this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '11:00' ) ) );
		$this->assertNull( $by_admin['consent'], 'An admin booking for a customer needs no box ticked.' );
	}

	public function test_a_replay_with_the_same_answers_in_another_order_or_spelling_replays(): void {
		$this->make_fields();
		Settings::update( array( 'consent_required' => true ) );
		$headers = array( 'Idempotency-Key' => 'form-replay-7c1D-0001' );
		$first   = array(
			$this->ids['required'] => 'The web',
			$this->ids['number']   => 12.5,
			$this->ids['text']     => 'Short answer',
		);
		$made    = $this->assertOk(
			201,
			$this->post(
				'bookings',
				$this->booking_body(
					'10:00',
					array(
						'fields'  => $first,
						'consent' => true,
					)
				),
				$headers
			)
		);

		// The same answers, sent in another order, with a number as text and spaces around the text.
		$again    = array(
			$this->ids['text']     => '  Short answer ',
			$this->ids['number']   => '12.5',
			$this->ids['required'] => 'The web',
		);
		$replayed = $this->post(
			'bookings',
			$this->booking_body(
				'10:00',
				array(
					'consent' => true,
					'fields'  => $again,
				)
			),
			$headers
		);

		$this->assertSame( $made['id'], $this->assertOk( 201, $replayed )['id'] );
		$this->assertSame( $made['manage_token'], $replayed->get_data()['manage_token'] );
		$this->assertSame( 'true', $replayed->get_headers()['Idempotent-Replayed'] ?? null );
		$this->assertSame( 1, self::bookings() );
	}

	public function test_a_key_reused_with_other_answers_or_consent_is_refused_and_writes_nothing(): void {
		$this->make_fields();
		$headers = array( 'Idempotency-Key' => 'form-replay-7c1D-0002' );
		$answers = array( $this->ids['required'] => 'The web' );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'fields' => $answers ) ), $headers ) );
		$before = $this->snapshot();

		$other_answer = array( 'fields' => array( $this->ids['required'] => 'A friend' ) );
		$one_more     = array( 'fields' => $answers + array( $this->ids['text'] => 'Also this' ) );
		$with_consent = array(
			'fields'  => $answers,
			'consent' => true,
		);
		foreach ( array( $other_answer, $one_more, $with_consent ) as $body ) {
			$error = $this->assertError( 409, 'IDEMPOTENCY_KEY_REUSED', $this->post( 'bookings', $this->booking_body( '10:00', $body ), $headers ) );
			$this->assertArrayNotHasKey( 'manage_token', (array) ( $error['data'] ?? array() ), 'A refused replay tells nothing of the booking.' );
		}

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_the_exporter_returns_answers_and_consent_and_the_eraser_removes_them(): void {
		$this->make_fields();
		Settings::update( array( 'consent_required' => true ) );
		$made = $this->book(
			'10:00',
			array(
				'fields'  => array(
					$this->ids['required'] => 'A friend',
					$this->ids['text']     => 'Secret answer',
				),
				'consent' => true,
			)
		);

		$exporter = new BookingExporter( new BookingRepository(), $this->services, $this->employees );
		$data     = array_column( $exporter->export( 'maria@example.com', 1 )['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'A friend', $data['How did you hear of us?'] );
		$this->assertSame( 'Secret answer', $data['My text'] );
		$this->assertStringContainsString( '"I agree to the privacy policy."', $data['Consent'] );

		// Only a past booking is erased; move this one into the past.
		global $wpdb;
		$wpdb->update( Schema::table( 'bookings' ), array( 'end_utc' => '2020-01-01 10:00:00' ), array( 'id' => $made['id'] ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertTrue( ( new BookingEraser( new BookingRepository() ) )->erase( 'maria@example.com', 1 )['items_removed'] );
		$erased = ( new BookingRepository() )->find( (int) $made['id'] );
		$this->assertNotNull( $erased );
		$this->assertSame( array(), BookingAnswers::of( $erased ) );
		$this->assertNull( BookingAnswers::consent( $erased ) );
	}

	public function test_admins_manage_the_fields_over_rest(): void {
		$this->log_in_as_admin();
		$made = $this->assertOk(
			201,
			$this->post(
				'booking-fields',
				array(
					'label'   => 'Colour',
					'type'    => 'radio',
					'options' => array( 'Red', 'Blue' ),
				)
			)
		);
		$this->assertSame( array( 'id', 'type', 'label', 'help', 'required', 'options', 'service', 'hidden_for', 'order' ), array_keys( $made ) );
		$this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->post(
				'booking-fields',
				array(
					'label' => 'Colour',
					'type'  => 'select',
				)
			)
		);
		$this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->post(
				'booking-fields',
				array(
					'label' => 'Colour',
					'type'  => 'colour',
				)
			)
		);
		$this->assertError(
			400,
			'VALIDATION_ERROR',
			$this->call(
				'PATCH',
				'booking-fields/' . $made['id'],
				array(
					'hidden_for' => array( 1 ),
					'service'    => $this->service->id,
				)
			)
		);

		$changed = $this->assertOk(
			200,
			$this->call(
				'PATCH',
				'booking-fields/' . $made['id'],
				array(
					'label'    => 'Favourite colour',
					'required' => true,
				)
			)
		);
		$this->assertSame( array( 'Favourite colour', true, array( 'Red', 'Blue' ) ), array( $changed['label'], $changed['required'], $changed['options'] ) );
		$this->assertSame( array( $made['id'] ), array_column( $this->assertOk( 200, $this->get( 'booking-fields' ) ), 'id' ) );

		$this->assertTrue( $this->assertOk( 200, $this->call( 'DELETE', 'booking-fields/' . $made['id'] ) )['deleted'] );
		$this->assertSame( array(), $this->assertOk( 200, $this->get( 'booking-fields' ) ) );
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'DELETE', 'booking-fields/' . $made['id'] ) );
		$this->assertSame( 'Favourite colour', Fields::find( $made['id'] )['label'] ?? null, 'The definition stays for old answers.' );
	}

	public function test_emails_show_the_answers_escaped_through_fields_and_per_field_placeholders(): void {
		remove_filter( 'pre_wp_mail', '__return_true' );
		Maildev::clear();
		$this->make_fields();
		update_option( 'admin_email', 'owner@example.com' );
		Settings::update( array( 'email_created_staff_body' => "Answers:\n{fields}\nText only: {field:" . $this->ids['text'] . '}' ) );

		$this->book(
			'10:00',
			array(
				'fields' => array(
					$this->ids['required']  => 'A friend',
					$this->ids['long_text'] => 'Tom & "Jerry"',
				),
			)
		);
		( new OutboxSender( new Outbox() ) )->run( time() );
		$staff = Maildev::to( 'owner@example.com' )[0] ?? array();

		$this->assertStringContainsString( "Answers:\nMy long_text: Tom & \"Jerry\"\nHow did you hear of us?: A friend\nText only: \n", (string) ( $staff['text'] ?? '' ) );
		$this->assertStringContainsString( 'My long_text: Tom &amp; &quot;Jerry&quot;', (string) ( $staff['html'] ?? '' ), 'The HTML part escapes answers.' );
	}
}
