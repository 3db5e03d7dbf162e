<?php
/**
 * One racer of SeatLedgerRaceTest: loads the test site, waits for the common
 * start instant, then inserts a booking and claims its seats in one
 * transaction, with no availability check before. Prints "won <id>",
 * "taken" or "error <message>". With a commit delay it keeps the transaction
 * (and its locks) open that long after claiming, before it commits.
 *
 * Usage: php race-claim.php <wp-dir> <start-at unix float> <employee> <service> <session start> <occupied start> <occupied end> <seats> <capacity> [<commit delay ms>]
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Booking\DeadlockException;
use AppointEase\Booking\SeatLedger;
use AppointEase\Booking\SlotTakenException;
use AppointEase\Infrastructure\Schema;

list( , $wp_dir, $start_at, $employee, $service, $session_start, $occupied_start, $occupied_end, $seats, $capacity ) = $argv;
$commit_delay_ms = (int) ( $argv[10] ?? 0 );

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

$wait = (float) $start_at - microtime( true );
if ( $wait > 0 ) {
	usleep( (int) ( $wait * 1e6 ) );
}

global $wpdb;
// Like the booking service, run the transaction again when InnoDB picks it as a deadlock victim.
for ( $attempt = 1; $attempt <= 5; $attempt++ ) {
	$outcome = appointease_race_attempt( $employee, $service, $session_start, $occupied_start, $occupied_end, $seats, $capacity, $commit_delay_ms );
	if ( 'deadlock' !== $outcome ) {
		break;
	}
}
echo $outcome . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.

/**
 * One attempt: insert the booking and claim its seats in a transaction.
 */
function appointease_race_attempt( string $employee, string $service, string $session_start, string $occupied_start, string $occupied_end, string $seats, string $capacity, int $commit_delay_ms ): string {
	global $wpdb;
	$wpdb->query( 'START TRANSACTION' );
	try {
		$now   = gmdate( 'Y-m-d H:i:s' );
		$start = new DateTimeImmutable( $session_start );
		$wpdb->insert(
			Schema::table( 'bookings' ),
			array(
				'employee_id'       => (int) $employee,
				'service_id'        => (int) $service,
				'start_utc'         => gmdate( 'Y-m-d H:i:s', $start->getTimestamp() ),
				'end_utc'           => gmdate( 'Y-m-d H:i:s', ( new DateTimeImmutable( $occupied_end ) )->getTimestamp() ),
				'seats'             => (int) $seats,
				'status'            => 'confirmed',
				'customer_name'     => 'Racer ' . getmypid(),
				'customer_email'    => 'racer@example.com',
				'customer_notes'    => '',
				'manage_token_hash' => hash( 'sha256', random_bytes( 16 ) ),
				'created_at'        => $now,
				'updated_at'        => $now,
			)
		);
		$booking_id = (int) $wpdb->insert_id;
		( new SeatLedger() )->claim( $booking_id, (int) $employee, (int) $service, $start, new DateTimeImmutable( $occupied_start ), new DateTimeImmutable( $occupied_end ), (int) $seats, (int) $capacity );
		usleep( $commit_delay_ms * 1000 );
		$wpdb->query( 'COMMIT' );
		return 'won ' . $booking_id;
	} catch ( SlotTakenException $e ) {
		$wpdb->query( 'ROLLBACK' );
		return 'taken';
	} catch ( DeadlockException $e ) {
		$wpdb->query( 'ROLLBACK' );
		return 'deadlock';
	} catch ( Throwable $e ) {
		$wpdb->query( 'ROLLBACK' );
		return 'error ' . $e->getMessage();
	}
}
