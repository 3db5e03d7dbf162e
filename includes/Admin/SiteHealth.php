<?php
/**
 * Site Health: which hold store serves, and the plugin's state.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Admin;

use AppointEase\Booking\BookingRepository;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Holds\HoldStoreFactory;
use AppointEase\Holds\Housekeeping;
use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Notifications\EmailTemplates;
use AppointEase\Notifications\ManageLink;
use AppointEase\Notifications\Outbox;
use AppointEase\Reminders\ReminderJob;
use AppointEase\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Adds tests to Tools → Site Health (is Redis serving the holds, or the
 * database store, and why; are the tables current; does the hourly purge
 * run; is the database error page in place) and an "AppointEase" section to
 * its Info tab.
 */
final class SiteHealth {

	/**
	 * Hooks both in.
	 */
	public static function register(): void {
		add_filter( 'site_status_tests', array( self::class, 'add_tests' ) );
		add_filter( 'debug_information', array( self::class, 'add_debug_information' ) );
	}

	/** How late the hourly purge may run before the test says WP-Cron is not running. */
	private const CRON_GRACE = 2 * HOUR_IN_SECONDS;

	/**
	 * Adds the tests; hooked to `site_status_tests`.
	 *
	 * @param array<string, mixed> $tests Core's tests.
	 * @return array<string, mixed>
	 */
	public static function add_tests( $tests ) {
		$tests['direct']['appointease_hold_store']     = array(
			'label' => __( 'AppointEase hold store', 'appointease' ),
			'test'  => array( self::class, 'hold_store_test' ),
		);
		$tests['direct']['appointease_schema_version'] = array(
			'label' => __( 'AppointEase database tables', 'appointease' ),
			'test'  => array( self::class, 'schema_test' ),
		);
		$tests['direct']['appointease_scheduled_jobs'] = array(
			'label' => __( 'AppointEase scheduled jobs', 'appointease' ),
			'test'  => array( self::class, 'scheduled_jobs_test' ),
		);
		$tests['direct']['appointease_reminders']      = array(
			'label' => __( 'AppointEase reminder emails', 'appointease' ),
			'test'  => array( self::class, 'reminders_test' ),
		);
		$tests['direct']['appointease_email_delivery'] = array(
			'label' => __( 'AppointEase email delivery', 'appointease' ),
			'test'  => array( self::class, 'email_delivery_test' ),
		);
		$tests['direct']['appointease_db_error_page']  = array(
			'label' => __( 'AppointEase database error page', 'appointease' ),
			'test'  => array( self::class, 'db_error_page_test' ),
		);
		$tests['direct']['appointease_calendar_sync']  = array(
			'label' => __( 'AppointEase outside calendars', 'appointease' ),
			'test'  => array( self::class, 'calendar_sync_test' ),
		);
		return $tests;
	}

	/**
	 * Whether every outside calendar's last fetch worked; a failing one keeps
	 * its last good busy times, and this says which, why, and when it is tried again.
	 *
	 * @return array<string, mixed>
	 */
	public static function calendar_sync_test(): array {
		$failing = array();
		$names   = array();
		foreach ( ( new \AppointEase\Sync\ExternalCalendarRepository() )->all() as $calendar ) {
			if ( '' === $calendar->last_error ) {
				continue;
			}
			$names[ $calendar->employee_id ] ??= ( new \AppointEase\Catalog\EmployeeRepository() )->find( $calendar->employee_id )->name ?? '';
			$failing[]                         = sprintf(
				/* translators: 1: employee name, 2: where the calendar is, 3: the error, 4: date and time of the last success or "never", 5: date and time of the next try. */
				__( '%1$s, %2$s: %3$s Last success: %4$s. Next try: %5$s.', 'appointease' ),
				$names[ $calendar->employee_id ],
				$calendar->masked_url(),
				$calendar->last_error,
				0 === $calendar->last_success_at ? __( 'never', 'appointease' ) : wp_date( 'Y-m-d H:i', $calendar->last_success_at ),
				wp_date( 'Y-m-d H:i', $calendar->next_try_at )
			);
		}
		if ( array() !== $failing ) {
			return self::result(
				'appointease_calendar_sync',
				'recommended',
				/* translators: %d: how many calendars. */
				sprintf( _n( '%d outside calendar cannot be read', '%d outside calendars cannot be read', count( $failing ), 'appointease' ), count( $failing ) ),
				__( 'Until they can be read again, their last good busy times keep blocking bookings. Check the address on the employee\'s screen.', 'appointease' ) . ' ' . implode( ' ', $failing )
			);
		}
		return self::result(
			'appointease_calendar_sync',
			'good',
			__( 'Outside calendars are read', 'appointease' ),
			__( 'Every employee\'s outside calendar was read the last time it was fetched.', 'appointease' )
		);
	}

