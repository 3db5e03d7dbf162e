<?php
/**
 * The admin list of bookings (BookingRepository::page) over bookings made
 * through the booking service.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Booking;

use AppointEase\Booking\Booking;
use AppointEase\Booking\BookingRepository;
use AppointEase\Booking\BookingService;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Settings\Settings;
use AppointEase\Tests\Integration\Support\Fixtures;
use AppointEase\Tests\Integration\TestCase;

final class BookingServicePageTest extends TestCase {

	private Fixtures $fixtures;

	private BookingRepository $repository;

	private Service $haircut;

	private Service $consultation;

	private Employee $ana;

	private Employee $ben;

	/**
	 * Booking ids by a short name.
	 *
	 * @var array<string, int>
	 */
	private array $ids = array();

	protected function set_up(): void {
		parent::set_up();
		$this->fixtures = new Fixtures();
		$this->fixtures->use_site_timezone();
		$this->repository   = new BookingRepository();
		$this->haircut      = $this->fixtures->service( array( 'name' => 'Haircut' ) );
		$this->consultation = $this->fixtures->service(
			array(
				'name'     => 'Consultation',
				'duration' => 60,
			)
		);
		$this->ana          = $this->fixtures->employee( array( $this->haircut->id, $this->consultation->id ) );
		$this->ben          = $this->fixtures->employee( array( $this->haircut->id ), array( 'name' => 'Ben' ) );

		$service = BookingService::create_default();
		$book    = function ( string $name, Service $what, Employee $who, string $local, string $customer, string $email, string $phone = '' ) use ( $service ): void {
			$this->ids[ $name ] = $service->book(
				Fixtures::request(
					$what,
					$who,
					$local,
					array(
						'name'  => $customer,
						'email' => $email,
						'phone' => $phone,
					)
				),
				Fixtures::now()
			)->booking->id;
		};
		$book( 'ana_mon_10', $this->haircut, $this->ana, Fixtures::MONDAY . ' 10:00', 'Maria Lopez', 'maria@example.com', '+49 170 555' );
		$book( 'ana_mon_14', $this->consultation, $this->ana, Fixtures::MONDAY . ' 14:00', 'Tom 100% Sure', 'tom@example.org' );
		$book( 'ben_mon_10', $this->haircut, $this->ben, Fixtures::MONDAY . ' 10:00', 'Lee Chan', 'lee@example.net' );
		$book( 'ana_tue_09', $this->haircut, $this->ana, Fixtures::TUESDAY . ' 09:00', 'Ada Maria', 'ada@example.com' );
		Settings::update( array( 'approval_required' => true ) );
		$book( 'ben_tue_11', $this->haircut, $this->ben, Fixtures::TUESDAY . ' 11:00', 'Kim Park', 'kim@example.com' );
		$service->cancel( $this->ids['ana_mon_14'], Fixtures::now(), true );
	}

	protected function tear_down(): void {
		$this->fixtures->clean_up();
		parent::tear_down();
	}

	public function test_without_filters_every_booking_is_listed_latest_start_first(): void {
		$page = $this->repository->page( array(), 1, 20 );

		$this->assertSame( 5, $page['total'] );
		$this->assertSame( $this->names( array( 'ben_tue_11', 'ana_tue_09', 'ana_mon_14', 'ben_mon_10', 'ana_mon_10' ) ), self::ids( $page['items'] ), 'Same start: the later id first.' );
	}

	public function test_pages_split_the_list_and_the_total_counts_every_match(): void {
		$first  = $this->repository->page( array(), 1, 2 );
		$second = $this->repository->page( array(), 2, 2 );
		$third  = $this->repository->page( array(), 3, 2 );
		$beyond = $this->repository->page( array(), 4, 2 );

		$this->assertSame( array( 5, 5, 5, 5 ), array( $first['total'], $second['total'], $third['total'], $beyond['total'] ) );
		$this->assertSame( $this->names( array( 'ben_tue_11', 'ana_tue_09' ) ), self::ids( $first['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_14', 'ben_mon_10' ) ), self::ids( $second['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_10' ) ), self::ids( $third['items'] ) );
		$this->assertSame( array(), $beyond['items'] );
	}

	public function test_filters_by_employee_service_and_status(): void {
		$this->assertSame( $this->names( array( 'ana_tue_09', 'ana_mon_14', 'ana_mon_10' ) ), self::ids( $this->repository->page( array( 'employee' => $this->ana->id ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_14' ) ), self::ids( $this->repository->page( array( 'service' => $this->consultation->id ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ben_tue_11' ) ), self::ids( $this->repository->page( array( 'status' => Booking::PENDING ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_14' ) ), self::ids( $this->repository->page( array( 'status' => Booking::CANCELLED ), 1, 20 )['items'] ) );

		$combined = $this->repository->page(
			array(
				'employee' => $this->ana->id,
				'service'  => $this->haircut->id,
				'status'   => Booking::CONFIRMED,
			),
			1,
			1
		);
		$this->assertSame( 2, $combined['total'] );
		$this->assertSame( $this->names( array( 'ana_tue_09' ) ), self::ids( $combined['items'] ) );
	}

	public function test_from_and_to_select_bookings_that_overlap_the_window(): void {
		// Monday 10:15-14:30 Berlin: ana_mon_10 (10:00-10:30), ben_mon_10 and ana_mon_14 (14:00-15:00) overlap it.
		$window = $this->repository->page(
			array(
				'from' => '2030-01-07 09:15:00',
				'to'   => '2030-01-07 13:30:00',
			),
			1,
			20
		);
		$this->assertSame( $this->names( array( 'ana_mon_14', 'ben_mon_10', 'ana_mon_10' ) ), self::ids( $window['items'] ) );

		$touching = $this->repository->page(
			array(
				'from' => '2030-01-07 09:30:00',
				'to'   => '2030-01-07 13:00:00',
			),
			1,
			20
		);
		$this->assertSame( 0, $touching['total'], 'A booking that ends at from or starts at to is outside.' );

		$this->assertSame( 2, $this->repository->page( array( 'from' => '2030-01-08 00:00:00' ), 1, 20 )['total'] );
		$this->assertSame( 3, $this->repository->page( array( 'to' => '2030-01-08 00:00:00' ), 1, 20 )['total'] );
	}

	public function test_search_matches_name_email_or_phone_and_treats_wildcards_literally(): void {
		$this->assertSame( $this->names( array( 'ana_tue_09', 'ana_mon_10' ) ), self::ids( $this->repository->page( array( 'search' => 'maria' ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_14' ) ), self::ids( $this->repository->page( array( 'search' => 'example.org' ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_10' ) ), self::ids( $this->repository->page( array( 'search' => '170 555' ), 1, 20 )['items'] ) );
		$this->assertSame( $this->names( array( 'ana_mon_14' ) ), self::ids( $this->repository->page( array( 'search' => '100%' ), 1, 20 )['items'] ) );
		$this->assertSame( 0, $this->repository->page( array( 'search' => 'Maria_Lopez' ), 1, 20 )['total'] );
		$this->assertSame( 5, $this->repository->page( array( 'search' => '' ), 1, 20 )['total'] );
		$this->assertSame( 0, $this->repository->page( array( 'search' => "' OR 1=1 -- " ), 1, 20 )['total'] );
	}

	public function test_search_combines_with_the_other_filters(): void {
		$page = $this->repository->page(
			array(
				'search'   => 'maria',
				'employee' => $this->ana->id,
				'from'     => '2030-01-08 00:00:00',
			),
			1,
			20
		);

		$this->assertSame( 1, $page['total'] );
		$this->assertSame( $this->names( array( 'ana_tue_09' ) ), self::ids( $page['items'] ) );
		$this->assertSame( 'Ada Maria', $page['items'][0]->customer_name );
	}

	/**
	 * @param string[] $names Keys of $this->ids.
	 * @return int[]
	 */
	private function names( array $names ): array {
		return array_map( fn( string $name ): int => $this->ids[ $name ], $names );
	}

	/**
	 * @param Booking[] $bookings Bookings.
	 * @return int[]
	 */
	private static function ids( array $bookings ): array {
		return array_map( static fn( Booking $booking ): int => $booking->id, $bookings );
	}
}
