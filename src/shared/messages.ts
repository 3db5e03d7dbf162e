/**
 * What the visitor is told when something goes wrong: each REST `reason`
 * becomes a message that says what happened and what to do next.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ApiError } from './api';

/** What the visitor was doing when the error came. */
export type ErrorContext =
	| 'hold'
	| 'book'
	| 'reschedule'
	| 'cancel'
	| 'load'
	| 'open-booking'
	| 'confirm';

/** Reasons that mean "this time cannot be had": pick another. */
export const TIME_CONFLICTS = new Set( [
	'SLOT_TAKEN',
	'SLOT_HELD',
	'SLOT_UNAVAILABLE',
	'EMPLOYEE_BUSY',
	'SLOT_IN_PAST',
	'SLOT_CHANGED',
	'SLOT_NOT_FOUND',
	'LIMIT_REACHED',
] );

/** Reasons that mean "your hold is gone". */
export const HOLD_LOST = new Set( [ 'HOLD_EXPIRED', 'HOLD_NOT_FOUND' ] );

/**
 * Whether an error says the time cannot be had.
 *
 * @param error Anything thrown.
 */
export function isTimeConflict( error: unknown ): boolean {
	return (
		error instanceof ApiError &&
		error.reason !== null &&
		TIME_CONFLICTS.has( error.reason )
	);
}

/**
 * Whether an error says the visitor's hold is gone.
 *
 * @param error Anything thrown.
 */
export function isHoldLost( error: unknown ): boolean {
	return (
		error instanceof ApiError &&
		error.reason !== null &&
		HOLD_LOST.has( error.reason )
	);
}

/**
 * The message for a failed request.
 *
 * @param error   What was thrown.
 * @param context What the visitor was doing.
 * @param time    The time concerned, as shown to the visitor.
 */
export function errorMessage(
	error: unknown,
	context: ErrorContext,
	time = ''
): string {
	const apiError = error instanceof ApiError ? error : null;
	if ( ! apiError || apiError.isNetwork ) {
		if ( context === 'book' ) {
			return __(
				'We could not reach the booking system, so we cannot tell whether your booking went through. Please check your connection and select "Confirm booking" again: trying again never books twice.',
				'appointease'
			);
		}
		return __(
			'We could not reach the booking system. Please check your connection and try again.',
			'appointease'
		);
	}

	switch ( apiError.reason ) {
		case 'SLOT_TAKEN':
			return context === 'reschedule'
				? sprintf(
						/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
						__(
							'%s has just been booked by someone else. Your booking has not changed. Please choose another time from the updated list.',
							'appointease'
						),
						time
					)
				: sprintf(
						/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
						__(
							'Sorry, %s has just been booked by someone else, so nothing was booked for you. Please choose another time from the updated list.',
							'appointease'
						),
						time
					);
		case 'SLOT_HELD':
			return sprintf(
				/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
				__(
					'Someone else is booking %s right now. Please choose another time from the updated list.',
					'appointease'
				),
				time
			);
		case 'SLOT_UNAVAILABLE':
		case 'EMPLOYEE_BUSY':
		case 'SLOT_NOT_FOUND':
			return sprintf(
				/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
				__(
					'%s is no longer offered. Please choose another time from the updated list.',
					'appointease'
				),
				time
			);
		case 'SLOT_IN_PAST':
			return context === 'cancel' || context === 'reschedule'
				? __(
						'This appointment has already started or is too close to change online. Please contact us directly.',
						'appointease'
					)
				: sprintf(
						/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
						__(
							'%s is now too soon to book. Please choose a later time.',
							'appointease'
						),
						time
					);
		case 'SLOT_CHANGED':
			return __(
				'Your hold was for a different time than the one you are booking. Please choose your time again.',
				'appointease'
			);
		case 'HOLD_EXPIRED':
		case 'HOLD_NOT_FOUND':
			return sprintf(
				/* translators: %s: a time, e.g. "Tuesday, 1 December 2026, 10:00". */
				__(
					'Your hold on %s ran out. If it is still free, pick it again.',
					'appointease'
				),
				time
			);
		case 'CONFIRMATION_EXPIRED':
			return __(
				'This booking was not confirmed in time, so its time was given free again. Please book again.',
				'appointease'
			);
		case 'RATE_LIMITED':
			return __(
				'There have been too many attempts from your connection. Please wait a minute, then try again.',
				'appointease'
			);
		case 'STORE_UNAVAILABLE':
			return context === 'book'
				? __(
						'The booking system is busy, so nothing was booked yet. Please select "Confirm booking" again in a moment: trying again never books twice.',
						'appointease'
					)
				: __(
						'The booking system is busy. Please try again in a moment.',
						'appointease'
					);
		case 'STATUS_CONFLICT':
			if ( context === 'confirm' ) {
				return __(
					'This booking was cancelled, so it can no longer be confirmed. Please book again.',
					'appointease'
				);
			}
			return __(
				'This booking can no longer be changed: it has been cancelled or has already taken place.',
				'appointease'
			);
		case 'NOT_FOUND':
			if ( context === 'confirm' ) {
				return __(
					'This confirmation link is not valid. Please open the link from your latest email exactly as it is, or book again.',
					'appointease'
				);
			}
			return context === 'load'
				? __(
						'This service or employee can no longer be booked here. Please reload the page, or contact us to book.',
						'appointease'
					)
				: __(
						'We could not find this booking. Please use the link from your latest booking email.',
						'appointease'
					);
		case 'TOKEN_EXPIRED':
			return __(
				'This link to your booking has expired: links work only until a few days after the appointment. Please contact us directly if you need anything about it.',
				'appointease'
			);
		case 'TOKEN_IN_URL':
			return __(
				'This page sent your booking link in a way we no longer accept. Please reload the page; if that does not help, open the link from your booking email again.',
				'appointease'
			);
		case 'VALIDATION_ERROR':
			return __(
				'Some details are missing or not valid. Please check the highlighted fields.',
				'appointease'
			);
		default:
			return apiError.message;
	}
}
