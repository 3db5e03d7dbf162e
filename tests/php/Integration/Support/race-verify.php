<?php
/**
 * One racer of EmailConfirmationRaceTest: loads the test site, waits for the
 * common start instant, then either confirms a booking by its email token
 * or runs the expiry job. Prints "verified <status>", "refused <reason>",
 * "expired <count>" or "error <message>".
 *
 * Usage: php race-verify.php <wp-dir> <start-at unix float> verify|expire <booking id> <token>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;

list( , $wp_dir, $start_at, $racer_role, $booking_id, $token ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

// Nobody should be emailed from a racer.
add_filter( 'pre_wp_mail', '__return_true' );
$service = BookingService::create_default();

$wait = (float) $start_at - microtime( true );
if ( $wait > 0 ) {
	usleep( (int) ( $wait * 1e6 ) );
}

try {
	if ( 'verify' === $racer_role ) {
		$outcome = 'verified ' . $service->verify( (int) $booking_id, $token, new DateTimeImmutable( 'now' ) )->status;
	} else {
		$outcome = 'expired ' . $service->expire_unverified( new DateTimeImmutable( 'now' ) );
	}
} catch ( Refusal $refusal ) {
	$outcome = 'refused ' . $refusal->reason;
} catch ( Throwable $e ) {
	$outcome = 'error ' . $e->getMessage();
}
echo $outcome . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
