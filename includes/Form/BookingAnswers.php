<?php
/**
 * The form answers stored with a booking, for people and spreadsheets.
 *
 * @package AppointEase
 */

declare(strict_types=1);

namespace AppointEase\Form;

use AppointEase\Booking\Booking;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a booking's `form_answers` (what Answers::check() made) and shows
 * them under the fields' current labels, deleted fields included, so a
 * renamed field shows its new name and a deleted one stays readable.
 */
final class BookingAnswers {

	/**
	 * A booking's answers, in form order.
	 *
	 * @param Booking $booking The booking.
	 * @return list<array{id: string, label: string, type: string, value: mixed, text: string, removed: bool}>
	 */
	public static function of( Booking $booking ): array {
		$answers = self::stored( $booking )['fields'] ?? array();
		if ( ! is_array( $answers ) || array() === $answers ) {
			return array();
		}
		$list = array();
		foreach ( Fields::all() + self::unknown( $answers ) as $id => $field ) {
			if ( array_key_exists( $id, $answers ) ) {
				$list[] = array(
					'id'      => (string) $id,
					'label'   => $field['label'],
					'type'    => $field['type'],
					'value'   => $answers[ $id ],
					'text'    => self::text( $answers[ $id ] ),
					'removed' => ! empty( $field['deleted'] ),
				);
			}
		}
		return $list;
	}

	/**
	 * The consent the booking recorded, or null.
	 *
	 * @param Booking $booking The booking.
	 * @return array{at: string, text: string}|null
	 */
	public static function consent( Booking $booking ): ?array {
		$consent = self::stored( $booking )['consent'] ?? null;
		return is_array( $consent ) && isset( $consent['at'], $consent['text'] ) ? array(
			'at'   => (string) $consent['at'],
			'text' => (string) $consent['text'],
		) : null;
	}

	/**
	 * The answers as the REST API shows a booking: `answers` and `consent`.
	 *
	 * @param Booking $booking The booking.
	 * @return array{answers: list<array{id: string, label: string, type: string, value: mixed, text: string, removed: bool}>, consent: array{at: string, text: string}|null}
	 */
	public static function rest( Booking $booking ): array {
		return array(
			'answers' => self::of( $booking ),
			'consent' => self::consent( $booking ),
		);
	}

	/**
	 * The extra CSV (or table) columns for a set of bookings: one per field
	 * that any of them answered or that is on a form now, headed by its
	 * label, and one for consent. Used by `wp appointease bookings export`
	 * and by any other export of bookings.
	 *
	 * @param Booking[] $bookings The bookings.
	 * @return array{headers: array<string, string>, rows: array<int, array<string, string>>} Column key => header; booking id => column key => cell.
	 */
	public static function columns( array $bookings ): array {
		$headers = self::headers();
		$rows    = array();
		foreach ( $bookings as $booking ) {
			$rows[ $booking->id ] = self::cells( $booking, $headers );
		}
		return array(
			'headers' => $headers,
			'rows'    => $rows,
		);
	}

	/**
	 * The extra column headers: every field, deleted ones too, then consent.
	 *
	 * @return array<string, string> Column key (`field:<id>`, `consent`) => header.
	 */
	public static function headers(): array {
		$headers = array();
		foreach ( Fields::all() as $id => $field ) {
			$headers[ 'field:' . $id ] = $field['label'];
		}
		$headers['consent'] = __( 'Consent', 'appointease' );
		return $headers;
	}

	/**
	 * One booking's cells under the given headers.
	 *
	 * @param Booking               $booking The booking.
	 * @param array<string, string> $headers From headers().
	 * @return array<string, string>
	 */
	public static function cells( Booking $booking, array $headers ): array {
		$answers = array();
		foreach ( self::of( $booking ) as $answer ) {
			$answers[ 'field:' . $answer['id'] ] = $answer['text'];
		}
		$consent = self::consent( $booking );
		$cells   = array();
		foreach ( array_keys( $headers ) as $key ) {
			$cells[ $key ] = 'consent' === $key ? ( null === $consent ? '' : $consent['at'] . ' ' . $consent['text'] ) : ( $answers[ $key ] ?? '' );
		}
		return $cells;
	}

	/**
	 * An answer as one line of text.
	 *
	 * @param mixed $value The stored answer.
	 */
	public static function text( $value ): string {
		if ( true === $value ) {
			return __( 'Yes', 'appointease' );
		}
		if ( is_array( $value ) ) {
			return implode( ', ', array_map( 'strval', $value ) );
		}
		return is_scalar( $value ) ? (string) $value : '';
	}

	/**
	 * Stand-in definitions for answers whose field is gone from the option
	 * altogether (a site that edited it by hand): labelled by their id.
	 *
	 * @param array<mixed> $answers Field id => answer.
	 * @return array<string, array{label: string, type: string, deleted: bool}>
	 */
	private static function unknown( array $answers ): array {
		$known   = Fields::all();
		$unknown = array();
		foreach ( array_keys( $answers ) as $id ) {
			if ( ! isset( $known[ (string) $id ] ) ) {
				$unknown[ (string) $id ] = array(
					'label'   => (string) $id,
					'type'    => 'text',
					'deleted' => true,
				);
			}
		}
		return $unknown;
	}

	/**
	 * The decoded answers of a booking.
	 *
	 * @param Booking $booking The booking.
	 * @return array<mixed>
	 */
	private static function stored( Booking $booking ): array {
		if ( '' === $booking->form_answers ) {
			return array();
		}
		$decoded = json_decode( $booking->form_answers, true );
		return is_array( $decoded ) ? $decoded : array();
	}
}
