<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Cli;

use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Form\Fields;
use AppointEase\Infrastructure\Schema;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

/**
 * `wp appointease ...` run as a user runs it: bin/wp (WP-CLI 2.11) in its own
 * process, pointed at this run's test database by test-site.php. That process
 * cannot see an open transaction, so these tests commit what they write and
 * empty the plugin's tables afterwards (the state every other test starts from).
 */
final class CommandsTest extends TestCase {

	private Fixtures $fixtures;

	/**
	 * The settings option before the test, restored after it (the commands commit their changes).
	 *
	 * @var mixed
	 */
	private $settings;

	protected function set_up(): void {
		parent::set_up();
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$this->settings = get_option( Settings::OPTION, array() );
		$this->fixtures = new Fixtures();
		// A stub, on purpose: the emails of bookings made here are not what this test is about.
		add_filter( 'pre_wp_mail', '__return_true' );
	}

	protected function tear_down(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/user.php';
		remove_filter( 'pre_wp_mail', '__return_true' );
		foreach ( Schema::TABLES as $table ) {
			$wpdb->query( 'DELETE FROM ' . Schema::table( $table ) );
		}
		foreach ( get_users( array( 'search' => 'cli-test-*' ) ) as $user ) {
			wp_delete_user( $user->ID );
		}
		$this->fixtures->clean_up();
		// What the commands' processes wrote is not in this process's cache, which would take the restore for no change.
		wp_cache_flush();
		update_option( Settings::OPTION, $this->settings );
		delete_option( Fields::OPTION );
		// The commands' processes committed the cron events their bookings set; later tests assert on those events.
		wp_clear_scheduled_hook( \AppointEase\Notifications\ChangeEmails::HOOK );
		wp_clear_scheduled_hook( \AppointEase\Notifications\OutboxSender::HOOK );
		wp_clear_scheduled_hook( \AppointEase\Sync\CalendarSync::HOOK );
		delete_option( \AppointEase\Sync\FeedKeys::OPTION );
		parent::tear_down();
	}

	public function test_every_command_documents_its_options_and_examples(): void {
		$leaves = $this->leaf_commands( 'appointease' );

		$this->assertSame( array( 'appointease bookings cancel', 'appointease bookings create', 'appointease bookings export', 'appointease bookings list', 'appointease bookings show', 'appointease calendars add', 'appointease calendars feed-url', 'appointease calendars list', 'appointease calendars remove', 'appointease calendars sync', 'appointease emails list', 'appointease emails send', 'appointease employees create', 'appointease employees list', 'appointease employees update', 'appointease fields create', 'appointease fields delete', 'appointease fields list', 'appointease fields update', 'appointease holds purge', 'appointease reminders list', 'appointease reminders run', 'appointease seed', 'appointease services create', 'appointease services list', 'appointease services update', 'appointease settings get', 'appointease settings list', 'appointease settings set', 'appointease store status' ), array_keys( $leaves ) );
		foreach ( $leaves as $name => $help ) {
			$this->assertMatchesRegularExpression( '/^OPTIONS\n\n +\S/m', $help, "wp $name has no OPTIONS." );
			$this->assertMatchesRegularExpression( '/^EXAMPLES\n\n +\S/m', $help, "wp $name has no EXAMPLES." );
		}
	}

	public function test_services_are_created_listed_and_changed_with_the_rest_apis_rules(): void {
		$id = (int) trim( $this->ok( 'appointease', 'services', 'create', '--name=Massage', '--duration=45', '--buffer_after=15', '--price=60.00', '--porcelain' ) );
		$this->assertGreaterThan( 0, $id );

		$this->assertSame( "Success: Changed service $id.\n", $this->ok( 'appointease', 'services', 'update', (string) $id, '--price=none', '--capacity=4' ) );
		$this->assertSame(
			array(
				array(
					'id'            => $id,
					'name'          => 'Massage',
					'duration'      => 45,
					'buffer_before' => 0,
					'buffer_after'  => 15,
					'capacity'      => 4,
					'price'         => null,
					'active'        => 'true',
				),
			),
			$this->json( 'appointease', 'services', 'list', '--format=json' )
		);

		$refused = $this->wp( 'appointease', 'services', 'create', '--name=Odd', '--duration=42' );
		$this->assertSame( 1, $refused['status'] );
		$this->assertStringContainsString( 'Error:', $refused['stderr'] );
		$this->assertStringContainsString( 'duration', $refused['stderr'] );
		$this->assertSame( 1, Fixtures::rows( 'services' ), 'A refused service is not written.' );

		$missing = $this->wp( 'appointease', 'services', 'update', '999999', '--name=Ghost' );
		$this->assertSame( 1, $missing['status'] );
		$this->assertStringContainsString( 'no such service', $missing['stderr'] );
	}

