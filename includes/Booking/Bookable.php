<?php
/**
 * Finds the service and employee a visitor asks for, or says why not.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Booking;

use AppointEase\Catalog\Employee;
use AppointEase\Catalog\EmployeeRepository;
use AppointEase\Catalog\Service;
use AppointEase\Catalog\ServiceRepository;

defined( 'ABSPATH' ) || exit;

/**
 * The one place that decides whether a service and an employee can be
 * booked together: both exist, both are active, and the employee gives the
 * service. Bookings, holds and the public read routes all ask it.
 */
final class Bookable {

	/**
	 * Builds it.
	 *
	 * @param ServiceRepository  $services  Services.
	 * @param EmployeeRepository $employees Employees.
	 */
	public function __construct( private readonly ServiceRepository $services, private readonly EmployeeRepository $employees ) {
	}

	/**
	 * An active service.
	 *
	 * @param int $service_id Service row id.
	 * @throws Refusal NOT_FOUND when it is missing or inactive.
	 */
	public function service( int $service_id ): Service {
		$service = $this->services->find( $service_id );
		if ( null === $service || ! $service->active ) {
			throw new Refusal( 'NOT_FOUND', __( 'This service does not exist or cannot be booked.', 'appointease' ) );
		}
		return $service;
	}

	/**
	 * An active employee who gives the service.
	 *
	 * @param int     $employee_id Employee row id.
	 * @param Service $service     The service.
	 * @throws Refusal NOT_FOUND when they are missing or inactive, SLOT_NOT_FOUND when they do not give it.
	 */
	public function employee( int $employee_id, Service $service ): Employee {
		$employee = $this->employees->find( $employee_id );
		if ( null === $employee || ! $employee->active ) {
			throw new Refusal( 'NOT_FOUND', __( 'This employee does not exist or cannot be booked.', 'appointease' ) );
		}
		if ( ! $employee->offers( $service->id ) ) {
			throw new Refusal( 'SLOT_NOT_FOUND', __( 'This employee does not give this service.', 'appointease' ) );
		}
		return $employee;
	}

	/**
	 * Both at once.
	 *
	 * @param int $service_id  Service row id.
	 * @param int $employee_id Employee row id.
	 * @return array{0: Service, 1: Employee}
	 */
	public function pair( int $service_id, int $employee_id ): array {
		$service = $this->service( $service_id );
		return array( $service, $this->employee( $employee_id, $service ) );
	}

	/**
	 * The active employees who give the service ("any available").
	 *
	 * @param Service $service The service.
	 * @return Employee[]
	 */
	public function employees_for( Service $service ): array {
		return $this->employees->all( true, $service->id );
	}
}
