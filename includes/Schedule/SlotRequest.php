<?php
/**
 * What a caller asks the slot engine for.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Schedule;

defined( 'ABSPATH' ) || exit;

/**
 * One service over a range of local dates, with the booking window around
 * "now"; pure PHP, no WordPress.
 */
final class SlotRequest {

	/**
	 * Most dates one request may span, so a public route cannot ask for years of slots.
	 */
	public const MAX_DAYS = 366;

	/**
	 * Builds the request.
	 *
	 * @param int                $service_id     The service to place.
	 * @param ServiceRules       $rules          Its duration, buffers and capacity.
	 * @param string             $from           First local date, "Y-m-d".
	 * @param string             $to             Last local date, "Y-m-d", on or after $from.
	 * @param int                $step           Minutes between candidate starts, a multiple of 5, >= 5.
	 * @param \DateTimeImmutable $now            The current instant.
	 * @param int                $minimum_notice Minutes from now before which nothing can be booked, >= 0.
	 * @param int                $horizon_days   Days from now after which nothing is offered, >= 1.
	 * @throws \InvalidArgumentException When a value is out of range.
	 */
	public function __construct(
		public readonly int $service_id,
		public readonly ServiceRules $rules,
		public readonly string $from,
		public readonly string $to,
		public readonly int $step,
		public readonly \DateTimeImmutable $now,
		public readonly int $minimum_notice = 0,
		public readonly int $horizon_days = 365
	) {
		if ( $service_id < 1 ) {
			throw new \InvalidArgumentException( sprintf( 'A service id is positive; got %d.', $service_id ) );
		}
		$span = LocalDate::days_between( $from, $to );
		if ( $span < 0 || $span >= self::MAX_DAYS ) {
			throw new \InvalidArgumentException( sprintf( 'The dates must run forward over at most %d days; got %s to %s.', self::MAX_DAYS, $from, $to ) );
		}
		// Starts on the 5-minute grid keep occupancy on whole database cells.
		if ( $step < ServiceRules::CELL_MINUTES || 0 !== $step % ServiceRules::CELL_MINUTES ) {
			throw new \InvalidArgumentException( sprintf( 'The slot step is a multiple of %d minutes; got %d.', ServiceRules::CELL_MINUTES, $step ) );
		}
		if ( $minimum_notice < 0 ) {
			throw new \InvalidArgumentException( sprintf( 'The minimum notice cannot be negative; got %d.', $minimum_notice ) );
		}
		if ( $horizon_days < 1 ) {
			throw new \InvalidArgumentException( sprintf( 'The booking horizon is at least one day; got %d.', $horizon_days ) );
		}
	}

	/**
	 * The local dates asked for, in order.
	 *
	 * @return string[]
	 */
	public function dates(): array {
		return LocalDate::between( $this->from, $this->to );
	}

	/**
	 * The earliest start that is not past: now plus the minimum notice.
	 *
	 * @return int Unix timestamp.
	 */
	public function earliest_start(): int {
		return $this->now->getTimestamp() + $this->minimum_notice * 60;
	}

	/**
	 * The latest start offered: now plus the horizon, counted in calendar days
	 * of the timezone, so "30 days ahead" keeps its wall-clock time across DST.
	 *
	 * @param \DateTimeZone $timezone The calendar's timezone.
	 * @return int Unix timestamp.
	 */
	public function latest_start( \DateTimeZone $timezone ): int {
		return $this->now->setTimezone( $timezone )->add( new \DateInterval( 'P' . $this->horizon_days . 'D' ) )->getTimestamp();
	}
}
