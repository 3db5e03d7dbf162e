<?php
/**
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\SeatLedger;
use AppointEase\Booking\SlotTakenException;
use AppointEase\Infrastructure\Schema;
use AppointEase\Tests\Integration\TestCase;

final class SeatLedgerTest extends TestCase {

	private SeatLedger $ledger;

	protected function set_up(): void {
		parent::set_up();
		$this->ledger = new SeatLedger();
	}

	public function test_releasing_the_last_seat_frees_the_cells_for_another_service(): void {
		$this->claim( 101, 7, '10:00', '09:50', '10:40', 1, 1 );
		$this->assertSame( 10, $this->rows( 'occupancy' ) );

		$this->ledger->release( 101 );

		$this->assertSame( 0, $this->rows( 'occupancy' ) );
		$this->assertSame( 0, $this->rows( 'seats' ) );
		$this->claim( 102, 8, '10:00', '10:00', '10:30', 1, 1 ); // Would be SLOT_TAKEN if the cells were still held.
		$this->assertSame( 6, $this->rows( 'occupancy' ) );
	}

	public function test_releasing_one_booking_of_a_group_keeps_the_session_for_the_others(): void {
		$this->claim( 201, 9, '18:00', '18:00', '19:00', 2, 4 );
		$this->claim( 202, 9, '18:00', '18:00', '19:00', 1, 4 );

		$this->ledger->release( 201 );

		$this->assertSame( 1, $this->rows( 'seats' ) );
		$this->assertSame( 12, $this->rows( 'occupancy' ) );
		$this->claim( 203, 9, '18:00', '18:00', '19:00', 3, 4 ); // The two freed seats and one more.
		$this->assertSame( 4, $this->rows( 'seats' ) );
	}

	public function test_asking_for_more_seats_than_are_left_is_refused_and_the_callers_rollback_leaves_no_seat(): void {
		global $wpdb;
		$this->claim( 301, 9, '18:00', '18:00', '19:00', 3, 4 );

		$wpdb->query( 'SAVEPOINT second_booking' ); // Stands for the booking service's own transaction.
		try {
			$this->claim( 302, 9, '18:00', '18:00', '19:00', 2, 4 );
			$this->fail( 'Two seats were sold where one was left.' );
		} catch ( SlotTakenException $e ) {
			$wpdb->query( 'ROLLBACK TO SAVEPOINT second_booking' );
		}

		$this->assertSame( 3, $this->rows( 'seats' ) );
		$this->assertSame( '0', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( 'seats' ) . ' WHERE booking_id = 302' ) );
	}

	public function test_intervals_off_the_five_minute_grid_are_rejected(): void {
		$this->expectException( \InvalidArgumentException::class );
		SeatLedger::cells( new \DateTimeImmutable( '2030-01-07T10:02:00Z' ), new \DateTimeImmutable( '2030-01-07T10:30:00Z' ) );
	}

	private function claim( int $booking, int $service, string $start, string $from, string $to, int $seats, int $capacity ): void {
		$day = '2030-01-07T';
		$this->ledger->claim( $booking, 5, $service, new \DateTimeImmutable( $day . $start . ':00Z' ), new \DateTimeImmutable( $day . $from . ':00Z' ), new \DateTimeImmutable( $day . $to . ':00Z' ), $seats, $capacity );
	}

	private function rows( string $table ): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( $table ) );
	}
}
