<?php
/**
 * One runner of ChangeEmailsRaceTest: loads the test site, waits for the
 * common start instant, then runs the change-email job as WP-Cron would, at
 * the given instant, then sends the outbox. Every email is caught at
 * `pre_wp_mail`, on purpose: a stub that takes half a second, so the runners
 * overlap while sending, without SMTP (OutboxRaceTest sends real ones). Prints a JSON object:
 * handled (bookings this runner took) and sent ("<to> | <subject>" each).
 *
 * Usage: php race-change-emails.php <wp-dir> <start-at unix float> <job's now, unix seconds>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Booking\BookingRepository;
use AppointEase\Notifications\ChangeEmails;
use AppointEase\Notifications\ChangeQueue;
use AppointEase\Notifications\Notifier;
use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;

list( , $wp_dir, $start_at, $job_now ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

$sent = array();
add_filter(
	'pre_wp_mail',
	static function ( $result, array $atts ) use ( &$sent ): bool {
		unset( $result );
		usleep( 500000 );
		$sent[] = implode( ',', (array) $atts['to'] ) . ' | ' . $atts['subject'];
		return true;
	},
	10,
	2
);

$wait = (float) $start_at - microtime( true );
if ( $wait > 0 ) {
	usleep( (int) ( $wait * 1e6 ) );
}

$handled = ( new ChangeEmails( new ChangeQueue(), new BookingRepository(), Notifier::shared() ) )->run( (int) $job_now );
// The change job queues its emails; each runner then sends the outbox, as its cron event would.
( new OutboxSender( new Outbox() ) )->run( time() );
echo wp_json_encode( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
	array(
		'handled' => $handled,
		'sent'    => $sent,
	)
) . "\n";
