<?php
/**
 * Plugin Name: AppointEase local site
 * Description: Settings for the offline local demo site only (copied to mu-plugins by bin/lib/site.sh; never shipped).
 *
 * @package AppointEase
 */

/*
 * This machine reaches no WordPress.org server. Core's update checks would
 * fail and each failure logs a PHP warning ("could not establish a secure
 * connection to WordPress.org"), so they are stopped here, at each level:
 */

// 1. Nothing schedules or runs them: no cron events, no checks on admin screens, no automatic updates.
add_filter( 'automatic_updater_disabled', '__return_true' );
remove_action( 'init', 'wp_schedule_update_checks' );
foreach ( array(
	'admin_init'           => array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ),
	'load-plugins.php'     => array( 'wp_update_plugins' ),
	'load-themes.php'      => array( 'wp_update_themes' ),
	'load-update.php'      => array( 'wp_update_plugins', 'wp_update_themes' ),
	'load-update-core.php' => array( 'wp_update_plugins', 'wp_update_themes' ),
	'wp_version_check'     => array( 'wp_version_check' ),
	'wp_update_plugins'    => array( 'wp_update_plugins' ),
	'wp_update_themes'     => array( 'wp_update_themes' ),
	'wp_maybe_auto_update' => array( 'wp_maybe_auto_update' ),
) as $appointease_local_hook => $appointease_local_callbacks ) {
	foreach ( $appointease_local_callbacks as $appointease_local_callback ) {
		remove_action( $appointease_local_hook, $appointease_local_callback );
	}
}
unset( $appointease_local_hook, $appointease_local_callbacks, $appointease_local_callback );
// Events an install scheduled before this file was there go too (a read of the autoloaded cron option when none is left).
add_action(
	'init',
	static function () {
		foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', 'wp_maybe_auto_update' ) as $hook ) {
			if ( wp_next_scheduled( $hook ) ) {
				wp_clear_scheduled_hook( $hook );
			}
		}
	}
);

// 2. Screens that read the last check see "checked just now, nothing new".
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

// 3. The directory look-ups (plugin and theme screens, languages) answer "offline" before any request.
$appointease_local_offline = static function ( $result ) {
	return false === $result ? new WP_Error( 'appointease_local_offline', 'This local demo site does not contact WordPress.org.' ) : $result;
};
add_filter( 'plugins_api', $appointease_local_offline );
add_filter( 'themes_api', $appointease_local_offline );
add_filter( 'translations_api', $appointease_local_offline );

/*
 * 4. Whatever still asks WordPress.org (a forced "Check again", Browse Happy
 * and Serve Happy on the dashboard, Site Health, news and events, the pattern
 * directory, WordPress 7.x's newer look-ups) gets its answer without a
 * request. The update and checksum endpoints get a well-formed "nothing new":
 * core logs a warning for any error from them. Everything else gets an error
 * that core handles quietly.
 */
add_filter(
	'pre_http_request',
	static function ( $response, $args, $url ) {
		$host = strtolower( (string) wp_parse_url( $url, PHP_URL_HOST ) );
		if ( false !== $response || ! preg_match( '/(^|\.)(wordpress|w)\.org$/', $host ) ) { // phpcs:ignore WordPress.WP.CapitalPDangit.Misspelled -- a host name.
			return $response;
		}
		$path    = (string) wp_parse_url( $url, PHP_URL_PATH );
		$answers = array(
			'#^/core/version-check/#'            => array(
				'offers'       => array(),
				'translations' => array(),
			),
			'#^/(plugins|themes)/update-check/#' => array(
				'plugins'      => array(),
				'themes'       => array(),
				'translations' => array(),
				'no_update'    => array(),
			),
			'#^/core/checksums/#'                => array( 'checksums' => false ),
		);
		foreach ( $answers as $pattern => $body ) {
			if ( preg_match( $pattern, $path ) ) {
				return array(
					'headers'  => array( 'content-type' => 'application/json' ),
					'body'     => wp_json_encode( $body ),
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			}
		}
		return new WP_Error( 'http_request_not_executed', 'This local demo site does not contact WordPress.org.' );
	},
	10,
	3
);

/*
 * Every email goes to the stack's maildev over SMTP (no login, no TLS), which
 * keeps it for the web UI and the tests' REST calls. The port comes from
 * wp-config.php (bin/lib/site.sh writes APPOINTEASE_LOCAL_SMTP_PORT); a short
 * timeout, so that a stopped maildev fails an attempt quickly (the plugin
 * sends after the response or from cron, and retries).
 */
add_action(
	'phpmailer_init',
	static function ( $phpmailer ) {
		// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's properties.
		$phpmailer->isSMTP();
		$phpmailer->Host        = '127.0.0.1';
		$phpmailer->Port        = defined( 'APPOINTEASE_LOCAL_SMTP_PORT' ) ? (int) APPOINTEASE_LOCAL_SMTP_PORT : 1025;
		$phpmailer->SMTPAuth    = false;
		$phpmailer->SMTPSecure  = '';
		$phpmailer->SMTPAutoTLS = false;
		$phpmailer->Timeout     = 10;
		// phpcs:enable
	}
);

// WordPress's default sender, wordpress@localhost, is refused by PHPMailer (no dot in the domain).
add_filter(
	'wp_mail_from',
	static function ( $from ) {
		return 'wordpress@localhost' === $from ? 'wordpress@localhost.test' : $from;
	}
);
