<?php
/**
 * The bookings list's filters, as the list, its counts and the CSV export take them.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Rest;

use AppointEase\Booking\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * Turns the list's parameters (already validated by the route's schema, or
 * by the same schema for the export download) into the repository's
 * filters, so the list, the quick-filter counts and the CSV agree row for row.
 */
final class BookingFilters {

	/**
	 * Statuses the list hides by default: bookings that hold no time and need nothing done.
	 */
	public const CLOSED = array( Booking::CANCELLED, Booking::REJECTED, Booking::EXPIRED );

	/**
	 * The parameters the list takes besides those it always had: the order and
	 * whether closed bookings are hidden.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function args(): array {
		return array(
			'order'       => array(
				'description' => __( 'Soonest start first (asc) or latest first (desc).', 'appointease' ),
				'type'        => 'string',
				'enum'        => array( 'asc', 'desc' ),
				'default'     => 'desc',
			),
			'hide_closed' => array(
				'description' => __( 'Leave out cancelled, rejected and expired bookings (unless a status is asked for).', 'appointease' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}

	/**
	 * The repository's filters from the list's parameters.
	 *
	 * @param \WP_REST_Request|array<string, mixed> $params employee, service, status, search, from, to (local dates), order, hide_closed.
	 * @return array<string, mixed>
	 */
	public static function from( $params ): array {
		$filters = array();
		foreach ( array( 'employee', 'service' ) as $key ) {
			if ( isset( $params[ $key ] ) ) {
				$filters[ $key ] = (int) $params[ $key ];
			}
		}
		foreach ( array( 'status', 'search' ) as $key ) {
			if ( isset( $params[ $key ] ) && '' !== $params[ $key ] ) {
				$filters[ $key ] = (string) $params[ $key ];
			}
		}
		if ( ! isset( $filters['status'] ) && ! empty( $params['hide_closed'] ) ) {
			$filters['exclude_statuses'] = self::CLOSED;
		}
		$site = wp_timezone();
		if ( isset( $params['from'] ) && '' !== $params['from'] ) {
			$filters['from'] = gmdate( 'Y-m-d H:i:s', ( new \DateTimeImmutable( $params['from'] . ' 00:00:00', $site ) )->getTimestamp() );
		}
		if ( isset( $params['to'] ) && '' !== $params['to'] ) {
			$filters['to'] = gmdate( 'Y-m-d H:i:s', ( new \DateTimeImmutable( $params['to'] . ' 00:00:00', $site ) )->modify( '+1 day' )->getTimestamp() );
		}
		$filters['order'] = 'asc' === ( $params['order'] ?? 'desc' ) ? 'asc' : 'desc';
		return $filters;
	}
}
