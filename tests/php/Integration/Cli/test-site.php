<?php
/**
 * Loaded by `bin/wp --require=...` before WordPress: points WP-CLI at the
 * integration tests' database (wp-config.php reads APPOINTEASE_TESTS and
 * APPOINTEASE_TEST_DB) instead of the demo site's.
 *
 * @package AppointEase
 */

declare(strict_types=1);

define( 'APPOINTEASE_TESTS', true );
