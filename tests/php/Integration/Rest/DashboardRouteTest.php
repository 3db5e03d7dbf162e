<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Rest;

use AppointEase\Infrastructure\Installer;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\Support\QueuedEmails;

/**
 * Issue 18: `GET dashboard` (the dashboard's figures) and
 * `POST bookings/{id}/resend` (send the customer's email again) are for
 * managers only; the figures count the seeded bookings by week.
 */
final class DashboardRouteTest extends RestTestCase {

	public function test_only_managers_read_the_figures_and_resend_emails(): void {
		$booking = $this->book( '10:00' )['id'];
		QueuedEmails::take();

		$this->assertError( 401, 'FORBIDDEN', $this->get( 'dashboard' ), 'Visitors may not read the figures.' );
		$this->assertError( 401, 'FORBIDDEN', $this->post( 'bookings/' . $booking . '/resend' ), 'Visitors may not resend.' );
		$this->log_in_as( 'subscriber' );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'dashboard' ) );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings/' . $booking . '/resend' ) );
		$user = $this->log_in_as( Installer::EMPLOYEE_ROLE );
		$this->employees->update( $this->employee->id, array( 'wp_user' => $user ) );
		$this->assertError( 403, 'FORBIDDEN', $this->get( 'dashboard' ), 'A linked employee sees their bookings, not the business figures.' );
		$this->assertError( 403, 'FORBIDDEN', $this->post( 'bookings/' . $booking . '/resend' ), 'Not even for their own booking.' );
		$this->assertSame( array(), QueuedEmails::take(), 'A refused resend sends nothing.' );

		$this->log_in_as_admin();
		$this->assertOk( 200, $this->get( 'dashboard' ) );
		$this->assertSame( array( 'id' => $booking, 'resent' => true ), $this->assertOk( 200, $this->post( 'bookings/' . $booking . '/resend' ) ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- short.
		$sent = QueuedEmails::take();
		$this->assertSame( array( array( 'maria@example.com' ) ), array_map( static fn( array $mail ): array => (array) $mail['to'], $sent ), 'The customer gets one email again, the staff none.' );

		$this->assertError( 404, 'NOT_FOUND', $this->post( 'bookings/999999/resend' ) );
		$this->assertOk( 200, $this->post( 'bookings/' . $booking . '/cancel' ) );
		QueuedEmails::take();
		$this->assertError( 409, 'STATUS_CONFLICT', $this->post( 'bookings/' . $booking . '/resend' ), 'A cancelled booking has no confirmation to send.' );
		$this->assertSame( array(), QueuedEmails::take() );
		$this->assertError( 400, 'VALIDATION_ERROR', $this->get( 'dashboard', array( 'weeks' => 99 ) ) );
	}

	public function test_the_figures_count_the_seeded_bookings_by_week(): void {
		$this->service  = $this->make_service(
			array(
				'capacity' => 3,
				'price'    => '40.00',
			)
		);
		$zone           = new \DateTimeZone( self::TIMEZONE );
		$today          = new \DateTimeImmutable( 'today', $zone );
		$this_week      = $today->modify( '-' . ( (int) $today->format( 'N' ) - 1 ) . ' days' );
		$other_day      = '1' === $today->format( 'N' ) ? $this_week->modify( '+1 day' ) : $this_week;
		$last_week      = $this_week->modify( '-7 days' );
		$long_ago       = $this_week->modify( '-9 weeks' );
		$this->employee = $this->make_employee( array( $this->service->id ), array( 'days_off' => array( array( 'start' => $other_day->format( 'Y-m-d' ), 'end' => $other_day->format( 'Y-m-d' ), 'reason' => 'Dentist' ) ) ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one row.

		$seeds = array(
			array( $today, '10:00', 'confirmed', 1 ),
			array( $today, '11:00', 'no_show', 1 ),
			array( $other_day, '09:00', 'completed', 2 ),
			array( $other_day, '10:00', 'cancelled', 1 ),
			array( $other_day, '11:00', 'rejected', 1 ),
			array( $last_week, '10:00', 'completed', 1 ),
			array( $last_week, '11:00', 'no_show', 1 ),
			array( $long_ago, '10:00', 'confirmed', 1 ),
		);
		// Booked as visitors on free times first, then put where the figures need them.
		$free = array( '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30' );
		foreach ( $seeds as $i => $seed ) {
			$id = $this->book( $free[ $i ], array( 'employee' => $this->employee->id, 'service' => $this->service->id ) )['id']; // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- short.
			self::place( $id, $seed[0]->format( 'Y-m-d' ) . ' ' . $seed[1], $seed[2], $seed[3] );
		}

		$this->log_in_as_admin();
		$figures = $this->assertOk( 200, $this->get( 'dashboard' ) );
		$this->assertSame( $today->format( 'Y-m-d' ), $figures['today'] );
		$this->assertSame( $this_week->format( 'Y-m-d' ), $figures['week_start'] );
		$this->assertSame( 2, $figures['today_count'], 'Today: the confirmed booking and the no-show.' );
		$this->assertSame( 3, $figures['week_count'], 'This week: also the completed class; cancelled and rejected ones do not count.' );
		$this->assertCount( 8, $figures['weeks'] );
		$this->assertSame(
			array(
				'start'         => $this_week->format( 'Y-m-d' ),
				'bookings'      => 3,
				'cancellations' => 1,
				'no_shows'      => 1,
				'revenue'       => 160.0,
			),
			$figures['weeks'][7],
			'Revenue is price × seats: 40 + 40 + 2 × 40.'
		);
		$this->assertSame(
			array(
				'start'         => $last_week->format( 'Y-m-d' ),
				'bookings'      => 2,
				'cancellations' => 0,
				'no_shows'      => 1,
				'revenue'       => 80.0,
			),
			$figures['weeks'][6]
		);
		$this->assertSame( 0, array_sum( array_column( array_slice( $figures['weeks'], 0, 6 ), 'bookings' ) ), 'The booking of nine weeks ago is outside the eight weeks.' );
		$this->assertSame(
			array(
				'no_shows' => 2,
				'happened' => 4,
				'rate'     => 0.5,
			),
			$figures['no_show_rate']
		);
		$mine = array_values( array_filter( $figures['utilisation'], fn( array $row ): bool => $row['employee'] === $this->employee->id ) );
		$this->assertSame(
			array(
				array(
					'employee'        => $this->employee->id,
					'name'            => 'Ana Silva',
					'booked_minutes'  => 90,
					'working_minutes' => 4 * 420,
				),
			),
			$mine,
			'Three 30-minute sessions booked; five 7-hour days less the day off.'
		);
		$this->assertCount( 12, $this->assertOk( 200, $this->get( 'dashboard', array( 'weeks' => 12 ) ) )['weeks'] );
	}

	/**
	 * Puts a booking at a local time (site timezone), 30 minutes long, with a status and seats.
	 *
	 * @param int    $id     Booking id.
	 * @param string $local  "Y-m-d H:i".
	 * @param string $status The status.
	 * @param int    $seats  Seats.
	 */
	private static function place( int $id, string $local, string $status, int $seats ): void {
		global $wpdb;
		$start = ( new \DateTimeImmutable( $local, new \DateTimeZone( self::TIMEZONE ) ) )->setTimezone( new \DateTimeZone( 'UTC' ) );
		$wpdb->update( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test fixture.
			Schema::table( 'bookings' ),
			array(
				'start_utc' => $start->format( 'Y-m-d H:i:s' ),
				'end_utc'   => $start->modify( '+30 minutes' )->format( 'Y-m-d H:i:s' ),
				'status'    => $status,
				'seats'     => $seats,
			),
			array( 'id' => $id )
		);
	}
}
