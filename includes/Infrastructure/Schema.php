<?php
/**
 * The plugin's custom tables.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Infrastructure;

defined( 'ABSPATH' ) || exit;

/**
 * Table definitions in dbDelta format, and their names.
 *
 * All times are UTC. Two tables carry the no-double-booking guarantee:
 * `occupancy` holds one row per employee and 5-minute cell that a session
 * (service + start) covers, buffers included, so two different sessions can
 * never share a cell; `seats` holds one row per seat of a session, numbered
 * 1..capacity, so a session can never sell more seats than it has. Both rely
 * on their primary keys alone: a racing second writer gets a duplicate-key
 * error from the database, whatever checks it skipped. `sessions` records the
 * span and capacity each session was first booked with, so that a later
 * joiner meets those even after the service's duration, buffers or capacity
 * changed. `change_emails` holds one row per booking whose change emails
 * wait out their quiet period (Notifications\ChangeQueue). `reminders` holds
 * one row per (booking, kind, offset, appointment start) the reminder job has
 * taken: its primary key is the claim, so two runners never send one
 * reminder twice, and a moved booking's new start makes new keys.
 * `outbox` holds every email until it has been sent (Notifications\Outbox).
 * `limit_claims` holds one numbered row per booking and per-day or per-week
 * limit it counts against (Booking\LimitLedger): numbers run 1..limit, so its
 * primary key refuses the booking past a service's limit, as `seats` does
 * the seat past capacity. Version 10 changed no table: its upgrade gives
 * older bookings their claims (LimitLedger::claim_existing()).
 * A booking waiting for its customer's email confirmation keeps the
 * hash of the confirm link's token and its deadline in the bookings table,
 * and the answers to the booking form (JSON, `form_answers`, version 9).
 * `external_calendars` holds the outside calendar addresses of employees and
 * how their last fetch went; `busy_times` the busy intervals last read from
 * each (Sync\CalendarSync), which the slot engine treats like days off.
 */
final class Schema {

	/**
	 * Bump when a table definition changes; the installer then runs dbDelta again.
	 * Changes must be additive (dbDelta does not drop columns).
	 */
	public const VERSION = 10;

	/** Unprefixed names of every table this plugin owns. */
	public const TABLES = array(
		'services',
		'employees',
		'employee_services',
		'working_hours',
		'days_off',
		'bookings',
		'occupancy',
		'seats',
		'calendars',
		'holds',
		'rate_limits',
		'sessions',
		'change_emails',
		'reminders',
		'outbox',
		'limit_claims',
		'external_calendars',
		'busy_times',
	);

	/**
	 * The full, prefixed name of one of this plugin's tables.
	 *
	 * @param string $name One of self::TABLES.
	 */
	public static function table( string $name ): string {
		global $wpdb;
		return $wpdb->prefix . 'appointease_' . $name;
	}

