<?php
/**
 * `wp appointease emails`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Shows and sends the emails waiting in the outbox.
 */
final class EmailsCommand {

	/**
	 * Lists the emails waiting to be sent, oldest first.
	 *
	 * An email waits until its send succeeded: right after it was queued,
	 * or after failed attempts (then with the last error and when it is
	 * tried again). Recipients and bodies are not shown.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease emails list
	 *
	 * @subcommand list
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$rows = array_map(
			static fn( array $row ): array => array(
				'id'           => $row['id'],
				'booking'      => $row['booking_id'],
				'subject'      => $row['subject'],
				'queued'       => gmdate( 'Y-m-d H:i:s', $row['created_at'] ),
				'attempts'     => $row['attempts'],
				'next_attempt' => gmdate( 'Y-m-d H:i:s', $row['next_attempt_at'] ),
				'last_error'   => $row['last_error'],
			),
			( new Outbox() )->waiting( 1000 )
		);
		( new Formatter( $assoc_args, array( 'id', 'booking', 'subject', 'queued', 'attempts', 'next_attempt', 'last_error' ) ) )->display_items( $rows );
	}

	/**
	 * Sends the emails that are due now.
	 *
	 * What cron does each time; useful after the mail server was fixed (with
	 * --all) or from a system cron.
	 *
	 * ## OPTIONS
	 *
	 * [--all]
	 * : Send every waiting email now, also those waiting for a retry.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease emails send --all
	 *     Success: Sent 2 emails; 0 wait.
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function send( array $args, array $assoc_args ): void {
		$outbox = new Outbox();
		$now    = time();
		if ( ! empty( $assoc_args['all'] ) ) {
			$outbox->hurry_all( $now );
		}
		$sender = new OutboxSender( $outbox );
		$sent   = 0;
		do {
			$batch = $sender->run( $now );
			$sent += $batch;
		} while ( $batch > 0 );
		$left = count( $outbox->waiting( 1000 ) );
		WP_CLI::success( sprintf( 'Sent %d emails; %d wait.', $sent, $left ) );
	}
}
