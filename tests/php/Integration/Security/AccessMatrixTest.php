<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Security;

/**
 * The access matrix: every endpoint of appointease/v1, read from the REST
 * index, asked with a valid request by an anonymous visitor, a subscriber,
 * a user linked to an employee (the `appointease_employee` role) and an
 * administrator. MATRIX says what each must get; docs/reliability.md
 * prints the same table. An endpoint that appears in the index without a
 * row here fails the test, and so does a row whose endpoint is gone: access
 * to a new route is a decision to write down, not a default.
 *
 * Statuses: 200/201 the request is served; 401 and 403 are refusals with the
 * reason FORBIDDEN (401 when logged out); 404 on a booking means "no such
 * booking", the answer for every caller without its token, so that ids
 * cannot be probed; 404 on a hold is HOLD_NOT_FOUND, because a hold is
 * reached by its token alone, whoever asks. Every refused request must
 * leave the database, the settings and the holds as they were.
 */
final class AccessMatrixTest extends SecurityTestCase {

	/**
	 * Expected status per caller: anonymous, subscriber, employee, administrator.
	 * Bookings are the other employee's, except in rows marked "(own)".
	 */
	private const MATRIX = array(
		'GET /'                                        => array( 200, 200, 200, 200 ),
		'GET /availability'                            => array( 200, 200, 200, 200 ),
		'GET /bookings'                                => array( 401, 403, 200, 200 ),
		'POST /bookings'                               => array( 201, 201, 201, 201 ),
		'GET /bookings/{id}'                           => array( 404, 404, 404, 200 ),
		'GET /bookings/{id} (own)'                     => array( 404, 404, 200, 200 ),
		'POST /bookings/{id}/approve'                  => array( 401, 403, 403, 200 ),
		'POST /bookings/{id}/cancel'                   => array( 404, 404, 404, 200 ),
		'POST /bookings/{id}/cancel (own)'             => array( 404, 404, 404, 200 ),
		'GET /bookings/{id}/ics'                       => array( 404, 404, 404, 200 ),
		'POST /bookings/{id}/no-show'                  => array( 401, 403, 404, 200 ),
		'POST /bookings/{id}/reject'                   => array( 401, 403, 403, 200 ),
		'POST /bookings/{id}/reschedule'               => array( 404, 404, 404, 200 ),
		'POST /bookings/{id}/resend'                   => array( 401, 403, 403, 200 ),
		'POST /bookings/{id}/verify'                   => array( 404, 404, 404, 404 ),
		'GET /capacity'                                => array( 200, 200, 200, 200 ),
		'GET /dashboard'                               => array( 401, 403, 403, 200 ),
		'GET /employees'                               => array( 200, 200, 200, 200 ),
		'GET /employees?context=edit'                  => array( 401, 403, 403, 200 ),
		'POST /employees'                              => array( 401, 403, 403, 201 ),
		'DELETE /employees/{id}'                       => array( 401, 403, 403, 200 ),
		'GET /employees/{id}'                          => array( 200, 200, 200, 200 ),
		'PATCH /employees/{id}'                        => array( 401, 403, 403, 200 ),
		'POST /employees/{id}'                         => array( 401, 403, 403, 200 ),
		'PUT /employees/{id}'                          => array( 401, 403, 403, 200 ),
		'POST /holds'                                  => array( 201, 201, 201, 201 ),
		'DELETE /holds/{id}'                           => array( 404, 404, 404, 404 ),
		'PATCH /holds/{id}'                            => array( 404, 404, 404, 404 ),
		'GET /services'                                => array( 200, 200, 200, 200 ),
		'GET /services?context=edit'                   => array( 401, 403, 403, 200 ),
		'POST /services'                               => array( 401, 403, 403, 201 ),
		'DELETE /services/{id}'                        => array( 401, 403, 403, 200 ),
		'GET /services/{id}'                           => array( 200, 200, 200, 200 ),
		'PATCH /services/{id}'                         => array( 401, 403, 403, 200 ),
		'POST /services/{id}'                          => array( 401, 403, 403, 200 ),
		'PUT /services/{id}'                           => array( 401, 403, 403, 200 ),
		'GET /settings'                                => array( 401, 403, 403, 200 ),
		'PATCH /settings'                              => array( 401, 403, 403, 200 ),
		'POST /settings'                               => array( 401, 403, 403, 200 ),
		'PUT /settings'                                => array( 401, 403, 403, 200 ),
		'GET /slots/poll'                              => array( 200, 200, 200, 200 ),
		// Calendar sync: "(own)" is the employee the "employee" caller is linked to; without it, another one.
		'GET /employees/{id}/calendar-sync'            => array( 401, 403, 403, 200 ),
		'GET /employees/{id}/calendar-sync (own)'      => array( 401, 403, 200, 200 ),
		'POST /employees/{id}/calendar-sync/feed'      => array( 401, 403, 403, 201 ),
		// (The arrow on its own line keeps this long key out of the others' alignment.)
		'POST /employees/{id}/calendar-sync/feed (own)'
			=> array( 401, 403, 201, 201 ),
		'POST /calendar-sync/feed'                     => array( 401, 403, 403, 201 ),
		'POST /employees/{id}/calendar-sync/calendars' => array( 401, 403, 403, 201 ),
		'POST /employees/{id}/calendar-sync/calendars (own)' => array( 401, 403, 201, 201 ),
		'POST /employees/{id}/calendar-sync/calendars/(?P<calendar>[^/]+)/sync' => array( 401, 403, 403, 200 ),
		'POST /employees/{id}/calendar-sync/calendars/(?P<calendar>[^/]+)/sync (own)' => array( 401, 403, 200, 200 ),
		'DELETE /employees/{id}/calendar-sync/calendars/(?P<calendar>[^/]+)' => array( 401, 403, 403, 200 ),
		'DELETE /employees/{id}/calendar-sync/calendars/(?P<calendar>[^/]+) (own)' => array( 401, 403, 200, 200 ),
		// The feed's secret is its permission: whoever has the address reads it.
		'GET /feeds/(?P<secret>[0-9a-f]{40})\\.ics'    => array( 200, 200, 200, 200 ),
		'GET /booking-fields'                          => array( 401, 403, 403, 200 ),
		'POST /booking-fields'                         => array( 401, 403, 403, 201 ),
		'POST /booking-fields/{id}'                    => array( 401, 403, 403, 200 ),
		'PUT /booking-fields/{id}'                     => array( 401, 403, 403, 200 ),
		'PATCH /booking-fields/{id}'                   => array( 401, 403, 403, 200 ),
		'DELETE /booking-fields/{id}'                  => array( 401, 403, 403, 200 ),
		'GET /booking-counts'                          => array( 401, 403, 200, 200 ),
		'GET /customers'                               => array( 401, 403, 403, 200 ),
		'POST /booking-check'                          => array( 401, 403, 403, 200 ),
	);

