<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Notifications;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Notifications\ChangeEmails;
use AppointEase\Notifications\ChangeQueue;
use AppointEase\Notifications\EmailTemplates;
use AppointEase\Notifications\ManageLink;
use AppointEase\Notifications\Notifier;
use AppointEase\Notifications\Placeholders;
use AppointEase\Notifications\Outbox;
use AppointEase\Notifications\OutboxSender;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Rest\RestTestCase;
use AppointEase\Tests\Integration\Support\Maildev;

/**
 * The booking emails as maildev received them over SMTP (the local site's
 * mu-plugin points PHPMailer at the stack's maildev): the outbox is sent
 * as its cron job would, and the tests read what arrived through maildev's
 * REST API, MIME parts, headers and attachments included. Bookings go
 * through the real REST routes and booking service. Each test starts with
 * an empty maildev.
 */
final class EmailsTest extends RestTestCase {

	/**
	 * How many emails maildev holds from this test.
	 */
	private int $delivered = 0;

	/**
	 * What `appointease_email_failed` reported: "<audience>: <reason>".
	 *
	 * @var array<int, string>
	 */
	private array $failures = array();

	/**
	 * What was reported so far (a call, so that static analysis reads it anew after each job).
	 *
	 * @return array<int, string>
	 */
	private function failures(): array {
		return $this->failures;
	}

	protected function set_up(): void {
		parent::set_up();
		update_option( 'admin_email', 'owner@example.com' );
		update_option( 'blogname', 'Salon & Spa' );
		Maildev::clear();
		$this->delivered = 0;
	}

	protected function tear_down(): void {
		remove_all_filters( 'appointease_email' );
		remove_all_filters( 'appointease_email_placeholders' );
		remove_all_filters( 'appointease_email_accent' );
		remove_all_filters( 'get_site_icon_url' );
		remove_all_actions( 'appointease_email_failed' );
		parent::tear_down();
	}

	/**
	 * Sends the outbox as its cron job would and gives every email maildev
	 * received in this test, oldest first: to (addresses), subject, message
	 * (the plain-text part), html, headers (lower-case names), files
	 * (attachment name => content), email (maildev's own record).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function mails(): array {
		$this->delivered += ( new OutboxSender( new Outbox() ) )->run( time() );
		$deadline         = microtime( true ) + 10;
		do {
			$emails = Maildev::all();
			if ( count( $emails ) >= $this->delivered ) {
				break;
			}
			usleep( 100000 );
		} while ( microtime( true ) < $deadline );
		$this->assertCount( $this->delivered, $emails, 'maildev holds what was sent.' );
		return array_map(
			static function ( array $email ): array {
				$files = array();
				foreach ( (array) $email['attachments'] as $file ) {
					$files[ (string) $file['filename'] ] = Maildev::attachment( $email, (string) $file['filename'] );
				}
				return array(
					'to'      => array_map( static fn( array $who ): string => (string) $who['address'], (array) $email['to'] ),
					'subject' => (string) $email['subject'],
					'message' => (string) ( $email['text'] ?? '' ),
					'html'    => (string) ( $email['html'] ?? '' ),
					'headers' => array_change_key_case( (array) $email['headers'] ),
					'files'   => $files,
					'email'   => $email,
				);
			},
			$emails
		);
	}

	/**
	 * Sends what waits, and forgets the emails so far.
	 */
	private function forget_mails(): void {
		$this->mails();
		Maildev::clear();
		$this->delivered = 0;
	}

	/**
	 * A header of an email, from its raw source (maildev's parsed headers
	 * leave some out).
	 *
	 * @param array<string, mixed> $mail From mails().
	 * @param string               $name Header name, e.g. Reply-To.
	 */
	private static function header( array $mail, string $name ): string {
		$head = explode( "\r\n\r\n", Maildev::source( $mail['email'] ), 2 )[0];
		return 1 === preg_match( '/^' . preg_quote( $name, '/' ) . ':\s*(.*)$/mi', $head, $match ) ? trim( $match[1] ) : '';
	}

