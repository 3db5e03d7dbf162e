/**
 * Moves a booking: pick a day (and, if wanted, another employee who gives
 * the service), then one of the free times the availability route offers.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Modal,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { ModalActions } from '../../components/ModalActions';
import { HStack, VStack } from '../../components/Stack';
import { availability, rescheduleBooking } from '../../../shared/api';
import { whenText } from '../../lib/bookings';
import { failureText, toFailure } from '../../lib/errors';
import { datePart, isDate, timePart } from '../../../shared/time';
import type {
	Booking,
	Employee,
	Slot as AvailabilitySlot,
} from '../../../shared/types';

interface Props {
	booking: Booking;
	employees: Employee[];
	onMoved: ( booking: Booking ) => void;
	onClose: () => void;
}

export function RescheduleModal( {
	booking,
	employees,
	onMoved,
	onClose,
}: Props ) {
	const [ date, setDate ] = useState( datePart( booking.start ) );
	const [ employee, setEmployee ] = useState( booking.employee );
	const [ slots, setSlots ] = useState< AvailabilitySlot[] | null >( null );
	const [ chosen, setChosen ] = useState( '' );
	const [ problem, setProblem ] = useState( '' );
	const [ saving, setSaving ] = useState( false );

	// Who can take the booking over: those who give its service.
	const candidates = employees.filter(
		( item ) =>
			item.id === booking.employee ||
			( item.active && item.services.includes( booking.service ) )
	);

	useEffect( () => {
		if ( ! isDate( date ) ) {
			setSlots( [] );
			return undefined;
		}
		let current = true;
		setSlots( null );
		setChosen( '' );
		availability( booking.service, employee, date )
			.then( ( days ) => {
				if ( current ) {
					setSlots(
						days
							.flatMap( ( day ) => day.slots )
							.filter( ( slot ) => slot.state === 'available' )
					);
				}
			} )
			.catch( async ( error ) => {
				if ( current ) {
					setSlots( [] );
					setProblem(
						failureText(
							__(
								'The free times could not be loaded.',
								'appointease'
							),
							await toFailure( error )
						)
					);
				}
			} );
		return () => {
			current = false;
		};
	}, [ booking.service, employee, date ] );

	const move = async () => {
		setSaving( true );
		setProblem( '' );
		try {
			const moved = await rescheduleBooking(
				booking.id,
				chosen,
				employee === booking.employee ? undefined : employee
			);
			onMoved( moved );
		} catch ( error ) {
			setProblem(
				failureText(
					__( 'The booking was not moved.', 'appointease' ),
					await toFailure( error )
				)
			);
			setSaving( false );
		}
	};

	return (
		<Modal
			title={ __( 'Reschedule booking', 'appointease' ) }
			onRequestClose={ onClose }
			className="appointease-admin__reschedule"
		>
			{ /* The controls add no margins of their own: the stack spaces them. */ }
			<VStack spacing={ 4 }>
				<p className="appointease-admin__modal-text">
					{ sprintf(
						/* translators: 1: customer name, 2: the booking's current time. */
						__( '%1$s, now %2$s.', 'appointease' ),
						booking.customer.name,
						whenText( booking )
					) }
				</p>
				{ problem && (
					<Notice status="error" isDismissible={ false }>
						{ problem }
					</Notice>
				) }
				<HStack
					className="appointease-admin__row"
					spacing={ 4 }
					alignment="top"
					wrap
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'New date', 'appointease' ) }
						type="date"
						value={ date }
						onChange={ ( value: string ) => setDate( value ) }
					/>
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
				</HStack>
				<fieldset>
					<legend>{ __( 'Free times', 'appointease' ) }</legend>
					{ slots === null && <Spinner /> }
					{ slots !== null && slots.length === 0 && (
						<p>
							{ __(
								'No free times on this day.',
								'appointease'
							) }
						</p>
					) }
					<HStack
						className="appointease-admin__slots"
						spacing={ 1.5 }
						justify="flex-start"
						wrap
					>
						{ slots?.map( ( slot ) => (
							<Button
								__next40pxDefaultSize
								key={ slot.start }
								variant={
									chosen === slot.start
										? 'primary'
										: 'secondary'
								}
								aria-pressed={ chosen === slot.start }
								data-start={ slot.start }
								onClick={ () => setChosen( slot.start ) }
							>
								{ timePart( slot.start ) }
							</Button>
						) ) }
					</HStack>
				</fieldset>
				<ModalActions
					cancelLabel={ __( 'Keep the current time', 'appointease' ) }
					onCancel={ onClose }
					confirmLabel={
						chosen === ''
							? __( 'Move booking', 'appointease' )
							: sprintf(
									/* translators: %s: the new time. */
									__( 'Move booking to %s', 'appointease' ),
									timePart( chosen )
								)
					}
					onConfirm={ move }
					busy={ saving }
					disabled={ chosen === '' }
				/>
			</VStack>
		</Modal>
	);
}
