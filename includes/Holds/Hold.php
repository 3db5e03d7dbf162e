<?php
/**
 * A visitor's short claim on a slot.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Holds;

defined( 'ABSPATH' ) || exit;

/**
 * One live (or recently expired) hold, as a store returns it.
 *
 * The id is public: every visitor of the calendar sees it in the poll answer,
 * and the holder recognises its own hold by it. The secret token is not here;
 * stores keep only its hash, and only the holder knows the token itself.
 */
final class Hold {

	/**
	 * Session start, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $start;

	/**
	 * Session end (exclusive), UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $end;

	/**
	 * Start of the time the employee is busy, buffer before included, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $occupied_start;

	/**
	 * End (exclusive) of the time the employee is busy, buffer after included, UTC.
	 *
	 * @var \DateTimeImmutable
	 */
	public readonly \DateTimeImmutable $occupied_end;

	/**
	 * Builds the hold; times in any timezone are stored as UTC.
	 *
	 * @param string             $id             Public id.
	 * @param int                $employee_id    Employee.
	 * @param int                $service_id     Service.
	 * @param \DateTimeImmutable $start          Session start.
	 * @param \DateTimeImmutable $end            Session end.
	 * @param \DateTimeImmutable $occupied_start Session start minus buffer before.
	 * @param \DateTimeImmutable $occupied_end   Session end plus buffer after.
	 * @param int                $seats          Seats held.
	 * @param int                $created_at     When the hold was first taken (unix); its maximum life counts from here.
	 * @param int                $expires_at     When it stops counting unless renewed (unix).
	 */
	public function __construct(
		public readonly string $id,
		public readonly int $employee_id,
		public readonly int $service_id,
		\DateTimeImmutable $start,
		\DateTimeImmutable $end,
		\DateTimeImmutable $occupied_start,
		\DateTimeImmutable $occupied_end,
		public readonly int $seats,
		public readonly int $created_at,
		public readonly int $expires_at
	) {
		$utc                  = new \DateTimeZone( 'UTC' );
		$this->start          = $start->setTimezone( $utc );
		$this->end            = $end->setTimezone( $utc );
		$this->occupied_start = $occupied_start->setTimezone( $utc );
		$this->occupied_end   = $occupied_end->setTimezone( $utc );
	}

	/**
	 * A fresh public id: 'h' and 20 hex digits (80 random bits), unguessable and safe in keys and URLs.
	 */
	public static function new_id(): string {
		return 'h' . bin2hex( random_bytes( 10 ) );
	}

	/**
	 * Whether a string has the shape of a hold id, so that nothing else reaches a query or a key.
	 *
	 * @param string $id Candidate id.
	 */
	public static function is_id( string $id ): bool {
		return 1 === preg_match( '/^h[0-9a-f]{20}$/', $id );
	}

	/**
	 * A UTC time from a unix timestamp, as stores read them back.
	 *
	 * @param int $unix Seconds since the epoch.
	 */
	public static function time_at( int $unix ): \DateTimeImmutable {
		return ( new \DateTimeImmutable( '@' . $unix ) )->setTimezone( new \DateTimeZone( 'UTC' ) );
	}

	/**
	 * Whether the hold still counts at `$now`.
	 *
	 * @param int $now Unix time.
	 */
	public function is_live( int $now ): bool {
		return $this->expires_at > $now;
	}

	/**
	 * The fields anyone may see: no employee-internal or secret data.
	 *
	 * @return array{id: string, start: string, end: string, seats: int, expires_at: string}
	 */
	public function to_public_array(): array {
		return array(
			'id'         => $this->id,
			'start'      => $this->start->format( DATE_ATOM ),
			'end'        => $this->end->format( DATE_ATOM ),
			'seats'      => $this->seats,
			'expires_at' => self::time_at( $this->expires_at )->format( DATE_ATOM ),
		);
	}
}
