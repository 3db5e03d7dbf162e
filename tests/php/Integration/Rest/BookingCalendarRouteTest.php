<?php
/**
 * GET bookings/{id}/ics: the booking as a calendar file.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Booking\BookingRepository;
use AppointEase\Notifications\ManageLink;
use AppointEase\Rest\BookingCalendarController;

/**
 * The file must import into calendar apps (RFC 5545: CRLF lines of at most
 * 75 octets, escaped text, UTC times) and must open only with the manage
 * token, like the booking itself.
 */
final class BookingCalendarRouteTest extends RestTestCase {

	public function test_the_manage_token_downloads_the_booking_as_a_calendar_file_in_utc(): void {
		$booking  = $this->book( '10:00' );
		$response = $this->read( 'bookings/' . $booking['id'] . '/ics', $booking['manage_token'] );

		$this->assertSame( 200, $response->get_status() );
		$headers = $response->get_headers();
		$this->assertSame( BookingCalendarController::CONTENT_TYPE, $headers['Content-Type'] );
		$this->assertSame( 'attachment; filename="appointment-' . $booking['id'] . '.ics"', $headers['Content-Disposition'] );
		$this->assertSame( 'private, no-store', $headers['Cache-Control'] );

		$ics = $response->get_data();
		$this->assertIsString( $ics );
		$this->assertStringStartsWith( "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", $ics );
		$this->assertStringEndsWith( "END:VEVENT\r\nEND:VCALENDAR\r\n", $ics );
		// 10:00 in Berlin on a Monday in any month is 08:00 or 09:00 UTC.
		$start = ( new \DateTimeImmutable( $booking['start'] ) )->setTimezone( new \DateTimeZone( 'UTC' ) );
		$this->assertStringContainsString( "\r\nDTSTART:" . $start->format( 'Ymd\THis\Z' ) . "\r\n", $ics );
		$this->assertStringContainsString( "\r\nDTEND:" . $start->modify( '+30 minutes' )->format( 'Ymd\THis\Z' ) . "\r\n", $ics );
		$this->assertStringContainsString( "\r\nSTATUS:CONFIRMED\r\n", $ics );
		$this->assertStringContainsString( "\r\nUID:booking-" . $booking['id'] . '@', $ics );
		$this->assertStringNotContainsString( 'maria@example.com', $ics, 'The customer\'s own address is not needed in their calendar.' );
		$this->assertStringContainsString( "\r\nX-WR-TIMEZONE:Europe/Berlin\r\n", $ics, 'The file names the business\'s zone.' );
		$unfolded = str_replace( "\r\n ", '', $ics );
		$this->assertStringContainsString( '10:00 am–10:30 am (Europe/Berlin)', $unfolded, 'Its description gives the local time with the zone.' );
	}

	public function test_a_wrong_or_missing_token_answers_like_a_booking_that_does_not_exist(): void {
		$booking = $this->book( '10:00' );
		$route   = 'bookings/' . $booking['id'] . '/ics';

		$wrong   = $this->assertError( 404, 'NOT_FOUND', $this->read( $route, str_repeat( 'a', 64 ) ) );
		$missing = $this->assertError( 404, 'NOT_FOUND', $this->get( $route ) );
		$absent  = $this->assertError( 404, 'NOT_FOUND', $this->read( 'bookings/' . ( $booking['id'] + 1000 ) . '/ics', $booking['manage_token'] ) );
		$this->assertSame( $wrong, $missing );
		$this->assertSame( $wrong, $absent );
	}

	public function test_the_link_token_of_the_booking_emails_opens_the_file_too(): void {
		$booking = $this->book( '10:00' );
		$hash    = ( new BookingRepository() )->manage_token_hash( (int) $booking['id'] );
		$this->assertIsString( $hash );

		$response = $this->read( 'bookings/' . $booking['id'] . '/ics', ManageLink::link_token( (int) $booking['id'], $hash ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertStringStartsWith( 'BEGIN:VCALENDAR', (string) $response->get_data() );
	}

	public function test_an_admin_downloads_any_bookings_file_and_a_cancelled_one_says_so(): void {
		$booking = $this->book( '10:00' );
		$this->assertOk( 200, $this->post( 'bookings/' . $booking['id'] . '/cancel', array( 'token' => $booking['manage_token'] ) ) );
		$this->log_in_as_admin();

		$response = $this->get( 'bookings/' . $booking['id'] . '/ics' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertStringContainsString( "\r\nSTATUS:CANCELLED\r\n", (string) $response->get_data() );
	}

	public function test_text_is_escaped_and_long_lines_are_folded_without_splitting_a_character(): void {
		$service  = $this->make_service( array( 'name' => 'Färben; Schneiden, Föhnen \\ ' . str_repeat( 'Ü', 60 ) ) );
		$employee = $this->make_employee( array( $service->id ) );
		$booking  = $this->book(
			'10:00',
			array(
				'service'  => $service->id,
				'employee' => $employee->id,
			)
		);

		$ics = (string) $this->read( 'bookings/' . $booking['id'] . '/ics', $booking['manage_token'] )->get_data();

		foreach ( explode( "\r\n", $ics ) as $line ) {
			$this->assertLessThanOrEqual( 75, strlen( $line ), "Too long: $line" );
			$this->assertTrue( mb_check_encoding( $line, 'UTF-8' ), "A fold split a character: $line" );
		}
		$unfolded = str_replace( "\r\n ", '', $ics );
		$this->assertStringContainsString( 'SUMMARY:Färben\\; Schneiden\\, Föhnen \\\\ ' . str_repeat( 'Ü', 60 ), $unfolded );
		$this->assertStringNotContainsString( "\n\n", $ics );
	}

	public function test_the_file_is_sent_as_it_is_not_as_json(): void {
		$booking = $this->book( '10:00' );
		$answer  = $this->read( 'bookings/' . $booking['id'] . '/ics', $booking['manage_token'] );

		ob_start();
		$served = BookingCalendarController::serve_calendar( false, $answer );
		$body   = (string) ob_get_clean();

		$this->assertTrue( $served );
		$this->assertSame( $answer->get_data(), $body );
		$this->assertFalse( BookingCalendarController::serve_calendar( false, new \WP_REST_Response( array( 'id' => 1 ) ) ), 'Other answers stay JSON.' );
	}
}
