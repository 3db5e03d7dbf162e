<?php
/**
 * The calendar feeds and the admin's calendar sync routes.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Rest\BookingCalendarController;
use AppointEase\Form\Fields;
use AppointEase\Settings\Settings;
use AppointEase\Sync\FeedKeys;
use AppointEase\Sync\ICalendar;
use Sabre\VObject\Component\VCalendar;

final class CalendarFeedRouteTest extends RestTestCase {

	public function test_the_employee_feed_parses_back_with_every_active_booking_at_its_instant(): void {
		$question  = Fields::create(
			array(
				'label'   => 'Hair length',
				'type'    => 'select',
				'options' => array( 'Short', 'Long' ),
			)
		)['id'];
		$first     = $this->book(
			'10:00',
			array(
				'customer' => array(
					'name'  => 'Maria Customer',
					'email' => 'maria@example.com',
					'phone' => '+49 30 1234567',
				),
				'fields'   => array( $question => 'Long' ),
			)
		);
		$second    = $this->book( '14:00' );
		$cancelled = $this->book( '15:00' );
		$this->assertOk( 200, $this->post( 'bookings/' . $cancelled['id'] . '/cancel', array( 'token' => $cancelled['manage_token'] ) ) );
		$this->log_in_as_admin();
		$urls = $this->assertOk( 201, $this->post( 'employees/' . $this->employee->id . '/calendar-sync/feed' ) );
		$this->assertStringStartsWith( 'webcal://', $urls['webcal'] );
		$this->assertSame( preg_replace( '#^https?://#', '', $urls['https'] ), preg_replace( '#^webcal://#', '', $urls['webcal'] ) );
		$this->log_out();

		$response = $this->feed( $urls['https'] );

		$this->assertSame( 200, $response->get_status() );
		$headers = $response->get_headers();
		$this->assertSame( BookingCalendarController::CONTENT_TYPE, $headers['Content-Type'] );
		$this->assertMatchesRegularExpression( '/^"[0-9a-f]{64}"$/', $headers['ETag'] );
		$this->assertNotFalse( strtotime( $headers['Last-Modified'] ) );
		$events = $this->events( (string) $response->get_data() );
		$this->assertSame( array( ICalendar::uid( (int) $first['id'] ), ICalendar::uid( (int) $second['id'] ) ), array_keys( $events ), 'One event per active booking; the cancelled one is gone.' );
		foreach ( array( $first, $second ) as $booking ) {
			$event = $events[ ICalendar::uid( (int) $booking['id'] ) ];
			$this->assertSame( ( new \DateTimeImmutable( $booking['start'] ) )->getTimestamp(), $event['start'] );
			$this->assertSame( ( new \DateTimeImmutable( $booking['end'] ) )->getTimestamp(), $event['end'] );
			$this->assertTrue( $event['utc'], 'Times are written in UTC.' );
		}
		$this->assertStringContainsString( 'Maria Customer', $events[ ICalendar::uid( (int) $first['id'] ) ]['summary'] );
		$this->assertStringContainsString( '+49 30 1234567', $events[ ICalendar::uid( (int) $first['id'] ) ]['description'], 'The employee\'s own feed has the customer\'s details.' );
		$this->assertStringContainsString( 'Hair length: Long', $events[ ICalendar::uid( (int) $first['id'] ) ]['description'], 'And the answers to the booking form.' );
		Fields::delete( $question );
	}

	public function test_an_unchanged_feed_answers_304_and_a_moved_booking_changes_it(): void {
		$booking = $this->book( '10:00' );
		$url     = $this->new_feed( (string) $this->employee->id );
		$first   = $this->feed( $url );
		$etag    = $first->get_headers()['ETag'];

		$again = $this->feed( $url, array( 'If-None-Match' => $etag ) );
		$this->assertSame( 304, $again->get_status() );
		$this->assertSame( '', $again->get_data() );
		$this->assertSame( $etag, $again->get_headers()['ETag'] );
		$this->assertSame( 304, $this->feed( $url, array( 'If-Modified-Since' => $first->get_headers()['Last-Modified'] ) )->get_status() );

		$this->assertOk(
			200,
			$this->post(
				'bookings/' . $booking['id'] . '/reschedule',
				array(
					'token' => $booking['manage_token'],
					'start' => $this->local( '11:00' ),
				)
			)
		);
		$moved = $this->feed( $url, array( 'If-None-Match' => $etag ) );

		$this->assertSame( 200, $moved->get_status() );
		$before = $this->events( (string) $first->get_data() )[ ICalendar::uid( (int) $booking['id'] ) ];
		$after  = $this->events( (string) $moved->get_data() )[ ICalendar::uid( (int) $booking['id'] ) ];
		$this->assertSame( ( new \DateTimeImmutable( $this->local( '11:00' ) ) )->getTimestamp(), $after['start'], 'The same UID, at the new time.' );
		$this->assertGreaterThanOrEqual( $before['sequence'], $after['sequence'] );
	}

	public function test_a_regenerated_address_stops_the_old_one_at_once(): void {
		$old = $this->new_feed( (string) $this->employee->id );
		$new = $this->new_feed( (string) $this->employee->id );

		$this->assertError( 404, 'NOT_FOUND', $this->feed( $old ) );
		$this->assertSame( 200, $this->feed( $new )->get_status() );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'feeds/' . str_repeat( 'a', 40 ) . '.ics' ) );
		$stored = (string) wp_json_encode( get_option( FeedKeys::OPTION ) );
		$this->assertStringNotContainsString( $this->secret( $new ), $stored, 'Only the hash is stored.' );
	}

	public function test_the_all_employees_feed_hides_customers_unless_the_admin_turns_them_on(): void {
		$booking = $this->book( '10:00' );
		$this->log_in_as_admin();
		$url = $this->assertOk( 201, $this->post( 'calendar-sync/feed' ) )['https'];
		$this->log_out();

		$hidden = (string) $this->feed( $url )->get_data();
		$this->assertArrayHasKey( ICalendar::uid( (int) $booking['id'] ), $this->events( $hidden ) );
		$this->assertStringNotContainsString( 'Maria Customer', $hidden );
		$this->assertStringNotContainsString( 'maria@example.com', $hidden );

		Settings::update( array( 'feed_customer_details' => true ) );
		$this->assertStringContainsString( 'maria@example.com', (string) $this->feed( $url )->get_data() );
	}

	public function test_the_sync_routes_refuse_visitors_and_check_the_address(): void {
		$route = 'employees/' . $this->employee->id . '/calendar-sync';
		$this->assertError( 401, 'FORBIDDEN', $this->get( $route ) );
		$this->assertError( 401, 'FORBIDDEN', $this->post( $route . '/feed' ) );
		$this->log_in_as_admin();

		$before = $this->snapshot();
		$this->assertError( 400, 'VALIDATION_ERROR', $this->post( $route . '/calendars', array( 'url' => 'ftp://example.com/cal.ics' ) ) );
		$this->assertError( 400, 'URL_NOT_ALLOWED', $this->post( $route . '/calendars', array( 'url' => 'http://127.0.0.1:3306/secret' ) ) );
		$this->assertSame( $before, $this->snapshot() );
		$this->assertError( 404, 'NOT_FOUND', $this->get( 'employees/999999/calendar-sync' ) );

		$state = $this->assertOk( 201, $this->post( $route . '/calendars', array( 'url' => APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' ) ) );
		$this->assertCount( 1, $state['calendars'] );
		$calendar = $state['calendars'][0];
		$this->assertSame( 'The server answered HTTP 500.', $calendar['error'] );
		$this->assertNull( $calendar['last_success'] );
		$this->assertNotNull( $calendar['next_try'] );
		$this->assertStringNotContainsString( 'error-500', $calendar['url'], 'The address\'s path (a secret at Google) is not shown back.' );

		$this->assertOk( 200, $this->post( $route . '/calendars/' . $calendar['id'] . '/sync' ) );
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'DELETE', 'employees/' . ( $this->employee->id + 1 ) . '/calendar-sync/calendars/' . $calendar['id'] ) );
		$this->assertSame( array(), $this->assertOk( 200, $this->call( 'DELETE', $route . '/calendars/' . $calendar['id'] ) )['calendars'] );
	}

	/**
	 * A new feed address for an owner.
	 *
	 * @param string $owner Employee id or FeedKeys::ALL.
	 */
	private function new_feed( string $owner ): string {
		return FeedKeys::urls( FeedKeys::regenerate( $owner ) )['https'];
	}

	/**
	 * The secret of a feed address.
	 *
	 * @param string $url The address.
	 */
	private function secret( string $url ): string {
		$this->assertSame( 1, preg_match( '#/feeds/([0-9a-f]{40})\.ics$#', $url, $match ) );
		return $match[1] ?? '';
	}

	/**
	 * Fetches a feed as a calendar app does: anonymous, maybe conditional.
	 *
	 * @param string                $url     The address.
	 * @param array<string, string> $headers Request headers.
	 */
	private function feed( string $url, array $headers = array() ): \WP_REST_Response {
		$this->log_out();
		return $this->call( 'GET', 'feeds/' . $this->secret( $url ) . '.ics', null, array(), $headers );
	}

	/**
	 * The events of a feed, parsed back with the library, by UID.
	 *
	 * @param string $text The feed.
	 * @return array<string, array{start: int, end: int, utc: bool, summary: string, description: string, sequence: int}>
	 */
	private function events( string $text ): array {
		$calendar = ICalendar::parse( $text );
		$this->assertInstanceOf( VCalendar::class, $calendar );
		return ICalendar::quietly(
			function () use ( $calendar ): array {
				$this->assertSame( array(), $calendar->validate(), 'The feed validates.' );
				$events = array();
				foreach ( $calendar->select( 'VEVENT' ) as $event ) {
					// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- iCalendar property names.
					$events[ (string) $event->UID ] = array(
						'start'       => $event->DTSTART->getDateTime()->getTimestamp(),
						'end'         => $event->DTEND->getDateTime()->getTimestamp(),
						'utc'         => str_ends_with( (string) $event->DTSTART, 'Z' ),
						'summary'     => (string) $event->SUMMARY,
						'description' => (string) $event->DESCRIPTION,
						'sequence'    => (int) (string) $event->SEQUENCE,
					);
					// phpcs:enable
				}
				return $events;
			}
		);
	}
}