	public function test_employees_are_created_with_hours_services_and_a_linked_user_and_changed(): void {
		$service = $this->fixtures->service();
		$user    = wp_insert_user(
			array(
				'user_login' => 'cli-test-dana',
				'user_pass'  => wp_generate_password(),
				'user_email' => 'cli-test-dana@example.com',
			)
		);
		$this->assertIsInt( $user );
		$hours = '[{"weekday":1,"start":"09:00","end":"13:00"},{"weekday":3,"start":"09:00","end":"11:00"},{"weekday":3,"start":"11:30","end":"13:00"}]';

		$id = (int) trim( $this->ok( 'appointease', 'employees', 'create', '--name=Dana Diaz', '--email=dana@example.com', '--services=' . $service->id, '--wp_user=cli-test-dana', '--timezone=Europe/Lisbon', '--hours=' . $hours, '--porcelain' ) );

		$employee = $this->fixtures->employees->find( $id );
		$this->assertNotNull( $employee );
		$this->assertSame( 'Dana Diaz', $employee->name );
		$this->assertSame( $user, $employee->wp_user_id );
		$this->assertSame( 'Europe/Lisbon', $employee->timezone );
		$this->assertSame( array( $service->id ), $employee->service_ids );
		$this->assertSame( json_decode( $hours, true ), $employee->hours_list() );

		$this->assertSame( "Success: Changed employee $id.\n", $this->ok( 'appointease', 'employees', 'update', (string) $id, '--active=false', '--wp_user=none', '--days_off=[{"start":"2030-08-03","end":"2030-08-09","reason":"Holiday"}]' ) );
		$listed = $this->json( 'appointease', 'employees', 'list', '--format=json', '--fields=id,name,wp_user,active,days_off' );
		$this->assertSame( array( $id ), array_column( $listed, 'id' ) );
		$this->assertNull( $listed[0]['wp_user'] );
		$this->assertSame( 'false', $listed[0]['active'] );
		$this->assertStringContainsString( 'Holiday', $listed[0]['days_off'] );

		foreach ( array(
			array( '--timezone=Mars/Olympus', 'timezone' ),
			array( '--hours=[{"weekday":1,"start":"13:00","end":"09:00"}]', 'end after it starts' ),
			array( '--hours=not json', 'JSON list' ),
			array( '--wp_user=nobody-here', 'no WordPress user' ),
		) as list( $option, $reason ) ) {
			$refused = $this->wp( 'appointease', 'employees', 'update', (string) $id, $option );
			$this->assertSame( 1, $refused['status'], $option );
			$this->assertStringContainsString( $reason, $refused['stderr'], $option );
		}
		$this->assertSame( 'Europe/Lisbon', $this->fixtures->employees->find( $id )?->timezone, 'A refused change writes nothing.' );
	}

