<?php
/**
 * Every email waits here until it has been sent.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Infrastructure\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * The outbox table: one row per email, with its recipients, subject, both
 * bodies, headers and attachments (as content, since temporary files do not
 * outlive the request that queued them), and what is known of its attempts.
 *
 * A booking request only adds rows; OutboxSender sends them after the
 * response or from WP-Cron. A row stays until a send succeeded, so a mail
 * server that is down delays emails, never loses them: each failure sets
 * the next attempt further off (1, 2, 4 … 60 minutes), for up to three days.
 *
 * A runner takes a row by writing its claim into it with one UPDATE that
 * only one runner can win (the database locks the row; the second UPDATE
 * finds the claim and changes nothing), so two cron runs or web nodes never
 * send one email twice. A runner that dies holding a row lets go when its
 * lease runs out.
 */
final class Outbox {

	// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- every query is on the plugin's own table, named by Schema; rows that other nodes write must not come from a cache.

	/** Seconds a runner owns the row it claimed: longer than one SMTP attempt may take. */
	public const LEASE = 600;

	/** Seconds after which an email that never went out is given up (three days). */
	public const GIVE_UP_AFTER = 259200;

	/** Option: the count of given-up emails and the last one (Site Health reads it). */
	public const GIVEN_UP_OPTION = 'appointease_emails_given_up';

	/** Seconds before the first retry; each further failure doubles it, up to MAX_BACKOFF. */
	public const FIRST_BACKOFF = 60;

	/** The longest wait between two attempts. */
	public const MAX_BACKOFF = 3600;

	/**
	 * Queues an email.
	 *
	 * @param array{to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>} $email What to send; files: name => content.
	 * @param int                                                                                                                                              $now   The current instant, Unix seconds.
	 * @return int The row's id.
	 * @throws \RuntimeException When the row could not be written.
	 */
	public function add( array $email, int $now ): int {
		global $wpdb;
		$files = array();
		foreach ( $email['files'] as $name => $content ) {
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- attachments may be binary; JSON needs text.
			$files[] = array( (string) $name, base64_encode( (string) $content ) );
		}
		$written = $wpdb->insert(
			Schema::table( 'outbox' ),
			array(
				'booking_id'      => (int) ( $email['context']['booking_id'] ?? 0 ),
				'recipients'      => (string) wp_json_encode( array_values( $email['to'] ) ),
				'subject'         => $email['subject'],
				'text_body'       => $email['text'],
				'html_body'       => $email['html'],
				'headers'         => (string) wp_json_encode( array_values( $email['headers'] ) ),
				'attachments'     => (string) wp_json_encode( $files ),
				'context'         => (string) wp_json_encode( $email['context'] ),
				'created_at'      => $now,
				'attempts'        => 0,
				'next_attempt_at' => $now,
			),
			array( '%d', '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d', '%d' )
		);
		if ( false === $written ) {
			throw new \RuntimeException( esc_html( 'The email was not queued: ' . $wpdb->last_error ) );
		}
		return (int) $wpdb->insert_id;
	}

	/**
	 * Takes the next due row for this runner, or the row $id when it is due.
	 * One UPDATE decides between racing runners.
	 *
	 * @param int      $now The current instant.
	 * @param int|null $id  One row to take, or null for the oldest due one.
	 * @return array{id: int, claim: string, attempts: int, created_at: int, to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>}|null
	 *         The row, or null when none is due and free.
	 */
	public function claim( int $now, ?int $id = null ): ?array {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$claim = bin2hex( random_bytes( 16 ) );
		if ( null === $id ) {
			$won = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET claim = %s, claimed_until = %d WHERE next_attempt_at <= %d AND claimed_until <= %d ORDER BY next_attempt_at, id LIMIT 1", $claim, $now + self::LEASE, $now, $now ) );
		} else {
			$won = $wpdb->query( $wpdb->prepare( "UPDATE `$table` SET claim = %s, claimed_until = %d WHERE id = %d AND next_attempt_at <= %d AND claimed_until <= %d", $claim, $now + self::LEASE, $id, $now, $now ) );
		}
		if ( 1 !== $won ) {
			return null;
		}
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM `$table` WHERE claim = %s", $claim ), ARRAY_A );
		return is_array( $row ) ? self::decode( $row, $claim ) : null;
	}

	/**
	 * Removes a row whose email went out.
	 *
	 * @param array{id: int, claim: string} $row What claim() gave.
	 */
	public function sent( array $row ): void {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE id = %d AND claim = %s", $row['id'], $row['claim'] ) );
	}

	/**
	 * Notes a failed attempt: the row is due again after a backoff, or,
	 * when it has been failing for GIVE_UP_AFTER, removed.
	 *
	 * @param array{id: int, claim: string, attempts: int, created_at: int, subject?: string} $row    What claim() gave.
	 * @param string                                                                          $reason What went wrong.
	 * @param int                                                                             $now    The current instant.
	 * @return int|null When the next attempt is due, or null when the email is given up.
	 */
	public function failed( array $row, string $reason, int $now ): ?int {
		global $wpdb;
		$table    = Schema::table( 'outbox' );
		$attempts = $row['attempts'] + 1;
		if ( $now - $row['created_at'] >= self::GIVE_UP_AFTER ) {
			if ( 1 === $wpdb->query( $wpdb->prepare( "DELETE FROM `$table` WHERE id = %d AND claim = %s", $row['id'], $row['claim'] ) ) ) {
				self::note_given_up( (string) ( $row['subject'] ?? '' ), $reason, $now );
			}
			return null;
		}
		$retry_at = $now + self::backoff( $attempts );
		$wpdb->query(
			$wpdb->prepare(
				"UPDATE `$table` SET attempts = %d, next_attempt_at = %d, claim = '', claimed_until = 0, last_error = %s WHERE id = %d AND claim = %s",
				$attempts,
				$retry_at,
				mb_substr( $reason, 0, 255 ),
				$row['id'],
				$row['claim']
			)
		);
		return $retry_at;
	}

