<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Notifications;

use AppointEase\Admin\SiteHealth;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\Mailer;
use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Tests\Integration\Rest\RestTestCase;
use AppointEase\Tests\Integration\Support\Maildev;

/**
 * Issue 15: a booking's emails were sent inside its request, so a mail
 * outage could turn a committed booking into an error answer, and a slow
 * mail server slowed every booking. Emails now wait in the outbox; the
 * booking answers at once, and the emails go out once the server is back,
 * each once. Sent over SMTP to the stack's maildev, with PHPMailer pointed
 * at a closed port while "the mail server is down".
 */
final class OutboxTest extends RestTestCase {

	/**
	 * A phpmailer_init callback that points PHPMailer at a closed port, or null.
	 *
	 * @var \Closure|null
	 */
	private ?\Closure $down = null;

	/**
	 * What `appointease_email_failed` reported: audience, attempts, retry_at, reason.
	 *
	 * @var array<int, array{0: string, 1: int, 2: int|null, 3: string}>
	 */
	private array $failures = array();

	/**
	 * What was reported so far (a call, so that static analysis reads it anew after each job).
	 *
	 * @return array<int, array{0: string, 1: int, 2: int|null, 3: string}>
	 */
	private function failures(): array {
		return $this->failures;
	}

	protected function set_up(): void {
		parent::set_up();
		update_option( 'admin_email', 'owner@example.com' );
		Maildev::clear();
	}

	protected function tear_down(): void {
		$this->mail_server_back();
		remove_all_actions( 'appointease_email_failed' );
		parent::tear_down();
	}

