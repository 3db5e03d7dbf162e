<?php
/**
 * Services, employees and booking requests for integration tests, built
 * through the real repositories, and a recorder for the plugin's hooks.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Tests\Integration\Support;

use AppointEase\Booking\BookingRequest;
use AppointEase\Booking\Refusal;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;
use AppointEase\Infrastructure\Schema;

/**
 * One per test: call clean_up() in tear_down so that no listener outlives it.
 *
 * Times: the site runs on Europe/Berlin (set by use_site_timezone()), "now"
 * is Fixtures::now(), and MONDAY is a working day well inside the horizon.
 */
final class Fixtures {

	/** A Monday, six days after now(). */
	public const MONDAY = '2030-01-07';

	/** The Tuesday after it. */
	public const TUESDAY = '2030-01-08';

	/** The site timezone the tests use. */
	public const TIMEZONE = 'Europe/Berlin';

	public ServiceRepository $services;

	public EmployeeRepository $employees;

	/**
	 * Hook name => arguments of each call, in order.
	 *
	 * @var array<string, array<int, array<int, mixed>>>
	 */
	private array $heard = array();

	/**
	 * Hook names in the order they fired.
	 *
	 * @var string[]
	 */
	private array $sequence = array();

	/**
	 * Listeners added by listen(), to remove again.
	 *
	 * @var array<int, array{0: string, 1: \Closure}>
	 */
	private array $listeners = array();

	public function __construct() {
		$this->services  = new ServiceRepository();
		$this->employees = new EmployeeRepository();
	}

	/**
	 * The instant tests pass as "now": Tuesday 2030-01-01, 09:00 in Berlin.
	 */
	public static function now(): \DateTimeImmutable {
		return new \DateTimeImmutable( '2030-01-01T08:00:00Z' );
	}

	/**
	 * Sets the site's timezone for this test (the test's rollback restores it).
	 *
	 * @param string $timezone An IANA name.
	 */
	public function use_site_timezone( string $timezone = self::TIMEZONE ): void {
		update_option( 'timezone_string', $timezone );
		update_option( 'gmt_offset', '' );
	}

	/**
	 * A local wall-clock time as an instant.
	 *
	 * @param string $local    "Y-m-d H:i".
	 * @param string $timezone Where that wall clock hangs.
	 */
	public static function at( string $local, string $timezone = self::TIMEZONE ): \DateTimeImmutable {
		return new \DateTimeImmutable( $local, new \DateTimeZone( $timezone ) );
	}

	/**
	 * A 30-minute one-to-one service unless $fields says otherwise.
	 *
	 * @param array<string, mixed> $fields Fields keyed like Service::to_array().
	 */
	public function service( array $fields = array() ): Service {
		return $this->services->insert(
			array_merge(
				array(
					'name'     => 'Haircut',
					'duration' => 30,
					'capacity' => 1,
					'price'    => '35.00',
					'active'   => true,
				),
				$fields
			)
		);
	}

	/**
	 * An employee who gives these services, Monday to Friday 09:00-12:00 and 13:00-17:00.
	 *
	 * @param int[]                $service_ids Services they give.
	 * @param array<string, mixed> $fields      Fields keyed like Employee::to_array().
	 */
	public function employee( array $service_ids, array $fields = array() ): Employee {
		return $this->employees->insert(
			array_merge(
				array(
					'name'     => 'Ana Silva',
					'email'    => 'ana@example.com',
					'active'   => true,
					'services' => $service_ids,
					'hours'    => self::weekday_hours(),
				),
				$fields
			)
		);
	}

	/**
	 * Monday to Friday, 09:00-12:00 and 13:00-17:00, as a list of {weekday, start, end}.
	 *
	 * @return array<int, array{weekday: int, start: string, end: string}>
	 */
	public static function weekday_hours(): array {
		$hours = array();
		for ( $weekday = 1; $weekday <= 5; $weekday++ ) {
			$hours[] = array(
				'weekday' => $weekday,
				'start'   => '09:00',
				'end'     => '12:00',
			);
			$hours[] = array(
				'weekday' => $weekday,
				'start'   => '13:00',
				'end'     => '17:00',
			);
		}
		return $hours;
	}

	/**
	 * A booking request at a local time of the site's timezone.
	 *
	 * @param Service              $service  What.
	 * @param Employee             $employee With whom.
	 * @param string               $local    "Y-m-d H:i" in Berlin.
	 * @param array<string, mixed> $options  seats, name, email, phone, notes, key.
	 */
	public static function request( Service $service, Employee $employee, string $local, array $options = array() ): BookingRequest {
		$options = array_merge(
			array(
				'seats' => 1,
				'name'  => 'Maria Customer',
				'email' => 'maria@example.com',
				'phone' => '',
				'notes' => '',
				'key'   => null,
			),
			$options
		);
		return new BookingRequest(
			$service->id,
			$employee->id,
			self::at( $local ),
			(int) $options['seats'],
			(string) $options['name'],
			(string) $options['email'],
			(string) $options['phone'],
			(string) $options['notes'],
			null === $options['key'] ? null : (string) $options['key']
		);
	}

	/**
	 * The refusal $work throws, or null when it throws none.
	 *
	 * @param callable(): mixed $work A booking service call.
	 */
	public static function refusal( callable $work ): ?Refusal {
		try {
			$work();
		} catch ( Refusal $refusal ) {
			return $refusal;
		}
		return null;
	}

	/**
	 * Records every call of these hooks until clean_up().
	 *
	 * @param string ...$hooks Action names.
	 */
	public function listen( string ...$hooks ): void {
		foreach ( $hooks as $hook ) {
			$this->heard[ $hook ] = array();
			$listener             = function ( ...$args ) use ( $hook ): void {
				$this->heard[ $hook ][] = array_values( $args );
				$this->sequence[]       = $hook;
			};
			add_action( $hook, $listener, 10, 5 );
			$this->listeners[] = array( $hook, $listener );
		}
	}

	/**
	 * The arguments of each call of a hook listened to, in order.
	 *
	 * @param string $hook Action name.
	 * @return array<int, array<int, mixed>>
	 */
	public function heard( string $hook ): array {
		return $this->heard[ $hook ] ?? array();
	}

	/**
	 * The hooks listened to, in the order they fired.
	 *
	 * @return string[]
	 */
	public function sequence(): array {
		return $this->sequence;
	}

	/**
	 * Forgets what was heard so far (the hooks stay listened to).
	 */
	public function forget(): void {
		$this->sequence = array();
		foreach ( array_keys( $this->heard ) as $hook ) {
			$this->heard[ $hook ] = array();
		}
	}

	/**
	 * Removes the listeners.
	 */
	public function clean_up(): void {
		foreach ( $this->listeners as list( $hook, $listener ) ) {
			remove_action( $hook, $listener, 10 );
		}
		$this->listeners = array();
		$this->heard     = array();
		$this->sequence  = array();
	}

	/**
	 * Rows in one of the plugin's tables, optionally filtered by a prepared WHERE clause.
	 *
	 * @param string $table Unprefixed table name.
	 * @param string $where SQL condition.
	 */
	public static function rows( string $table, string $where = '1 = 1' ): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Schema::table( $table ) . ' WHERE ' . $where );
	}
}
