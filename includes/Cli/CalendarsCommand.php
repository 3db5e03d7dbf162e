<?php
/**
 * `wp appointease calendars`.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Cli;

use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Sync\CalendarSync;
use AppointEase\Sync\ExternalCalendar;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Sync\ExternalCalendars;
use AppointEase\Sync\FeedKeys;
use WP_CLI;
use WP_CLI\Formatter;

defined( 'ABSPATH' ) || exit;

/**
 * Calendar sync: each employee's private feed address, and the outside
 * calendars whose busy times are kept off the booking page.
 *
 * Events of an outside calendar that are this site's own bookings (their UID
 * is one of ours) are ignored, so importing an employee's feed back blocks nothing.
 */
final class CalendarsCommand {

	/**
	 * Prints a feed address, making one when there is none.
	 *
	 * Only a hash of a feed's secret is stored, so an existing address cannot
	 * be shown again: --regenerate makes a new one, and the old one stops at once.
	 *
	 * ## OPTIONS
	 *
	 * <employee>
	 * : The employee's id, or "all" for the all-employees feed.
	 *
	 * [--regenerate]
	 * : Make a new address; the old one answers 404 from now on.
	 *
	 * ## EXAMPLES
	 *
	 *     # A first address for employee 3.
	 *     $ wp appointease calendars feed-url 3
	 *
	 *     # Replace the all-employees feed's address.
	 *     $ wp appointease calendars feed-url all --regenerate
	 *
	 * @subcommand feed-url
	 *
	 * @param string[]             $args       The employee.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function feed_url( array $args, array $assoc_args ): void {
		$owner = FeedKeys::ALL === $args[0] ? FeedKeys::ALL : (string) self::employee_id( $args[0] );
		if ( null !== FeedKeys::created( $owner ) && empty( $assoc_args['regenerate'] ) ) {
			WP_CLI::error( 'This feed has an address already. Only its hash is stored, so it cannot be shown again; use --regenerate for a new one (the old one stops at once).' );
		}
		$urls = FeedKeys::urls( FeedKeys::regenerate( $owner ) );
		WP_CLI::line( $urls['https'] );
		WP_CLI::line( $urls['webcal'] );
	}

	/**
	 * Adds an outside calendar to an employee and syncs it.
	 *
	 * ## OPTIONS
	 *
	 * <employee>
	 * : The employee's id.
	 *
	 * <url>
	 * : The calendar's address (https://, http:// or webcal://).
	 *
	 * [--porcelain]
	 * : Print only the new calendar's id.
	 *
	 * ## EXAMPLES
	 *
	 *     # Google's "secret address in iCal format".
	 *     $ wp appointease calendars add 3 https://calendar.google.com/calendar/ical/…/basic.ics
	 *
	 * @param string[]             $args       Employee and address.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function add( array $args, array $assoc_args ): void {
		$employee_id = self::employee_id( $args[0] );
		$url         = ExternalCalendars::normalise( $args[1] ?? '' );
		if ( null === $url ) {
			WP_CLI::error( 'This is not a calendar address. Give the full https:// or webcal:// address.' );
			return;
		}
		if ( ! ExternalCalendars::is_public( $url ) ) {
			WP_CLI::error( 'This site does not fetch this address: it points inside a private network or to an unusual port. See docs/admin.md for allowing a calendar server inside your network.' );
			return;
		}
		$calendars = new ExternalCalendarRepository();
		$sync      = new CalendarSync( $calendars );
		$calendar  = $sync->sync( $calendars->insert( $employee_id, $url ) );
		$sync->schedule_next();
		if ( ! empty( $assoc_args['porcelain'] ) ) {
			WP_CLI::line( (string) $calendar->id );
			return;
		}
		self::report( $calendar, sprintf( 'Added calendar %d.', $calendar->id ) );
	}

	/**
	 * Lists outside calendars and how their last sync went.
	 *
	 * ## OPTIONS
	 *
	 * [<employee>]
	 * : Only this employee's.
	 *
	 * [--format=<format>]
	 * : Output format.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease calendars list 3 --format=json
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Optional employee.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$employee_id = isset( $args[0] ) ? self::employee_id( $args[0] ) : null;
		$rows        = array_map( static fn( ExternalCalendar $calendar ): array => $calendar->to_array(), ( new ExternalCalendarRepository() )->all( $employee_id ) );
		( new Formatter( $assoc_args, array( 'id', 'employee', 'url', 'last_attempt', 'last_success', 'next_try', 'error' ), 'calendar' ) )->display_items( $rows );
	}

	/**
	 * Removes an outside calendar and its busy times.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The calendar's id (see `list`).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease calendars remove 7
	 *
	 * @param string[]             $args       The calendar.
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function remove( array $args, array $assoc_args ): void {
		unset( $assoc_args );
		$calendars = new ExternalCalendarRepository();
		$calendar  = $calendars->find( (int) $args[0] );
		if ( null === $calendar ) {
			WP_CLI::error( sprintf( 'No outside calendar has id %s.', $args[0] ) );
			return;
		}
		$calendars->delete( $calendar->id );
		WP_CLI::success( sprintf( 'Removed calendar %d.', $calendar->id ) );
	}

	/**
	 * Fetches outside calendars now, due or not.
	 *
	 * ## OPTIONS
	 *
	 * [--employee=<id>]
	 * : Only this employee's.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp appointease calendars sync --employee=3
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function sync( array $args, array $assoc_args ): void {
		unset( $args );
		$employee_id = isset( $assoc_args['employee'] ) ? self::employee_id( (string) $assoc_args['employee'] ) : null;
		$calendars   = new ExternalCalendarRepository();
		$sync        = new CalendarSync( $calendars );
		$failed      = 0;
		foreach ( $calendars->all( $employee_id ) as $calendar ) {
			$calendar = $sync->sync( $calendar );
			$failed  += '' === $calendar->last_error ? 0 : 1;
			self::report( $calendar, sprintf( 'Synced calendar %d.', $calendar->id ) );
		}
		$sync->schedule_next();
		if ( $failed > 0 ) {
			WP_CLI::halt( 1 );
		}
	}

	/**
	 * Says how a sync went.
	 *
	 * @param ExternalCalendar $calendar The calendar after it.
	 * @param string           $success  What to say when it worked.
	 */
	private static function report( ExternalCalendar $calendar, string $success ): void {
		if ( '' === $calendar->last_error ) {
			WP_CLI::success( $success );
			return;
		}
		WP_CLI::warning( sprintf( 'Calendar %d: %s The last good busy times stay; next try %s.', $calendar->id, $calendar->last_error, gmdate( 'Y-m-d H:i:s', $calendar->next_try_at ) . ' UTC' ) );
	}

	/**
	 * An existing employee's id, or an error.
	 *
	 * @param string $value What was given.
	 */
	private static function employee_id( string $value ): int {
		if ( ! ctype_digit( $value ) || null === ( new EmployeeRepository() )->find( (int) $value ) ) {
			WP_CLI::error( sprintf( 'No employee has id %s.', $value ) );
		}
		return (int) $value;
	}
}
