<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Poll;

use AppointEase\Tests\Integration\TestCase;

/**
 * The early poll for real: a PHP process loads the test site for a poll
 * request (early-poll.php), and the plugin answers while its file loads,
 * before `init`. With a German translation on the site, WordPress 6.7+
 * reported `_load_textdomain_just_in_time` for each refusal; the answer must
 * be German and WordPress silent.
 */
final class EarlyPollTranslationsTest extends TestCase {

	private string $languages;

	protected function set_up(): void {
		parent::set_up();
		$this->languages = sys_get_temp_dir() . '/appointease-l10n-' . wp_generate_password( 8, false );
		mkdir( $this->languages );
	}

	protected function tear_down(): void {
		foreach ( (array) glob( $this->languages . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->languages );
		parent::tear_down();
	}

	public function test_a_refusal_before_init_is_translated_and_wordpress_reports_nothing(): void {
		file_put_contents(
			$this->languages . '/appointease-de_DE.l10n.php',
			'<?php return ' . var_export( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a .l10n.php file.
				array(
					'domain'   => 'appointease',
					'messages' => array( 'Send employee (a positive id) and date (YYYY-MM-DD).' => 'Senden Sie employee und date.' ),
				),
				true
			) . ';'
		);

		list( $body, $wrong ) = $this->early_poll( 'employee=abc&date=2026-01-01' );

		$this->assertSame( 'appointease_validation_error', $body['code'] ?? null );
		$this->assertSame( 'Senden Sie employee und date.', $body['message'] ?? null );
		$this->assertSame( array(), $wrong, 'What WordPress reported through _doing_it_wrong.' );
	}

	public function test_without_a_translation_the_refusal_is_english_and_wordpress_reports_nothing(): void {
		list( $body, $wrong ) = $this->early_poll( 'employee=999999&date=2030-01-07' );

		$this->assertSame( 'appointease_not_found', $body['code'] ?? null );
		$this->assertSame( 'This employee does not exist or cannot be booked.', $body['message'] ?? null );
		$this->assertSame( array(), $wrong, 'What WordPress reported through _doing_it_wrong.' );
	}

	/**
	 * Runs one early poll in its own process.
	 *
	 * @param string $query The query string.
	 * @return array{0: array<mixed>, 1: array<mixed>} The answer's body and what _doing_it_wrong reported.
	 */
	private function early_poll( string $query ): array {
		$command = sprintf( '%s %s %s %s 2>&1', escapeshellarg( PHP_BINARY ), escapeshellarg( __DIR__ . '/early-poll.php' ), escapeshellarg( $this->languages ), escapeshellarg( $query ) );
		exec( $command, $lines, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- a child PHP process.
		$output = implode( "\n", $lines );
		$this->assertSame( 0, $status, $output );
		$parts = explode( "\n--wrong--\n", $output );
		$this->assertCount( 2, $parts, $output );
		$body = json_decode( $parts[0], true );
		$this->assertIsArray( $body, $output );
		return array( $body, (array) json_decode( $parts[1], true ) );
	}
}
