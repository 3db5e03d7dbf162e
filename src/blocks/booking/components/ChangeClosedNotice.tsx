/**
 * The manage view's word on changes that are no longer possible online:
 * past the cancel or reschedule cut-off (the booking answer's
 * `change_policy`), the customer reads until when it was possible and how
 * to reach the business, in place of the buttons.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useBookingStore } from '../../../shared/store-context';
import { formatDateTime } from '../../../shared/time';
import type { Booking } from '../../../shared/types';

export type ChangePolicy = NonNullable< Booking[ 'change_policy' ] >;

interface Props {
	policy: ChangePolicy;
}

/**
 * The sentence for what is closed, or null when both changes are still possible.
 *
 * @param policy  The booking's change policy.
 * @param display How times are shown.
 */
function closedText(
	policy: ChangePolicy,
	display: Parameters< typeof formatDateTime >[ 1 ]
): string | null {
	if ( ! policy.can_cancel && ! policy.can_reschedule ) {
		return __(
			'This booking can no longer be changed or cancelled online.',
			'appointease'
		);
	}
	if ( ! policy.can_cancel ) {
		return sprintf(
			/* translators: %s: a date and time. */
			__(
				'This booking could be cancelled online until %s; it can no longer be cancelled here.',
				'appointease'
			),
			formatDateTime( policy.cancel_until, display )
		);
	}
	if ( ! policy.can_reschedule ) {
		return sprintf(
			/* translators: %s: a date and time. */
			__(
				'This booking could be moved online until %s; it can no longer be moved here.',
				'appointease'
			),
			formatDateTime( policy.reschedule_until, display )
		);
	}
	return null;
}

export function ChangeClosedNotice( { policy }: Props ) {
	const display = useBookingStore( ( state ) => state.timeDisplay );
	const text = closedText( policy, display );
	if ( text === null ) {
		return null;
	}
	return (
		<div className="appointease-change-closed" role="status">
			<p>{ text }</p>
			<p className="appointease-change-closed__contact">
				{ policy.contact }
			</p>
		</div>
	);
}
