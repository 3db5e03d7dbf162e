/**
 * What the bookings screens say about a booking and which actions it allows.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { datePart, formatMediumDate, timePart } from '../../shared/time';
import type { Booking, BookingStatus } from '../../shared/types';

export type BookingAction =
	'approve' | 'reject' | 'cancel' | 'reschedule' | 'no-show';

/**
 * A status for people.
 *
 * @param status The status.
 */
export function statusLabel( status: BookingStatus ): string {
	switch ( status ) {
		case 'unverified':
			return __( 'Awaiting email confirmation', 'appointease' );
		case 'pending':
			return __( 'Pending', 'appointease' );
		case 'confirmed':
			return __( 'Confirmed', 'appointease' );
		case 'cancelled':
			return __( 'Cancelled', 'appointease' );
		case 'rejected':
			return __( 'Rejected', 'appointease' );
		case 'completed':
			return __( 'Completed', 'appointease' );
		case 'no_show':
			return __( 'No-show', 'appointease' );
		case 'expired':
			return __( 'Expired (not confirmed)', 'appointease' );
	}
	return status;
}

/**
 * The actions a booking in this status allows: approving and rejecting
 * need a pending one; cancelling and moving need one that still holds
 * its time (pending or confirmed). One awaiting its customer's email
 * confirmation holds its time too, but can only be cancelled. Once a
 * confirmed booking has started, or is completed, its customer can be
 * marked as not having come.
 *
 * @param status  The booking's status.
 * @param started Whether its start has passed.
 */
export function allowedActions(
	status: BookingStatus,
	started = false
): BookingAction[] {
	if ( status === 'unverified' ) {
		return [ 'cancel' ];
	}
	if ( status === 'pending' ) {
		return [ 'approve', 'reject', 'reschedule', 'cancel' ];
	}
	if ( status === 'confirmed' ) {
		return started
			? [ 'no-show', 'reschedule', 'cancel' ]
			: [ 'reschedule', 'cancel' ];
	}
	if ( status === 'completed' ) {
		return [ 'no-show' ];
	}
	return [];
}

/**
 * Whether a booking's start has passed.
 *
 * @param booking The booking.
 * @param now     The current time, ms.
 */
export function hasStarted(
	booking: Pick< Booking, 'start' >,
	now: number = Date.now()
): boolean {
	return Date.parse( booking.start ) <= now;
}

/**
 * Whether a booking still holds its time.
 *
 * @param booking The booking.
 */
export function isActive( booking: Booking ): boolean {
	return (
		booking.status === 'unverified' ||
		booking.status === 'pending' ||
		booking.status === 'confirmed'
	);
}

/**
 * The time of a booking for people: "Mon, Nov 24, 2026, 09:00–09:30".
 *
 * @param booking The booking.
 */
export function whenText( booking: Pick< Booking, 'start' | 'end' > ): string {
	return sprintf(
		/* translators: 1: date, 2: start time, 3: end time. */
		__( '%1$s, %2$s–%3$s', 'appointease' ),
		formatMediumDate( datePart( booking.start ) ),
		timePart( booking.start ),
		timePart( booking.end )
	);
}

/**
 * An action's button text.
 *
 * @param action The action.
 */
export function actionLabel( action: BookingAction ): string {
	switch ( action ) {
		case 'approve':
			return __( 'Approve', 'appointease' );
		case 'reject':
			return __( 'Reject', 'appointease' );
		case 'cancel':
			return __( 'Cancel booking', 'appointease' );
		case 'reschedule':
			return __( 'Reschedule', 'appointease' );
		case 'no-show':
			return __( 'Mark no-show', 'appointease' );
	}
	return action;
}

/**
 * What the screens say when an action worked.
 *
 * @param action  The action.
 * @param booking The booking after it.
 */
export function actionDone( action: BookingAction, booking: Booking ): string {
	const who = booking.customer.name;
	switch ( action ) {
		case 'approve':
			return sprintf(
				/* translators: %s: customer name. */
				__( 'The booking of %s is confirmed.', 'appointease' ),
				who
			);
		case 'reject':
			return sprintf(
				/* translators: %s: customer name. */
				__(
					'The booking of %s is rejected; its time is free again.',
					'appointease'
				),
				who
			);
		case 'cancel':
			return sprintf(
				/* translators: %s: customer name. */
				__(
					'The booking of %s is cancelled; its time is free again.',
					'appointease'
				),
				who
			);
		case 'reschedule':
			return sprintf(
				/* translators: 1: customer name, 2: the new time. */
				__( 'The booking of %1$s is moved to %2$s.', 'appointease' ),
				who,
				whenText( booking )
			);
		case 'no-show':
			return sprintf(
				/* translators: %s: customer name. */
				__( '%s is marked as a no-show.', 'appointease' ),
				who
			);
	}
	return '';
}

/**
 * What the screens say when an action failed (the server's reason follows).
 *
 * @param action The action.
 */
export function actionFailed( action: BookingAction ): string {
	switch ( action ) {
		case 'approve':
			return __( 'The booking was not approved.', 'appointease' );
		case 'reject':
			return __( 'The booking was not rejected.', 'appointease' );
		case 'cancel':
			return __( 'The booking was not cancelled.', 'appointease' );
		case 'reschedule':
			return __( 'The booking was not moved.', 'appointease' );
		case 'no-show':
			return __(
				'The booking was not marked as a no-show.',
				'appointease'
			);
	}
	return '';
}
