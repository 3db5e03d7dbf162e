<?php
/**
 * One PHP process of a race test.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

/**
 * A race test starts several of these with a script of its own (race-*.php
 * beside this file) and one shared instant among the arguments, at which the
 * scripts all act: separate processes are the only way to get separate
 * database connections and real concurrency. Its output is read when it ends.
 */
final class Racer {

	/**
	 * The process.
	 *
	 * @var resource
	 */
	private $process;

	/**
	 * Its stdout (1) and stderr (2).
	 *
	 * @var array<int, resource>
	 */
	private array $pipes;

	/**
	 * @param resource             $process The process.
	 * @param array<int, resource> $pipes   Its output pipes.
	 */
	private function __construct( $process, array $pipes ) {
		$this->process = $process;
		$this->pipes   = $pipes;
	}

	/**
	 * Starts a script with PHP's own binary; the WordPress folder under test
	 * is its first argument and the instant to act at its second.
	 *
	 * @param string   $script   File name beside this class, e.g. "race-book.php".
	 * @param float    $start_at Unix time to act at.
	 * @param list<string> $args    The script's own arguments.
	 * @throws \RuntimeException When the process cannot be started.
	 */
	public static function start( string $script, float $start_at, array $args ): self {
		$command = array_merge( array( PHP_BINARY, __DIR__ . '/' . $script, APPOINTEASE_TESTS_WP_DIR, sprintf( '%.3f', $start_at ) ), $args );
		$pipes   = array();
		$io      = array(
			1 => array( 'pipe', 'w' ),
			2 => array( 'pipe', 'w' ),
		);
		$process = proc_open( $command, $io, $pipes ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- racing processes are the point of these tests.
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( "Could not start $script." );
		}
		return new self( $process, $pipes );
	}

	/**
	 * An instant far enough ahead for every racer to load WordPress first.
	 */
	public static function soon(): float {
		return microtime( true ) + 2.0;
	}

	/**
	 * Waits for the process to end; what it printed, trimmed.
	 */
	public function output(): string {
		$out = trim( (string) stream_get_contents( $this->pipes[1] ) . (string) stream_get_contents( $this->pipes[2] ) );
		proc_close( $this->process );
		return $out;
	}
}
