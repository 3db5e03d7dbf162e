<?php
/**
 * A person who gives services.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Catalog;

use AppointEase\Schedule\DaysOff;
use AppointEase\Schedule\WeeklyHours;

defined( 'ABSPATH' ) || exit;

/**
 * An employee with the services they give, their weekly hours and days off.
 */
final class Employee {

	/**
	 * Builds the employee.
	 *
	 * @param int                                                           $id          Row id.
	 * @param string                                                        $name        Shown to visitors.
	 * @param string                                                        $email       Where their notifications go; never public.
	 * @param int|null                                                      $wp_user_id  The linked WordPress user, if any.
	 * @param string                                                        $timezone    An IANA timezone, or '' for the site's.
	 * @param bool                                                          $active      Whether visitors can book them.
	 * @param int[]                                                         $service_ids Services they give.
	 * @param WeeklyHours                                                   $hours       Working hours in their timezone.
	 * @param array<int, array{start: string, end: string, reason: string}> $days_off    Local date ranges, inclusive.
	 */
	public function __construct(
		public readonly int $id,
		public readonly string $name,
		public readonly string $email,
		public readonly ?int $wp_user_id,
		public readonly string $timezone,
		public readonly bool $active,
		public readonly array $service_ids,
		public readonly WeeklyHours $hours,
		public readonly array $days_off
	) {
	}

	/**
	 * Whether they give this service.
	 *
	 * @param int $service_id Row id of a service.
	 */
	public function offers( int $service_id ): bool {
		return in_array( $service_id, $this->service_ids, true );
	}

	/**
	 * The timezone their hours are in: their own, or else the site's.
	 *
	 * @param \DateTimeZone $site The site's timezone.
	 */
	public function timezone( \DateTimeZone $site ): \DateTimeZone {
		return self::zone( $this->timezone, $site );
	}

	/**
	 * A stored timezone name as a timezone: '' means the site's.
	 *
	 * @param string        $name An IANA timezone, or ''.
	 * @param \DateTimeZone $site The site's timezone.
	 */
	public static function zone( string $name, \DateTimeZone $site ): \DateTimeZone {
		return '' === $name ? $site : new \DateTimeZone( $name );
	}

	/**
	 * Their days off as the slot engine wants them.
	 */
	public function days_off_ranges(): DaysOff {
		return new DaysOff( array_map( static fn( array $range ): array => array( $range['start'], $range['end'] ), $this->days_off ) );
	}

	/**
	 * Weekly hours as a list of {weekday, start, end}, the shape the REST API uses.
	 *
	 * @return array<int, array{weekday: int, start: string, end: string}>
	 */
	public function hours_list(): array {
		$list = array();
		foreach ( $this->hours->working_days() as $weekday ) {
			foreach ( $this->hours->ranges( $weekday ) as $range ) {
				$list[] = array(
					'weekday' => $weekday,
					'start'   => $range->start_string(),
					'end'     => $range->end_string(),
				);
			}
		}
		return $list;
	}

	/**
	 * The fields anyone may see.
	 *
	 * @return array<string, mixed>
	 */
	public function to_public_array(): array {
		return array(
			'id'       => $this->id,
			'name'     => $this->name,
			'services' => $this->service_ids,
		);
	}

	/**
	 * Every field, for admins.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return $this->to_public_array() + array(
			'email'    => $this->email,
			'wp_user'  => $this->wp_user_id,
			'timezone' => $this->timezone,
			'active'   => $this->active,
			'hours'    => $this->hours_list(),
			'days_off' => $this->days_off,
		);
	}
}
