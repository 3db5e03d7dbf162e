<?php
/**
 * Outside calendars fetched over real HTTP from the stack's nginx
 * (tests/fixtures/ics, and files written to the runtime's test-calendars
 * folder), parsed, stored and kept off the availability.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Sync;

use AppointEase\Admin\SiteHealth;
use AppointEase\Booking\Availability;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Calendars;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Schedule\Slot;
use AppointEase\Sync\CalendarSync;
use AppointEase\Sync\ExternalCalendar;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class CalendarSyncTest extends TestCase {

	/** Every start of a working day: 09:00-12:00 and 13:00-17:00, 30 minutes, a 15-minute step. */
	private const FULL_DAY = array( '09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '13:00', '13:15', '13:30', '13:45', '14:00', '14:15', '14:30', '14:45', '15:00', '15:15', '15:30', '15:45', '16:00', '16:15', '16:30' );

	private Fixtures $fixtures;

	private Availability $availability;

	private ExternalCalendarRepository $calendars;

	private CalendarSync $sync;

	private Service $service;

	private Employee $employee;

	/**
	 * Files this test wrote, to delete.
	 *
	 * @var string[]
	 */
	private array $written = array();

	/**
	 * HTTP status codes of the fetches, in order.
	 *
	 * @var int[]
	 */
	private array $statuses = array();

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->availability = new Availability( new BookingRepository() );
		$this->calendars    = new ExternalCalendarRepository();
		$this->sync         = new CalendarSync( $this->calendars );
		$this->service      = $this->fixtures->service();
		$this->employee     = $this->fixtures->employee( array( $this->service->id ) );
		add_action( 'http_api_debug', array( $this, 'record_status' ), 10, 1 );
	}

	protected function tear_down(): void {
		remove_action( 'http_api_debug', array( $this, 'record_status' ), 10 );
		foreach ( $this->written as $file ) {
			wp_delete_file( $file );
		}
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	/**
	 * Records the status of each fetch.
	 *
	 * @param mixed $response What wp_remote_get got.
	 */
	public function record_status( $response ): void {
		$this->statuses[] = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
	}

	public function test_a_google_export_leaves_exactly_its_busy_times_as_holes(): void {
		$calendar = $this->synced( $this->fixture_url( 'google-export.ics' ) );

		$this->assertSame( '', $calendar->last_error );
		$this->assertSame( Fixtures::now()->getTimestamp(), $calendar->last_success_at );
		// Weekly RRULE on Mondays, 10:00-11:00 in Berlin.
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-01-07' ) );
		// A transparent event ("show as free") blocks nothing.
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-01-08' ) );
		// An all-day event blocks the whole day, in the employee's timezone.
		$this->assertSame( array(), $this->starts( '2030-01-09' ) );
		// A cancelled event blocks nothing.
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-01-10' ) );
		// Our own booking imported back is ignored; a floating time is read in Berlin.
		$this->assertSame( self::without( '15:00', '16:00' ), $this->starts( '2030-01-11' ) );
		// EXDATE removes one Monday.
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-01-14' ) );
		// RECURRENCE-ID moves one Monday to the afternoon.
		$this->assertSame( self::without( '14:00', '15:00' ), $this->starts( '2030-01-21' ) );
		// UNTIL includes the last Monday, and nothing comes after it.
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-01-28' ) );
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-02-04' ) );
	}

	public function test_a_tzid_across_a_dst_change_keeps_the_events_real_instant(): void {
		// 05:00 in New York: 11:00 in Berlin before the US moves its clocks (10 March 2030), 10:00 after, until Europe moves too.
		$this->synced( $this->fixture_url( 'new-york-dst.ics' ) );

		$this->assertSame( self::without( '11:00', '12:00' ), $this->starts( '2030-03-04' ) );
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-03-11' ) );
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-03-18' ) );
	}

	public function test_the_booking_path_refuses_a_busy_time_with_its_own_reason(): void {
		$this->synced( $this->fixture_url( 'google-export.ics' ) );

		$refusal = Fixtures::refusal( fn() => BookingService::create_default()->book( Fixtures::request( $this->service, $this->employee, '2030-01-07 10:15' ), Fixtures::now() ) );

		$this->assertNotNull( $refusal );
		$this->assertSame( 'EMPLOYEE_BUSY', $refusal->reason );
		$booked = BookingService::create_default()->book( Fixtures::request( $this->service, $this->employee, '2030-01-07 11:00' ), Fixtures::now() );
		$this->assertGreaterThan( 0, $booked->booking->id, 'The time right after the busy hour is bookable.' );
	}

	public function test_a_changed_calendar_moves_the_holes_and_an_unchanged_one_answers_304(): void {
		$url      = $this->written_url( 'changing', self::one_event( '20300108T100000', '20300108T110000' ) );
		$calendar = $this->synced( $url );
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-01-08' ) );
		$this->assertNotSame( '', $calendar->etag, 'The ETag is kept for the next request.' );
		$tuesday = ( new Calendars() )->version( $this->employee->id, '2030-01-08' );
		$this->assertGreaterThan( 0, $tuesday, 'Open booking pages learn that Tuesday changed.' );

		$calendar = $this->sync->sync( $calendar, Fixtures::now()->modify( '+1 hour' ) );
		$this->assertSame( 304, end( $this->statuses ), 'An unchanged calendar is not sent again.' );
		$this->assertSame( '', $calendar->last_error );
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-01-08' ), 'A 304 keeps the busy times.' );

		$this->write( 'changing', self::one_event( '20300110T130000', '20300110T143000' ) . "\r\n" );
		$calendar = $this->sync->sync( $calendar, Fixtures::now()->modify( '+2 hours' ) );

		$this->assertSame( 200, end( $this->statuses ) );
		$this->assertSame( self::FULL_DAY, $this->starts( '2030-01-08' ) );
		$this->assertSame( self::without( '13:00', '14:30' ), $this->starts( '2030-01-10' ) );
		$this->assertGreaterThan( $tuesday, ( new Calendars() )->version( $this->employee->id, '2030-01-08' ) );
	}

	public function test_a_calendar_that_turns_to_garbage_keeps_its_last_good_busy_times_and_says_why(): void {
		$url      = $this->written_url( 'flaky', self::one_event( '20300108T100000', '20300108T110000' ) );
		$calendar = $this->synced( $url );
		$success  = $calendar->last_success_at;
		$this->write( 'flaky', (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/ics/malformed.ics' ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local fixture.
		$later = Fixtures::now()->modify( '+1 hour' );

		$calendar = $this->sync->sync( $calendar, $later );

		$this->assertStringContainsString( 'Not an iCalendar file', $calendar->last_error );
		$this->assertSame( $success, $calendar->last_success_at );
		$this->assertSame( 1, $calendar->failures );
		$this->assertGreaterThan( $later->getTimestamp(), $calendar->next_try_at );
		$this->assertSame( self::without( '10:00', '11:00' ), $this->starts( '2030-01-08' ), 'The last good busy times still block.' );
		$health = SiteHealth::calendar_sync_test();
		$this->assertSame( 'recommended', $health['status'] );
		$this->assertStringContainsString( 'Not an iCalendar file', $health['description'] );
		$this->assertStringContainsString( 'Ana Silva', $health['description'] );
		$this->assertStringNotContainsString( 'flaky', $health['description'], 'The address\'s path stays hidden.' );

		$this->write( 'flaky', self::one_event( '20300108T100000', '20300108T110000' ) . "\r\n" );
		$this->assertSame( '', $this->sync->sync( $calendar, $later->modify( '+1 hour' ) )->last_error );
		$this->assertSame( 'good', SiteHealth::calendar_sync_test()['status'] );
	}

	public function test_a_malformed_file_or_a_server_error_stores_nothing_and_says_why(): void {
		$malformed = $this->synced( $this->fixture_url( 'malformed.ics' ) );
		$failing   = $this->synced( $this->fixture_url( 'error-500.ics' ) );

		$this->assertStringContainsString( 'Not an iCalendar file', $malformed->last_error );
		$this->assertSame( 'The server answered HTTP 500.', $failing->last_error );
		$this->assertSame( 0, $failing->last_success_at );
		$this->assertSame( array(), $this->calendars->busy_of_calendar( $malformed->id ) );
		$this->assertSame( self::FULL_DAY, $this->starts( Fixtures::MONDAY ) );
	}

	public function test_removing_a_calendar_frees_its_busy_times(): void {
		$calendar = $this->synced( $this->fixture_url( 'google-export.ics' ) );

		$this->calendars->delete( $calendar->id );

		$this->assertSame( self::FULL_DAY, $this->starts( Fixtures::MONDAY ) );
		$this->assertNull( $this->calendars->find( $calendar->id ) );
	}

	/**
	 * Adds a calendar for the employee and syncs it at the tests' "now".
	 *
	 * @param string $url Its address.
	 */
	private function synced( string $url ): ExternalCalendar {
		return $this->sync->sync( $this->calendars->insert( $this->employee->id, $url ), Fixtures::now() );
	}

	/**
	 * The slot starts (H:i) of one local date.
	 *
	 * @param string $date Y-m-d.
	 * @return string[]
	 */
	private function starts( string $date ): array {
		$slots = $this->availability->days( $this->service, $this->employee, $date, $date, Fixtures::now() )[ $date ];
		return array_map( static fn( Slot $slot ): string => $slot->start->format( 'H:i' ), $slots );
	}

	/**
	 * The full day without the 30-minute starts that overlap [from, to).
	 *
	 * @param string $from H:i.
	 * @param string $to   H:i.
	 * @return string[]
	 */
	private static function without( string $from, string $to ): array {
		$minutes = static fn( string $time ): int => (int) substr( $time, 0, 2 ) * 60 + (int) substr( $time, 3, 2 );
		return array_values( array_filter( self::FULL_DAY, static fn( string $start ): bool => ! ( $minutes( $start ) < $minutes( $to ) && $minutes( $from ) < $minutes( $start ) + 30 ) ) );
	}

	/**
	 * The address of a fixed fixture.
	 *
	 * @param string $name File name in tests/fixtures/ics.
	 */
	private function fixture_url( string $name ): string {
		return APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/' . $name;
	}

	/**
	 * Writes a calendar nginx serves, and its address.
	 *
	 * @param string $name A name unique in this test.
	 * @param string $text The calendar.
	 */
	private function written_url( string $name, string $text ): string {
		$this->write( $name, $text );
		return APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/written/' . $this->file_name( $name );
	}

	/**
	 * Writes (or rewrites) a served calendar; its modification time moves on,
	 * so nginx's ETag changes even within one second.
	 *
	 * @param string $name A name unique in this test.
	 * @param string $text The calendar.
	 */
	private function write( string $name, string $text ): void {
		$folder = appointease_tests_stack()['runtime'] . '/test-calendars';
		wp_mkdir_p( $folder );
		$file    = $folder . '/' . $this->file_name( $name );
		$earlier = is_file( $file ) ? (int) filemtime( $file ) : 0;
		file_put_contents( $file, $text ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- the served folder.
		touch( $file, max( time(), $earlier + 2 ) );
		clearstatcache();
		$this->written[] = $file;
	}

	/**
	 * A file name no other test (or parallel run) uses.
	 *
	 * @param string $name A name unique in this test.
	 */
	private function file_name( string $name ): string {
		return $name . '-' . getmypid() . '-' . $this->employee->id . '.ics';
	}

	/**
	 * A calendar with one event, local Berlin times.
	 *
	 * @param string $start Ymd\THis.
	 * @param string $end   Ymd\THis.
	 */
	private static function one_event( string $start, string $end ): string {
		return implode(
			"\r\n",
			array(
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'PRODID:-//AppointEase tests//EN',
				'BEGIN:VEVENT',
				'UID:one-event@example.com',
				'DTSTAMP:20291215T120000Z',
				'DTSTART;TZID=Europe/Berlin:' . $start,
				'DTEND;TZID=Europe/Berlin:' . $end,
				'SUMMARY:Busy',
				'END:VEVENT',
				'END:VCALENDAR',
			)
		) . "\r\n";
	}
}
