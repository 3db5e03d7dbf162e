<?php
/**
 * The values of the email placeholders.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Notifications;

use AppointEase\Admin\AdminScreens;
use AppointEase\Booking\Booking;
use AppointEase\Booking\ChangePolicy;
use AppointEase\Catalog\Employee;
use AppointEase\Catalog\Service;
use AppointEase\Form\BookingAnswers;
use AppointEase\Form\Fields;

defined( 'ABSPATH' ) || exit;

/**
 * Turns a booking into the `{name}` values of its emails, and fills them in.
 *
 * Every value is plain text: tags are stripped from what customers and
 * admins typed, and one-line values lose their line breaks, so that nothing
 * a customer typed can become markup or a new header line. The plain part of
 * an email takes the values as they are; the HTML part escapes them
 * (EmailHtml).
 */
final class Placeholders {

	/** Every placeholder, as written in templates. */
	public const NAMES = array(
		'{customer_name}',
		'{customer_email}',
		'{customer_phone}',
		'{customer_notes}',
		'{service}',
		'{employee}',
		'{date}',
		'{start_time}',
		'{end_time}',
		'{timezone}',
		'{start}',
		'{end}',
		'{seats}',
		'{status}',
		'{manage_link}',
		'{booking_page}',
		'{booking_id}',
		'{admin_link}',
		'{previous_start}',
		'{previous_employee}',
		'{site_name}',
		'{site_url}',
		'{confirm_link}',
		'{confirm_minutes}',
		'{confirm_by}',
		'{fields}',
		'{change_policy}',
	);

	/**
	 * The values for one booking's emails, filterable by
	 * `appointease_email_placeholders`.
	 *
	 * @param string        $event    One of EmailTemplates::EVENTS.
	 * @param Booking       $booking  The booking as it is now.
	 * @param Service       $service  Its service.
	 * @param Employee      $employee Its employee.
	 * @param string        $manage   Its manage link.
	 * @param Booking|null  $before   The booking before a move, else null.
	 * @param Employee|null $was_with The employee before a move, else null.
	 * @param string        $confirm  The confirm link of a `verify` email, else ''.
	 * @return array<string, string> Placeholder (with braces) => value.
	 */
	public static function values( string $event, Booking $booking, Service $service, Employee $employee, string $manage, ?Booking $before = null, ?Employee $was_with = null, string $confirm = '' ): array {
		$zone   = $employee->timezone( wp_timezone() );
		$values = array(
			'{customer_name}'     => self::line( $booking->customer_name ),
			'{customer_email}'    => self::line( $booking->customer_email ),
			'{customer_phone}'    => self::line( $booking->customer_phone ),
			'{customer_notes}'    => self::text( $booking->customer_notes ),
			'{service}'           => self::line( $service->name ),
			'{employee}'          => self::line( $employee->name ),
			'{date}'              => self::date( $booking->start, $zone ),
			'{start_time}'        => self::time( $booking->start, $zone ),
			'{end_time}'          => self::time( $booking->end, $zone ),
			'{timezone}'          => $zone->getName(),
			'{start}'             => self::moment( $booking->start, $zone ),
			'{end}'               => self::moment( $booking->end, $zone ),
			'{seats}'             => (string) $booking->seats,
			'{status}'            => self::status( $booking->status ),
			'{manage_link}'       => $manage,
			'{booking_page}'      => ManageLink::booking_page_url(),
			'{booking_id}'        => (string) $booking->id,
			'{admin_link}'        => AdminScreens::booking_url( $booking->id ),
			'{previous_start}'    => null === $before ? '' : self::moment( $before->start, ( $was_with ?? $employee )->timezone( wp_timezone() ) ),
			'{previous_employee}' => self::line( ( $was_with ?? $employee )->name ),
			'{site_name}'         => self::line( wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES ) ),
			'{site_url}'          => home_url( '/' ),
			'{confirm_link}'      => $confirm,
			'{confirm_minutes}'   => (string) self::minutes_left( $booking ),
			'{confirm_by}'        => null === $booking->verify_by ? '' : self::time( new \DateTimeImmutable( $booking->verify_by, new \DateTimeZone( 'UTC' ) ), $zone ),
			'{change_policy}'     => self::text( ChangePolicy::text( $service ) ),
		) + self::answers( $booking );

