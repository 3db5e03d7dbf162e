<?php
/**
 * Queues one email in the outbox, never letting a failure out.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

defined( 'ABSPATH' ) || exit;

/**
 * Takes a message (filtered by `appointease_email`) and queues it in the
 * Outbox, whose sender delivers it after the response or from WP-Cron: a
 * booking is already committed when its emails are made, and a slow or
 * unreachable mail server must neither turn it into an error nor make the
 * visitor wait. Every failure becomes a log line and the
 * `appointease_email_failed` action.
 *
 * Every email has an HTML part and a plain-text part: a message without
 * `html` gets one made from its text (EmailHtml::from_text()).
 */
final class Mailer {

	/**
	 * Builds it.
	 *
	 * @param Outbox|null $outbox Where emails wait (the real one by default).
	 */
	public function __construct( private readonly ?Outbox $outbox = null ) {
	}

	/**
	 * Queues a message.
	 *
	 * @param array{to: string[], subject: string, message: string, html?: string, headers: string[], attachments: string[]} $message  What to send: message is the plain text, html the HTML content.
	 * @param array<string, mixed>                                                                                           $context  event, audience, booking, previous: passed to the filter.
	 * @param array{name: string, content: string}|null                                                                      $calendar A calendar file to attach, or null.
	 * @return bool Whether it was queued (false too when a filter cancelled it).
	 */
	public function send( array $message, array $context, ?array $calendar ): bool {
		try {
			$message['files'] = null === $calendar ? array() : array( $calendar['name'] => $calendar['content'] );
			if ( ! isset( $message['html'] ) ) {
				$message['html'] = EmailHtml::from_text( (string) $message['message'] );
			}

			/**
			 * Filters a booking email before it is queued. Return false to send
			 * nothing. `message` is the plain-text part and `html` the HTML
			 * content (the site's layout goes around it when it is sent; '' sends
			 * plain text only): a filter that changes one should change the
			 * other, and must escape what it puts into `html`.
			 *
			 * @param array $message to (string[]), subject, message, html, headers (string[]),
			 *                       files (name => content), attachments (more files, as paths; read now).
			 * @param array $context event (created, confirmed, rejected, cancelled, rescheduled, verify),
			 *                       audience (customer or staff), booking (Booking), previous (Booking|null).
			 */
			$message = apply_filters( 'appointease_email', $message, $context );
			if ( ! is_array( $message ) || empty( $message['to'] ) ) {
				return false;
			}
			$email = self::outgoing( $message, $context );
			$now   = time();
			try {
				$id = ( $this->outbox ?? new Outbox() )->add( $email, $now );
			} catch ( \RuntimeException $unqueued ) {
				// Sending now, in this request, is better than never.
				error_log( 'AppointEase: an email could not be queued, so it is sent now: ' . $unqueued->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of it.
				return OutboxSender::send_direct( $email );
			}
			OutboxSender::queued( $id );
			return true;
		} catch ( \Throwable $failure ) {
			self::report_failure( $context, $failure->getMessage() );
			return false;
		}//end try
	}

	/**
	 * Logs a failed email, without addresses or contents, and tells listeners.
	 *
	 * @param array<string, mixed> $context    What the message was about: event, audience, booking, previous, and
	 *                                         from the outbox attempts and retry_at (null: given up).
	 * @param string               $reason     What went wrong.
	 * @param int|null             $booking_id The booking's id where $context has no booking object.
	 */
	public static function report_failure( array $context, string $reason, ?int $booking_id = null ): void {
		$booking = $context['booking'] ?? null;
		$id      = is_object( $booking ) && isset( $booking->id ) ? (string) $booking->id : ( null === $booking_id ? '?' : (string) $booking_id );
		$retry   = array_key_exists( 'retry_at', $context )
			? ( null === $context['retry_at'] ? ' (given up)' : sprintf( ' (attempt %d; next at %s UTC)', (int) ( $context['attempts'] ?? 0 ), gmdate( 'Y-m-d H:i:s', (int) $context['retry_at'] ) ) )
			: '';
		$line    = sprintf(
			'AppointEase: the %s email to the %s about booking %s was not sent%s: %s',
			(string) ( $context['event'] ?? '?' ),
			(string) ( $context['audience'] ?? '?' ),
			$id,
			$retry,
			$reason
		);
		error_log( $line ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of a lost email.

		/**
		 * A booking email could not be sent (the booking itself stands). From
		 * the outbox, it fires for each failed attempt; retry_at says when the
		 * next is due (null: the email is given up).
		 *
		 * @param array  $context event, audience, booking (Booking|null), previous, attempts, retry_at.
		 * @param string $reason  What went wrong.
		 */
		do_action( 'appointease_email_failed', $context, $reason );
	}

	/**
	 * The outbox's shape of a filtered message: file paths read into content,
	 * the booking named by its id.
	 *
	 * @param array<string, mixed> $message The filtered message.
	 * @param array<string, mixed> $context What it is about.
	 * @return array{to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>}
	 * @throws \RuntimeException When an attached file cannot be read.
	 */
	private static function outgoing( array $message, array $context ): array {
		$files = array();
		foreach ( (array) ( $message['files'] ?? array() ) as $name => $content ) {
			$files[ (string) $name ] = (string) $content;
		}
		foreach ( (array) ( $message['attachments'] ?? array() ) as $path ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file a filter attached.
			$content = is_string( $path ) && is_readable( $path ) ? file_get_contents( $path ) : false;
			if ( false === $content ) {
				throw new \RuntimeException( 'An attached file could not be read.' );
			}
			$files[ basename( (string) $path ) ] = $content;
		}
		$booking = $context['booking'] ?? null;
		return array(
			'to'      => array_values( array_map( 'strval', (array) $message['to'] ) ),
			'subject' => (string) ( $message['subject'] ?? '' ),
			'text'    => (string) ( $message['message'] ?? '' ),
			'html'    => (string) ( $message['html'] ?? '' ),
			'headers' => array_values( array_map( 'strval', (array) ( $message['headers'] ?? array() ) ) ),
			'files'   => $files,
			'context' => array(
				'event'      => (string) ( $context['event'] ?? '' ),
				'audience'   => (string) ( $context['audience'] ?? '' ),
				'booking_id' => is_object( $booking ) && isset( $booking->id ) ? (int) $booking->id : 0,
			),
		);
	}
}