	public function test_bookings_are_listed_shown_exported_and_cancelled_through_the_booking_service(): void {
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee( array( $service->id ) );
		$book     = BookingService::create_default();
		$first    = $book->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 10:00', array( 'phone' => '+49 30 1234' ) ), Fixtures::now() )->booking;
		$second   = $book->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 11:00', array( 'name' => '=HYPERLINK("x")' ) ), Fixtures::now() )->booking;

		$listed = $this->json( 'appointease', 'bookings', 'list', '--format=json' );
		$this->assertSame( array( $second->id, $first->id ), array_column( $listed, 'id' ), 'Newest start first.' );
		$this->assertSame( '2030-01-07T10:00:00+01:00', $listed[1]['start'] );
		$this->assertSame( 'Haircut', $listed[1]['service'] );
		$this->assertSame( 'Ana Silva', $listed[1]['employee'] );
		$this->assertSame( array( $first->id ), array_column( $this->json( 'appointease', 'bookings', 'list', '--format=json', '--search=+49 30' ), 'id' ) );
		$this->assertSame( array(), $this->json( 'appointease', 'bookings', 'list', '--format=json', '--from=2030-01-08' ) );
		$this->assertSame( '2', trim( $this->ok( 'appointease', 'bookings', 'list', '--status=confirmed', '--format=count' ) ) );
		$this->assertSame( 1, $this->wp( 'appointease', 'bookings', 'list', '--from=2030-02-30' )['status'], 'A date that does not exist is refused.' );

		$shown = $this->json( 'appointease', 'bookings', 'show', (string) $first->id, '--format=json' );
		$this->assertSame( 'maria@example.com', $shown['customer_email'] );
		$this->assertSame( '+49 30 1234', $shown['customer_phone'] );

		$csv = array_map( 'str_getcsv', explode( "\n", trim( $this->ok( 'appointease', 'bookings', 'export' ) ) ) );
		$this->assertSame( array( 'id', 'status', 'service', 'employee', 'start', 'end', 'seats', 'customer_name', 'customer_email', 'customer_phone', 'customer_notes', 'created_at', 'updated_at', 'Consent' ), $csv[0] );
		$this->assertCount( 3, $csv );
		$this->assertSame( "'=HYPERLINK(\"x\")", $csv[1][7], 'A formula is defused.' );
		$this->assertSame( "'+49 30 1234", $csv[2][9] );
		$listed_csv = array_map( 'str_getcsv', explode( "\n", trim( $this->ok( 'appointease', 'bookings', 'list', '--format=csv', '--fields=id,customer_name,customer_phone' ) ) ) );
		$this->assertSame( array( (string) $second->id, "'=HYPERLINK(\"x\")", '' ), $listed_csv[1], 'The list command defuses formulas in CSV too.' );
		$this->assertSame( "'+49 30 1234", $listed_csv[2][2] );
		$this->assertSame( '=HYPERLINK("x")', $listed[0]['customer_name'], 'JSON stays as stored.' );
		$file = get_temp_dir() . 'appointease-cli-test-' . wp_generate_password( 8, false ) . '.csv';
		$this->assertSame( "Success: Wrote 1 bookings to $file.\n", $this->ok( 'appointease', 'bookings', 'export', '--file=' . $file, '--search=HYPERLINK' ) );
		$this->assertCount( 2, file( $file, FILE_SKIP_EMPTY_LINES ) ?: array() ); // phpcs:ignore WordPress.PHP.DisallowShortTernary.Found -- file() is false only on failure.
		wp_delete_file( $file );

		$this->assertSame( "Success: Cancelled booking {$first->id}.\n", $this->ok( 'appointease', 'bookings', 'cancel', (string) $first->id ) );
		$this->assertSame( 'cancelled', ( new BookingRepository() )->find( $first->id )?->status );
		$this->assertSame( 0, Fixtures::rows( 'seats', 'booking_id = ' . $first->id ), 'Its seat is free again.' );
		$again = $this->wp( 'appointease', 'bookings', 'cancel', (string) $first->id, (string) $second->id );
		$this->assertSame( 1, $again['status'] );
		$this->assertStringContainsString( "Booking {$first->id}: This booking is cancelled", $again['stderr'] );
		$this->assertStringContainsString( "Success: Cancelled booking {$second->id}.", $again['stdout'], 'The other id is still cancelled.' );
		$this->assertStringContainsString( 'Error: 1 of 2 bookings were not cancelled.', $again['stderr'] );
		$this->assertSame( 1, $this->wp( 'appointease', 'bookings', 'show', '999999' )['status'] );
	}

