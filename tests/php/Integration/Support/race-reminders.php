<?php
/**
 * One runner of ReminderRaceTest: loads the test site, waits for the common
 * start instant, then runs the reminder job at the given instant, as a cron
 * on another web node would. Every email is caught at `pre_wp_mail` (and
 * takes half a second, so the runners overlap while sending). Prints a JSON
 * object: report (the job's lines) and sent ("<to> | <subject>" each).
 *
 * Usage: php race-reminders.php <wp-dir> <start-at unix float> <job's now, ISO 8601>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Reminders\ReminderJob;

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

$report = ReminderJob::create_default()->run( new DateTimeImmutable( $job_now ) );
// The job queues its emails; each runner then sends what it can claim from the outbox.
\AppointEase\Notifications\OutboxSender::run_now();
echo wp_json_encode( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
	array(
		'report' => $report,
		'sent'   => $sent,
	)
) . "\n";
