<?php
/**
 * A service's own change cut-offs and per-day limits.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Catalog;

defined( 'ABSPATH' ) || exit;

/**
 * The policy columns of a service row, typed. A null cut-off follows the
 * site's setting; a limit of 0 means no limit.
 */
final class ServicePolicy {

	/** Field name (as the REST API shows it) => column; they are the same. */
	public const COLUMNS = array(
		'cancel_cutoff_hours'     => 'cancel_cutoff_hours',
		'reschedule_cutoff_hours' => 'reschedule_cutoff_hours',
		'daily_limit'             => 'daily_limit',
		'email_daily_limit'       => 'email_daily_limit',
		'email_weekly_limit'      => 'email_weekly_limit',
	);

	/**
	 * Builds it.
	 *
	 * @param int|null $cancel_cutoff_hours     Hours before the start after which customers cannot cancel; null: the site's setting.
	 * @param int|null $reschedule_cutoff_hours Hours before the start after which customers cannot reschedule; null: the site's setting.
	 * @param int      $daily_limit             Bookings of this service one employee takes per local day at most; 0: no limit.
	 * @param int      $email_daily_limit       Bookings of this service one email address may have per local day; 0: no limit.
	 * @param int      $email_weekly_limit      Bookings of this service one email address may have per week; 0: no limit.
	 */
	public function __construct(
		public readonly ?int $cancel_cutoff_hours = null,
		public readonly ?int $reschedule_cutoff_hours = null,
		public readonly int $daily_limit = 0,
		public readonly int $email_daily_limit = 0,
		public readonly int $email_weekly_limit = 0
	) {
	}

	/**
	 * Builds it from a services row; a row from before these columns has no policy.
	 *
	 * @param array<string, mixed> $row A row of the services table.
	 */
	public static function from_row( array $row ): self {
		return new self(
			isset( $row['cancel_cutoff_hours'] ) ? (int) $row['cancel_cutoff_hours'] : null,
			isset( $row['reschedule_cutoff_hours'] ) ? (int) $row['reschedule_cutoff_hours'] : null,
			(int) ( $row['daily_limit'] ?? 0 ),
			(int) ( $row['email_daily_limit'] ?? 0 ),
			(int) ( $row['email_weekly_limit'] ?? 0 )
		);
	}

	/**
	 * Whether any limit is set.
	 */
	public function has_limits(): bool {
		return $this->daily_limit > 0 || $this->email_daily_limit > 0 || $this->email_weekly_limit > 0;
	}

	/**
	 * The fields as the REST API shows them.
	 *
	 * @return array<string, int|null>
	 */
	public function to_array(): array {
		return array(
			'cancel_cutoff_hours'     => $this->cancel_cutoff_hours,
			'reschedule_cutoff_hours' => $this->reschedule_cutoff_hours,
			'daily_limit'             => $this->daily_limit,
			'email_daily_limit'       => $this->email_daily_limit,
			'email_weekly_limit'      => $this->email_weekly_limit,
		);
	}
}
