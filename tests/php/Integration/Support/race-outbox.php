<?php
/**
 * One runner of OutboxRaceTest: loads the test site, waits for the common
 * start instant, then sends the outbox as its cron event would, over SMTP
 * to the stack's maildev. Each send is held up a little (at
 * `phpmailer_init`), so the runners overlap. Prints a JSON object: sent
 * (how many emails this runner sent).
 *
 * Usage: php race-outbox.php <wp-dir> <start-at unix float>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;

list( , $wp_dir, $start_at ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

add_action(
	'phpmailer_init',
	static function (): void {
		usleep( 50000 );
	}
);

$wait = (float) $start_at - microtime( true );
if ( $wait > 0 ) {
	usleep( (int) ( $wait * 1e6 ) );
}

echo wp_json_encode( array( 'sent' => ( new OutboxSender( new Outbox() ) )->run( time() ) ) ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
