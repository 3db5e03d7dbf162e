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

// No mail server here: keep every email in .runtime/logs/mail.log (one JSON line each) instead of failing to send it.
add_filter(
	'pre_wp_mail',
	static function ( $sent, array $mail ) {
		if ( null !== $sent ) {
			return $sent;
		}
		$line = wp_json_encode(
			array(
				'time'        => gmdate( 'c' ),
				'to'          => $mail['to'],
				'subject'     => $mail['subject'],
				'message'     => $mail['message'],
				'attachments' => array_map( 'basename', (array) $mail['attachments'] ),
			)
		);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- a local log, not site content.
		file_put_contents( dirname( WP_DEBUG_LOG ) . '/mail.log', $line . "\n", FILE_APPEND | LOCK_EX );
		return true;
	},
	10,
	2
);
