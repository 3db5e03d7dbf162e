<?php
/**
 * Sends the outbox's emails: after the response, and from WP-Cron.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Booking\BookingRepository;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\CronEvent;

defined( 'ABSPATH' ) || exit;

/**
 * Takes rows from the Outbox and hands them to `wp_mail`, each as HTML with
 * a plain-text part and its attachments.
 *
 * A request that queued emails sends them itself once its answer is out:
 * on `shutdown`, after `fastcgi_finish_request()` (or LiteSpeed's
 * equivalent) has closed the connection, so the visitor never waits for the
 * mail server. Where the server offers no such call (mod_php, the CLI), the
 * request sends nothing itself. Either way a WP-Cron single event is set for
 * "now", and the hourly housekeeping runs the job too, so what the request
 * could not send (no FastCGI, a crash, a mail server that is down) goes out
 * on the next run, with retries (Outbox::failed()).
 */
final class OutboxSender {

	/** The cron hook. */
	public const HOOK = 'appointease_send_emails';

	/** Emails one run sends at most; the next run, set for at once, takes the rest. */
	private const BATCH = 50;

	/** Seconds after which a run stops taking rows, so one run never holds a claim near its lease's end. */
	private const TIME_BUDGET = 60;

	/**
	 * Rows this request queued, to send after its response.
	 *
	 * @var int[]
	 */
	private static array $queued = array();

	/**
	 * Builds it.
	 *
	 * @param Outbox $outbox The waiting emails.
	 */
	public function __construct( private readonly Outbox $outbox ) {
	}

	/**
	 * Hooks the job to its cron event and to the hourly one.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run_now' ) );
		add_action( Housekeeping::HOOK, array( self::class, 'run_now' ) );
	}

	/**
	 * The job, wired to the real outbox.
	 */
	public static function run_now(): void {
		( new self( new Outbox() ) )->run( time() );
	}

	/**
	 * Sends due emails, one claimed row at a time, and sets the event for
	 * the next due one.
	 *
	 * @param int $now The instant the job takes as now (rows due by then are sent).
	 * @return int How many emails went out.
	 */
	public function run( int $now ): int {
		$sent     = 0;
		$deadline = microtime( true ) + self::TIME_BUDGET;
		for ( $i = 0; $i < self::BATCH; $i++ ) {
			$row = microtime( true ) < $deadline ? $this->outbox->claim( $now ) : null;
			if ( null === $row ) {
				break;
			}
			if ( $this->deliver( $row, $now ) ) {
				++$sent;
			}
		}
		$next = $this->outbox->next_due();
		if ( null !== $next ) {
			self::schedule( max( $next, time() ) );
		}
		return $sent;
	}

	/**
	 * Sends the given rows now, where each is due and free.
	 *
	 * @param int[] $ids Outbox rows.
	 * @param int   $now The current instant.
	 * @return int How many went out.
	 */
	public function send_ids( array $ids, int $now ): int {
		$sent = 0;
		foreach ( $ids as $id ) {
			$row = $this->outbox->claim( $now, $id );
			if ( null !== $row && $this->deliver( $row, $now ) ) {
				++$sent;
			}
		}
		return $sent;
	}

	/**
	 * Notes a row this request queued: the cron event is set for now (one
	 * read of the cron option when it is), and the send after the response
	 * is hooked.
	 *
	 * @param int $id The row.
	 */
	public static function queued( int $id ): void {
		self::schedule( time() );
		if ( false === has_action( 'shutdown', array( self::class, 'send_after_response' ) ) ) {
			add_action( 'shutdown', array( self::class, 'send_after_response' ), 1000 );
		}
		self::$queued[] = $id;
	}

	/**
	 * On `shutdown`: closes the connection to the visitor, then sends what
	 * this request queued. Without a way to close the connection first, it
	 * leaves them to the cron event, which sends them within moments on a
	 * site with traffic or a system cron.
	 */
	public static function send_after_response(): void {
		$ids          = self::$queued;
		self::$queued = array();
		if ( array() === $ids || 'cli' === PHP_SAPI || ! self::finish_response() ) {
			return;
		}
		ignore_user_abort( true );
		try {
			( new self( new Outbox() ) )->send_ids( $ids, time() );
		} catch ( \Throwable $failure ) {
			error_log( 'AppointEase: sending emails after the response failed; the cron job sends them: ' . $failure->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the site owner's only trace of it.
		}
	}

	/**
	 * Ends the response to the client, where the server can: PHP-FPM's
	 * `fastcgi_finish_request()`, or LiteSpeed's (the same calls that
	 * WordPress's wp-cron.php makes before it runs the jobs).
	 *
	 * @return bool Whether the client has its answer now.
	 */
	private static function finish_response(): bool {
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			return fastcgi_finish_request();
		}
		if ( function_exists( 'litespeed_finish_request' ) ) {
			return (bool) litespeed_finish_request();
		}
		return false;
	}