	public function test_a_new_booking_emails_the_customer_and_the_staff_with_the_calendar_file_and_a_working_manage_link(): void {
		$booking = $this->book( '10:00' );

		$this->assertCount( 2, $this->mails(), 'One email to the customer and one to the staff; no second "confirmed" email.' );
		list( $customer, $staff ) = $this->mails();

		$this->assertSame( array( 'maria@example.com' ), $customer['to'] );
		$this->assertSame( 'Your booking: Haircut on ' . $this->long_date() . ' at 10:00 am', $customer['subject'] );
		$this->assertStringContainsString( 'Hello Maria Customer,', $customer['message'] );
		$this->assertStringContainsString( "Haircut with Ana Silva\n" . $this->long_date() . ', 10:00 am–10:30 am (Europe/Berlin)', $customer['message'] );
		$this->assertStringContainsString( 'Status: confirmed', $customer['message'] );
		$this->assertStringNotContainsString( '{', $customer['message'], 'Every placeholder is filled.' );
		$this->assertStringContainsString( 'owner@example.com', self::header( $customer, 'Reply-To' ) );

		$link = $this->manage_link( $customer['message'] );
		$this->assertSame( (string) $booking['id'], $link['appointease_booking'] );
		$this->assertNotSame( $booking['manage_token'], $link['appointease_token'], 'Emails carry the link token, not the raw token.' );
		$this->assertSame( $booking['id'], $this->assertOk( 200, $this->read( 'bookings/' . $booking['id'], $link['appointease_token'] ) )['id'], 'The link token opens the booking.' );
		$this->assertSame( $booking['id'], $this->assertOk( 200, $this->read( 'bookings/' . $booking['id'], $booking['manage_token'] ) )['id'], 'The raw token still does.' );

		$ics = $customer['files'][ 'appointment-' . $booking['id'] . '.ics' ] ?? '';
		$this->assertStringStartsWith( "BEGIN:VCALENDAR\r\n", $ics );
		$this->assertStringContainsString( "STATUS:CONFIRMED\r\n", $ics );
		$this->assertStringNotContainsString( 'appointease_token', str_replace( "\r\n ", '', $ics ), 'Calendars are shared and synced: the event carries no manage link.' );
		$this->assertStringNotContainsString( 'appointease_booking=', str_replace( "\r\n ", '', $ics ) );
		$this->assertStringContainsString( 'To cancel or reschedule', str_replace( "\r\n ", '', $ics ) );

		$this->assertSame( array( 'ana@example.com', 'owner@example.com' ), $staff['to'] );
		$this->assertSame( '[Salon & Spa] New booking: Haircut on ' . $this->long_date() . ' at 10:00 am', $staff['subject'] );
		$this->assertStringContainsString( 'Customer: Maria Customer', $staff['message'] );
		$this->assertStringContainsString( 'Email: maria@example.com', $staff['message'] );
		$this->assertStringContainsString( 'maria@example.com', self::header( $staff, 'Reply-To' ) );
		$this->assertArrayHasKey( 'appointment-' . $booking['id'] . '.ics', $staff['files'] );
		$this->assertStringNotContainsString( 'appointease_token', implode( '', $staff['files'] ) . $staff['message'], 'Staff emails do not carry the customer\'s link.' );
		$this->assertStringContainsString( 'See it in wp-admin: ' . admin_url( 'admin.php?page=appointease-bookings&booking=' . $booking['id'] ), $staff['message'], 'Staff emails link the booking\'s view.' );
		$this->assertStringNotContainsString( 'wp-admin', $customer['message'] );
	}

	public function test_approval_sends_confirmed_emails_with_the_same_manage_link_as_the_first_email(): void {
		update_option( Settings::OPTION, array( 'approval_required' => true ) );
		$booking = $this->book( '10:00' );
		$this->assertCount( 2, $this->mails() );
		$this->assertStringContainsString( 'Status: waiting for confirmation', $this->mails()[0]['message'] );
		$this->assertStringContainsString( "STATUS:TENTATIVE\r\n", implode( '', $this->mails()[0]['files'] ) );
		$first_link = $this->manage_link( $this->mails()[0]['message'] );

		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/approve' ) );

		$this->assertCount( 4, $this->mails() );
		list( , , $customer, $staff ) = $this->mails();
		$this->assertSame( array( 'maria@example.com' ), $customer['to'] );
		$this->assertStringStartsWith( 'Confirmed: Haircut', $customer['subject'] );
		$this->assertStringContainsString( 'your booking is confirmed.', $customer['message'] );
		$this->assertSame( $first_link, $this->manage_link( $customer['message'] ), 'Later emails link with the same token, so no earlier link breaks.' );
		$this->assertStringStartsWith( '[Salon & Spa] Approved: Haircut', $staff['subject'] );
	}

