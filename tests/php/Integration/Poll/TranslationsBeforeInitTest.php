<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Poll;

use AppointEase\Infrastructure\Translations;
use AppointEase\Poll\PollResponder;
use AppointEase\Poll\PollService;
use AppointEase\Rest\RateLimiter;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * The early poll answers while the plugin file loads, before `after_setup_theme`
 * and `init`. Since WordPress 6.7, translating a plugin's string then, when a
 * translation for the site's language exists, is `_doing_it_wrong`
 * (`_load_textdomain_just_in_time`). These tests put the request back before
 * `after_setup_theme`, give the site a German translation of the poll's
 * messages (through `lang_dir_for_domain`, as a language pack would be found),
 * and check that each refusal of the early path is German and that WordPress
 * said nothing.
 */
final class TranslationsBeforeInitTest extends TestCase {

	private const GERMAN = array(
		'Send employee (a positive id) and date (YYYY-MM-DD).' => 'Senden Sie employee (eine positive Id) und date (JJJJ-MM-TT).',
		'This employee does not exist or cannot be booked.'    => 'Diese Person gibt es nicht, oder sie ist nicht buchbar.',
		'Live times are unavailable for a moment. Please try again.' => 'Die Live-Zeiten sind kurz nicht verfügbar. Bitte erneut versuchen.',
		'Too many requests from your connection. Please wait a moment and try again.' => 'Zu viele Anfragen von Ihrer Verbindung. Bitte warten Sie kurz.',
	);

	/**
	 * What `_doing_it_wrong` reported: function name and message.
	 *
	 * @var list<array{0: string, 1: string}>
	 */
	private array $wrong = array();

	/**
	 * The folder that holds this test's translation files.
	 */
	private string $languages;

	/**
	 * How often `after_setup_theme` had run before the test.
	 */
	private int $theme_set_up;

	/**
	 * Filters this test adds: hook => callback.
	 *
	 * @var array<string, callable>
	 */
	private array $filters = array();

	private Fixtures $fixtures;

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures  = new Fixtures();
		$this->languages = sys_get_temp_dir() . '/appointease-l10n-' . wp_generate_password( 8, false );
		mkdir( $this->languages );
		file_put_contents(
			$this->languages . '/appointease-de_DE.l10n.php',
			'<?php return ' . var_export( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a .l10n.php file.
				array(
					'domain'   => 'appointease',
					'messages' => self::GERMAN,
				),
				true
			) . ';'
		);

		$this->filter( 'determine_locale', static fn() => 'de_DE' );
		$this->filter(
			'lang_dir_for_domain',
			fn( $path, $domain ) => 'appointease' === $domain ? $this->languages . '/' : $path,
			2
		);
		$this->filter(
			'doing_it_wrong_run',
			function ( $name, $message ): void {
				$this->wrong[] = array( (string) $name, (string) $message );
			},
			2
		);
		// Recorded above; the notice itself would end the test before its assertions.
		$this->filter( 'doing_it_wrong_trigger_error', '__return_false' );

