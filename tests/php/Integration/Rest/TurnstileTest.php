<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Blocks\BookingBlock;
use AppointEase\Integrations\Turnstile;
use AppointEase\Settings\Settings;

/**
 * The Turnstile adapter, with the site's keys defined for this process.
 * Cloudflare is never asked: pre_http_request answers for it and records
 * what the adapter sent.
 */
final class TurnstileTest extends RestTestCase {

	private const SITE_KEY = '1x00000000000000000000AA';

	private const SECRET_KEY = '1x0000000000000000000000000000000AA';

	/**
	 * What siteverify was sent, one entry a request.
	 *
	 * @var array<int, array{url: string, body: array<string, mixed>}>
	 */
	private array $sent = array();

	/**
	 * Cloudflare's answer to give: a decoded JSON body, a WP_Error for a failed request.
	 *
	 * @var array<string, mixed>|\WP_Error
	 */
	private $answer = array( 'success' => true );

	protected function set_up(): void {
		parent::set_up();
		remove_filter( 'appointease_spam_checks_enabled', '__return_false' );
		Settings::update( array( 'min_fill_seconds' => 0 ) );
		add_filter( 'pre_http_request', array( $this, 'fake_cloudflare' ), 10, 3 );
	}

	protected function tear_down(): void {
		remove_filter( 'pre_http_request', array( $this, 'fake_cloudflare' ), 10 );
		remove_filter( 'appointease_verify_booking_request', array( Turnstile::class, 'verify' ), 10 );
		remove_action( 'appointease_booking_form_assets', array( Turnstile::class, 'enqueue' ) );
		wp_dequeue_script( Turnstile::HANDLE );
		parent::tear_down();
	}

	/**
	 * Stands in for Cloudflare.
	 *
	 * @param false|array<string, mixed>|\WP_Error $response What an earlier filter gave.
	 * @param array<string, mixed>                 $args     The request's arguments.
	 * @param string                               $url      Where it goes.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function fake_cloudflare( $response, $args, $url ) {
		$this->sent[] = array(
			'url'  => $url,
			'body' => (array) $args['body'],
		);
		if ( $this->answer instanceof \WP_Error ) {
			return $this->answer;
		}
		return array(
			'headers'  => array(),
			'body'     => (string) wp_json_encode( $this->answer ),
			'response' => array(
				'code'    => 200,
				'message' => 'OK',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	}

	public function test_without_keys_the_adapter_stays_out_of_the_way(): void {
		if ( defined( 'APPOINTEASE_TURNSTILE_SECRET_KEY' ) ) {
			$this->markTestSkipped( 'The keys are already defined in this process.' );
		}
		Turnstile::register();

		$this->assertFalse( has_filter( 'appointease_verify_booking_request', array( Turnstile::class, 'verify' ) ) );
		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body() ) );
		$this->assertSame( array(), $this->sent );
	}

	public function test_a_good_answer_is_checked_with_cloudflare_and_books(): void {
		$this->use_keys();

		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => 'answer-from-the-widget' ) ) ) );

		$this->assertCount( 1, $this->sent );
		$this->assertSame( 'https://challenges.cloudflare.com/turnstile/v0/siteverify', $this->sent[0]['url'] );
		$this->assertSame( self::SECRET_KEY, $this->sent[0]['body']['secret'] );
		$this->assertSame( 'answer-from-the-widget', $this->sent[0]['body']['response'] );
	}

	public function test_a_rejected_answer_is_refused_and_nothing_is_written(): void {
		$this->use_keys();
		$this->answer = array(
			'success'     => false,
			'error-codes' => array( 'timeout-or-duplicate' ),
		);
		$before       = $this->snapshot();

		$error = $this->assertError( 403, 'CAPTCHA_FAILED', $this->post( 'bookings', $this->booking_body( '10:00', array( 'captcha_token' => 'used-twice' ) ) ) );

		$this->assertStringContainsString( 'complete it again', $error['message'] );
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_booking_without_an_answer_is_refused_without_asking_cloudflare(): void {
		$this->use_keys();

		$this->assertError( 403, 'CAPTCHA_FAILED', $this->post( 'bookings', $this->booking_body() ) );

		$this->assertSame( array(), $this->sent );
	}

	public function test_when_cloudflare_cannot_be_reached_nothing_is_booked_and_the_visitor_may_retry(): void {
		$this->use_keys();
		$this->answer = new \WP_Error( 'http_request_failed', 'cURL error 28: Operation timed out' );
		$request      = new \WP_REST_Request( 'POST', '/appointease/v1/bookings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $this->booking_body( '10:00', array( 'captcha_token' => 'answer' ) ) ) );

		$response = rest_do_request( $request );

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'STORE_UNAVAILABLE', $response->get_data()['data']['reason'] );
	}

	public function test_an_admin_books_without_the_widget(): void {
		$this->use_keys();
		$this->log_in_as_admin();

		$this->assertOk( 201, $this->post( 'bookings', $this->booking_body() ) );

		$this->assertSame( array(), $this->sent );
	}

	public function test_a_page_with_the_form_loads_turnstile_and_the_provider_with_the_site_key(): void {
		$this->use_keys();

		BookingBlock::render_shortcode( '' );

		$this->assertTrue( wp_script_is( Turnstile::HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ Turnstile::HANDLE ];
		$this->assertSame( 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit', $script->src );
		$inline = implode( "\n", (array) wp_scripts()->get_data( Turnstile::HANDLE, 'before' ) );
		$this->assertStringContainsString( 'window.appointeaseCaptcha', $inline );
		$this->assertStringContainsString( '"' . self::SITE_KEY . '"', $inline );
		$this->assertStringNotContainsString( self::SECRET_KEY, $inline, 'The secret never reaches the page.' );
	}

	/**
	 * Defines the keys (for the rest of this process) and hooks the adapter in, as boot would.
	 */
	private function use_keys(): void {
		if ( ! defined( 'APPOINTEASE_TURNSTILE_SITE_KEY' ) ) {
			define( 'APPOINTEASE_TURNSTILE_SITE_KEY', self::SITE_KEY );
			define( 'APPOINTEASE_TURNSTILE_SECRET_KEY', self::SECRET_KEY );
		}
		Turnstile::register();
	}
}
