<?php
/**
 * Prints the JSON schemas of the `appointease/v1` routes from the local
 * stack's WordPress ($APPOINTEASE_RUNTIME/stack.json), for
 * tools/generate-rest-types.mjs (`npm run generate:types`).
 *
 * @package AppointEase
 */

declare(strict_types=1);

$appointease_root = dirname( __DIR__ );
require $appointease_root . '/tests/php/Integration/Support/stack.php';
require $appointease_root . '/tests/php/Integration/Rest/rest-schemas.php';
$appointease_stack = appointease_tests_stack();
appointease_tests_fake_request( $appointease_stack );
define( 'WP_USE_THEMES', false );
require $appointease_stack['wp_dir'] . '/wp-load.php';
echo wp_json_encode( appointease_rest_schemas(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