	public function test_every_endpoint_in_the_index_has_a_row_and_every_row_an_endpoint(): void {
		$index = array();
		foreach ( self::endpoints() as $endpoint ) {
			$index[] = self::row_key( $endpoint['method'], $endpoint['route'] );
		}
		$rows = array_unique( array_map( static fn( string $row ): string => (string) preg_replace( '/ \(own\)$|\?context=edit$/', '', $row ), array_keys( self::MATRIX ) ) );
		sort( $index );
		sort( $rows );
		$this->assertSame( array(), array_values( array_diff( $index, $rows ) ), 'Endpoints in the REST index without a row in MATRIX: decide who may use them and add the rows.' );
		$this->assertSame( array(), array_values( array_diff( $rows, $index ) ), 'Rows of MATRIX whose endpoint is no longer in the REST index.' );
	}

	/**
	 * @dataProvider matrix_rows
	 *
	 * @param string $row      A key of MATRIX.
	 * @param int[]  $statuses What each caller gets, in ROLES order.
	 */
	public function test_each_caller_gets_what_the_matrix_says( string $row, array $statuses ): void {
		global $wpdb;
		$this->assertSame( 1, preg_match( '/^(\w+) (\S+?)(\?context=edit)?( \(own\))?$/', $row, $parts ), "$row is not a row." );
		$method = $parts[1] ?? '';
		$short  = $parts[2] ?? '';
		$route  = self::PREFIX . (string) preg_replace( '/\{id\}/', '(?P<id>[^/]+)', rtrim( $short, '/' ) );
		$this->assertArrayHasKey( "$method $route", self::endpoints(), "$row is not in the REST index." );
		if ( str_ends_with( $short, '/no-show' ) ) {
			// Only a confirmed booking whose start has passed can be a no-show: the scene's, moved there.
			$this->confirmed_in_the_past( $this->bookings['other'] );
		}

		foreach ( self::ROLES as $i => $role ) {
			$request = $this->valid_request( $method, $route, $i );
			if ( ! empty( $parts[3] ) ) {
				$request['query']['context'] = 'edit';
			}
			if ( ! empty( $parts[4] ) ) {
				$request['path'] = (string) preg_replace( '#^bookings/\d+#', 'bookings/' . $this->bookings['own'], $request['path'] );
				$request['path'] = (string) preg_replace( array( '#^employees/\d+/calendar-sync#', '#/calendars/\d+#' ), array( 'employees/' . $this->employee->id . '/calendar-sync', '/calendars/' . $this->own_calendar ), $request['path'] );
			}
			$wpdb->query( 'SAVEPOINT access_matrix' );
			$before = $this->fingerprint();
			$this->act_as( $role );
			$response = self::serve( self::json_request( $method, $request['path'], $request['body'], $request['query'] ) );
			$this->log_out();
			$status = $response->get_status();
			$data   = $response->get_data();
			if ( 'POST /holds' === "$method $short" && 201 === $status ) {
				$this->remember_hold( $data );
			}
			$what = "$row as $role";
			$this->assertSame( $statuses[ $i ], $status, "$what: " . wp_json_encode( $data ) );
			if ( $status >= 400 ) {
				$reason = str_starts_with( $short, '/holds/' ) ? 'HOLD_NOT_FOUND' : ( 404 === $status ? 'NOT_FOUND' : 'FORBIDDEN' );
				$this->assertError( $status, $reason, $response, $what );
				$this->assertSame( $before, $this->fingerprint(), "$what was refused, yet something changed." );
			}
			$wpdb->query( 'ROLLBACK TO SAVEPOINT access_matrix' );
		}//end foreach
	}