	public function test_fields_are_created_listed_changed_and_deleted_and_old_answers_stay_in_the_export(): void {
		$service = $this->fixtures->service();
		$id      = trim( $this->ok( 'appointease', 'fields', 'create', '--label=How did you hear of us?', '--type=select', '--options=A friend, The web ,Other', '--required', '--porcelain' ) );
		$this->assertMatchesRegularExpression( '/^f_[0-9a-f]{8}$/', $id );
		$own = trim( $this->ok( 'appointease', 'fields', 'create', '--label=Allergies', '--type=long_text', '--service=' . $service->id, '--help-text=Anything we should know', '--porcelain' ) );

		$listed = $this->json( 'appointease', 'fields', 'list', '--format=json' );
		$this->assertSame( array( $id, $own ), array_column( $listed, 'id' ) );
		$this->assertSame( 'A friend,The web,Other', $listed[0]['options'] );
		$this->assertSame( 'true', $listed[0]['required'] );
		$this->assertSame( 'Anything we should know', $listed[1]['help'] );
		$this->assertSame( array( $id ), array_column( $this->json( 'appointease', 'fields', 'list', '--service=999', '--format=json' ), 'id' ), 'Another service\'s form has only the global field.' );

		$refused = $this->wp( 'appointease', 'fields', 'create', '--label=Colour', '--type=radio' );
		$this->assertSame( 1, $refused['status'] );
		$this->assertStringContainsString( 'needs at least one option', $refused['stderr'] );
		$this->assertSame( 1, $this->wp( 'appointease', 'fields', 'create', '--label=Colour', '--type=colour' )['status'], 'An unknown type is refused.' );
		$this->assertCount( 2, $this->json( 'appointease', 'fields', 'list', '--format=json' ), 'A refused field writes nothing.' );

		$booking = BookingService::create_default()->book(
			new \AppointEase\Booking\BookingRequest( $service->id, $this->fixtures->employee( array( $service->id ) )->id, Fixtures::at( Fixtures::MONDAY . ' 10:00' ), 1, 'Maria Customer', 'maria@example.com', '', '', null, null, false, (string) wp_json_encode( array( 'fields' => array( $id => 'The web' ) ) ) ),
			Fixtures::now()
		)->booking;

		$this->assertSame( "Success: Updated field $id.\n", $this->ok( 'appointease', 'fields', 'update', $id, '--label=Where did you find us?', '--required=false', '--hide-for=' . $service->id ) );
		$changed = $this->json( 'appointease', 'fields', 'list', '--format=json' )[0];
		$this->assertSame( array( 'Where did you find us?', 'false', (string) $service->id ), array( $changed['label'], $changed['required'], $changed['hidden_for'] ) );
		$this->assertSame( array( $own ), array_column( $this->json( 'appointease', 'fields', 'list', '--service=' . $service->id, '--format=json' ), 'id' ), 'The service hides the global field.' );

		$this->assertSame( "Success: Deleted field $id.\n", $this->ok( 'appointease', 'fields', 'delete', $id ) );
		$this->assertSame( array( $own ), array_column( $this->json( 'appointease', 'fields', 'list', '--format=json' ), 'id' ) );
		$this->assertSame( 1, $this->wp( 'appointease', 'fields', 'delete', $id )['status'], 'A deleted field cannot be deleted again.' );

		$csv = array_map( 'str_getcsv', explode( "\n", trim( $this->ok( 'appointease', 'bookings', 'export' ) ) ) );
		$this->assertSame( array( 'Where did you find us?', 'Allergies', 'Consent' ), array_slice( $csv[0], 13 ), 'A column per field, the deleted one too.' );
		$this->assertSame( array( 'The web', '', '' ), array_slice( $csv[1], 13 ) );
		$this->assertSame( 'The web', $this->json( 'appointease', 'bookings', 'show', (string) $booking->id, '--format=json' )[ 'field:' . $id ] );
	}

	public function test_settings_are_read_and_changed_with_the_rest_routes_rules(): void {
		$this->assertSame( "false\n", $this->ok( 'appointease', 'settings', 'get', 'consent_required' ) );
		$this->assertSame( "Success: consent_required is now true.\n", $this->ok( 'appointease', 'settings', 'set', 'consent_required', 'true' ) );
		$this->assertSame( "true\n", $this->ok( 'appointease', 'settings', 'get', 'consent_required' ) );
		$this->assertSame( "Success: slot_step is now 30.\n", $this->ok( 'appointease', 'settings', 'set', 'slot_step', '30' ) );
		$this->assertSame( "Success: consent_text is now I agree & consent.\n", $this->ok( 'appointease', 'settings', 'set', 'consent_text', 'I agree & consent' ) );
		wp_cache_flush();
		$this->assertSame( 30, Settings::int( 'slot_step' ) );

		foreach ( array(
			array( 'slot_step', '7', 'slot_step is not one of' ),
			array( 'horizon_days', 'many', 'horizon_days is not of type integer' ),
			array( 'consent_required', 'maybe', 'consent_required is not of type boolean' ),
			array( 'no_such_setting', '1', '"no_such_setting" is not a setting.' ),
		) as list( $key, $value, $reason ) ) {
			$refused = $this->wp( 'appointease', 'settings', 'set', $key, $value );
			$this->assertSame( 1, $refused['status'], $key );
			$this->assertStringContainsString( $reason, $refused['stderr'], $key );
		}
		$this->assertSame( "30\n", $this->ok( 'appointease', 'settings', 'get', 'slot_step' ), 'A refused value writes nothing.' );
		$this->assertSame( 1, $this->wp( 'appointease', 'settings', 'get', 'no_such_setting' )['status'] );
		$this->assertContains( 'reminder_times', array_column( $this->json( 'appointease', 'settings', 'list', '--format=json' ), 'key' ) );
	}

