<?php
/**
 * Loaded by `bin/wp --require=...` next to test-site.php: catches every
 * email at `pre_wp_mail` once WordPress is loaded and prints
 * "MAIL: <to> | <subject>" to stderr instead of sending it.
 *
 * @package AppointEase
 */

declare(strict_types=1);

WP_CLI::add_hook(
	'after_wp_load',
	static function (): void {
		add_filter(
			'pre_wp_mail',
			static function ( $result, array $atts ): bool {
				unset( $result );
				fwrite( STDERR, 'MAIL: ' . implode( ',', (array) $atts['to'] ) . ' | ' . $atts['subject'] . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- read by the test.
				return true;
			},
			10,
			2
		);
	}
);