	/**
	 * Keeps a count of given-up emails and the last one's subject and error,
	 * so that Site Health can say that emails were lost after the row is gone.
	 *
	 * @param string $subject The email's subject.
	 * @param string $reason  The last error.
	 * @param int    $now     The current instant.
	 */
	private static function note_given_up( string $subject, string $reason, int $now ): void {
		$before = self::given_up();
		update_option(
			self::GIVEN_UP_OPTION,
			array(
				'count'   => $before['count'] + 1,
				'last_at' => $now,
				'subject' => mb_substr( $subject, 0, 255 ),
				'error'   => mb_substr( $reason, 0, 255 ),
			),
			false
		);
	}

	/**
	 * What note_given_up() kept: how many emails were given up in all, and the last one.
	 *
	 * @return array{count: int, last_at: int, subject: string, error: string}
	 */
	public static function given_up(): array {
		$kept = get_option( self::GIVEN_UP_OPTION );
		$kept = is_array( $kept ) ? $kept : array();
		return array(
			'count'   => (int) ( $kept['count'] ?? 0 ),
			'last_at' => (int) ( $kept['last_at'] ?? 0 ),
			'subject' => (string) ( $kept['subject'] ?? '' ),
			'error'   => (string) ( $kept['error'] ?? '' ),
		);
	}

	/**
	 * Seconds to wait after a number of failed attempts: 1, 2, 4 … 60 minutes.
	 *
	 * @param int $attempts Failed attempts so far (1 or more).
	 */
	public static function backoff( int $attempts ): int {
		return (int) min( self::MAX_BACKOFF, self::FIRST_BACKOFF * ( 2 ** min( 12, max( 0, $attempts - 1 ) ) ) );
	}

	/**
	 * Makes a booking's waiting emails due now.
	 *
	 * @param int $booking_id The booking.
	 * @param int $now        The current instant.
	 * @return int[] The ids of its rows.
	 */
	public function hurry( int $booking_id, int $now ): array {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET next_attempt_at = LEAST( next_attempt_at, %d ) WHERE booking_id = %d", $now, $booking_id ) );
		return array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT id FROM `$table` WHERE booking_id = %d ORDER BY id", $booking_id ) ) );
	}

	/**
	 * Makes every waiting email due now (after the mail server was fixed).
	 *
	 * @param int $now The current instant.
	 * @return int How many waited.
	 */
	public function hurry_all( int $now ): int {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$wpdb->query( $wpdb->prepare( "UPDATE `$table` SET next_attempt_at = LEAST( next_attempt_at, %d )", $now ) );
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table`" );
	}

	/**
	 * When the next row falls due (or its claim runs out), or null when none waits.
	 */
	public function next_due(): ?int {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$next  = $wpdb->get_var( "SELECT MIN( GREATEST( next_attempt_at, claimed_until ) ) FROM `$table`" );
		return null === $next ? null : (int) $next;
	}

	/**
	 * The waiting emails, oldest first, without their bodies: for WP-CLI and Site Health.
	 *
	 * @param int $limit How many at most.
	 * @return array<int, array{id: int, booking_id: int, subject: string, created_at: int, attempts: int, next_attempt_at: int, last_error: string}>
	 */
	public function waiting( int $limit = 100 ): array {
		global $wpdb;
		$table = Schema::table( 'outbox' );
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT id, booking_id, subject, created_at, attempts, next_attempt_at, last_error FROM `$table` ORDER BY id LIMIT %d", $limit ), ARRAY_A );
		return array_map(
			static fn( array $row ): array => array(
				'id'              => (int) $row['id'],
				'booking_id'      => (int) $row['booking_id'],
				'subject'         => (string) $row['subject'],
				'created_at'      => (int) $row['created_at'],
				'attempts'        => (int) $row['attempts'],
				'next_attempt_at' => (int) $row['next_attempt_at'],
				'last_error'      => (string) $row['last_error'],
			),
			is_array( $rows ) ? $rows : array()
		);
	}

	/**
	 * A row as claim() gives it.
	 *
	 * @param array<string, mixed> $row   The columns.
	 * @param string               $claim This runner's claim.
	 * @return array{id: int, claim: string, attempts: int, created_at: int, to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>}
	 */
	private static function decode( array $row, string $claim ): array {
		$files = array();
		foreach ( (array) json_decode( (string) $row['attachments'], true ) as $file ) {
			if ( is_array( $file ) && isset( $file[0], $file[1] ) ) {
				// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- see add().
				$files[ (string) $file[0] ] = (string) base64_decode( (string) $file[1], true );
			}
		}
		return array(
			'id'         => (int) $row['id'],
			'claim'      => $claim,
			'attempts'   => (int) $row['attempts'],
			'created_at' => (int) $row['created_at'],
			'to'         => array_map( 'strval', (array) json_decode( (string) $row['recipients'], true ) ),
			'subject'    => (string) $row['subject'],
			'text'       => (string) $row['text_body'],
			'html'       => (string) $row['html_body'],
			'headers'    => array_map( 'strval', (array) json_decode( (string) $row['headers'], true ) ),
			'files'      => $files,
			'context'    => (array) json_decode( (string) $row['context'], true ),
		);
	}

	// phpcs:enable
}