	/**
	 * Creates missing tables and adds missing columns and keys.
	 */
	public static function create_or_update(): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta( self::statements() );
	}

	/**
	 * Drops every table this plugin owns. Used by uninstall only.
	 */
	public static function drop_all(): void {
		global $wpdb;
		foreach ( self::TABLES as $name ) {
			$wpdb->query( 'DROP TABLE IF EXISTS `' . self::table( $name ) . '`' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared,WordPress.DB.DirectDatabaseQuery,WordPress.DB.DirectDatabaseQuery.SchemaChange -- the name is built from a constant list.
		}
	}

	/**
	 * The CREATE TABLE statements, one field per line as dbDelta wants.
	 *
	 * @return string[]
	 */
	public static function statements(): array {
		global $wpdb;
		$charset = $wpdb->get_charset_collate();
		/**
		 * Table names by unprefixed name.
		 *
		 * @var array<string, string> $t
		 */
		$t = array();
		foreach ( self::TABLES as $name ) {
			$t[ $name ] = self::table( $name );
		}

		return array(
			"CREATE TABLE {$t['services']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(191) NOT NULL,
  description text NOT NULL,
  duration_minutes smallint(5) unsigned NOT NULL,
  buffer_before_minutes smallint(5) unsigned NOT NULL DEFAULT 0,
  buffer_after_minutes smallint(5) unsigned NOT NULL DEFAULT 0,
  capacity smallint(5) unsigned NOT NULL DEFAULT 1,
  price decimal(10,2) DEFAULT NULL,
  reminders varchar(200) DEFAULT NULL,
  cancel_cutoff_hours smallint(5) unsigned DEFAULT NULL,
  reschedule_cutoff_hours smallint(5) unsigned DEFAULT NULL,
  daily_limit smallint(5) unsigned NOT NULL DEFAULT 0,
  email_daily_limit smallint(5) unsigned NOT NULL DEFAULT 0,
  email_weekly_limit smallint(5) unsigned NOT NULL DEFAULT 0,
  active tinyint(1) unsigned NOT NULL DEFAULT 1,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY active (active)
) $charset;",
			"CREATE TABLE {$t['employees']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  name varchar(191) NOT NULL,
  email varchar(191) NOT NULL DEFAULT '',
  wp_user_id bigint(20) unsigned DEFAULT NULL,
  timezone varchar(64) NOT NULL DEFAULT '',
  active tinyint(1) unsigned NOT NULL DEFAULT 1,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY wp_user_id (wp_user_id),
  KEY active (active)
) $charset;",
			"CREATE TABLE {$t['employee_services']} (
  employee_id bigint(20) unsigned NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (employee_id,service_id),
  KEY service_id (service_id)
) $charset;",
			"CREATE TABLE {$t['working_hours']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  employee_id bigint(20) unsigned NOT NULL,
  weekday tinyint(1) unsigned NOT NULL,
  start_time time NOT NULL,
  end_time time NOT NULL,
  PRIMARY KEY  (id),
  KEY employee_weekday (employee_id,weekday)
) $charset;",
			"CREATE TABLE {$t['days_off']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  employee_id bigint(20) unsigned NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  reason varchar(191) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  KEY employee_dates (employee_id,start_date,end_date)
) $charset;",
			"CREATE TABLE {$t['bookings']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  employee_id bigint(20) unsigned NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  start_utc datetime NOT NULL,
  end_utc datetime NOT NULL,
  seats smallint(5) unsigned NOT NULL DEFAULT 1,
  status varchar(20) NOT NULL DEFAULT 'pending',
  customer_name varchar(191) NOT NULL,
  customer_email varchar(191) NOT NULL,
  customer_phone varchar(50) NOT NULL DEFAULT '',
  customer_notes text NOT NULL,
  manage_token_hash char(64) NOT NULL,
  idempotency_key_hash char(64) DEFAULT NULL,
  replay_seal varchar(200) DEFAULT NULL,
  verify_token_hash char(64) DEFAULT NULL,
  verify_expires_utc datetime DEFAULT NULL,
  form_answers longtext DEFAULT NULL,
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY manage_token_hash (manage_token_hash),
  UNIQUE KEY idempotency_key_hash (idempotency_key_hash),
  UNIQUE KEY verify_token_hash (verify_token_hash),
  KEY status_verify (status,verify_expires_utc),
  KEY employee_start (employee_id,start_utc),
  KEY status_start (status,start_utc),
  KEY customer_email (customer_email)
) $charset;",
			"CREATE TABLE {$t['occupancy']} (
  employee_id bigint(20) unsigned NOT NULL,
  cell_utc datetime NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  session_start_utc datetime NOT NULL,
  PRIMARY KEY  (employee_id,cell_utc),
  KEY session (employee_id,service_id,session_start_utc)
) $charset;",
			"CREATE TABLE {$t['seats']} (
  employee_id bigint(20) unsigned NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  session_start_utc datetime NOT NULL,
  seat_no smallint(5) unsigned NOT NULL,
  booking_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (employee_id,service_id,session_start_utc,seat_no),
  KEY booking_id (booking_id)
) $charset;",
			"CREATE TABLE {$t['calendars']} (
  employee_id bigint(20) unsigned NOT NULL,
  calendar_date date NOT NULL,
  version bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (employee_id,calendar_date)
) $charset;",
			"CREATE TABLE {$t['holds']} (
  id varchar(32) NOT NULL,
  token_hash char(64) NOT NULL,
  employee_id bigint(20) unsigned NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  start_utc datetime NOT NULL,
  end_utc datetime NOT NULL,
  occupied_start_utc datetime NOT NULL,
  occupied_end_utc datetime NOT NULL,
  seats smallint(5) unsigned NOT NULL DEFAULT 1,
  created_at bigint(20) unsigned NOT NULL,
  expires_at bigint(20) unsigned NOT NULL,
  max_expires_at bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY token_hash (token_hash),
  KEY employee_occupied (employee_id,occupied_start_utc),
  KEY max_expires_at (max_expires_at)
) $charset;",
			"CREATE TABLE {$t['sessions']} (
  employee_id bigint(20) unsigned NOT NULL,
  service_id bigint(20) unsigned NOT NULL,
  session_start_utc datetime NOT NULL,
  occupied_start_utc datetime NOT NULL,
  occupied_end_utc datetime NOT NULL,
  capacity smallint(5) unsigned NOT NULL,
  PRIMARY KEY  (employee_id,service_id,session_start_utc)
) $charset;",
			"CREATE TABLE {$t['change_emails']} (
  booking_id bigint(20) unsigned NOT NULL,
  first_at bigint(20) unsigned NOT NULL,
  due_at bigint(20) unsigned NOT NULL,
  changes int(10) unsigned NOT NULL DEFAULT 1,
  was_employee_id bigint(20) unsigned NOT NULL,
  was_start_utc datetime NOT NULL,
  was_end_utc datetime NOT NULL,
  was_status varchar(20) NOT NULL,
  claim char(32) NOT NULL DEFAULT '',
  claimed_until bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (booking_id),
  KEY due_at (due_at)
) $charset;",
			"CREATE TABLE {$t['reminders']} (
  booking_id bigint(20) unsigned NOT NULL,
  kind varchar(20) NOT NULL,
  offset_minutes int(10) unsigned NOT NULL,
  start_utc datetime NOT NULL,
  due_utc datetime NOT NULL,
  state varchar(20) NOT NULL,
  reason varchar(40) NOT NULL DEFAULT '',
  handled_utc datetime NOT NULL,
  PRIMARY KEY  (booking_id,kind,offset_minutes,start_utc),
  KEY state_due (state,due_utc)
) $charset;",
			"CREATE TABLE {$t['outbox']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  booking_id bigint(20) unsigned NOT NULL DEFAULT 0,
  recipients text NOT NULL,
  subject text NOT NULL,
  text_body longtext NOT NULL,
  html_body longtext NOT NULL,
  headers text NOT NULL,
  attachments longtext NOT NULL,
  context text NOT NULL,
  created_at bigint(20) unsigned NOT NULL,
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  next_attempt_at bigint(20) unsigned NOT NULL,
  claim char(32) NOT NULL DEFAULT '',
  claimed_until bigint(20) unsigned NOT NULL DEFAULT 0,
  last_error varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  KEY next_attempt_at (next_attempt_at),
  KEY booking_id (booking_id)
) $charset;",
			"CREATE TABLE {$t['limit_claims']} (
  service_id bigint(20) unsigned NOT NULL,
  scope varchar(20) NOT NULL,
  subject varchar(64) NOT NULL,
  period date NOT NULL,
  claim_no smallint(5) unsigned NOT NULL,
  booking_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (service_id,scope,subject,period,claim_no),
  KEY booking_id (booking_id)
) $charset;",
			"CREATE TABLE {$t['external_calendars']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  employee_id bigint(20) unsigned NOT NULL,
  url text NOT NULL,
  etag varchar(255) NOT NULL DEFAULT '',
  last_modified varchar(64) NOT NULL DEFAULT '',
  last_attempt_at bigint(20) unsigned NOT NULL DEFAULT 0,
  last_success_at bigint(20) unsigned NOT NULL DEFAULT 0,
  next_try_at bigint(20) unsigned NOT NULL DEFAULT 0,
  failures smallint(5) unsigned NOT NULL DEFAULT 0,
  last_error varchar(255) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY employee_id (employee_id),
  KEY next_try_at (next_try_at)
) $charset;",
			"CREATE TABLE {$t['busy_times']} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  calendar_id bigint(20) unsigned NOT NULL,
  employee_id bigint(20) unsigned NOT NULL,
  start_utc datetime NOT NULL,
  end_utc datetime NOT NULL,
  PRIMARY KEY  (id),
  KEY calendar_id (calendar_id),
  KEY employee_start (employee_id,start_utc)
) $charset;",
			"CREATE TABLE {$t['rate_limits']} (
  bucket varchar(64) NOT NULL,
  window_start bigint(20) unsigned NOT NULL,
  expires_at bigint(20) unsigned NOT NULL DEFAULT 0,
  hits int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (bucket),
  KEY window_start (window_start),
  KEY expires_at (expires_at)
) $charset;",
		);
	}
}
