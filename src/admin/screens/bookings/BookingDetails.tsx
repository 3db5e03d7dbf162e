/**
 * A booking of the calendar grid, opened: its details (the booking view's
 * BookingSummary, and a link to that view), the actions it
 * allows, "Resend confirmation", and "Move…", which moves it to a typed
 * date, time and employee — the keyboard's way to do what dragging does.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { HStack, VStack } from '../../components/Stack';
import { ModalActions } from '../../components/ModalActions';
import { atMinute, offsetOf } from '../../lib/grid';
import {
	allowedActions,
	hasStarted,
	whenText,
	type BookingAction,
} from '../../lib/bookings';
import { datePart, isDate, minutesOf, timePart } from '../../../shared/time';
import type { Booking, Employee } from '../../../shared/types';
import type { Named } from '../../types';
import { bookingLink } from '../../hooks/useBookingLink';
import { BookingActions } from './BookingActions';
import { BookingSummary } from './BookingSummary';

interface Props {
	booking: Booking;
	employees: Employee[];
	services: readonly Named[];
	/** The list's actions; the dialog closes first. */
	onAction?: ( booking: Booking, action: BookingAction ) => void;
	/** Moves the booking; resolves whether it moved. */
	onMove?: (
		booking: Booking,
		employee: number,
		start: string
	) => Promise< boolean >;
	/** Sends the customer their booking's email again. */
	onResend?: ( booking: Booking ) => Promise< void >;
	onClose: () => void;
}

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function BookingDetails( {
	booking,
	employees,
	services,
	onAction,
	onMove,
	onResend,
	onClose,
}: Props ) {
	const [ moving, setMoving ] = useState( false );
	const [ date, setDate ] = useState( datePart( booking.start ) );
	const [ time, setTime ] = useState( timePart( booking.start ) );
	const [ employee, setEmployee ] = useState( booking.employee );
	const [ busy, setBusy ] = useState( false );
	const canMove =
		!! onMove &&
		allowedActions( booking.status, hasStarted( booking ) ).includes(
			'reschedule'
		);
	const canResend =
		!! onResend &&
		( booking.status === 'pending' || booking.status === 'confirmed' );
	const valid = isDate( date ) && TIME_PATTERN.test( time );
	const candidates = employees.filter(
		( item ) =>
			item.id === booking.employee ||
			( item.active && item.services.includes( booking.service ) )
	);

	const move = async () => {
		if ( ! onMove || ! valid ) {
			return;
		}
		setBusy( true );
		const start = atMinute(
			date,
			minutesOf( time ),
			offsetOf( booking.start )
		);
		const moved = await onMove( booking, employee, start );
		setBusy( false );
		if ( moved ) {
			onClose();
		}
	};

	return (
		<Modal
			title={ sprintf(
				/* translators: 1: customer name, 2: the booking's time. */
				__( '%1$s, %2$s', 'appointease' ),
				booking.customer.name,
				whenText( booking )
			) }
			onRequestClose={ onClose }
			className="appointease-admin__details"
		>
			<VStack spacing={ 4 }>
				<BookingSummary
					booking={ booking }
					employees={ employees }
					services={ services }
				/>
				<a href={ bookingLink( booking.id ) }>
					{ __( 'Open the booking’s page', 'appointease' ) }
				</a>
				<HStack spacing={ 2 } justify="flex-start" wrap>
					{ onAction && (
						<BookingActions
							booking={ booking }
							onAction={ ( one, action ) => {
								onClose();
								onAction( one, action );
							} }
						/>
					) }
					{ canMove && ! moving && (
						<Button
							size="compact"
							variant="secondary"
							onClick={ () => setMoving( true ) }
						>
							{ __( 'Move…', 'appointease' ) }
						</Button>
					) }
					{ canResend && (
						<Button
							size="compact"
							variant="secondary"
							isBusy={ busy }
							disabled={ busy }
							onClick={ async () => {
								setBusy( true );
								await onResend?.( booking );
								setBusy( false );
							} }
						>
							{ __( 'Resend confirmation', 'appointease' ) }
						</Button>
					) }
				</HStack>
				{ moving && (
					<fieldset className="appointease-admin__move">
						<legend>{ __( 'Move to', 'appointease' ) }</legend>
						<HStack spacing={ 2 } justify="flex-start" wrap>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Date', 'appointease' ) }
								type="date"
								value={ date }
								onChange={ setDate }
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Start time', 'appointease' ) }
								type="time"
								step={ 300 }
								value={ time }
								onChange={ setTime }
							/>
							{ candidates.length > 1 && (
								<SelectControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									label={ __( 'Employee', 'appointease' ) }
									value={ String( employee ) }
									options={ namedOptions( candidates ) }
									onChange={ ( value: string ) =>
										setEmployee( Number( value ) )
									}
								/>
							) }
						</HStack>
						<ModalActions
							cancelLabel={ __(
								'Keep the current time',
								'appointease'
							) }
							onCancel={ () => setMoving( false ) }
							confirmLabel={ __( 'Move booking', 'appointease' ) }
							onConfirm={ move }
							busy={ busy }
							disabled={ ! valid }
						/>
					</fieldset>
				) }
			</VStack>
		</Modal>
	);
}
