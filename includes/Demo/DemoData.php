<?php
/**
 * Demo employees, services and working hours.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Demo;

use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\BookingService;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Form\Fields;
use AppointEase\Settings\Settings;
use AppointEase\Infrastructure\Transaction;

defined( 'ABSPATH' ) || exit;

/**
 * A small business to try the plugin on: three employees whose hours together
 * cover every day of the week, four services of which one is a group class,
 * a few bookings in the coming days and eight weeks of past ones (mostly
 * completed, some cancelled, a few no-shows), so that the dashboard has
 * figures to show. Everything goes through the repositories and the
 * booking service, the same code paths as the REST API, and is the same
 * on every run: no randomness, only the date moves.
 */
final class DemoData {

	/**
	 * Services: name, duration, buffer before, buffer after, capacity, price.
	 *
	 * @var array<string, array{0: int, 1: int, 2: int, 3: int, 4: string}>
	 */
	private const SERVICES = array(
		'Haircut'          => array( 30, 0, 10, 1, '35.00' ),
		'Consultation'     => array( 45, 0, 0, 1, '60.00' ),
		'Colour treatment' => array( 90, 15, 15, 1, '120.00' ),
		'Yoga class'       => array( 60, 0, 15, 8, '15.00' ),
	);

	/**
	 * Employees: email, services given, weekly hours (ISO weekday => ranges).
	 *
	 * @var array<string, array{0: string, 1: string[], 2: array<int, array<int, array{0: string, 1: string}>>}>
	 */
	private const EMPLOYEES = array(
		'Ana Silva'    => array(
			'ana@example.com',
			array( 'Haircut', 'Colour treatment', 'Consultation' ),
			array(
				1 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				2 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				3 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				4 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
				5 => array( array( '09:00', '12:30' ), array( '13:30', '17:00' ) ),
			),
		),
		'Ben Okafor'   => array(
			'ben@example.com',
			array( 'Consultation', 'Yoga class' ),
			array(
				2 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				3 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				4 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				5 => array( array( '10:00', '13:00' ), array( '14:00', '18:00' ) ),
				6 => array( array( '10:00', '16:00' ) ),
			),
		),
		'Chloé Martin' => array(
			'chloe@example.com',
			array( 'Haircut', 'Yoga class' ),
			array(
				1 => array( array( '16:00', '20:00' ) ),
				3 => array( array( '08:00', '12:00' ), array( '16:00', '20:00' ) ),
				6 => array( array( '09:00', '13:00' ) ),
				7 => array( array( '09:00', '13:00' ), array( '14:00', '17:00' ) ),
			),
		),
	);

	/**
	 * Bookings: service, employee, weekday (next one), local time, seats, customer.
	 *
	 * @var array<int, array{0: string, 1: string, 2: string, 3: string, 4: int, 5: string}>
	 */
	private const BOOKINGS = array(
		array( 'Haircut', 'Ana Silva', 'tuesday', '10:00', 1, 'Maria Lopez' ),
		array( 'Colour treatment', 'Ana Silva', 'wednesday', '14:00', 1, 'Jonas Berg' ),
		array( 'Yoga class', 'Ben Okafor', 'saturday', '11:00', 3, 'Priya Shah' ),
		array( 'Haircut', 'Chloé Martin', 'sunday', '10:00', 1, 'Tom Evans' ),
	);

	/** Days back the past bookings reach: the dashboard's eight weeks. */
	private const HISTORY_DAYS = 56;

	/** Customers of the past bookings, taken in turn. */
	private const CUSTOMERS = array( 'Maria Lopez', 'Jonas Berg', 'Priya Shah', 'Tom Evans', 'Lea Fischer', 'Omar Haddad', 'Sofia Rossi', 'Kenji Sato', 'Amara Diallo', 'Lukas Novak', 'Nina Petrova', 'Sam Carter' );

	/** Minutes left free after a past booking's buffer, taken in turn: a day is busy, not full. */
	private const GAPS = array( 30, 90, 15, 60, 120 );

	/**
	 * Whether the site already has employees (then seeding would duplicate).
	 */
	public static function is_seeded(): bool {
		return array() !== ( new EmployeeRepository() )->all( false );
	}

