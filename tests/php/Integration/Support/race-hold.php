<?php
/**
 * One racer of HoldRaceTest: loads the test site, waits for the common start
 * instant, then tries to take a hold. Prints "won <id>", "conflict" or
 * "error <message>".
 *
 * Usage: php race-hold.php <wp-dir> <start-at unix float> <redis|database> <redis key prefix> <employee> <service> <start, ISO 8601> <minutes> <seats> <capacity> <now>
 *
 * @package AppointEase
 */

declare(strict_types=1);

use AppointEase\Holds\DatabaseHoldStore;
use AppointEase\Holds\HoldClaim;
use AppointEase\Holds\HoldConflictException;
use AppointEase\Holds\HoldToken;
use AppointEase\Holds\RedisConfig;
use AppointEase\Holds\RedisConnector;
use AppointEase\Holds\RedisHoldStore;

list( , $wp_dir, $start_at, $store_name, $prefix, $employee, $service, $start, $minutes, $seats, $capacity, $now ) = $argv;

define( 'APPOINTEASE_TESTS', true );
require_once __DIR__ . '/stack.php';
appointease_tests_fake_request( appointease_tests_stack() );
require $wp_dir . '/wp-load.php';

try {
	if ( 'redis' === $store_name ) {
		$config = RedisConfig::from_constants();
		if ( null === $config ) {
			throw new RuntimeException( 'APPOINTEASE_REDIS_HOST is not defined.' );
		}
		$store = new RedisHoldStore( RedisConnector::connect( $config ), $prefix );
	} else {
		$store = new DatabaseHoldStore();
	}
	$from  = new DateTimeImmutable( $start );
	$to    = $from->modify( '+' . (int) $minutes . ' minutes' );
	$claim = new HoldClaim( (int) $employee, (int) $service, $from, $to, $from, $to, (int) $seats, (int) $capacity );
	$token = HoldToken::hash( HoldToken::generate() );

	$wait = (float) $start_at - microtime( true );
	if ( $wait > 0 ) {
		usleep( (int) ( $wait * 1e6 ) );
	}
	$hold    = $store->acquire( $claim, $token, 30, 600, (int) $now );
	$outcome = 'won ' . $hold->id;
} catch ( HoldConflictException $e ) {
	$outcome = 'conflict';
} catch ( Throwable $e ) {
	$outcome = 'error ' . get_class( $e ) . ': ' . $e->getMessage();
}
echo $outcome . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CLI output read by the test.
