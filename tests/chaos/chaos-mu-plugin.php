<?php
/**
 * Plugin Name: AppointEase chaos run
 * Description: Copied into the throwaway chaos stack by bin/chaos.sh; never shipped, never on the demo site. 200 simulated visitors share one loopback address, so the per-IP rate limits are switched off; so are the anti-spam checks, as the visitors are scripts that book at once, often with one address.
 *
 * @package AppointEase
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'appointease_rate_limit_enabled', '__return_false' );
add_filter( 'appointease_spam_checks_enabled', '__return_false' );