	/**
	 * Sends a booking's waiting emails now, wired to the real outbox: a
	 * privacy erasure is about to replace the address they go to.
	 *
	 * @param int $booking_id The booking.
	 */
	public static function send_booking_now( int $booking_id ): void {
		$outbox = new Outbox();
		$now    = time();
		( new self( $outbox ) )->send_ids( $outbox->hurry( $booking_id, $now ), $now );
	}

	/**
	 * Sends an email that never made it into the outbox, at once and once.
	 *
	 * @param array{to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>} $email The email.
	 * @return bool Whether wp_mail accepted it.
	 */
	public static function send_direct( array $email ): bool {
		$error = self::send( $email );
		if ( '' === $error ) {
			return true;
		}
		Mailer::report_failure(
			array(
				'event'    => (string) ( $email['context']['event'] ?? '' ),
				'audience' => (string) ( $email['context']['audience'] ?? '' ),
				'booking'  => null,
				'previous' => null,
			),
			$error,
			(int) ( $email['context']['booking_id'] ?? 0 )
		);
		return false;
	}

	/**
	 * Makes sure the job runs by $due: an event set later moves forward, an
	 * earlier one stays.
	 *
	 * @param int $due Unix seconds.
	 */
	public static function schedule( int $due ): void {
		CronEvent::run_by( self::HOOK, $due );
	}

	/**
	 * Removes the event; on deactivation. Waiting rows stay, and the hourly
	 * job sends them once the plugin is active again.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Sends one claimed row and ends it: removed when it went out, due again
	 * later when it did not.
	 *
	 * @param array{id: int, claim: string, attempts: int, created_at: int, to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>} $row What Outbox::claim() gave.
	 * @param int                                                                                                                                                                                                      $now The instant the job takes as now.
	 * @return bool Whether it went out.
	 */
	private function deliver( array $row, int $now ): bool {
		$error = self::send( $row );
		if ( '' === $error ) {
			$this->outbox->sent( $row );
			return true;
		}
		$retry_at = $this->outbox->failed( $row, $error, $now );
		$booking  = (int) ( $row['context']['booking_id'] ?? 0 );
		Mailer::report_failure(
			array(
				'event'    => (string) ( $row['context']['event'] ?? '' ),
				'audience' => (string) ( $row['context']['audience'] ?? '' ),
				'booking'  => $booking > 0 ? ( new BookingRepository() )->find( $booking ) : null,
				'previous' => null,
				'attempts' => $row['attempts'] + 1,
				'retry_at' => $retry_at,
			),
			$error,
			$booking
		);
		return false;
	}

	/**
	 * Hands one email to wp_mail: the HTML part in the site's layout as the
	 * body, the text part as PHPMailer's AltBody (set at `phpmailer_init`,
	 * which every wp_mail that uses PHPMailer fires, SMTP plugins included),
	 * the files written to a temporary folder of their own.
	 *
	 * @param array{to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>} $row The email.
	 * @return string '' when wp_mail accepted it, else why not.
	 */
	private static function send( array $row ): string {
		$folder   = null;
		$error    = '';
		$listener = static function ( $wp_error ) use ( &$error ): void {
			$error = $wp_error instanceof \WP_Error ? $wp_error->get_error_message() : 'unknown error';
		};
		$text     = $row['text'];
		$alt_body = static function ( $phpmailer ) use ( $text ): void {
			$phpmailer->AltBody = $text; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property.
		};
		// The content type is this class's to set; a stored one would contradict the parts.
		$headers = array_values( array_filter( $row['headers'], static fn( string $header ): bool => 0 !== stripos( ltrim( $header ), 'content-type:' ) ) );
		$html    = '' === $row['html'] ? '' : EmailLayout::document( $row['html'], $row['subject'] );
		try {
			$paths = array();
			if ( array() !== $row['files'] ) {
				$folder = self::temporary_folder();
				foreach ( $row['files'] as $name => $content ) {
					$path = $folder . '/' . sanitize_file_name( (string) $name );
					// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- a temporary file in the system's temp folder, deleted below.
					if ( false === file_put_contents( $path, $content ) ) {
						return 'An attachment could not be written to the temp folder.';
					}
					$paths[] = $path;
				}
			}
			$headers[] = '' === $html ? 'Content-Type: text/plain; charset=UTF-8' : 'Content-Type: text/html; charset=UTF-8';
			add_action( 'wp_mail_failed', $listener );
			if ( '' !== $html ) {
				add_action( 'phpmailer_init', $alt_body );
			}
			$sent = wp_mail( $row['to'], $row['subject'], '' === $html ? $text : $html, $headers, $paths );
			if ( ! $sent && '' === $error ) {
				$error = 'wp_mail returned false';
			}
		} catch ( \Throwable $failure ) {
			$error = $failure->getMessage();
		} finally {
			remove_action( 'wp_mail_failed', $listener );
			remove_action( 'phpmailer_init', $alt_body );
			if ( null !== $folder ) {
				self::remove_folder( $folder );
			}
		}//end try
		return '' === $error ? '' : $error;
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
			throw new \RuntimeException( 'No temporary folder could be made for the attachments.' );
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
