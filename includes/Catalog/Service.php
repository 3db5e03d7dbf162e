<?php
/**
 * A service an employee gives.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Catalog;

use AppointEase\Schedule\ServiceRules;

defined( 'ABSPATH' ) || exit;

/**
 * One row of the services table, typed.
 */
final class Service {

	/**
	 * Builds the service.
	 *
	 * @param int           $id            Row id.
	 * @param string        $name          Shown to visitors.
	 * @param string        $description   Shown to visitors; may be empty.
	 * @param int           $duration      Minutes.
	 * @param int           $buffer_before Minutes kept free before.
	 * @param int           $buffer_after  Minutes kept free after.
	 * @param int           $capacity      Seats per session; 1 for one-to-one.
	 * @param string|null   $price         Decimal string, or null when no price is shown.
	 * @param bool          $active        Whether visitors can book it.
	 * @param string|null   $reminders     Its own reminder times ("24h, 2h", or "off"), or null for the site's setting.
	 * @param ServicePolicy $policy        Its change cut-offs and per-day limits.
	 */
	public function __construct(
		public readonly int $id,
		public readonly string $name,
		public readonly string $description,
		public readonly int $duration,
		public readonly int $buffer_before,
		public readonly int $buffer_after,
		public readonly int $capacity,
		public readonly ?string $price,
		public readonly bool $active,
		public readonly ?string $reminders = null,
		public readonly ServicePolicy $policy = new ServicePolicy()
	) {
	}

	/**
	 * Builds it from a database row.
	 *
	 * @param array<string, mixed> $row A row of the services table.
	 */
	public static function from_row( array $row ): self {
		return new self(
			(int) $row['id'],
			(string) $row['name'],
			(string) $row['description'],
			(int) $row['duration_minutes'],
			(int) $row['buffer_before_minutes'],
			(int) $row['buffer_after_minutes'],
			(int) $row['capacity'],
			null === $row['price'] ? null : (string) $row['price'],
			'1' === (string) $row['active'],
			isset( $row['reminders'] ) ? (string) $row['reminders'] : null,
			ServicePolicy::from_row( $row )
		);
	}

	/**
	 * What the slot engine needs to know of it.
	 */
	public function rules(): ServiceRules {
		return new ServiceRules( $this->duration, $this->buffer_before, $this->buffer_after, $this->capacity );
	}

	/**
	 * The public fields, as the REST API shows them to everyone.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'id'            => $this->id,
			'name'          => $this->name,
			'description'   => $this->description,
			'duration'      => $this->duration,
			'buffer_before' => $this->buffer_before,
			'buffer_after'  => $this->buffer_after,
			'capacity'      => $this->capacity,
			'price'         => $this->price,
			'active'        => $this->active,
			'reminders'     => $this->reminders,
		) + $this->policy->to_array();
	}
}
