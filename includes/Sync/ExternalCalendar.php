<?php
/**
 * One outside calendar of an employee.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

defined( 'ABSPATH' ) || exit;

/**
 * A row of `external_calendars`: the address and how its last fetch went.
 * Times are Unix seconds, 0 for never.
 */
final class ExternalCalendar {

	/**
	 * Builds it.
	 *
	 * @param int    $id              Row id.
	 * @param int    $employee_id     Whose calendar.
	 * @param string $url             The address (it may hold the calendar's own secret).
	 * @param string $etag            The ETag of the last answer, for If-None-Match.
	 * @param string $last_modified   The Last-Modified of the last answer, for If-Modified-Since.
	 * @param int    $last_attempt_at When it was last fetched.
	 * @param int    $last_success_at When a fetch last gave usable busy times.
	 * @param int    $next_try_at     When the job fetches it next.
	 * @param int    $failures        Failed fetches in a row.
	 * @param string $last_error      Why the last fetch failed, '' when it did not.
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $employee_id,
		public readonly string $url,
		public readonly string $etag,
		public readonly string $last_modified,
		public readonly int $last_attempt_at,
		public readonly int $last_success_at,
		public readonly int $next_try_at,
		public readonly int $failures,
		public readonly string $last_error
	) {
	}

	/**
	 * Builds it from a database row.
	 *
	 * @param array<string, mixed> $row The row.
	 */
	public static function from_row( array $row ): self {
		return new self(
			(int) $row['id'],
			(int) $row['employee_id'],
			(string) $row['url'],
			(string) $row['etag'],
			(string) $row['last_modified'],
			(int) $row['last_attempt_at'],
			(int) $row['last_success_at'],
			(int) $row['next_try_at'],
			(int) $row['failures'],
			(string) $row['last_error']
		);
	}

	/**
	 * The address with its path and query hidden: Google's and Outlook's
	 * addresses are secrets, so lists show only where they point.
	 */
	public function masked_url(): string {
		$scheme = (string) wp_parse_url( $this->url, PHP_URL_SCHEME );
		$host   = (string) wp_parse_url( $this->url, PHP_URL_HOST );
		$port   = wp_parse_url( $this->url, PHP_URL_PORT );
		return $scheme . '://' . $host . ( null === $port || false === $port ? '' : ':' . $port ) . '/…';
	}

	/**
	 * The calendar as the REST API, the CLI and the admin screen show it.
	 *
	 * @return array{id: int, employee: int, url: string, last_attempt: string|null, last_success: string|null, next_try: string|null, error: string}
	 */
	public function to_array(): array {
		$time = static fn( int $at ): ?string => 0 === $at ? null : gmdate( 'Y-m-d\TH:i:s\Z', $at );
		return array(
			'id'           => $this->id,
			'employee'     => $this->employee_id,
			'url'          => $this->masked_url(),
			'last_attempt' => $time( $this->last_attempt_at ),
			'last_success' => $time( $this->last_success_at ),
			'next_try'     => $time( $this->next_try_at ),
			'error'        => $this->last_error,
		);
	}
}