	public function test_a_booking_answers_at_once_while_the_mail_server_is_down_and_its_emails_arrive_once_it_is_back(): void {
		$this->mail_server_down();
		add_action(
			'appointease_email_failed',
			function ( array $context, string $reason ): void {
				$this->failures[] = array( $context['audience'], $context['attempts'], $context['retry_at'], $reason );
			},
			10,
			2
		);
		$address = 'outage.' . wp_generate_password( 8, false ) . '@example.com';

		$started = microtime( true );
		$booking = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Olga Outage',
					'email' => $address,
				),
			)
		);
		$this->assertSame( 'confirmed', $booking['status'] );
		$this->assertLessThan( 1.0, microtime( true ) - $started, 'The booking does not wait for the mail server.' );
		$this->assertSame( array(), $this->failures, 'Nothing was sent in the request.' );
		$this->assertSame( 2, $this->waiting( (int) $booking['id'] ), 'Both emails wait in the outbox.' );
		$this->assertNotFalse( wp_next_scheduled( OutboxSender::HOOK ), 'The cron event is set.' );
		$this->assertLessThanOrEqual( time(), (int) wp_next_scheduled( OutboxSender::HOOK ), 'For now.' );

		$now = time();
		$job = new OutboxSender( new Outbox() );
		wp_clear_scheduled_hook( OutboxSender::HOOK ); // As WP-Cron does before it runs the event.
		$this->assertSame( 0, $job->run( $now ), 'The server is down: nothing goes out.' );
		$this->assertCount( 2, $this->failures );
		$this->assertSame( array( 'customer', 1, $now + 60 ), array_slice( $this->failures()[0], 0, 3 ), 'Tried once, again in a minute.' );
		$this->assertStringContainsString( 'SMTP', $this->failures()[0][3] );
		$this->assertSame( 2, $this->waiting( (int) $booking['id'] ), 'The emails stay.' );
		$this->assertSame( $now + 60, (int) wp_next_scheduled( OutboxSender::HOOK ), 'The cron event moves to the retry.' );
		$this->assertSame( 0, $job->run( $now + 30 ), 'Not before the backoff.' );
		$this->assertCount( 2, $this->failures );

		$this->assertSame( 0, $job->run( $now + 60 ), 'Still down a minute later.' );
		$this->assertSame( array( 'customer', 2, $now + 60 + 120 ), array_slice( $this->failures()[2], 0, 3 ), 'The wait doubles.' );

		$this->mail_server_back();
		$this->assertSame( 0, $job->run( $now + 61 ), 'Back, but not due yet.' );
		$this->assertSame( 2, $job->run( $now + 180 ), 'Due again: both go out.' );
		$this->assertSame( 0, $this->waiting( (int) $booking['id'] ) );
		$this->assertSame( 0, $job->run( $now + 10000 ), 'Nothing is left to send twice.' );

		$customer = Maildev::to( $address );
		$this->assertCount( 1, $customer, 'The customer got one email.' );
		$this->assertStringStartsWith( 'Your booking: Haircut', (string) $customer[0]['subject'] );
		$this->assertCount( 1, Maildev::to( 'owner@example.com', 1, '] New booking: Haircut' ), 'The staff too.' );
		usleep( 300000 );
		$this->assertCount( 1, Maildev::to( $address, 0 ), 'Once.' );
	}

	public function test_a_claimed_email_is_no_other_runners_until_its_lease_ends(): void {
		$outbox = new Outbox();
		$now    = time();
		$id     = $outbox->add( self::email( 'lease@example.com' ), $now );

		$first = $outbox->claim( $now );
		$this->assertIsArray( $first );
		$this->assertSame( $id, $first['id'] );
		$this->assertNull( $outbox->claim( $now ), 'A second runner finds nothing to take.' );
		$this->assertNull( $outbox->claim( $now, $id ), 'Not even by its id.' );
		$this->assertNull( $outbox->claim( $now + Outbox::LEASE - 1 ) );

		$second = $outbox->claim( $now + Outbox::LEASE, $id );
		$this->assertIsArray( $second, 'A runner that died lets go when its lease ends.' );
		$outbox->sent( $first );
		$this->assertSame( 1, $this->waiting( 0 ), 'The first runner\'s late report changes nothing: the row is the second\'s now.' );
		$outbox->sent( $second );
		$this->assertSame( 0, $this->waiting( 0 ) );
	}

	public function test_the_wait_doubles_up_to_an_hour_and_an_email_failing_for_three_days_is_given_up(): void {
		$this->assertSame( array( 60, 120, 240, 480, 960, 1920, 3600, 3600 ), array_map( array( Outbox::class, 'backoff' ), range( 1, 8 ) ) );

		$given_up = array();
		add_action(
			'appointease_email_failed',
			static function ( array $context ) use ( &$given_up ): void {
				$given_up[] = $context['retry_at'];
			}
		);
		$this->mail_server_down();
		$now = time();
		( new Outbox() )->add( self::email( 'old@example.com' ), $now - Outbox::GIVE_UP_AFTER );
		$this->assertSame( 0, ( new OutboxSender( new Outbox() ) )->run( $now ) );
		$this->assertSame( array( null ), $given_up, 'Reported as given up.' );
		$this->assertSame( 0, $this->waiting( 0 ) );
	}

	public function test_site_health_warns_of_emails_failing_for_15_minutes_and_of_emails_given_up_in_the_last_week(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'appointease_email_delivery', $tests['direct'] );
		delete_option( Outbox::GIVEN_UP_OPTION );
		$this->assertSame( 'good', SiteHealth::email_delivery_test()['status'] );

		$this->mail_server_down();
		$now    = time();
		$outbox = new Outbox();
		$outbox->add( self::email( 'fresh@example.com' ), $now );
		$this->assertSame( 0, ( new OutboxSender( $outbox ) )->run( $now ) );
		$this->assertSame( 'good', SiteHealth::email_delivery_test( $now + 60 )['status'], 'A minute of failures is a retry, not yet a problem.' );
		$late = SiteHealth::email_delivery_test( $now + 16 * MINUTE_IN_SECONDS );
		$this->assertSame( 'critical', $late['status'], 'Failing for 16 minutes.' );
		$this->assertSame( '1 email cannot be sent', $late['label'] );
		$this->assertStringContainsString( 'SMTP', $late['description'], 'The mail server\'s error is named.' );
		$this->assertStringContainsString( 'wp appointease emails send --all', $late['description'] );

		$this->mail_server_back();
		$this->assertSame( 1, ( new OutboxSender( $outbox ) )->run( $now + 120 ) );
		$this->assertSame( 'good', SiteHealth::email_delivery_test( $now + 16 * MINUTE_IN_SECONDS )['status'], 'Sent: nothing to warn of.' );

		$this->mail_server_down();
		$old            = self::email( 'lost@example.com' );
		$old['subject'] = 'Reminder: Haircut <b>soon</b>';
		$outbox->add( $old, $now - Outbox::GIVE_UP_AFTER );
		$this->assertSame( 0, ( new OutboxSender( $outbox ) )->run( $now ) );
		$this->assertSame( 0, $this->waiting( 0 ), 'Given up: the row is gone.' );
		$lost = SiteHealth::email_delivery_test( $now + HOUR_IN_SECONDS );
		$this->assertSame( 'critical', $lost['status'], 'Yet the loss is reported.' );
		$this->assertSame( 'Emails were given up', $lost['label'] );
		$this->assertStringContainsString( 'Reminder: Haircut &lt;b&gt;soon&lt;/b&gt;', $lost['description'], 'Named, escaped.' );
		$this->assertSame( 1, Outbox::given_up()['count'] );
		$this->assertSame( 'good', SiteHealth::email_delivery_test( $now + 8 * DAY_IN_SECONDS )['status'], 'A week later it is off the report.' );
		delete_option( Outbox::GIVEN_UP_OPTION );
	}

	public function test_an_email_that_cannot_be_queued_is_sent_at_once(): void {
		global $wpdb;
		$table    = Schema::table( 'outbox' );
		$break    = static fn( string $query ): string => str_starts_with( $query, "INSERT INTO `$table`" ) ? 'INSERT INTO `appointease_no_such_table` VALUES (1)' : $query;
		$suppress = $wpdb->suppress_errors( true );
		add_filter( 'query', $break );
		try {
			$queued = ( new Mailer() )->send( self::message( 'unqueued@example.com' ), array( 'event' => 'created' ), null );
		} finally {
			remove_filter( 'query', $break );
			$wpdb->suppress_errors( $suppress );
		}
		$this->assertTrue( $queued );
		$this->assertCount( 1, Maildev::to( 'unqueued@example.com' ), 'Sent in the request rather than never.' );
	}

	/**
	 * Points PHPMailer at a port nothing listens on.
	 */
	private function mail_server_down(): void {
		$server = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $server );
		$port = (int) substr( (string) strrchr( (string) stream_socket_get_name( $server, false ), ':' ), 1 );
		fclose( $server ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a socket.
		$this->down = static function ( $phpmailer ) use ( $port ): void {
			$phpmailer->Port = $port; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property.
		};
		add_action( 'phpmailer_init', $this->down, 99 );
	}

	/**
	 * Points PHPMailer at maildev again.
	 */
	private function mail_server_back(): void {
		if ( null !== $this->down ) {
			remove_action( 'phpmailer_init', $this->down, 99 );
			$this->down = null;
		}
	}

	/**
	 * How many emails of a booking wait in the outbox.
	 *
	 * @param int $booking_id The booking, or 0 for emails about none.
	 */
	private function waiting( int $booking_id ): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM ' . Schema::table( 'outbox' ) . ' WHERE booking_id = %d', $booking_id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery,WordPress.DB.PreparedSQL.NotPrepared -- test read.
	}

	/**
	 * An email in the outbox's shape.
	 *
	 * @param string $to The recipient.
	 * @return array{to: string[], subject: string, text: string, html: string, headers: string[], files: array<string, string>, context: array<string, mixed>}
	 */
	private static function email( string $to ): array {
		return array(
			'to'      => array( $to ),
			'subject' => 'Hello',
			'text'    => 'Hello',
			'html'    => '<p>Hello</p>',
			'headers' => array(),
			'files'   => array(),
			'context' => array( 'event' => 'test' ),
		);
	}

	/**
	 * A message in wp_mail's terms.
	 *
	 * @param string $to The recipient.
	 * @return array{to: string[], subject: string, message: string, headers: string[], attachments: string[]}
	 */
	private static function message( string $to ): array {
		return array(
			'to'          => array( $to ),
			'subject'     => 'Hello',
			'message'     => 'Hello',
			'headers'     => array(),
			'attachments' => array(),
		);
	}
}