		/**
		 * Filters the values of an email's placeholders; add a key such as
		 * `{room}` to offer a placeholder of your own. Values are plain text.
		 *
		 * @param array<string, string> $values  Placeholder (with braces) => value.
		 * @param Booking               $booking The booking.
		 * @param string                $event   created, confirmed, rejected, cancelled, rescheduled, verify, reminder or follow_up.
		 */
		$filtered = apply_filters( 'appointease_email_placeholders', $values, $booking, $event );
		return is_array( $filtered ) ? array_map( 'strval', $filtered ) : $values;
	}

	/**
	 * The booking form's answers: `{fields}` with one "Label: answer" line
	 * each, and `{field:<id>}` with one answer (empty when not answered).
	 *
	 * @param Booking $booking The booking.
	 * @return array<string, string>
	 */
	private static function answers( Booking $booking ): array {
		$values = array();
		foreach ( Fields::active() as $id => $field ) {
			$values[ '{field:' . $id . '}' ] = '';
		}
		$lines = array();
		foreach ( BookingAnswers::of( $booking ) as $answer ) {
			$text                                      = 'long_text' === $answer['type'] ? self::text( $answer['text'] ) : self::line( $answer['text'] );
			$values[ '{field:' . $answer['id'] . '}' ] = $text;
			$lines[]                                   = self::line( $answer['label'] ) . ': ' . $text;
		}
		return array( '{fields}' => implode( "\n", $lines ) ) + $values;
	}

	/**
	 * A template with its placeholders filled in. Unknown placeholders stay.
	 *
	 * @param string                $template The subject or body.
	 * @param array<string, string> $values   From values().
	 */
	public static function fill( string $template, array $values ): string {
		return strtr( $template, $values );
	}

	/**
	 * The readable name of a status.
	 *
	 * @param string $status A Booking status.
	 */
	public static function status( string $status ): string {
		$names = array(
			Booking::UNVERIFIED => __( 'waiting for you to confirm it by email', 'appointease' ),
			Booking::EXPIRED    => __( 'expired (not confirmed in time)', 'appointease' ),
			Booking::PENDING    => __( 'waiting for confirmation', 'appointease' ),
			Booking::CONFIRMED  => __( 'confirmed', 'appointease' ),
			Booking::CANCELLED  => __( 'cancelled', 'appointease' ),
			Booking::REJECTED   => __( 'declined', 'appointease' ),
			Booking::COMPLETED  => __( 'completed', 'appointease' ),
			Booking::NO_SHOW    => __( 'missed (no-show)', 'appointease' ),
		);
		return $names[ $status ] ?? $status;
	}

	/**
	 * Whole minutes from the booking's creation to its confirmation deadline.
	 *
	 * @param Booking $booking The booking.
	 */
	private static function minutes_left( Booking $booking ): int {
		if ( null === $booking->verify_by ) {
			return 0;
		}
		return max( 0, intdiv( (int) strtotime( $booking->verify_by . ' UTC' ) - (int) strtotime( $booking->created_at . ' UTC' ), 60 ) );
	}

	/**
	 * One line of plain text: no tags, no line breaks.
	 *
	 * @param string $value Text someone typed.
	 */
	private static function line( string $value ): string {
		return trim( (string) preg_replace( '/\s+/u', ' ', wp_strip_all_tags( $value ) ) );
	}

	/**
	 * Plain text that may run over several lines: no tags.
	 *
	 * @param string $value Text someone typed.
	 */
	private static function text( string $value ): string {
		return trim( wp_strip_all_tags( str_replace( "\r\n", "\n", $value ) ) );
	}

	/**
	 * A date in the site's date format.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 * @param \DateTimeZone      $zone The calendar's timezone.
	 */
	private static function date( \DateTimeImmutable $time, \DateTimeZone $zone ): string {
		return (string) wp_date( (string) get_option( 'date_format' ), $time->getTimestamp(), $zone );
	}

	/**
	 * A time of day in the site's time format.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 * @param \DateTimeZone      $zone The calendar's timezone.
	 */
	private static function time( \DateTimeImmutable $time, \DateTimeZone $zone ): string {
		return (string) wp_date( (string) get_option( 'time_format' ), $time->getTimestamp(), $zone );
	}

	/**
	 * A date and time, with the timezone's name.
	 *
	 * @param \DateTimeImmutable $time The instant.
	 * @param \DateTimeZone      $zone The calendar's timezone.
	 */
	private static function moment( \DateTimeImmutable $time, \DateTimeZone $zone ): string {
		return self::date( $time, $zone ) . ' ' . self::time( $time, $zone ) . ' (' . $zone->getName() . ')';
	}
}
