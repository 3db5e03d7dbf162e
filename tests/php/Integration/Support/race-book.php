<?php
/**
 * One racer of EmailCapRaceTest and LimitRaceTest: loads the test site, waits for the common
 * start instant, then books one time through the real booking service as a
 * visitor would (the anti-spam rules apply). Prints "won <id>",
 * "refused <REASON>" or "error <message>". It waits 0.3 s before writing its booking.
 *
 * Usage: php race-book.php <wp-dir> <start-at unix float> <service> <employee> <start ISO 8601> <email> <now ISO 8601>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;

list( , $wp_dir, $start_at, $service, $employee, $start, $email, $now ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

// Each racer dawdles between counting the address's bookings and writing its own, so
// that all of them count at once: without a lock, each would count none and all would win.
add_filter(
	'query',
	static function ( string $query ): string {
		if ( str_starts_with( ltrim( $query ), 'INSERT INTO `' . AppointEase\Infrastructure\Schema::table( 'bookings' ) . '`' ) ) {
			usleep( 300000 );
		}
		return $query;
	}
);

$booking_service = BookingService::create_default();
$request         = new BookingRequest( (int) $service, (int) $employee, new DateTimeImmutable( $start ), 1, 'Racing Customer', $email, '', '', null, null, true );

$wait = (float) $start_at - microtime( true );
if ( $wait > 0 ) {
	usleep( (int) ( $wait * 1e6 ) );
}

try {
	$result = $booking_service->book( $request, new DateTimeImmutable( $now ) );
	echo 'won ' . $result->booking->id . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
} catch ( Refusal $refusal ) {
	echo 'refused ' . $refusal->reason . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
} catch ( Throwable $error ) {
	echo 'error ' . $error->getMessage() . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
}
