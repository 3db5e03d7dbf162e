<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Demo;

use AppointEase\Tests\Integration\TestCase;

/**
 * The local site's must-use plugin (config/local-site.php, copied into the
 * stack's mu-plugins) stops core's update checks: this machine reaches no
 * WordPress.org server, and each failed check logged "could not establish a
 * secure connection to WordPress.org" as a PHP warning. Even a forced check
 * must now send nothing and say nothing.
 */
final class LocalSiteTest extends TestCase {

	/**
	 * PHP errors raised meanwhile.
	 *
	 * @var list<string>
	 */
	private array $php_errors = array();

	/**
	 * Requests that really went out (http_api_debug fires only for those).
	 *
	 * @var list<string>
	 */
	private array $sent = array();

	private \Closure $record;

	protected function set_up(): void {
		parent::set_up();
		if ( ! is_file( self::installed_copy() ) ) {
			$this->markTestSkipped( 'This stack has no local-site must-use plugin.' );
		}
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		require_once ABSPATH . 'wp-admin/includes/dashboard.php';
		require_once ABSPATH . 'wp-admin/includes/plugin-install.php';
		require_once ABSPATH . 'wp-admin/includes/translation-install.php';
		$this->record = function ( $response, $context, $transport, $args, $url ): void {
			$this->sent[] = (string) $url;
		};
		add_action( 'http_api_debug', $this->record, 10, 5 );
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the test fails on any warning or notice.
			function ( int $errno, string $message ): bool {
				$this->php_errors[] = $message;
				return true;
			}
		);
	}

	protected function tear_down(): void {
		restore_error_handler();
		remove_action( 'http_api_debug', $this->record, 10 );
		parent::tear_down();
	}

	public function test_the_local_site_is_the_one_under_test(): void {
		$this->assertSame(
			file_get_contents( dirname( __DIR__, 4 ) . '/config/local-site.php' ),
			file_get_contents( self::installed_copy() ),
			'The stack runs an old copy of config/local-site.php: run `npm run demo` again.'
		);
	}

	public function test_forced_update_checks_send_nothing_and_warn_of_nothing(): void {
		wp_version_check( array(), true );
		wp_update_plugins();
		wp_update_themes();
		$checksums = get_core_checksums( get_bloginfo( 'version' ), 'en_US' );

		$this->assertFalse( $checksums );
		$this->assertSame( array(), $this->sent, 'Requests that went out.' );
		$this->assertSame( array(), $this->php_errors, 'PHP errors raised.' );
	}

	public function test_look_ups_on_wordpress_org_answer_offline_quietly(): void {
		$answers = array(
			'plugins_api'      => plugins_api( 'plugin_information', array( 'slug' => 'akismet' ) ),
			'themes_api'       => themes_api( 'theme_information', array( 'slug' => 'twentytwentyfive' ) ),
			'translations_api' => translations_api( 'core' ),
			'news feed'        => wp_remote_get( 'https://wordpress.org/news/feed/' ),
		);

		foreach ( $answers as $what => $answer ) {
			$this->assertInstanceOf( \WP_Error::class, $answer, $what );
		}
		$agent                      = $_SERVER['HTTP_USER_AGENT'] ?? null;
		$_SERVER['HTTP_USER_AGENT'] = 'Mozilla/5.0 (X11; Linux x86_64) AppointEaseTest/' . wp_rand();
		$browser                    = wp_check_browser_version();
		$_SERVER['HTTP_USER_AGENT'] = $agent;
		$this->assertFalse( $browser );
		$this->assertFalse( wp_check_php_version() );
		$this->assertSame( array(), $this->sent, 'Requests that went out.' );
		$this->assertSame( array(), $this->php_errors, 'PHP errors raised.' );
	}

	public function test_no_update_check_is_scheduled_and_automatic_updates_are_off(): void {
		foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', 'wp_maybe_auto_update' ) as $hook ) {
			$this->assertFalse( wp_next_scheduled( $hook ), $hook );
			$this->assertFalse( has_action( $hook, $hook ), "Something still runs on $hook." );
		}
		$this->assertTrue( apply_filters( 'automatic_updater_disabled', false ) );
	}

	/**
	 * Where bin/lib/site.sh copies config/local-site.php.
	 */
	private static function installed_copy(): string {
		return WP_CONTENT_DIR . '/mu-plugins/appointease-local-site.php';
	}
}
