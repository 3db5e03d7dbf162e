<?php
/**
 * Busy intervals from an outside calendar's iCalendar text.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Sync;

use Sabre\VObject\Component\VEvent;
use Sabre\VObject\DateTimeParser;

defined( 'ABSPATH' ) || exit;

/**
 * Expands a calendar over a window with sabre/vobject (RRULE, EXDATE,
 * RECURRENCE-ID, TZID) and keeps the times that make the employee busy.
 *
 * Left out: transparent events ("show as free"), cancelled ones, events
 * without a duration, and events whose UID is one of this site's bookings, so
 * that subscribing an employee's outside calendar to our own feed and
 * importing that calendar back does not block the bookings themselves.
 * Floating times and all-day dates are read in the employee's timezone.
 */
final class BusyParser {

	/**
	 * The busy intervals inside [from, to).
	 *
	 * @param string             $text     iCalendar text.
	 * @param \DateTimeImmutable $from     Window start.
	 * @param \DateTimeImmutable $to       Window end.
	 * @param \DateTimeZone      $floating The employee's timezone.
	 * @return array<int, array{0: int, 1: int}> [start, end] Unix seconds, sorted, end exclusive.
	 * @throws \InvalidArgumentException When the text is not an iCalendar file or cannot be expanded.
	 */
	public static function intervals( string $text, \DateTimeImmutable $from, \DateTimeImmutable $to, \DateTimeZone $floating ): array {
		$calendar = ICalendar::parse( $text );
		return ICalendar::quietly(
			static function () use ( $calendar, $from, $to, $floating ): array {
				try {
					$expanded = $calendar->expand( $from, $to, $floating );
				} catch ( \Throwable $error ) {
					throw new \InvalidArgumentException( 'The calendar cannot be expanded: ' . $error->getMessage() );
				}
				$intervals = array();
				foreach ( $expanded->select( 'VEVENT' ) as $event ) {
					if ( ! $event instanceof VEvent || ! self::blocks( $event ) ) {
						continue;
					}
					$span = self::span( $event, $floating );
					if ( null === $span ) {
						continue;
					}
					$start = max( $span[0], $from->getTimestamp() );
					$end   = min( $span[1], $to->getTimestamp() );
					if ( $end > $start ) {
						$intervals[] = array( $start, $end );
					}
				}
				sort( $intervals );
				return $intervals;
			}
		);
	}

	/**
	 * Whether an event instance makes its owner busy.
	 *
	 * @param VEvent $event One instance.
	 */
	private static function blocks( VEvent $event ): bool {
		if ( isset( $event->TRANSP ) && 'TRANSPARENT' === strtoupper( (string) $event->TRANSP ) ) { // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- iCalendar property names.
			return false;
		}
		if ( isset( $event->STATUS ) && 'CANCELLED' === strtoupper( (string) $event->STATUS ) ) { // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- iCalendar property names.
			return false;
		}
		return ! ( isset( $event->UID ) && ICalendar::is_own_uid( (string) $event->UID ) ); // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- iCalendar property names.
	}

	/**
	 * An instance's [start, end) in Unix seconds, or null when it has no length.
	 *
	 * @param VEvent        $event    One instance.
	 * @param \DateTimeZone $floating Timezone of floating times and dates.
	 * @return array{0: int, 1: int}|null
	 */
	private static function span( VEvent $event, \DateTimeZone $floating ): ?array {
		// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- iCalendar property names.
		if ( ! isset( $event->DTSTART ) ) {
			return null;
		}
		$start = $event->DTSTART->getDateTime( $floating );
		if ( isset( $event->DTEND ) ) {
			$end = $event->DTEND->getDateTime( $floating );
		} elseif ( isset( $event->DURATION ) ) {
			$end = $start->add( DateTimeParser::parseDuration( (string) $event->DURATION ) );
		} elseif ( ! $event->DTSTART->hasTime() ) {
			// An all-day event without an end lasts its one day (RFC 5545 3.6.1).
			$end = $start->modify( '+1 day' );
		} else {
			return null;
		}
		// phpcs:enable
		return $end > $start ? array( $start->getTimestamp(), $end->getTimestamp() ) : null;
	}
}