	public function test_bookings_create_follows_the_visitors_rules_unless_overridden_and_never_double_books(): void {
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee( array( $service->id ), array( 'timezone' => 'Europe/Berlin' ) );
		$berlin   = new \DateTimeZone( 'Europe/Berlin' );
		$monday   = ( new \DateTimeImmutable( 'today', $berlin ) )->modify( '+2 days' );
		while ( '1' !== $monday->format( 'N' ) ) {
			$monday = $monday->modify( '+1 day' );
		}
		$at     = static fn( string $time ): string => ( new \DateTimeImmutable( $monday->format( 'Y-m-d' ) . ' ' . $time, $berlin ) )->format( DATE_ATOM );
		$common = array( '--service=' . $service->id, '--employee=' . $employee->id, '--name=Maria Keller', '--email=maria@example.com' );

		$made = $this->ok( 'appointease', 'bookings', 'create', ...array_merge( $common, array( '--start=' . $at( '10:00' ), '--phone=+49 30 1234' ) ) );
		$this->assertMatchesRegularExpression( '/^Success: Booked \d+ \(confirmed\), ' . preg_quote( $at( '10:00' ), '/' ) . '\.$/', trim( $made ) );

		$early = $this->wp( 'appointease', 'bookings', 'create', ...array_merge( $common, array( '--start=' . $at( '07:30' ) ) ) );
		$this->assertSame( 1, $early['status'], 'Without --override the working hours apply.' );
		$this->assertStringContainsString( '(SLOT_UNAVAILABLE)', $early['stderr'] );

		$id      = trim( $this->ok( 'appointease', 'bookings', 'create', ...array_merge( $common, array( '--start=' . $at( '07:30' ), '--override', '--notify=no', '--porcelain' ) ) ) );
		$booking = ( new BookingRepository() )->find( (int) $id );
		$this->assertNotNull( $booking, "--porcelain prints the id: $id" );
		$this->assertSame( strtotime( $at( '07:30' ) ), $booking->start->getTimestamp() );
		$this->assertSame( '+49 30 1234', ( new BookingRepository() )->find( (int) $id - 1 )?->customer_phone );

		$overlap = $this->wp( 'appointease', 'bookings', 'create', ...array_merge( $common, array( '--start=' . $at( '09:45' ), '--override' ) ) );
		$this->assertSame( 1, $overlap['status'], '--override never books over another booking.' );
		$this->assertStringContainsString( '(SLOT_TAKEN)', $overlap['stderr'] );
		$this->assertSame( 2, Fixtures::rows( 'bookings' ) );
		$this->assertSame( 1, $this->wp( 'appointease', 'bookings', 'create', ...array_merge( $common, array( '--start=tomorrow' ) ) )['status'] );
	}

