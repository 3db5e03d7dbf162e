<?php
/**
 * Plugin Name: AppointEase chaos run
 * Description: Copied into the throwaway chaos stack by bin/chaos.sh; never shipped, never on the demo site. 200 simulated visitors share one loopback address, so the per-IP rate limits are switched off.
 *
 * @package AppointEase
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'appointease_rate_limit_enabled', '__return_false' );
