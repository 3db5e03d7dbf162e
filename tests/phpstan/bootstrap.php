<?php
/**
 * Constants PHPStan needs to know about; their values are irrelevant to the analysis.
 *
 * @package AppointEase
 */

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'WP_CONTENT_DIR', '/tmp/wordpress/wp-content' );
define( 'APPOINTEASE_VERSION', '0.0.0' );
define( 'APPOINTEASE_FILE', __FILE__ );
define( 'APPOINTEASE_DIR', __DIR__ . '/' );
define( 'APPOINTEASE_URL', 'http://localhost/' );
define( 'APPOINTEASE_MIN_PHP', '8.1' );
define( 'OBJECT', 'OBJECT' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'APPOINTEASE_TESTS_WP_DIR', '/tmp/wordpress' );
define( 'APPOINTEASE_TESTS_SITE_URL', 'http://localhost:8888' );
