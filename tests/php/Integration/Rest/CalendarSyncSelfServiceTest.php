<?php
/**
 * An employee's own calendar sync: the user linked to an employee manages
 * that employee's feed and outside calendars and nobody else's; addresses
 * inside the private network are refused when added and again when fetched;
 * fetches a user asks for are limited per user.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Catalog\Employee;
use AppointEase\Infrastructure\Installer;
use AppointEase\Rest\RateLimiter;
use AppointEase\Sync\ExternalCalendarRepository;
use AppointEase\Sync\FeedKeys;

final class CalendarSyncSelfServiceTest extends RestTestCase {

	private const FIXTURES = APPOINTEASE_TESTS_SITE_URL . '/appointease-test-calendars/';

	/** Another employee, whose sync the linked user must not reach. */
	private Employee $other;

	/** The linked user's own routes. */
	private string $own;

	protected function set_up(): void {
		parent::set_up();
		$this->other = $this->make_employee( array( $this->service->id ), array( 'name' => 'Ben Other' ) );
		$this->own   = 'employees/' . $this->employee->id . '/calendar-sync';
	}

	public function test_the_linked_employee_manages_their_own_feed_and_calendars(): void {
		$this->log_in_as_linked_employee();

		$state = $this->assertOk( 200, $this->get( $this->own ) );
		$this->assertSame(
			array(
				'feed_created' => null,
				'calendars'    => array(),
			),
			$state
		);
		$first = $this->assertOk( 201, $this->post( $this->own . '/feed' ) );
		$this->assertStringStartsWith( 'webcal://', $first['webcal'] );
		$this->assertSame( (string) $this->employee->id, FeedKeys::owner( self::secret( $first['https'] ) ) );
		$second = $this->assertOk( 201, $this->post( $this->own . '/feed' ) );
		$this->assertNull( FeedKeys::owner( self::secret( $first['https'] ) ), 'The old address stops at once.' );
		$this->assertSame( (string) $this->employee->id, FeedKeys::owner( self::secret( $second['https'] ) ) );
		$this->assertNotNull( $this->assertOk( 200, $this->get( $this->own ) )['feed_created'] );

		$state    = $this->assertOk( 201, $this->post( $this->own . '/calendars', array( 'url' => self::FIXTURES . 'google-export.ics' ) ) );
		$calendar = $state['calendars'][0];
		$this->assertSame( '', $calendar['error'] );
		$this->assertNotNull( $calendar['last_success'] );
		$this->assertNotNull( $calendar['next_try'] );
		$this->assertSame( '', $this->assertOk( 200, $this->post( $this->own . '/calendars/' . $calendar['id'] . '/sync' ) )['calendars'][0]['error'] );
		$this->assertSame( array(), $this->assertOk( 200, $this->call( 'DELETE', $this->own . '/calendars/' . $calendar['id'] ) )['calendars'] );
	}

	public function test_another_employees_sync_and_the_all_employees_feed_are_refused_and_change_nothing(): void {
		$theirs = ( new ExternalCalendarRepository() )->insert( $this->other->id, self::FIXTURES . 'error-500.ics' )->id;
		$route  = 'employees/' . $this->other->id . '/calendar-sync';
		$this->log_in_as_linked_employee();
		$before = $this->snapshot();
		$keys   = get_option( FeedKeys::OPTION );

		$this->assertError( 403, 'FORBIDDEN', $this->get( $route ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( $route . '/feed' ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( $route . '/calendars', array( 'url' => self::FIXTURES . 'google-export.ics' ) ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( $route . '/calendars/' . $theirs . '/sync' ) );
		$this->assertError( 403, 'FORBIDDEN', $this->call( 'DELETE', $route . '/calendars/' . $theirs ) );
		// Their calendar through the employee's own route is "not found", not removed.
		$this->assertError( 404, 'NOT_FOUND', $this->call( 'DELETE', $this->own . '/calendars/' . $theirs ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'calendar-sync/feed' ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'settings', array( 'feed_customer_details' => true ) ) );

		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( $keys, get_option( FeedKeys::OPTION ) );
	}

	public function test_visitors_subscribers_and_unlinked_staff_are_refused(): void {
		$this->assertError( 401, 'FORBIDDEN', $this->get( $this->own ) );
		$this->assertError( 401, 'FORBIDDEN', $this->post( $this->own . '/feed' ) );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->get( $this->own ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( $this->own . '/calendars', array( 'url' => self::FIXTURES . 'google-export.ics' ) ) );
		// The employee role without a link has no employee of its own.
		$this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->assertError( 403, 'FORBIDDEN', $this->get( $this->own ) );
		$this->assertNull( FeedKeys::created( (string) $this->employee->id ) );
	}

	public function test_addresses_the_site_must_not_fetch_are_refused_with_a_reason_and_store_nothing(): void {
		$this->log_in_as_linked_employee();
		$before = $this->snapshot();
		$add    = fn( string $url ): \WP_REST_Response => $this->post( $this->own . '/calendars', array( 'url' => $url ) );

		foreach ( array( 'ftp://example.com/cal.ics', 'file:///etc/passwd', 'gopher://example.com/', 'https://user:secret@example.com/cal.ics', 'example.com/cal.ics' ) as $url ) {
			$this->assertSame( array( 'url' => 'invalid' ), $this->assertError( 400, 'VALIDATION_ERROR', $add( $url ), $url )['data']['params'] );
		}
		foreach ( array(
			// Loopback: the site's own services (the database on 3306, Redis, the stack's nginx by its IP).
			'http://127.0.0.1:3306/',
			'http://127.0.0.1:' . wp_parse_url( APPOINTEASE_TESTS_SITE_URL, PHP_URL_PORT ) . '/appointease-test-calendars/google-export.ics',
			'http://localhost.localdomain/cal.ics',
			'http://[::1]/cal.ics',
			// Private networks, and the cloud metadata address.
			'http://10.1.2.3/cal.ics',
			'http://192.168.1.10/cal.ics',
			'webcal://172.16.0.5/cal.ics',
			'http://169.254.169.254/latest/meta-data/',
			// A public host on a port WordPress does not fetch from.
			'https://203.0.114.1:8443/cal.ics',
		) as $url ) {
			$this->assertSame( array( 'url' => 'not_allowed' ), $this->assertError( 400, 'URL_NOT_ALLOWED', $add( $url ), $url )['data']['params'] );
		}
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_the_fetch_checks_the_address_again_and_follows_no_redirect_into_the_network(): void {
		$calendars = new ExternalCalendarRepository();
		// Stored before its name pointed inside the network (as if DNS changed since it was added).
		$inside = $calendars->insert( $this->employee->id, 'http://127.0.0.1:' . wp_parse_url( APPOINTEASE_TESTS_SITE_URL, PHP_URL_PORT ) . '/appointease-test-calendars/google-export.ics' )->id;
		$this->log_in_as_linked_employee();

		$state = $this->assertOk( 200, $this->post( $this->own . '/calendars/' . $inside . '/sync' ) );
		$this->assertStringContainsString( 'private network', $state['calendars'][0]['error'] );
		$this->assertNull( $state['calendars'][0]['last_success'] );
		$this->assertSame( array(), $calendars->busy_of_calendar( $inside ) );

		// The fixture host answers 302 to http://169.254.169.254/….
		$state      = $this->assertOk( 201, $this->post( $this->own . '/calendars', array( 'url' => self::FIXTURES . 'redirect-to-private.ics' ) ) );
		$redirected = $state['calendars'][1];
		$this->assertStringContainsString( 'A valid URL was not provided', $redirected['error'] );
		$this->assertNull( $redirected['last_success'] );
		$this->assertSame( array(), $calendars->busy_of_calendar( $redirected['id'] ) );
	}

	public function test_fetches_a_user_asks_for_are_limited_per_user_and_not_for_admins(): void {
		remove_filter( 'appointease_rate_limit_enabled', '__return_false' );
		$_SERVER['REMOTE_ADDR'] = sprintf( '2001:db8:%x:%x::%x', wp_rand( 0, 0xffff ), wp_rand( 0, 0xffff ), wp_rand( 1, 0xffff ) );
		// Not at the very end of a counting window, so all the requests below count in one.
		while ( time() % 600 > 590 ) {
			sleep( 1 );
		}
		$this->log_in_as_linked_employee();
		$calendar = $this->assertOk( 201, $this->post( $this->own . '/calendars', array( 'url' => self::FIXTURES . 'error-500.ics' ) ) )['calendars'][0]['id'];
		$sync     = $this->own . '/calendars/' . $calendar . '/sync';
		for ( $fetch = 2; $fetch <= RateLimiter::CALENDAR_FETCHES; $fetch++ ) {
			$this->assertOk( 200, $this->post( $sync ) );
		}

		$data = $this->assertError( 429, 'RATE_LIMITED', $this->post( $sync ) );
		$this->assertGreaterThan( 0, $data['data']['retry_after'] );
		$this->assertError( 429, 'RATE_LIMITED', $this->post( $this->own . '/calendars', array( 'url' => self::FIXTURES . 'error-500.ics' ) ), 'Adding fetches too.' );
		$this->assertCount( 1, ( new ExternalCalendarRepository() )->all( $this->employee->id ), 'The refused add stored nothing.' );

		// Another employee's user counts on their own; an admin is not limited.
		$this->log_in_as_linked_employee( $this->other );
		$theirs = $this->assertOk( 201, $this->post( 'employees/' . $this->other->id . '/calendar-sync/calendars', array( 'url' => self::FIXTURES . 'error-500.ics' ) ) );
		$this->assertCount( 1, $theirs['calendars'] );
		$this->log_in_as_admin();
		$this->assertOk( 200, $this->post( $sync ) );
		unset( $_SERVER['REMOTE_ADDR'] );
	}

	/**
	 * Logs in a new user with the employee role, linked to an employee.
	 *
	 * @param Employee|null $employee The employee; the test's own when null.
	 */
	private function log_in_as_linked_employee( ?Employee $employee = null ): int {
		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( ( $employee ?? $this->employee )->id, array( 'wp_user' => $user ) );
		return $user;
	}

	/**
	 * The secret of a feed address.
	 *
	 * @param string $url The address.
	 */
	private static function secret( string $url ): string {
		return (string) preg_replace( '#^.*/feeds/([0-9a-f]{40})\.ics$#', '$1', $url );
	}
}
