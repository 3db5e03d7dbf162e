<?php
/**
 * One request of EarlyPollTranslationsTest: loads the test site as php-fpm
 * would for `GET /wp-json/appointease/v1/slots/poll?<query>`, so that the
 * plugin's early path answers while its file loads and ends the request.
 * The site's language is German, with translations found in <languages>.
 * Prints the answer, then a line `--wrong--` and, as JSON, what WordPress
 * reported through `_doing_it_wrong` (functions and messages).
 *
 * Usage: php early-poll.php <languages dir> <query string>
 *
 * @package AppointEase
 */

declare(strict_types=1);

list( , $languages, $query ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once dirname( __DIR__ ) . '/Support/stack.php';
$stack = appointease_tests_stack();
appointease_tests_fake_request( $stack );
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REQUEST_URI']    = '/wp-json/appointease/v1/slots/poll?' . $query;
$_SERVER['REMOTE_ADDR']    = '2001:db8:13::1';
parse_str( $query, $_GET ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the request this process plays.

$appointease_tests_wrong = array();

/*
 * Hooks in place before WordPress loads (core turns this array into its hooks),
 * as a must-use plugin or a language pack would be there before the plugin.
 */
$wp_filter = array( // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- set before WordPress loads, which reads it.
	'determine_locale'               => array(
		10 => array(
			array(
				'function'      => static fn() => 'de_DE',
				'accepted_args' => 1,
			),
		),
	),
	'lang_dir_for_domain'            => array(
		10 => array(
			array(
				'function'      => static fn( $path, $domain ) => 'appointease' === $domain ? $languages . '/' : $path,
				'accepted_args' => 2,
			),
		),
	),
	'doing_it_wrong_run'             => array(
		10 => array(
			array(
				'function'      => static function ( $name, $message ) use ( &$appointease_tests_wrong ): void {
					$appointease_tests_wrong[] = array( $name, $message );
				},
				'accepted_args' => 2,
			),
		),
	),
	'doing_it_wrong_trigger_error'   => array(
		10 => array(
			array(
				'function'      => static fn() => false,
				'accepted_args' => 1,
			),
		),
	),
	'appointease_rate_limit_enabled' => array(
		10 => array(
			array(
				'function'      => static fn() => false,
				'accepted_args' => 1,
			),
		),
	),
);

register_shutdown_function(
	static function () use ( &$appointease_tests_wrong ): void {
		echo "\n--wrong--\n" . json_encode( $appointease_tests_wrong ) . "\n"; // phpcs:ignore
	}
);

require $stack['wp_dir'] . '/wp-load.php';
echo 'not answered early'; // The early path exits before this.