	public function test_rejecting_and_cancelling_send_their_emails_with_a_cancelled_calendar_event(): void {
		update_option( Settings::OPTION, array( 'approval_required' => true ) );
		$rejected  = $this->book( '10:00' );
		$cancelled = $this->book( '11:00' );
		$this->forget_mails();

		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( 'bookings/' . $rejected['id'] . '/reject' ) );
		$this->log_out();
		$this->assertOk( 200, $this->post( 'bookings/' . $cancelled['id'] . '/cancel', array( 'token' => $cancelled['manage_token'] ) ) );
		$this->send_due_changes();

		$this->assertSame(
			array( 'Not possible: Haircut', '[Salon & Spa] Declined: Haircut', 'Cancelled: Haircut', '[Salon & Spa] Cancelled: Haircut' ),
			array_map( static fn( array $mail ): string => explode( ' on ', $mail['subject'] )[0], $this->mails() )
		);
		$this->assertStringContainsString( 'Status: declined', $this->mails()[1]['message'] );
		$this->assertStringContainsString( 'Status: cancelled', $this->mails()[3]['message'] );
		foreach ( $this->mails() as $mail ) {
			$this->assertStringContainsString( "STATUS:CANCELLED\r\n", implode( '', $mail['files'] ), $mail['subject'] );
		}
	}

	public function test_a_move_to_a_colleague_tells_the_customer_the_new_and_old_time_and_both_employees(): void {
		$ben     = $this->make_employee(
			array( $this->service->id ),
			array(
				'name'  => 'Ben Barber',
				'email' => 'ben@example.com',
			)
		);
		$booking = $this->book( '10:00' );
		$this->forget_mails();

		$this->log_in_as_admin();
		$this->assertOk(
			200,
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'start'    => $this->local( '14:00' ),
					'employee' => $ben->id,
				)
			)
		);
		$this->send_due_changes();

		$this->assertCount( 2, $this->mails() );
		list( $customer, $staff ) = $this->mails();
		$this->assertSame( 'New time: Haircut on ' . $this->long_date() . ' at 2:00 pm', $customer['subject'] );
		$this->assertStringContainsString( 'It was on ' . $this->long_date() . ' 10:00 am (Europe/Berlin); it is now:', $customer['message'] );
		$this->assertStringContainsString( 'Haircut with Ben Barber', $customer['message'] );
		$this->assertStringContainsString( 'appointease_token=', $customer['message'] );
		$this->assertSame( array( 'ben@example.com', 'ana@example.com', 'owner@example.com' ), $staff['to'] );
		$this->assertStringContainsString( 'A booking was moved from ' . $this->long_date() . ' 10:00 am (Europe/Berlin) (Ana Silva).', $staff['message'] );
	}

	public function test_templates_come_from_the_settings_and_both_filters_apply(): void {
		Settings::update(
			array(
				EmailTemplates::key( 'created', 'customer', 'subject' ) => 'Booked {service} #{booking_id} for {customer_name} {room}',
				EmailTemplates::key( 'created', 'customer', 'body' ) => "{customer_name} / {seats} / {site_name} / {room}\n{manage_link}",
				EmailTemplates::NOTIFY_ADMIN => false,
			)
		);
		add_filter(
			'appointease_email_placeholders',
			static function ( array $values, $booking, string $event ): array {
				$values['{room}'] = 'created' === $event ? 'Room ' . $booking->seats : '?';
				return $values;
			},
			10,
			3
		);
		add_filter(
			'appointease_email',
			static function ( array $message, array $context ): array {
				if ( 'staff' === $context['audience'] ) {
					$message['subject'] .= ' [filtered]';
				}
				return $message;
			},
			10,
			2
		);

		$booking = $this->book( '10:00' );

		$this->assertCount( 2, $this->mails() );
		$this->assertSame( 'Booked Haircut #' . $booking['id'] . ' for Maria Customer Room 1', $this->mails()[0]['subject'] );
		$this->assertStringStartsWith( "Maria Customer / 1 / Salon & Spa / Room 1\n" . APPOINTEASE_TESTS_SITE_URL . '/', $this->mails()[0]['message'] );
		$this->assertSame( array( 'ana@example.com' ), $this->mails()[1]['to'], 'The admin switch is off.' );
		$this->assertStringEndsWith( ' [filtered]', $this->mails()[1]['subject'] );
	}

	public function test_an_empty_body_or_a_filter_returning_false_sends_nothing(): void {
		Settings::update( array( EmailTemplates::key( 'created', 'staff', 'body' ) => '' ) );
		$this->book( '10:00' );
		$this->assertSame( array( array( 'maria@example.com' ) ), array_column( $this->mails(), 'to' ), 'Only the customer is emailed.' );

		$this->forget_mails();
		add_filter( 'appointease_email', '__return_false' );
		$this->book( '11:00' );
		$this->assertSame( array(), $this->mails() );
	}

	public function test_every_email_has_a_plain_part_and_an_html_part_with_the_values_escaped_and_keeps_its_calendar_file(): void {
		add_filter( 'get_site_icon_url', static fn(): string => 'https://cdn.example.com/salon-icon.png' );
		add_filter( 'appointease_email_accent', static fn(): string => '#aa3300' );
		$service = BookingService::create_default();
		$booking = $service->book(
			new BookingRequest(
				$this->service->id,
				$this->employee->id,
				new \DateTimeImmutable( $this->local( '10:00' ) ),
				1,
				'<b>Eve</b> <img src=x onerror=alert(1)>& Adams < 3',
				'eve@example.com',
				'<i>+49</i>',
				"Line one\n<script>alert(1)</script>Line two"
			),
			new \DateTimeImmutable( 'now' )
		)->booking;

		list( $customer, $staff ) = $this->mails();
		// The plain part: the values as typed, without their tags, never markup.
		$this->assertStringContainsString( 'Hello Eve & Adams < 3,', $customer['message'] );
		$this->assertStringContainsString( 'Customer: Eve & Adams < 3', $staff['message'] );
		$this->assertStringContainsString( 'Phone: +49', $staff['message'] );
		$this->assertStringContainsString( "Notes: Line one\nLine two", $staff['message'] );
		foreach ( array( $customer, $staff ) as $mail ) {
			$this->assertStringNotContainsString( '<b>', $mail['message'] . $mail['subject'] );
			$this->assertStringNotContainsString( '<script', $mail['message'] . $mail['html'] );
			$this->assertStringNotContainsString( '<img src=x', $mail['message'] . $mail['html'] );
			// One message, two parts, and the calendar file beside them.
			$source = Maildev::source( $mail['email'] );
			$this->assertMatchesRegularExpression( '/^Content-Type: multipart\/mixed;/mi', $source );
			$this->assertMatchesRegularExpression( '/^Content-Type: multipart\/alternative;/mi', $source );
			$this->assertMatchesRegularExpression( '/^Content-Type: text\/plain;/mi', $source );
			$this->assertMatchesRegularExpression( '/^Content-Type: text\/html;/mi', $source );
			$this->assertStringStartsWith( "BEGIN:VCALENDAR\r\n", $mail['files'][ 'appointment-' . $booking->id . '.ics' ] ?? '' );
			// The layout: the site's name (escaped), its icon as the logo, the accent colour; tables and inline styles only.
			$this->assertStringContainsString( '>Salon &amp; Spa</a>', $mail['html'] );
			$this->assertStringContainsString( '<img src="https://cdn.example.com/salon-icon.png"', $mail['html'] );
			$this->assertStringContainsString( 'border-top:4px solid #aa3300', $mail['html'] );
			$this->assertStringContainsString( '<table role="presentation"', $mail['html'] );
			$this->assertStringNotContainsString( '<style', $mail['html'] );
		}
		// The HTML part: every value escaped.
		$this->assertStringContainsString( 'Hello Eve &amp; Adams &lt; 3,', $customer['html'] );
		$this->assertStringContainsString( 'Customer: Eve &amp; Adams &lt; 3', $staff['html'] );
		$this->assertStringContainsString( 'Notes: Line one<br>' . "\n" . 'Line two', $staff['html'] );
		// The manage link is a link, in the accent colour, the same as in the plain part.
		$link = $this->manage_link_url( $customer['message'] );
		$this->assertStringContainsString( '<a href="' . esc_url( $link ) . '" style="color:#aa3300;', $customer['html'] );

		// A row written some other way may hold line breaks; a one-line value never does.
		$raw    = new Booking( $booking->id, $booking->employee_id, $booking->service_id, $booking->start, $booking->end, 1, Booking::CONFIRMED, "Eve\r\nBcc: victim@example.com", "eve@example.com\nCc: x@example.com", '', '', $booking->created_at, $booking->updated_at );
		$values = Placeholders::values( 'created', $raw, $this->service, $this->employee, '' );
		$this->assertSame( 'Eve Bcc: victim@example.com', $values['{customer_name}'] );
		$this->assertSame( 'eve@example.com Cc: x@example.com', $values['{customer_email}'] );
		$this->assertSame( 'Hi Eve Bcc: victim@example.com', Placeholders::fill( 'Hi {customer_name}', $values ) );
	}

	public function test_a_message_without_an_html_part_gets_one_from_its_text(): void {
		( new \AppointEase\Notifications\Mailer() )->send(
			array(
				'to'          => array( 'plain@example.com' ),
				'subject'     => 'Plain',
				'message'     => "Plain <only> & simple\nhttps://example.com/a?b=1&c=2",
				'headers'     => array(),
				'attachments' => array(),
			),
			array(
				'event'    => 'created',
				'audience' => 'customer',
			),
			null
		);
		list( $mail ) = $this->mails();
		$this->assertSame( "Plain <only> & simple\nhttps://example.com/a?b=1&c=2", trim( $mail['message'] ) );
		$this->assertStringContainsString( 'Plain &lt;only&gt; &amp; simple<br>', $mail['html'] );
		$this->assertStringContainsString( '<a href="https://example.com/a?b=1&#038;c=2"', $mail['html'] );
		$this->assertSame( array(), $mail['files'] );
	}

	public function test_a_failing_mail_server_or_a_broken_filter_never_breaks_the_booking(): void {
		add_action(
			'appointease_email_failed',
			function ( array $context, string $reason ): void {
				$this->failures[] = $context['audience'] . ': ' . $reason;
			},
			10,
			2
		);
		$refuse = static function ( $phpmailer ): void {
			$phpmailer->Port = 9; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property; nothing listens on the discard port here.
		};
		add_action( 'phpmailer_init', $refuse, 99 );

		$first = $this->book( '10:00' );
		$this->assertSame( 'confirmed', $first['status'] );
		$this->assertSame( array(), $this->failures, 'The booking request sends nothing itself.' );
		$this->assertSame( array(), $this->mails() );
		$this->assertCount( 2, $this->failures, 'The job tried both: ' . implode( '; ', $this->failures ) );
		$this->assertStringStartsWith( 'customer: SMTP', $this->failures()[0] );
		$this->assertStringStartsWith( 'staff: SMTP', $this->failures()[1] );
		remove_action( 'phpmailer_init', $refuse, 99 );

		$this->failures = array();
		$files          = array();
		add_filter(
			'appointease_email',
			static function ( array $message ) use ( &$files ): array {
				$files = array_merge( $files, array_keys( $message['files'] ) );
				return $message;
			},
			1
		);
		add_filter(
			'appointease_email',
			static function (): array {
				throw new \RuntimeException( 'A broken filter' );
			}
		);
		$second = $this->book( '11:00' );
		$this->assertSame( 'confirmed', $second['status'] );
		$this->assertSame( array( 'customer: A broken filter', 'staff: A broken filter' ), $this->failures );
		$this->assertSame( array( 'appointment-' . $second['id'] . '.ics', 'appointment-' . $second['id'] . '.ics' ), $files, 'The filter sees the calendar file as content.' );
	}

	public function test_the_real_wp_mail_failing_is_reported_with_its_reason(): void {
		$reasons = array();
		add_action(
			'appointease_email_failed',
			static function ( array $context, string $reason ) use ( &$reasons ): void {
				$reasons[] = $reason;
			},
			10,
			2
		);
		add_filter( 'wp_mail_from', static fn(): string => 'not an address', 20 );

		$booking = $this->book( '10:00' );
		$this->assertSame( array(), $this->mails() );

		$this->assertSame( 'confirmed', $booking['status'] );
		$this->assertCount( 2, $reasons );
		$this->assertStringContainsString( 'not an address', $reasons[0] );
		remove_all_filters( 'wp_mail_from', 20 );
	}

	public function test_every_event_and_audience_has_a_default_template_using_known_placeholders_only(): void {
		$schema = Settings::schema();
		foreach ( EmailTemplates::EVENTS as $event ) {
			foreach ( EmailTemplates::AUDIENCES as $audience ) {
				foreach ( array( 'subject', 'body' ) as $part ) {
					$key = EmailTemplates::key( $event, $audience, $part );
					$this->assertArrayHasKey( $key, $schema );
					$this->assertNotSame( '', $schema[ $key ]['default'], $key );
					preg_match_all( '/\{[a-z_]+\}/', $schema[ $key ]['default'], $used );
					$this->assertSame( array(), array_diff( $used[0], Placeholders::NAMES ), "$key uses an unknown placeholder." );
				}
			}
		}
		$this->assertTrue( $schema[ EmailTemplates::NOTIFY_EMPLOYEE ]['default'] );
		$this->assertTrue( $schema[ EmailTemplates::NOTIFY_ADMIN ]['default'] );
	}

	public function test_the_link_leads_to_the_chosen_booking_page_or_the_first_page_with_the_form(): void {
		$this->assertSame( home_url( '/' ), ManageLink::booking_page_url(), 'Without a page holding the form, the home page.' );

		$classic = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Book (classic)',
				'post_content' => 'Pick a time: [appointease]',
			)
		);
		wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Book (block)',
				'post_content' => '<!-- wp:appointease/booking /-->',
			)
		);
		$chosen = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Our booking page',
			)
		);
		$this->assertSame( get_permalink( $classic ), ManageLink::booking_page_url(), 'The first published page with the form.' );

		Settings::update( array( 'booking_page' => $chosen ) );
		$this->assertSame( get_permalink( $chosen ), ManageLink::booking_page_url() );
		$booking = $this->book( '10:00' );
		$this->assertStringStartsWith( get_permalink( $chosen ) . '?appointease_booking=' . $booking['id'] . '#appointease_token=', $this->manage_link_url( $this->mails()[0]['message'] ) );
	}

	/**
	 * Runs the job that sends cancel and move emails, as the cron would once
	 * their quiet period is over (ChangeEmailsTest covers the waiting).
	 */
	private function send_due_changes(): void {
		( new ChangeEmails( new ChangeQueue(), new BookingRepository(), Notifier::shared() ) )->run( time() + ChangeQueue::MAX_WAIT );
	}

	/**
	 * MONDAY in the site's date format.
	 */
	private function long_date(): string {
		return ( new \DateTimeImmutable( $this->monday ) )->format( 'F j, Y' );
	}

	/**
	 * The manage link in an email body.
	 *
	 * @param string $message The body.
	 */
	private function manage_link_url( string $message ): string {
		$this->assertSame( 1, preg_match( '#http\S+appointease_booking=\S+#', $message, $match ), "No manage link in: $message" );
		return (string) ( $match[0] ?? '' );
	}

	/**
	 * The query arguments of the manage link in an email body.
	 *
	 * @param string $message The body.
	 * @return array<string, string>
	 */
	private function manage_link( string $message ): array {
		$url = $this->manage_link_url( $message );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		parse_str( (string) wp_parse_url( $url, PHP_URL_FRAGMENT ), $fragment );
		// The token rides in the fragment, which no server and no Referer sees; the query names the booking only.
		$this->assertSame( array( ManageLink::BOOKING_ARG ), array_keys( $query ) );
		$this->assertSame( array( ManageLink::TOKEN_ARG ), array_keys( $fragment ) );
		$args = $query + $fragment;
		$this->assertIsString( $args[ ManageLink::BOOKING_ARG ] );
		$this->assertIsString( $args[ ManageLink::TOKEN_ARG ] );
		return array(
			ManageLink::BOOKING_ARG => $args[ ManageLink::BOOKING_ARG ],
			ManageLink::TOKEN_ARG   => $args[ ManageLink::TOKEN_ARG ],
		);
	}

	public function test_the_customers_booking_email_states_the_change_and_cancel_policy(): void {
		Settings::update(
			array(
				'cancel_cutoff_hours'     => 24,
				'reschedule_cutoff_hours' => 24,
			)
		);
		$this->book( '10:00' );

		list( $customer, $staff ) = $this->mails();
		$policy                   = 'You can cancel or reschedule online up to 24 hours before the appointment.';
		$this->assertStringContainsString( $policy, $customer['message'] );
		$this->assertStringContainsString( $policy, $customer['html'] );
		$this->assertStringNotContainsString( $policy, $staff['message'] );
	}
}
