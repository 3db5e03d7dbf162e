<?php
/**
 * Sends one email through wp_mail, never letting a failure out.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Hands a message to `wp_mail` with an optional calendar file attached, and
 * turns every failure into a log line and the `appointease_email_failed`
 * action: a booking is already committed when its emails go out, and an
 * unreachable mail server must not turn it into an error.
 */
final class Mailer {

	/**
	 * Sends a message.
	 *
	 * @param array{to: string[], subject: string, message: string, headers: string[], attachments: string[]} $message  What to send.
	 * @param array<string, mixed>                                                                            $context  event, audience, booking, previous: passed to the filter.
	 * @param array{name: string, content: string}|null                                                       $calendar A calendar file to attach, or null.
	 * @return bool Whether wp_mail accepted it (false too when a filter cancelled it).
	 * @throws \RuntimeException Never out of here: caught, logged and reported below.
	 */
	public function send( array $message, array $context, ?array $calendar ): bool {
		$folder = null;
		try {
			if ( null !== $calendar ) {
				$folder                   = self::temporary_folder();
				$path                     = $folder . '/' . sanitize_file_name( $calendar['name'] );
				$message['attachments'][] = $path;
				// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- a temporary file in the system's temp folder, deleted below.
				if ( false === file_put_contents( $path, $calendar['content'] ) ) {
					throw new \RuntimeException( 'The calendar file could not be written to the temp folder.' );
				}
			}

			/**
			 * Filters a booking email before it is sent. Return false to send
			 * nothing. Messages are plain text: a filter that switches to HTML
			 * must escape what it puts in.
			 *
			 * @param array $message to (string[]), subject, message, headers (string[]), attachments (paths).
			 * @param array $context event (created, confirmed, rejected, cancelled, rescheduled, verify),
			 *                       audience (customer or staff), booking (Booking), previous (Booking|null).
			 */
			$message = apply_filters( 'appointease_email', $message, $context );
			if ( ! is_array( $message ) || empty( $message['to'] ) ) {
				return false;
			}
			return $this->deliver( $message, $context );
		} catch ( \Throwable $failure ) {
			self::failed( $context, $failure->getMessage() );
			return false;
		} finally {
			if ( null !== $folder ) {
				self::remove_folder( $folder );
			}
		}//end try
	}

	/**
	 * Calls wp_mail and reports its failure.
	 *
	 * @param array<string, mixed> $message The filtered message.
	 * @param array<string, mixed> $context What the message is about.
	 */
	private function deliver( array $message, array $context ): bool {
		$error    = '';
		$listener = static function ( $wp_error ) use ( &$error ): void {
			$error = $wp_error instanceof \WP_Error ? $wp_error->get_error_message() : 'unknown error';
		};
		add_action( 'wp_mail_failed', $listener );
		try {
			$sent = wp_mail( $message['to'], (string) $message['subject'], (string) $message['message'], $message['headers'] ?? array(), $message['attachments'] ?? array() );
		} finally {
			remove_action( 'wp_mail_failed', $listener );
		}
		if ( ! $sent ) {
			self::failed( $context, '' === $error ? 'wp_mail returned false' : $error );
		}
		return $sent;
	}

	/**
	 * Logs a failed email, without addresses or contents, and tells listeners.
	 *
	 * @param array<string, mixed> $context What the message was about.
	 * @param string               $reason What went wrong.
	 */
	private static function failed( array $context, string $reason ): void {
		$booking = $context['booking'] ?? null;
		$line    = sprintf(
			'AppointEase: the %s email to the %s about booking %s was not sent: %s',
			(string) ( $context['event'] ?? '?' ),
			(string) ( $context['audience'] ?? '?' ),
			is_object( $booking ) && isset( $booking->id ) ? (string) $booking->id : '?',
			$reason
		);
		error_log( $line ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of a lost email.

		/**
		 * A booking email could not be sent (the booking itself stands).
		 *
		 * @param array  $context event, audience, booking, previous.
		 * @param string $reason  What went wrong.
		 */
		do_action( 'appointease_email_failed', $context, $reason );
	}

	/**
	 * A new, empty folder of its own in the temp folder, so the attachment
	 * keeps its readable name.
	 *
	 * @throws \RuntimeException When it cannot be made.
	 */
	private static function temporary_folder(): string {
		$folder = untrailingslashit( get_temp_dir() ) . '/appointease-' . bin2hex( random_bytes( 8 ) );
		if ( ! wp_mkdir_p( $folder ) ) {
			throw new \RuntimeException( 'No temporary folder could be made for the calendar file.' );
		}
		return $folder;
	}

	/**
	 * Removes a temporary folder and the files in it.
	 *
	 * @param string $folder What temporary_folder() made.
	 */
	private static function remove_folder( string $folder ): void {
		foreach ( (array) glob( $folder . '/*' ) as $file ) {
			if ( is_string( $file ) ) {
				wp_delete_file( $file );
			}
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- our own empty temp folder.
		rmdir( $folder );
	}
}