	/**
	 * Adds the demo services, employees and bookings.
	 *
	 * @param \DateTimeImmutable|null $now The current instant; bookings are made in the days after it and the eight weeks before.
	 * @return array{employees: int, services: int, bookings: int} How many of each were added.
	 */
	public static function seed( ?\DateTimeImmutable $now = null ): array {
		$now = $now ?? new \DateTimeImmutable( 'now' );
		// The demo's prices are euros (its site runs on Berlin time); a currency the site chose stays.
		if ( '' === Settings::text( 'currency' ) ) {
			Settings::update( array( 'currency' => 'EUR' ) );
		}
		self::seed_form();
		$services  = new ServiceRepository();
		$employees = new EmployeeRepository();
		/**
		 * Service ids by name.
		 *
		 * @var array<string, int> $service_ids
		 */
		$service_ids = array();
		foreach ( self::SERVICES as $name => list( $duration, $before, $after, $capacity, $price ) ) {
			$service_ids[ $name ] = $services->insert(
				array(
					'name'          => $name,
					'duration'      => $duration,
					'buffer_before' => $before,
					'buffer_after'  => $after,
					'capacity'      => $capacity,
					'price'         => $price,
					'active'        => true,
				)
			)->id;
		}

		$employee_ids = array();
		foreach ( self::EMPLOYEES as $name => list( $email, $given, $week ) ) {
			$hours = array();
			foreach ( $week as $weekday => $ranges ) {
				foreach ( $ranges as list( $start, $end ) ) {
					$hours[] = array(
						'weekday' => $weekday,
						'start'   => $start,
						'end'     => $end,
					);
				}
			}
			$fields                = array(
				'name'     => $name,
				'email'    => $email,
				'services' => array_map( static fn( string $service ): int => $service_ids[ $service ], $given ),
				'hours'    => $hours,
			);
			$employee_ids[ $name ] = Transaction::run( static fn() => $employees->insert( $fields ) )->id;
		}

		return array(
			'employees' => count( self::EMPLOYEES ),
			'services'  => count( self::SERVICES ),
			'bookings'  => self::book_examples( $service_ids, $employee_ids, $now ) + self::book_history( $service_ids, $employee_ids, $now ),
		);
	}

	/**
	 * The booking form a new user should see: one optional select field for
	 * every service, and the consent box.
	 */
	private static function seed_form(): void {
		if ( array() === Fields::active() ) {
			Fields::create(
				array(
					'label'   => __( 'How did you hear about us?', 'appointease' ),
					'type'    => 'select',
					'options' => array( __( 'A friend', 'appointease' ), __( 'Search engine', 'appointease' ), __( 'Social media', 'appointease' ), __( 'Other', 'appointease' ) ),
				)
			);
		}
		Settings::update( array( 'consent_required' => true ) );
	}

	/**
	 * Books a few times in the coming days, so the calendar is not empty.
	 * A time that cannot be booked (a setting made it too soon) is skipped.
	 *
	 * @param array<string, int> $service_ids  Service ids by name.
	 * @param array<string, int> $employee_ids Employee ids by name.
	 * @param \DateTimeImmutable $now          The current instant.
	 * @return int How many bookings were made.
	 */
	private static function book_examples( array $service_ids, array $employee_ids, \DateTimeImmutable $now ): int {
		$booking = BookingService::create_default();
		$site    = wp_timezone();
		$made    = 0;
		foreach ( self::BOOKINGS as list( $service, $employee, $weekday, $time, $seats, $customer ) ) {
			$day   = $now->setTimezone( $site )->modify( 'next ' . $weekday );
			$start = new \DateTimeImmutable( $day->format( 'Y-m-d' ) . ' ' . $time, $site );
			try {
				$booking->book( new BookingRequest( $service_ids[ $service ], $employee_ids[ $employee ], $start, $seats, $customer, strtolower( strtok( $customer, ' ' ) ) . '@example.com' ), $now );
				++$made;
			} catch ( Refusal $refusal ) {
				continue;
			}
		}
		return $made;
	}