	/**
	 * Whether wp-content holds the plugin's db-error.php drop-in.
	 *
	 * @return array<string, mixed>
	 */
	public static function db_error_page_test(): array {
		return self::db_error_page_result( WP_CONTENT_DIR . '/db-error.php' );
	}

	/**
	 * The database error page test for a drop-in path. The plugin does not
	 * copy the file itself: drop-ins belong to the site owner, and a site may
	 * have its own.
	 *
	 * @param string $installed Where WordPress looks for the drop-in.
	 * @return array<string, mixed>
	 */
	public static function db_error_page_result( string $installed ): array {
		$shipped = APPOINTEASE_DIR . 'dropins/db-error.php';
		if ( ! is_readable( $installed ) ) {
			return self::result(
				'appointease_db_error_page',
				'recommended',
				__( 'The database error page is not installed', 'appointease' ),
				/* translators: 1: the drop-in in the plugin folder, 2: where it goes. */
				sprintf( __( 'While the database is down or restarting, WordPress answers every request, bookings included, with a 500 error page, and visitors are not told to try again. Copy %1$s to %2$s: it answers 503 with Retry-After, which the booking page turns into "try again in a moment".', 'appointease' ), $shipped, $installed )
			);
		}
		if ( md5_file( $installed ) !== md5_file( $shipped ) ) {
			return self::result(
				'appointease_db_error_page',
				'good',
				__( 'The site has its own database error page', 'appointease' ),
				/* translators: %s: the plugin's drop-in. */
				sprintf( __( 'WordPress sends this site\'s db-error.php while the database is down. For booking requests to be told to try again, it should answer 503 with Retry-After, as %s does.', 'appointease' ), $shipped )
			);
		}
		return self::result(
			'appointease_db_error_page',
			'good',
			__( 'The database error page is installed', 'appointease' ),
			__( 'While the database is down or restarting, the site answers 503 with Retry-After, and the booking page asks visitors to try again in a moment.', 'appointease' )
		);
	}

