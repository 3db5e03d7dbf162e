<?php
/**
 * Plugin Name: AppointEase local site
 * Description: Settings for the offline local demo site only (copied to mu-plugins by bin/lib/site.sh; never shipped).
 *
 * @package AppointEase
 */

// This machine reaches no update server: report "checked, nothing new" instead of failing each check.
$appointease_local_no_updates = static function () {
	return (object) array(
		'last_checked'    => time(),
		'version_checked' => get_bloginfo( 'version' ),
		'updates'         => array(),
		'translations'    => array(),
		'response'        => array(),
		'checked'         => array(),
	);
};
add_filter( 'pre_site_transient_update_core', $appointease_local_no_updates );
add_filter( 'pre_site_transient_update_plugins', $appointease_local_no_updates );
add_filter( 'pre_site_transient_update_themes', $appointease_local_no_updates );
remove_action( 'init', 'wp_schedule_update_checks' );