	public function test_reminders_run_at_a_given_time_prints_what_it_sent_and_a_second_run_sends_nothing(): void {
		$service  = $this->fixtures->service();
		$employee = $this->fixtures->employee( array( $service->id ) );
		$booking  = BookingService::create_default()->book( Fixtures::request( $service, $employee, Fixtures::MONDAY . ' 10:00' ), Fixtures::now() )->booking;
		$mail     = '--require=' . __DIR__ . '/catch-mail.php';

		$first = $this->wp( $mail, 'appointease', 'reminders', 'run', '--now=2030-01-06T10:00:00+01:00' );
		$this->assertSame( 0, $first['status'], $first['stderr'] );
		$this->assertStringContainsString( "Sent: booking {$booking->id}, 24h reminder", $first['stdout'] );
		$this->assertStringContainsString( 'Success: Sent 1, skipped 0, completed 0.', $first['stdout'] );
		$this->assertSame( 1, substr_count( $first['stderr'], 'MAIL: maria@example.com | Reminder: Haircut on January 7, 2030 at 10:00 am' ), $first['stderr'] );

		$again = $this->wp( $mail, 'appointease', 'reminders', 'run', '--now=2030-01-06T10:01:00+01:00' );
		$this->assertStringContainsString( 'Success: Sent 0, skipped 0, completed 0.', $again['stdout'] );
		$this->assertStringNotContainsString( 'MAIL:', $again['stderr'] );

		$listed = $this->json( 'appointease', 'reminders', 'list', '--booking=' . $booking->id, '--format=json' );
		$this->assertSame(
			array(
				array( 'reminder', '2h', '2030-01-07T08:00:00+01:00', 'scheduled' ),
				array( 'reminder', '24h', '2030-01-06T10:00:00+01:00', 'sent' ),
			),
			array_map( static fn( array $row ): array => array( $row['kind'], $row['offset'], $row['due'], $row['state'] ), $listed )
		);
		$this->assertSame( 1, $this->wp( 'appointease', 'reminders', 'run', '--now=tomorrow' )['status'], 'A --now that is not ISO 8601 is refused.' );
	}

	public function test_store_status_holds_purge_and_seed(): void {
		$status = $this->json( 'appointease', 'store', 'status', '--format=json' );
		$this->assertSame( 'redis', $status['store'] );
		$this->assertSame( 'reachable', $status['redis'] );
		$this->assertSame( 0, $status['live_holds'] );
		$this->assertSame( Schema::VERSION . ' (expected ' . Schema::VERSION . ')', $status['schema_version'] );

		$this->assertMatchesRegularExpression( '/^Success: Purged \d+ records of holds that ran out \(store: redis\)\.$/', trim( $this->ok( 'appointease', 'holds', 'purge' ) ) );

		$this->assertStringStartsWith( 'Success: Seeded 3 employees, 4 services and ', $this->ok( 'appointease', 'seed' ) );
		$this->assertSame( 3, Fixtures::rows( 'employees' ) );
		$this->assertSame( "Success: The site already has employees; nothing seeded.\n", $this->ok( 'appointease', 'seed' ) );
	}

