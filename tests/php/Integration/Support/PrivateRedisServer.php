<?php
/**
 * A redis-server of the test's own, which the test may stop.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

/**
 * Starts a throwaway redis-server on a port of its own, so that a test can
 * stop Redis in the middle without touching the site's own Redis, which other
 * runs share. The port is one the system hands out as free when the test
 * first asks (redis_port()): a fixed port collided when two stacks (the
 * WordPress 7.1 and 6.8 runs, or several checkouts) ran the suite at once.
 */
trait PrivateRedisServer {

	/**
	 * The private server's port, 0 until redis_port() picks one.
	 */
	private int $private_redis_port = 0;

	/**
	 * The server's folder (pid and log), '' while none runs.
	 */
	private string $redis_dir = '';

	/**
	 * Starts the server and waits until it answers.
	 */
	private function start_redis_server(): void {
		$this->assertFalse( $this->redis_port_answers(), 'Port ' . $this->redis_port() . ' is in use by something else.' );
		$this->redis_dir = sys_get_temp_dir() . '/appointease-redis-' . bin2hex( random_bytes( 4 ) );
		mkdir( $this->redis_dir );
		$command = sprintf(
			'redis-server --bind 127.0.0.1 --port %d --save "" --appendonly no --daemonize yes --dir %s --pidfile %s --logfile %s 2>&1',
			$this->redis_port(),
			escapeshellarg( $this->redis_dir ),
			escapeshellarg( $this->redis_dir . '/redis.pid' ),
			escapeshellarg( $this->redis_dir . '/redis.log' )
		);
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- the test runs its own Redis so that it may stop it.
		$this->assertSame( 0, $status, implode( "\n", $output ) );
		$tries = 0;
		while ( ! $this->redis_port_answers() && ++$tries < 100 ) {
			usleep( 20000 );
		}
		$this->assertTrue( $this->redis_port_answers(), 'The private redis-server did not start.' );
	}

	/**
	 * Kills the server by its pid, if it runs, and waits until the port is closed.
	 */
	private function stop_redis_server(): void {
		if ( '' === $this->redis_dir ) {
			return;
		}
		$pid_file = $this->redis_dir . '/redis.pid';
		$pid      = is_file( $pid_file ) ? (int) file_get_contents( $pid_file ) : 0;
		if ( $pid > 0 ) {
			exec( 'kill -9 ' . $pid ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- stops the server this test started, by its pid.
		}
		$tries = 0;
		while ( $this->redis_port_answers() && ++$tries < 100 ) {
			usleep( 20000 );
		}
		foreach ( array( $pid_file, $this->redis_dir . '/redis.log' ) as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file );
			}
		}
		if ( is_dir( $this->redis_dir ) ) {
			rmdir( $this->redis_dir );
		}
		$this->redis_dir = '';
	}

	/**
	 * The private server's port: a free one the system chooses, the same for the whole test.
	 */
	private function redis_port(): int {
		if ( 0 === $this->private_redis_port ) {
			$probe = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
			$this->assertNotFalse( $probe, "No free port for a private redis-server: $errstr" );
			$name = (string) stream_socket_get_name( $probe, false );
			fclose( $probe );
			$this->private_redis_port = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		}
		return $this->private_redis_port;
	}

	/**
	 * Whether something listens on the port.
	 */
	private function redis_port_answers(): bool {
		// A refused connection warns; here that is an expected answer, not a failure of the code under test.
		set_error_handler( static fn(): bool => true ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler
		$socket = fsockopen( '127.0.0.1', $this->redis_port(), $errno, $errstr, 0.2 );
		restore_error_handler();
		if ( false === $socket ) {
			return false;
		}
		fclose( $socket );
		return true;
	}
}