	public function test_a_linked_employee_counts_their_own_bookings_and_not_another_employees(): void {
		$this->act_as( 'employee' );
		$own = self::serve( self::json_request( 'GET', 'booking-counts' ) );
		$this->assertSame( 200, $own->get_status() );
		$this->assertSame( 0, $own->get_data()['pending'], 'The other employee\'s pending booking is not counted.' );
		$this->assertSame( 1, $own->get_data()['confirmed'], 'Their own booking is.' );
		$this->assertError( 403, 'FORBIDDEN', self::serve( self::json_request( 'GET', 'booking-counts', null, array( 'employee' => $this->ben->id ) ) ), 'Another employee\'s counts' );
		$this->log_out();

		$this->act_as( 'administrator' );
		$this->assertSame( 1, self::serve( self::json_request( 'GET', 'booking-counts', null, array( 'employee' => $this->ben->id ) ) )->get_data()['pending'], 'An administrator counts anyone\'s.' );
		$this->log_out();
	}

	/**
	 * MATRIX as data sets.
	 *
	 * @return array<string, array{0: string, 1: int[]}>
	 */
	public function matrix_rows(): array {
		$rows = array();
		foreach ( self::MATRIX as $row => $statuses ) {
			$rows[ $row ] = array( $row, $statuses );
		}
		return $rows;
	}

	/**
	 * The MATRIX key of an index entry.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route pattern.
	 */
	private static function row_key( string $method, string $route ): string {
		$short = substr( $route, strlen( self::PREFIX ) );
		return $method . ' ' . ( '' === $short ? '/' : str_replace( '(?P<id>[^/]+)', '{id}', $short ) );
	}
}
