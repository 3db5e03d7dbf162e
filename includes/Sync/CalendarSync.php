<?php
/**
 * Fetches outside calendars and stores their busy times.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use AppointEase\Booking\Calendars;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Transaction;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The sync job. Each calendar is fetched with `wp_safe_remote_get` (no
 * addresses inside the private network, a timeout, a size cap) and a
 * conditional request, parsed by BusyParser over the booking horizon, and
 * its busy intervals replace the stored ones in one transaction. A fetch
 * that fails or returns garbage changes nothing stored but the error and the
 * next try, so the last good busy times keep blocking.
 *
 * One WP-Cron single event is set for the earliest next fetch; the hourly
 * housekeeping runs the job too, in case that event was lost.
 */
final class CalendarSync {

	/** The cron hook. */
	public const HOOK = 'appointease_sync_calendars';

	/** Seconds a fetch may take. */
	public const TIMEOUT = 10;

	/** The largest calendar read, in bytes; a bigger one is refused rather than read in part. */
	public const MAX_BYTES = 2097152;

	/** The longest wait after failures, in seconds. */
	private const MAX_BACKOFF = 21600;

	/**
	 * Builds it.
	 *
	 * @param ExternalCalendarRepository $calendars Outside calendars.
	 * @param EmployeeRepository         $employees Employees, for their timezone.
	 */
	public function __construct(
		private readonly ExternalCalendarRepository $calendars = new ExternalCalendarRepository(),
		private readonly EmployeeRepository $employees = new EmployeeRepository()
	) {
	}

	/**
	 * Adds the hooks.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run_due_now' ) );
		add_action( Housekeeping::HOOK, array( self::class, 'run_due_now' ) );
	}

	/**
	 * Fetches every due calendar, then sets the event for the next one.
	 */
	public static function run_due_now(): void {
		$sync = new self();
		foreach ( $sync->calendars->due( time() ) as $calendar ) {
			$sync->sync( $calendar );
		}
		$sync->schedule_next();
	}

	/**
	 * Sets the single cron event for the earliest next fetch (at least a minute ahead).
	 */
	public function schedule_next(): void {
		$next = $this->calendars->next_due();
		wp_clear_scheduled_hook( self::HOOK );
		if ( null !== $next ) {
			wp_schedule_single_event( max( $next, time() + 60 ), self::HOOK );
		}
	}

	/**
	 * Fetches one calendar now and stores what it says.
	 *
	 * @param ExternalCalendar        $calendar The calendar.
	 * @param \DateTimeImmutable|null $at       The current instant (tests pass one); null for the real time.
	 * @return ExternalCalendar The calendar after the fetch.
	 */
	public function sync( ExternalCalendar $calendar, ?\DateTimeImmutable $at = null ): ExternalCalendar {
		$now = null === $at ? time() : $at->getTimestamp();
		try {
			$this->fetch_and_store( $calendar, $now );
			$this->calendars->record(
				$calendar->id,
				array(
					'last_attempt_at' => $now,
					'last_success_at' => $now,
					'next_try_at'     => $now + 60 * Settings::int( 'calendar_sync_minutes' ),
					'failures'        => 0,
					'last_error'      => '',
				)
			);
		} catch ( \RuntimeException | \InvalidArgumentException $failure ) {
			$failures = $calendar->failures + 1;
			$this->calendars->record(
				$calendar->id,
				array(
					'last_attempt_at' => $now,
					// 5, 10, 20 … minutes, at most six hours.
					'next_try_at'     => $now + min( self::MAX_BACKOFF, 300 * 2 ** min( 10, $failures - 1 ) ),
					'failures'        => $failures,
					'last_error'      => mb_substr( $failure->getMessage(), 0, 250 ),
				)
			);
		}//end try
		return $this->calendars->find( $calendar->id ) ?? $calendar;
	}