	public function test_calendars_make_feed_addresses_and_add_list_sync_and_remove_outside_calendars(): void {
		$employee = $this->fixtures->employee( array( $this->fixtures->service()->id ) );
		$id       = (string) $employee->id;

		$first = explode( "\n", trim( $this->ok( 'appointease', 'calendars', 'feed-url', $id ) ) );
		$this->assertCount( 2, $first );
		$this->assertMatchesRegularExpression( '#^https?://.+/appointease/v1/feeds/[0-9a-f]{40}\.ics$#', $first[0] );
		$this->assertSame( preg_replace( '#^https?://#', 'webcal://', $first[0] ), $first[1] );
		$again = $this->wp( 'appointease', 'calendars', 'feed-url', $id );
		$this->assertSame( 1, $again['status'] );
		$this->assertStringContainsString( 'use --regenerate', $again['stderr'] );
		$second = explode( "\n", trim( $this->ok( 'appointease', 'calendars', 'feed-url', $id, '--regenerate' ) ) );
		$this->assertNotSame( $first[0], $second[0] );

		// Busy tomorrow at noon (UTC), inside the real horizon the command works with.
		$folder = appointease_tests_stack()['runtime'] . '/test-calendars';
		wp_mkdir_p( $folder );
		$file  = $folder . '/cli-' . getmypid() . '.ics';
		$start = gmdate( 'Ymd', time() + 86400 ) . 'T120000Z';
		$end   = gmdate( 'Ymd', time() + 86400 ) . 'T130000Z';
		file_put_contents( $file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cli test//EN\r\nBEGIN:VEVENT\r\nUID:cli@example.com\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:$start\r\nDTEND:$end\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- the served test folder.
		try {
			$good = trim( $this->ok( 'appointease', 'calendars', 'add', $id, APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/written/' . basename( $file ), '--porcelain' ) );
			$this->assertMatchesRegularExpression( '/^\d+$/', $good );
			$this->assertSame( 1, Fixtures::rows( 'busy_times' ) );
			$bad = $this->wp( 'appointease', 'calendars', 'add', $id, APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/error-500.ics' );
			$this->assertSame( 0, $bad['status'] );
			$this->assertStringContainsString( 'The server answered HTTP 500.', $bad['stderr'] );
			$refused = $this->wp( 'appointease', 'calendars', 'add', $id, 'ftp://example.com/x.ics' );
			$this->assertSame( 1, $refused['status'] );
			$inside = $this->wp( 'appointease', 'calendars', 'add', $id, 'http://169.254.169.254/latest/meta-data/' );
			$this->assertSame( 1, $inside['status'] );
			$this->assertStringContainsString( 'private network', $inside['stderr'] );

			$listed = $this->json( 'appointease', 'calendars', 'list', $id, '--format=json' );
			$this->assertCount( 2, $listed );
			$this->assertSame( '', $listed[0]['error'] );
			$this->assertSame( 'The server answered HTTP 500.', $listed[1]['error'] );
			$this->assertStringNotContainsString( 'error-500', (string) wp_json_encode( $listed ), 'Addresses are shown by host only.' );

			$sync = $this->wp( 'appointease', 'calendars', 'sync', '--employee=' . $id );
			$this->assertSame( 1, $sync['status'], 'One calendar still fails.' );
			$this->assertStringContainsString( 'Success: Synced calendar ' . $good . '.', $sync['stdout'] );

			$this->assertSame( 'Success: Removed calendar ' . $listed[1]['id'] . ".\n", $this->ok( 'appointease', 'calendars', 'remove', (string) $listed[1]['id'] ) );
			$this->assertStringContainsString( 'Success: Synced calendar ' . $good . '.', $this->ok( 'appointease', 'calendars', 'sync' ) );
			$this->assertCount( 1, $this->json( 'appointease', 'calendars', 'list', '--format=json' ) );
		} finally {
			wp_delete_file( $file );
		}
	}

	/**
	 * The help of every command below one, found through `wp help`.
	 *
	 * @param string $command A command, e.g. "appointease".
	 * @return array<string, string> Command => its help.
	 */
	private function leaf_commands( string $command ): array {
		$help = $this->ok( 'help', ...explode( ' ', $command ) );
		if ( 1 !== preg_match( '/^SUBCOMMANDS\n\n(.*?)\n\n/ms', $help, $section ) ) {
			return array( $command => $help );
		}
		$leaves = array();
		preg_match_all( '/^  (\S+) /m', $section[1], $names );
		foreach ( $names[1] as $name ) {
			$leaves += $this->leaf_commands( "$command $name" );
		}
		return $leaves;
	}

	/**
	 * Runs bin/wp against this run's test database.
	 *
	 * @param string ...$args Arguments after "wp".
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	private function wp( string ...$args ): array {
		$command = array_merge( array( 'bash', dirname( __DIR__, 4 ) . '/bin/wp', '--require=' . __DIR__ . '/test-site.php' ), array_values( $args ) );
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- runs WP-CLI as its users do.
		$process = proc_open(
			$command,
			array(
				1 => array( 'pipe', 'w' ),
				2 => array(
					'pipe',
					'w',
				),
			),
			$pipes
		);
		$this->assertIsResource( $process );
		$stdout = (string) stream_get_contents( $pipes[1] );
		$stderr = (string) stream_get_contents( $pipes[2] );
		fclose( $pipes[1] );
		fclose( $pipes[2] );
		return array(
			'status' => proc_close( $process ),
			'stdout' => $stdout,
			'stderr' => $stderr,
		);
	}

	/**
	 * Runs a command that must succeed and returns its output.
	 *
	 * @param string ...$args Arguments after "wp".
	 */
	private function ok( string ...$args ): string {
		$run = $this->wp( ...$args );
		$this->assertSame( 0, $run['status'], implode( ' ', $args ) . " failed:\n" . $run['stderr'] . $run['stdout'] );
		return $run['stdout'];
	}

	/**
	 * Runs a command with JSON output and decodes it.
	 *
	 * @param string ...$args Arguments after "wp".
	 * @return array<mixed>
	 */
	private function json( string ...$args ): array {
		$output = $this->ok( ...$args );
		$data   = json_decode( $output, true );
		$this->assertIsArray( $data, "Not JSON: $output" );
		return $data;
	}
}
