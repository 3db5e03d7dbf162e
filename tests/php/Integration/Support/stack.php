<?php
/**
 * Where the local stack under test lives: the one file bin/lib/site.sh writes
 * ($RUNTIME/stack.json), found through APPOINTEASE_RUNTIME (default .runtime).
 * The bootstrap and the race scripts' child processes read it, so a second
 * stack (the WordPress 6.8 run, the chaos run) needs no edits in the tests.
 *
 * @package AppointEase
 */

declare(strict_types=1);

// Read by the bootstrap, child processes and tools alike: a second include must not
// redeclare (a fatal that would end the whole suite), hence the conditional declarations.
if ( ! function_exists( 'appointease_tests_stack' ) ) {
	/**
	 * The stack's settings: runtime, wp_dir, site_url, host (host:port), wp_version.
	 *
	 * @return array<string, string>
	 */
	function appointease_tests_stack(): array {
		$runtime = (string) getenv( 'APPOINTEASE_RUNTIME' );
		if ( '' === $runtime ) {
			$runtime = dirname( __DIR__, 4 ) . '/.runtime';
		}
		$file = $runtime . '/stack.json';
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- WordPress is not loaded yet.
		$stack = is_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
		if ( ! is_array( $stack ) || ! isset( $stack['site_url'], $stack['wp_dir'] ) ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a CLI message.
			fwrite( STDERR, "No local stack at $file. Run `npm run demo` (or bin/test.sh) first.\n" );
			exit( 1 );
		}
		$parts            = (array) parse_url( (string) $stack['site_url'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
		$stack['host']    = ( $parts['host'] ?? 'localhost' ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
		$stack['port']    = (string) ( $parts['port'] ?? 80 );
		$stack['runtime'] = $runtime;
		return array_map( 'strval', $stack );
	}

	/**
	 * Sets the request globals WordPress reads when loaded from the CLI, as if the stack's site was asked.
	 *
	 * @param array<string, string> $stack What appointease_tests_stack() answers.
	 */
	function appointease_tests_fake_request( array $stack ): void {
		$_SERVER['HTTP_HOST']   = $stack['host'];
		$_SERVER['SERVER_NAME'] = explode( ':', $stack['host'] )[0];
		$_SERVER['REQUEST_URI'] = '/';
		$_SERVER['SERVER_PORT'] = $stack['port'];
	}
}