	/**
	 * Fetches, parses and stores; throws on anything short of usable busy times.
	 *
	 * @param ExternalCalendar $calendar The calendar.
	 * @param int              $now      Unix seconds.
	 * @throws \RuntimeException When the fetch fails or the answer is not usable (BusyParser throws \InvalidArgumentException for one that is not a calendar).
	 */
	private function fetch_and_store( ExternalCalendar $calendar, int $now ): void {
		$employee = $this->employees->find( $calendar->employee_id );
		if ( null === $employee ) {
			throw new \RuntimeException( 'The employee of this calendar no longer exists.' );
		}
		if ( ! ExternalCalendars::is_public( $calendar->url ) ) {
			// Checked again at each fetch: the name may point inside the network by now.
			throw new \RuntimeException( 'This address now points inside a private network or to a port this site does not fetch from.' );
		}
		$headers = array( 'Accept' => 'text/calendar, */*;q=0.5' );
		if ( '' !== $calendar->etag ) {
			$headers['If-None-Match'] = $calendar->etag;
		}
		if ( '' !== $calendar->last_modified ) {
			$headers['If-Modified-Since'] = $calendar->last_modified;
		}
		$response = wp_safe_remote_get(
			$calendar->url,
			array(
				'timeout'             => self::TIMEOUT,
				'redirection'         => 3,
				'limit_response_size' => self::MAX_BYTES + 1,
				'headers'             => $headers,
				'user-agent'          => 'AppointEase/' . APPOINTEASE_VERSION . '; ' . home_url( '/' ),
			)
		);
		if ( is_wp_error( $response ) ) {
			throw new \RuntimeException( 'Fetching failed: ' . $response->get_error_message() );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 304 === $status ) {
			// Unchanged: the stored busy times stand.
			return;
		}
		if ( 200 !== $status ) {
			throw new \RuntimeException( sprintf( 'The server answered HTTP %d.', $status ) );
		}
		$body = wp_remote_retrieve_body( $response );
		if ( strlen( $body ) > self::MAX_BYTES ) {
			throw new \RuntimeException( sprintf( 'The calendar is larger than %d MB.', self::MAX_BYTES / 1048576 ) );
		}
		$timezone  = $employee->timezone( wp_timezone() );
		$from      = ( new \DateTimeImmutable( '@' . $now ) )->modify( '-1 day' );
		$to        = ( new \DateTimeImmutable( '@' . $now ) )->modify( '+' . ( Settings::int( 'horizon_days' ) + 2 ) . ' days' );
		$intervals = BusyParser::intervals( $body, $from, $to, $timezone );
		$old       = $this->calendars->busy_of_calendar( $calendar->id );
		Transaction::run(
			function () use ( $calendar, $intervals, $response, $old, $timezone, $now ): void {
				$this->calendars->replace_busy( $calendar, $intervals );
				$this->calendars->record(
					$calendar->id,
					array(
						'etag'          => mb_substr( self::header( $response, 'etag' ), 0, 255 ),
						'last_modified' => mb_substr( self::header( $response, 'last-modified' ), 0, 64 ),
					)
				);
				$this->bump_changed_dates( $calendar->employee_id, $old, $intervals, $timezone, $now );
			}
		);
	}

	/**
	 * Bumps the version of every local date whose busy times changed, so
	 * open booking pages (which compare versions) fetch its slots again.
	 *
	 * @param int                               $employee_id Employee.
	 * @param array<int, array{0: int, 1: int}> $old         Busy intervals before.
	 * @param array<int, array{0: int, 1: int}> $new         Busy intervals now.
	 * @param \DateTimeZone                     $timezone    The employee's timezone.
	 * @param int                               $now         Unix seconds.
	 */
	private function bump_changed_dates( int $employee_id, array $old, array $new, \DateTimeZone $timezone, int $now ): void {
		$key     = static fn( array $interval ): string => $interval[0] . '-' . $interval[1];
		$changed = array_merge(
			array_diff_key( array_combine( array_map( $key, $old ), $old ), array_flip( array_map( $key, $new ) ) ),
			array_diff_key( array_combine( array_map( $key, $new ), $new ), array_flip( array_map( $key, $old ) ) )
		);
		$dates   = array();
		$to      = ( new \DateTimeImmutable( '@' . $now ) )->modify( '+' . ( Settings::int( 'horizon_days' ) + 3 ) . ' days' );
		foreach ( $changed as $interval ) {
			$day  = ( new \DateTimeImmutable( '@' . $interval[0] ) )->setTimezone( $timezone )->setTime( 0, 0 );
			$last = ( new \DateTimeImmutable( '@' . ( $interval[1] - 1 ) ) )->setTimezone( $timezone )->format( 'Y-m-d' );
			$date = $day->format( 'Y-m-d' );
			// At most the horizon's days, whatever a feed says.
			while ( $date <= $last && $day < $to ) {
				$dates[ $date ] = true;
				$day            = $day->modify( '+1 day' );
				$date           = $day->format( 'Y-m-d' );
			}
		}
		$versions = new Calendars();
		foreach ( array_keys( $dates ) as $date ) {
			list( $previous, $version ) = $versions->bump( $employee_id, (string) $date );
			/** This action is documented in includes/Booking/BookingService.php */
			do_action(
				'appointease_slot_changed',
				array(
					'employee_id'      => $employee_id,
					'date'             => (string) $date,
					'previous_version' => $previous,
					'version'          => $version,
					'booking_id'       => null,
					'hold_id'          => null,
					'service_id'       => null,
					'start'            => null,
					'end'              => null,
					'previous'         => null,
					'current'          => 'busy',
				)
			);
		}
	}

	/**
	 * One header of an answer ('' when absent; the last one when repeated).
	 *
	 * @param array<string, mixed> $response The answer of wp_safe_remote_get().
	 * @param string               $name     The header's name.
	 */
	private static function header( array $response, string $name ): string {
		$value = wp_remote_retrieve_header( $response, $name );
		return is_array( $value ) ? (string) end( $value ) : $value;
	}

	/**
	 * Removes the event; on deactivation and uninstall.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