	/**
	 * Books the past eight weeks: on each working day up to today, each
	 * employee's hours are filled from their start with the services they
	 * give in turn, a gap after each, up to now (fill_range()).
	 *
	 * @param array<string, int> $service_ids  Service ids by name.
	 * @param array<string, int> $employee_ids Employee ids by name.
	 * @param \DateTimeImmutable $now          The current instant.
	 * @return int How many bookings were made.
	 */
	private static function book_history( array $service_ids, array $employee_ids, \DateTimeImmutable $now ): int {
		$site  = wp_timezone();
		$today = $now->setTimezone( $site )->setTime( 0, 0 );
		$made  = 0;
		for ( $back = self::HISTORY_DAYS; $back >= 0; $back-- ) {
			$day = $today->modify( "-$back days" )->format( 'Y-m-d' );
			foreach ( self::EMPLOYEES as $employee => list( , $given, $week ) ) {
				$ids = array_map( static fn( string $service ): int => $service_ids[ $service ], array_combine( $given, $given ) );
				foreach ( $week[ (int) $today->modify( "-$back days" )->format( 'N' ) ] ?? array() as list( $from, $until ) ) {
					$made = self::fill_range( $ids, $employee_ids[ $employee ], new \DateTimeImmutable( "$day $from", $site ), new \DateTimeImmutable( "$day $until", $site ), $made, $now );
				}
			}
		}
		return $made;
	}

	/**
	 * Fills one working range of a past day, from its start, with sessions
	 * that ended before now: the employee's services in turn, each followed
	 * by its buffer and a gap. Each is booked
	 * as an admin books a past time (with `override`, "now" a day before its
	 * start), so the ledger still refuses any overlap; a refused time is left
	 * empty. Then settle() decides what became of it.
	 *
	 * @param array<string, int> $services The employee's service ids by name.
	 * @param int                $employee The employee.
	 * @param \DateTimeImmutable $start    The range's start.
	 * @param \DateTimeImmutable $end      The range's end.
	 * @param int                $made     Past bookings made so far (it picks the customer, service, seats and gap).
	 * @param \DateTimeImmutable $now      The current instant.
	 * @return int Past bookings made so far, these included.
	 */
	private static function fill_range( array $services, int $employee, \DateTimeImmutable $start, \DateTimeImmutable $end, int $made, \DateTimeImmutable $now ): int {
		$booking = BookingService::create_default();
		$names   = array_keys( $services );
		while ( true ) {
			$service                               = $names[ ( $made + (int) $start->format( 'j' ) ) % count( $names ) ];
			list( $duration, , $after, $capacity ) = self::SERVICES[ $service ];
			if ( $start->modify( "+$duration minutes" ) > min( $end, $now ) ) {
				return $made;
			}
			$customer = self::CUSTOMERS[ $made % count( self::CUSTOMERS ) ];
			$email    = strtolower( (string) strtok( $customer, ' ' ) ) . '@example.com';
			try {
				$made_one = $booking->book( new BookingRequest( $services[ $service ], $employee, $start, $capacity > 1 ? 2 + $made % 5 : 1, $customer, $email, '', '', null, null, false, null, true ), $start->modify( '-1 day' ) );
				self::settle( $booking, $made_one->booking->id, $made, $now );
				++$made;
			} catch ( Refusal $refusal ) {
				unset( $refusal );
				// Taken already or refused by a setting: the time stays empty.
			}
			$start = $start->modify( '+' . ( $duration + $after + self::GAPS[ $made % count( self::GAPS ) ] ) . ' minutes' );
		}
	}

	/**
	 * What became of a past booking: every ninth cancelled, every thirteenth
	 * a no-show, the rest completed (approved first where bookings need approval).
	 *
	 * @param BookingService     $booking The booking service.
	 * @param int                $id      The booking.
	 * @param int                $n       Its number among the past bookings.
	 * @param \DateTimeImmutable $now     The current instant.
	 * @throws Refusal When the booking cannot change so (it then stays as booked).
	 */
	private static function settle( BookingService $booking, int $id, int $n, \DateTimeImmutable $now ): void {
		if ( Settings::bool( 'approval_required' ) ) {
			$booking->approve( $id );
		}
		if ( 3 === $n % 9 ) {
			$booking->cancel( $id, $now, true );
		} elseif ( 5 === $n % 13 ) {
			$booking->mark_no_show( $id, $now );
		} else {
			$booking->complete( $id );
		}
	}
}
