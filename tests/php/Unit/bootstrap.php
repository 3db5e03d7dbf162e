<?php
/**
 * Unit test bootstrap: the autoloader only. The plugin's files stop when
 * ABSPATH is missing, so it is defined; no WordPress function is available.
 *
 * @package AppointEase
 */

declare(strict_types=1);

define( 'ABSPATH', sys_get_temp_dir() . '/appointease-no-wordpress/' );

require dirname( __DIR__, 3 ) . '/vendor/autoload.php';
