<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Tests\Integration\TestCase;

/**
 * The front end's REST types (src/shared/rest-types.ts) are generated from
 * the routes' schemas. This regenerates them from this WordPress's REST index
 * and fails when the checked-in file says something else, so a schema change
 * without `npm run generate:types` (or a hand edit of the file) cannot pass.
 */
final class RestTypesDriftTest extends TestCase {

	public function test_the_checked_in_types_match_the_routes_schemas(): void {
		$root = dirname( __DIR__, 4 );
		require_once __DIR__ . '/rest-schemas.php';

		$schemas = appointease_rest_schemas();
		$this->assertArrayHasKey( '/appointease/v1/slots/poll', $schemas, 'The poll route publishes no schema.' );
		$this->assertArrayHasKey( '/appointease/v1/bookings', $schemas );

		$json = (string) tempnam( sys_get_temp_dir(), 'appointease-schemas-' );
		$out  = (string) tempnam( sys_get_temp_dir(), 'appointease-rest-types-' );
		try {
			file_put_contents( $json, (string) wp_json_encode( $schemas, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			$cmd = sprintf(
				'node %s --schemas %s --out %s 2>&1',
				escapeshellarg( $root . '/tools/generate-rest-types.mjs' ),
				escapeshellarg( $json ),
				escapeshellarg( $out )
			);
			exec( $cmd, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
			$this->assertSame( 0, $status, "The generator failed:\n" . implode( "\n", $output ) );

			$this->assertSame(
				(string) file_get_contents( $root . '/src/shared/rest-types.ts' ), // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
				(string) file_get_contents( $out ), // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
				'src/shared/rest-types.ts no longer matches the REST schemas: run `npm run generate:types` and commit the result.'
			);
		} finally {
			wp_delete_file( $json );
			wp_delete_file( $out );
		}
	}
}
