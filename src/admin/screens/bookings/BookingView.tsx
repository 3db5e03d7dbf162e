/**
 * One booking on its own page (`&booking=<id>`): everything about it and
 * the actions it allows, for managers and, read-only but for no-shows, for
 * the employee it is with. Opened from the list or by a link; Back returns.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { HStack, VStack } from '../../components/Stack';
import { toFailure } from '../../lib/errors';
import { whenText, type BookingAction } from '../../lib/bookings';
import { readBooking } from '../../../shared/api';
import type { Booking } from '../../../shared/types';
import { BookingActions } from './BookingActions';
import { BookingSummary, type SummaryContext } from './BookingSummary';

interface Props extends SummaryContext {
	id: number;
	/** Bumped after every change, so the view reads the booking again. */
	version: number;
	/** The screen's actions (with their confirmations); without it the view is read-only. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Offer only these actions. */
	only?: BookingAction[];
	/** Sends the customer their booking's email again (managers). */
	onResend?: ( booking: Booking ) => Promise< void >;
	/** Back to the list or calendar. */
	onBack: () => void;
}

const HEADING_ID = 'appointease-booking-view-heading';

type Loaded =
	| { state: 'loading' }
	| { state: 'shown'; booking: Booking }
	| { state: 'refused'; message: string };

export function BookingView( {
	id,
	version,
	onAction,
	only,
	onResend,
	onBack,
	...context
}: Props ) {
	const [ loaded, setLoaded ] = useState< Loaded >( { state: 'loading' } );
	const [ resending, setResending ] = useState( false );
	const heading = useRef< HTMLHeadingElement >( null );

	useEffect( () => {
		let current = true;
		// Another booking (the browser's Back or Forward) waits in a spinner; the same one read again stays shown.
		setLoaded( ( previous ) =>
			previous.state === 'shown' && previous.booking.id === id
				? previous
				: { state: 'loading' }
		);
		readBooking( id ).then(
			( booking ) => current && setLoaded( { state: 'shown', booking } ),
			async ( error ) => {
				// Another employee's booking, or one that is gone: the server says which.
				const failure = await toFailure( error );
				if ( current ) {
					setLoaded( { state: 'refused', message: failure.message } );
				}
			}
		);
		return () => {
			current = false;
		};
	}, [ id, version ] );

	// Focus moves to the view's heading when it opens, as on a new page.
	const opened = loaded.state !== 'loading';
	useEffect( () => {
		if ( opened ) {
			heading.current?.focus();
		}
	}, [ opened, id ] );

	const back = (
		<Button variant="link" onClick={ onBack }>
			<span aria-hidden="true">← </span>
			{ __( 'Back to bookings', 'appointease' ) }
		</Button>
	);

	if ( loaded.state === 'loading' ) {
		return (
			<div className="appointease-admin__booking-view">
				{ back }
				<Spinner />
			</div>
		);
	}

	if ( loaded.state === 'refused' ) {
		return (
			<div className="appointease-admin__booking-view">
				{ back }
				<h2 ref={ heading } tabIndex={ -1 }>
					{ sprintf(
						/* translators: %d: a booking number. */
						__( 'Booking #%d', 'appointease' ),
						id
					) }
				</h2>
				<Notice status="error" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: why the server refused, in its words. */
						__( 'This booking cannot be shown. %s', 'appointease' ),
						loaded.message
					) }
				</Notice>
			</div>
		);
	}

	const { booking } = loaded;
	const canResend =
		!! onResend &&
		( booking.status === 'pending' || booking.status === 'confirmed' );
	return (
		<section
			className="appointease-admin__booking-view"
			aria-labelledby={ HEADING_ID }
		>
			{ back }
			<VStack spacing={ 4 }>
				<h2 id={ HEADING_ID } ref={ heading } tabIndex={ -1 }>
					{ sprintf(
						/* translators: 1: customer name, 2: the booking's time. */
						__( '%1$s, %2$s', 'appointease' ),
						booking.customer.name,
						whenText( booking )
					) }
				</h2>
				<BookingSummary booking={ booking } { ...context } />
				<HStack spacing={ 2 } justify="flex-start" wrap>
					{ onAction && (
						<BookingActions
							booking={ booking }
							onAction={ onAction }
							only={ only }
							compact
						/>
					) }
					{ canResend && (
						<Button
							size="compact"
							variant="secondary"
							isBusy={ resending }
							disabled={ resending }
							onClick={ async () => {
								setResending( true );
								await onResend?.( booking );
								setResending( false );
							} }
						>
							{ __( 'Resend confirmation', 'appointease' ) }
						</Button>
					) }
				</HStack>
			</VStack>
		</section>
	);
}