		// Back to before the theme was set up, with nothing of the domain loaded yet.
		global $wp_actions;
		$this->theme_set_up = (int) ( $wp_actions['after_setup_theme'] ?? 0 );
		unset( $wp_actions['after_setup_theme'] );
		self::forget_domain();
	}

	protected function tear_down(): void {
		global $wp_actions;
		$wp_actions['after_setup_theme'] = $this->theme_set_up; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- puts the request back as it was.
		foreach ( $this->filters as $hook => $callback ) {
			remove_filter( $hook, $callback );
		}
		self::forget_domain();
		foreach ( (array) glob( $this->languages . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->languages );
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_the_request_is_back_before_the_theme_is_set_up(): void {
		$this->assertTrue( Translations::too_early() );
	}

	public function test_a_validation_error_before_init_is_translated_without_a_notice(): void {
		list( $status, $headers, $body ) = $this->responder()->respond( 'abc', '2026-02-30', null );

		$this->assertSame( 400, $status );
		$this->assertSame( 'no-store', $headers['Cache-Control'] );
		$this->assertSame( self::GERMAN['Send employee (a positive id) and date (YYYY-MM-DD).'], $body['message'] ?? null );
		$this->assertNoNotice();
	}

	public function test_an_unknown_employee_before_init_is_translated_without_a_notice(): void {
		list( $status, , $body ) = $this->responder()->respond( 999999, '2030-01-07', null );

		$this->assertSame( 404, $status );
		$this->assertSame( self::GERMAN['This employee does not exist or cannot be booked.'], $body['message'] ?? null );
		$this->assertNoNotice();
	}

	public function test_the_poll_rate_limit_before_init_is_translated_without_a_notice(): void {
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		// An address of this test's own: the counters outlive the rollback.
		$ip = sprintf( '2001:db8:13:%x::%x', wp_rand( 0, 0xffff ), wp_rand( 1, 0xffff ) );
		$this->filter( 'appointease_client_ip', static fn() => $ip );
		// Stored as is: Settings::update() validates against a schema with translated descriptions.
		update_option( Settings::OPTION, array( 'rate_limit_poll' => 60 ) );

		$limited = null;
		// 61 requests pass the limit of 60 within one window; a window that ends meanwhile starts the count again.
		for ( $i = 0; $i < 200 && null === $limited; $i++ ) {
			$limited = RateLimiter::check( 'poll' );
		}

		$this->assertInstanceOf( \WP_Error::class, $limited );
		$this->assertSame( 'appointease_rate_limited', $limited->get_error_code() );
		$this->assertSame( self::GERMAN['Too many requests from your connection. Please wait a moment and try again.'], $limited->get_error_message() );
		$this->assertNoNotice();
	}

	public function test_without_a_translation_the_error_is_english_and_still_without_a_notice(): void {
		unlink( $this->languages . '/appointease-de_DE.l10n.php' );

		list( $status, , $body ) = $this->responder()->respond( 'abc', '2026-01-01', null );

		$this->assertSame( 400, $status );
		$this->assertSame( 'Send employee (a positive id) and date (YYYY-MM-DD).', $body['message'] ?? null );
		$this->assertNoNotice();
	}

	public function test_a_successful_poll_loads_no_translations(): void {
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee( array( $service->id ) );

		list( $status ) = $this->responder()->respond( $employee->id, '2030-01-07', null );

		$this->assertSame( 200, $status );
		global $l10n;
		$this->assertArrayNotHasKey( 'appointease', (array) $l10n, 'The hot path must not read translation files.' );
		$this->assertNoNotice();
	}

	public function test_after_the_theme_is_set_up_translations_are_left_to_wordpress(): void {
		global $wp_actions, $l10n;
		$wp_actions['after_setup_theme'] = 1; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the theme is set up from here on.

		Translations::prepare();

		$this->assertArrayNotHasKey( 'appointease', (array) $l10n );
		$this->assertSame( self::GERMAN['This employee does not exist or cannot be booked.'], __( 'This employee does not exist or cannot be booked.', 'appointease' ) );
		$this->assertNoNotice();
	}

	public function test_an_admin_notice_of_the_plugin_file_is_translated_only_when_it_shows(): void {
		global $wp_filter, $wp_actions, $l10n;
		$notices = isset( $wp_filter['admin_notices'] ) ? clone $wp_filter['admin_notices'] : null;

		appointease_admin_notice( static fn() => __( 'This employee does not exist or cannot be booked.', 'appointease' ) );
		$this->assertArrayNotHasKey( 'appointease', (array) $l10n, 'Nothing is translated while the plugin file loads.' );

		$wp_actions['after_setup_theme'] = 1; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the theme is set up from here on.
		ob_start();
		do_action( 'admin_notices' );
		$html = (string) ob_get_clean();
		if ( null === $notices ) {
			unset( $wp_filter['admin_notices'] );
		} else {
			$wp_filter['admin_notices'] = $notices; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the hooks as they were.
		}

		$this->assertStringContainsString( esc_html( self::GERMAN['This employee does not exist or cannot be booked.'] ), $html );
		$this->assertNoNotice();
	}

	/**
	 * The responder the early path uses.
	 */
	private function responder(): PollResponder {
		return new PollResponder( PollService::create_default() );
	}

	/**
	 * Adds a filter that tear_down() removes.
	 *
	 * @param string   $hook     The hook.
	 * @param callable $callback The callback.
	 * @param int      $args     How many arguments it takes.
	 */
	private function filter( string $hook, callable $callback, int $args = 1 ): void {
		add_filter( $hook, $callback, 10, $args );
		$this->filters[ $hook ] = $callback;
	}

	private function assertNoNotice(): void {
		$this->assertSame( array(), $this->wrong, 'WordPress reported _doing_it_wrong.' );
	}

	/**
	 * Drops the domain's translations and every trace of having tried to load them.
	 */
	private static function forget_domain(): void {
		global $l10n, $l10n_unloaded;
		unload_textdomain( 'appointease', true );
		\WP_Translation_Controller::get_instance()->unload_textdomain( 'appointease' );
		unset( $l10n['appointease'], $l10n_unloaded['appointease'] );
	}
}