	/**
	 * Whether the tables are at the version this release expects.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema_test(): array {
		$installed = (int) get_option( Installer::VERSION_OPTION, 0 );
		if ( Schema::VERSION === $installed ) {
			return self::result(
				'appointease_schema_version',
				'good',
				__( 'The AppointEase tables are up to date', 'appointease' ),
				/* translators: %d: the schema version. */
				sprintf( __( 'The booking tables are at version %d, as this release of AppointEase expects.', 'appointease' ), Schema::VERSION )
			);
		}
		return self::result(
			'appointease_schema_version',
			'critical',
			__( 'The AppointEase tables are out of date', 'appointease' ),
			/* translators: 1: the installed schema version, 2: the version this release expects. */
			sprintf( __( 'The booking tables are at version %1$d, but this release of AppointEase expects version %2$d. It upgrades them on the next page load; if this message stays, deactivate and activate the plugin, and make sure the database user may create and alter tables.', 'appointease' ), $installed, Schema::VERSION )
		);
	}

	/**
	 * Whether the hourly purge of old hold records is scheduled and running.
	 * Holds expire on time without it; only their records pile up.
	 *
	 * @return array<string, mixed>
	 */
	public static function scheduled_jobs_test(): array {
		$next = wp_next_scheduled( Housekeeping::HOOK );
		if ( false === $next ) {
			return self::result(
				'appointease_scheduled_jobs',
				'recommended',
				__( 'The hourly purge of old holds is not scheduled', 'appointease' ),
				__( 'Holds still expire on time, but the records of old holds are not deleted. Deactivate and activate AppointEase to schedule the purge again, or run "wp appointease holds purge" from time to time.', 'appointease' )
			);
		}
		if ( $next < time() - self::CRON_GRACE ) {
			return self::result(
				'appointease_scheduled_jobs',
				'recommended',
				__( 'The hourly purge of old holds is overdue', 'appointease' ),
				/* translators: %s: how long ago, e.g. "3 hours". */
				sprintf( __( 'The purge was due %s ago, so WP-Cron does not seem to run. If DISABLE_WP_CRON is set, make sure a system cron job calls wp-cron.php.', 'appointease' ), human_time_diff( $next ) )
			);
		}
		return self::result(
			'appointease_scheduled_jobs',
			'good',
			__( 'The hourly purge of old holds is scheduled', 'appointease' ),
			/* translators: %s: a time span, e.g. "35 mins". */
			sprintf( __( 'It runs next in %s.', 'appointease' ), human_time_diff( time(), max( time(), $next ) ) )
		);
	}

	/** Minutes a due reminder may wait before the test says the job is not running. */
	public const REMINDER_GRACE_MINUTES = 15;

	/**
	 * Whether reminders go out on time: due reminders nobody sent for more
	 * than 15 minutes mean the job does not run (WP-Cron off or starved).
	 *
	 * @param \DateTimeImmutable|null $now The instant to judge at; the real time when null.
	 * @return array<string, mixed>
	 */
	public static function reminders_test( ?\DateTimeImmutable $now = null ): array {
		$now   ??= new \DateTimeImmutable( 'now' );
		$late    = 0;
		$oldest  = $now->getTimestamp();
		$waiting = ReminderJob::create_default()->due( $now );
		foreach ( $waiting as $decision ) {
			// Only what a run would send: a reminder it would skip (booked inside its window) is no sign of a stopped job.
			if ( null === $decision['skip'] && $decision['due']->getTimestamp() < $now->getTimestamp() - self::REMINDER_GRACE_MINUTES * MINUTE_IN_SECONDS ) {
				++$late;
				$oldest = min( $oldest, $decision['due']->getTimestamp() );
			}
		}
		if ( $late > 0 ) {
			return self::result(
				'appointease_reminders',
				'critical',
				/* translators: %d: how many reminders. */
				sprintf( _n( '%d reminder email is late', '%d reminder emails are late', $late, 'appointease' ), $late ),
				/* translators: %s: how long ago, e.g. "3 hours". */
				sprintf( __( 'A reminder was due %s ago and has not been sent, so the reminder job does not run. WP-Cron runs only when someone visits the site; if DISABLE_WP_CRON is set, or the site has few visitors, add a system cron job that runs "wp appointease reminders run" every minute (see docs/operations.md).', 'appointease' ), human_time_diff( $oldest, $now->getTimestamp() ) )
			);
		}
		return self::result(
			'appointease_reminders',
			'good',
			__( 'Reminder emails go out on time', 'appointease' ),
			__( 'No reminder is waiting longer than 15 minutes.', 'appointease' )
		);
	}

	/** Minutes an email may keep failing before the test speaks up (a few retries' worth). */
	public const EMAIL_GRACE_MINUTES = 15;

	/** Days a given-up email stays on the report. */
	public const GIVEN_UP_DAYS = 7;

	/**
	 * Whether emails reach the mail server: emails failing for longer than
	 * 15 minutes, or given up (after three days of failures) in the last week,
	 * mean customers do not get their confirmations and reminders.
	 *
	 * @param int|null $now The instant to judge at; the real time when null.
	 * @return array<string, mixed>
	 */
	public static function email_delivery_test( ?int $now = null ): array {
		$now    ??= time();
		$failing  = array_filter(
			( new Outbox() )->waiting( 1000 ),
			static fn( array $row ): bool => $row['attempts'] > 0 && $row['created_at'] < $now - self::EMAIL_GRACE_MINUTES * MINUTE_IN_SECONDS
		);
		$given_up = Outbox::given_up();
		$lost     = $given_up['count'] > 0 && $given_up['last_at'] > $now - self::GIVEN_UP_DAYS * DAY_IN_SECONDS;
		$fix      = __( 'Check the site\'s mail settings (an SMTP plugin\'s host, port and password, or the server\'s mail setup); once emails go out, "wp appointease emails send --all" sends what waits at once (see docs/operations.md).', 'appointease' );
		if ( array() !== $failing ) {
			$oldest = reset( $failing );
			return self::result(
				'appointease_email_delivery',
				'critical',
				/* translators: %d: how many emails. */
				sprintf( _n( '%d email cannot be sent', '%d emails cannot be sent', count( $failing ), 'appointease' ), count( $failing ) ),
				sprintf(
					/* translators: 1: how long ago, e.g. "2 hours"; 2: the mail server's error; 3: how to fix it. */
					__( 'The oldest has been waiting for %1$s; the last attempt failed with: %2$s. They are tried again for three days, then given up. %3$s', 'appointease' ),
					human_time_diff( $oldest['created_at'], $now ),
					'' === $oldest['last_error'] ? __( 'no error given', 'appointease' ) : $oldest['last_error'],
					$fix
				)
			);
		}
		if ( $lost ) {
			return self::result(
				'appointease_email_delivery',
				'critical',
				__( 'Emails were given up', 'appointease' ),
				sprintf(
					/* translators: 1: how many emails in all; 2: how long ago; 3: the email's subject; 4: the error; 5: how to fix it. */
					__( '%1$d email(s) never reached the mail server after three days of attempts. The last, %2$s ago, was "%3$s" (error: %4$s). Let the customers concerned know another way. %5$s', 'appointease' ),
					$given_up['count'],
					human_time_diff( $given_up['last_at'], $now ),
					$given_up['subject'],
					$given_up['error'],
					$fix
				)
			);
		}
		return self::result(
			'appointease_email_delivery',
			'good',
			__( 'Emails reach the mail server', 'appointease' ),
			__( 'No email has been failing for longer than 15 minutes, and none was given up in the last week.', 'appointease' )
		);
	}

	/**
	 * A test result in the shape Site Health wants.
	 *
	 * @param string $test        The test's id.
	 * @param string $status      good, recommended or critical.
	 * @param string $label       The headline.
	 * @param string $description Plain text; escaped here.
	 * @return array<string, mixed>
	 */
	private static function result( string $test, string $status, string $label, string $description ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'AppointEase', 'appointease' ),
				'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
			),
			'description' => '<p>' . esc_html( $description ) . '</p>',
			'test'        => $test,
		);
	}

	/**
	 * The hold store test.
	 *
	 * @return array<string, mixed>
	 */
	public static function hold_store_test(): array {
		$status = HoldStoreFactory::shared()->status();
		$result = array(
			'label'       => __( 'Redis keeps the visitors\' holds', 'appointease' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Performance', 'appointease' ),
				'color' => 'blue',
			),
			'description' => '<p>' . esc_html(
				/* translators: %s: milliseconds. */
				sprintf( __( 'Redis answered in %s ms. Holds and live availability are served from memory.', 'appointease' ), number_format_i18n( (float) $status['latency_ms'], 2 ) )
			) . '</p>',
			'test'        => 'appointease_hold_store',
		);
		if ( ! $status['configured'] ) {
			$result['label']       = __( 'The database keeps the visitors\' holds', 'appointease' );
			$result['description'] = '<p>' . esc_html__( 'No Redis is configured, so AppointEase keeps holds in the database. That is correct and safe; on a busy site, Redis makes the 1-second availability checks cheaper. Define APPOINTEASE_REDIS_HOST in wp-config.php to use it.', 'appointease' ) . '</p>';
		} elseif ( 'redis' !== $status['store'] ) {
			$result['label']       = __( 'Redis is configured but does not answer; the database keeps the holds', 'appointease' );
			$result['status']      = 'critical';
			$result['badge']       = array(
				'label' => __( 'Performance', 'appointease' ),
				'color' => 'red',
			);
			$result['description'] = '<p>' . esc_html__( 'AppointEase switched to its database store, so bookings keep working, but every visitor\'s availability check now costs database queries.', 'appointease' ) . '</p><p>' . esc_html( (string) $status['error'] ) . '</p>';
		}
		return $result;
	}

	/**
	 * Adds the AppointEase section to the Info tab; hooked to `debug_information`.
	 *
	 * @param array<string, mixed> $info Core's sections.
	 * @return array<string, mixed>
	 */
	public static function add_debug_information( $info ) {
		$status = HoldStoreFactory::shared()->status();
		$next   = wp_next_scheduled( Housekeeping::HOOK );

		$info['appointease'] = array(
			'label'  => __( 'AppointEase', 'appointease' ),
			'fields' => array(
				'schema'     => array(
					'label' => __( 'Database schema version', 'appointease' ),
					/* translators: 1: stored version, 2: version this code expects. */
					'value' => sprintf( __( '%1$d (expected %2$d)', 'appointease' ), (int) get_option( Installer::VERSION_OPTION, 0 ), Schema::VERSION ),
				),
				'hold_store' => array(
					'label' => __( 'Hold store in use', 'appointease' ),
					'value' => $status['store'],
				),
				'redis'      => array(
					'label' => __( 'Redis', 'appointease' ),
					'value' => $status['configured']
						/* translators: 1: "reachable" or "unreachable", 2: latency in ms or an error. */
						? sprintf( __( 'configured, %1$s (%2$s)', 'appointease' ), $status['reachable'] ? __( 'reachable', 'appointease' ) : __( 'unreachable', 'appointease' ), $status['reachable'] ? $status['latency_ms'] . ' ms' : (string) $status['error'] )
						: __( 'not configured', 'appointease' ),
				),
				'purge'      => array(
					'label' => __( 'Next purge of old holds', 'appointease' ),
					'value' => false === $next ? __( 'not scheduled', 'appointease' ) : gmdate( 'Y-m-d H:i:s', $next ) . ' UTC',
				),
			) + self::business_fields(),
		);
		return $info;
	}

	/**
	 * The settings and counts that explain how a site books.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function business_fields(): array {
		$yes_no   = static fn( bool $on ): string => $on ? __( 'yes', 'appointease' ) : __( 'no', 'appointease' );
		$services = ( new ServiceRepository() )->all( false );
		$staff    = ( new EmployeeRepository() )->all( false );
		$active   = static fn( array $items ): int => count( array_filter( $items, static fn( $item ): bool => $item->active ) );
		$linked   = count( array_filter( $staff, static fn( $employee ): bool => null !== $employee->wp_user_id ) );
		return array(
			'booking_page'      => array(
				'label' => __( 'Booking page (manage links lead here)', 'appointease' ),
				'value' => ManageLink::booking_page_url(),
			),
			'approval_required' => array(
				'label' => __( 'New bookings need approval', 'appointease' ),
				'value' => $yes_no( Settings::bool( 'approval_required' ) ),
			),
			'staff_emails'      => array(
				'label' => __( 'Booking emails to the employee / the admin', 'appointease' ),
				'value' => $yes_no( Settings::bool( EmailTemplates::NOTIFY_EMPLOYEE ) ) . ' / ' . $yes_no( Settings::bool( EmailTemplates::NOTIFY_ADMIN ) ),
			),
			'services'          => array(
				'label' => __( 'Services (active / all)', 'appointease' ),
				'value' => $active( $services ) . ' / ' . count( $services ),
			),
			'employees'         => array(
				/* translators: "linked": employees with a WordPress user. */
				'label' => __( 'Employees (active / all / linked to a user)', 'appointease' ),
				'value' => $active( $staff ) . ' / ' . count( $staff ) . ' / ' . $linked,
			),
			'bookings'          => array(
				'label' => __( 'Bookings', 'appointease' ),
				'value' => ( new BookingRepository() )->page( array(), 1, 1 )['total'],
			),
		);
	}
}
