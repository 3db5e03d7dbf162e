/**
 * A new booking typed in by an admin (taken on the phone): service,
 * employee and time, with the free times a visitor sees (live holds
 * included) and any other time on the 5-minute grid; then the customer,
 * found among earlier ones or typed in. A time outside the visitors' rules
 * (minimum notice, horizon, working hours) is booked with a warning that
 * names the rule; a taken time never is (the server answers SLOT_TAKEN).
 *
 * Self-contained, so that any screen can open it (the Bookings list's
 * "New booking" button, an empty time clicked in a calendar).
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
	Spinner,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { HStack, VStack } from '../../components/Stack';
import { useCatalog } from '../../hooks/useCatalog';
import {
	availability,
	checkBookingTime,
	createAdminBooking,
	searchCustomers,
	type BookingCheck,
	type EarlierCustomer,
} from '../../../shared/api';
import { failureText, toFailure } from '../../lib/errors';
import { datePart, isDate, timePart, zonedIso } from '../../../shared/time';
import type { Booking, Slot } from '../../../shared/types';
import {
	answersToSend,
	checkAnswer,
	checkAnswers,
	type AnswerErrors,
	type Answers,
} from '../../../shared/custom-fields';
import { CustomFields } from '../../../blocks/booking/components/CustomFields';

export interface NewBookingFormProps {
	/** The site's timezone, for employees without their own (AdminConfig.siteTimezone). */
	siteTimezone: string;
	/** Service to start with. */
	initialService?: number;
	/** Employee to start with. */
	initialEmployee?: number;
	/** Start to pick at once, ISO 8601 with offset (a time clicked in a calendar). */
	initialStart?: string;
	/** Called with the new booking, or with null when the admin gives up. */
	onDone: ( booking: Booking | null ) => void;
	/** Today in the site's timezone, YYYY-MM-DD (the date to start with). */
	today: string;
}

/** How often the free times are read again while the form is open, ms. */
const REFRESH_MS = 5000;

/** Milliseconds a typed customer search waits before it asks the server. */
const SEARCH_DELAY = 300;

/**
 * What a screen reader says for an offered time.
 *
 * @param state The time's state.
 * @param label HH:MM.
 */
function slotLabel( state: Slot[ 'state' ], label: string ): string {
	if ( state === 'held' ) {
		return sprintf(
			/* translators: %s: a time such as 09:00. */
			__( '%s, being booked by a visitor', 'appointease' ),
			label
		);
	}
	if ( state === 'booked' ) {
		return sprintf(
			/* translators: %s: a time such as 09:00. */
			__( '%s, booked', 'appointease' ),
			label
		);
	}
	return label;
}

export function NewBookingForm( {
	siteTimezone,
	initialService = 0,
	initialEmployee = 0,
	initialStart = '',
	onDone,
	today,
}: NewBookingFormProps ) {
	const catalog = useCatalog();
	const [ service, setService ] = useState( initialService );
	const [ employee, setEmployee ] = useState( initialEmployee );
	const [ date, setDate ] = useState(
		initialStart ? datePart( initialStart ) : today
	);
	const [ time, setTime ] = useState(
		initialStart ? timePart( initialStart ) : ''
	);
	const [ slots, setSlots ] = useState< Slot[] | null >( null );
	const [ check, setCheck ] = useState< BookingCheck | null >( null );
	const [ search, setSearch ] = useState( '' );
	const [ found, setFound ] = useState< EarlierCustomer[] >( [] );
	const [ name, setName ] = useState( '' );
	const [ email, setEmail ] = useState( '' );
	const [ phone, setPhone ] = useState( '' );
	const [ notes, setNotes ] = useState( '' );
	const [ notify, setNotify ] = useState( true );
	const [ problem, setProblem ] = useState( '' );
	// Answers to the chosen service's booking form, checked as the visitor's are.
	const [ answers, setAnswers ] = useState< Answers >( {} );
	const [ answerErrors, setAnswerErrors ] = useState< AnswerErrors >( {} );
	const [ saving, setSaving ] = useState( false );

	const services = catalog.services.filter( ( item ) => item.active );
	const employees = catalog.employees.filter(
		( item ) => item.active && item.services.includes( service )
	);
	const timezone =
		catalog.employees.find( ( item ) => item.id === employee )?.timezone ||
		siteTimezone;
	// The employee gives the service (the pickers catch up a render after a change).
	const paired = employees.some( ( item ) => item.id === employee );
	const start =
		paired && isDate( date ) && /^\d\d:\d\d$/.test( time )
			? zonedIso( date, time, timezone )
			: '';

	// The first service (of the employee asked for, as a time chosen in the
	// calendar's column asks) and its first employee, once the catalog is in.
	const asked = catalog.employees.find(
		( item ) => item.id === initialEmployee
	);
	useEffect( () => {
		const first =
			services.find(
				( item ) => ! asked || asked.services.includes( item.id )
			) ?? services[ 0 ];
		if ( service === 0 && first ) {
			setService( first.id );
		}
	}, [ service, services, asked ] );
	useEffect( () => {
		if (
			employees.length > 0 &&
			! employees.some( ( item ) => item.id === employee )
		) {
			setEmployee( employees[ 0 ]?.id ?? 0 );
		}
	}, [ employee, employees ] );

	// The day's times as a visitor sees them, read again every few seconds.
	useEffect( () => {
		if ( ! paired || ! isDate( date ) ) {
			setSlots( [] );
			return undefined;
		}
		let current = true;
		const read = () =>
			availability( service, employee, date )
				.then( ( days ) => {
					if ( current ) {
						setSlots( days.flatMap( ( day ) => day.slots ) );
					}
				} )
				.catch( () => current && setSlots( [] ) );
		setSlots( null );
		read();
		const timer = setInterval( read, REFRESH_MS );
		return () => {
			current = false;
			clearInterval( timer );
		};
	}, [ service, employee, date, paired ] );

	// Which rules the chosen time breaks, and whether it is free.
	useEffect( () => {
		setCheck( null );
		if ( start === '' ) {
			return undefined;
		}
		let current = true;
		checkBookingTime( service, employee, start )
			.then( ( answer ) => current && setCheck( answer ) )
			.catch( async ( error ) => {
				if ( current ) {
					setProblem(
						failureText(
							__(
								'This time could not be checked.',
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
	}, [ service, employee, start ] );

	useEffect( () => {
		if ( search.trim().length < 2 ) {
			setFound( [] );
			return undefined;
		}
		let current = true;
		const timer = setTimeout( () => {
			searchCustomers( search.trim() )
				.then( ( customers ) => current && setFound( customers ) )
				.catch( () => current && setFound( [] ) );
		}, SEARCH_DELAY );
		return () => {
			current = false;
			clearTimeout( timer );
		};
	}, [ search ] );

	const taken =
		check !== null &&
		( check.state === 'booked' || check.state === 'held' );
	const overridden = check?.overrides ?? [];

	const formFields =
		catalog.services.find( ( item ) => item.id === service )?.fields ?? [];

	const submit = async () => {
		setProblem( '' );
		// The consent box is the visitor's to tick; an admin books without it.
		const faults = checkAnswers( formFields, answers, null, false );
		setAnswerErrors( faults );
		if ( Object.keys( faults ).length > 0 ) {
			return;
		}
		setSaving( true );
		try {
			const booking = await createAdminBooking( {
				service,
				employee,
				start,
				customer: { name, email, phone, notes },
				override: overridden.length > 0,
				notify,
				fields: answersToSend( formFields, answers ),
			} );
			onDone( booking );
		} catch ( error ) {
			setProblem(
				failureText(
					__( 'The booking was not made.', 'appointease' ),
					await toFailure( error )
				)
			);
		} finally {
			setSaving( false );
		}
	};

	if ( catalog.loading && catalog.services.length === 0 ) {
		return <Spinner />;
	}

	const offered = ( slots ?? [] ).filter( ( slot ) => slot.state !== 'past' );

	return (
		<form
			className="appointease-admin__new-booking"
			onSubmit={ ( event ) => {
				event.preventDefault();
				submit();
			} }
		>
			<VStack spacing={ 4 }>
				<HStack spacing={ 3 } alignment="topLeft" wrap>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Service', 'appointease' ) }
						value={ String( service ) }
						options={ namedOptions( services ) }
						onChange={ ( value: string ) =>
							setService( Number( value ) )
						}
					/>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Employee', 'appointease' ) }
						value={ String( employee ) }
						options={ namedOptions( employees ) }
						onChange={ ( value: string ) =>
							setEmployee( Number( value ) )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Date', 'appointease' ) }
						type="date"
						value={ date }
						onChange={ ( value: string ) => setDate( value ) }
					/>
				</HStack>

				<fieldset className="appointease-admin__new-booking-times">
					<legend>{ __( 'Time', 'appointease' ) }</legend>
					{ slots === null && <Spinner /> }
					{ slots !== null && offered.length === 0 && (
						<p>
							{ __(
								'Visitors are offered no times on this day. Type a time below to book one anyway.',
								'appointease'
							) }
						</p>
					) }
					<HStack spacing={ 1 } justify="flex-start" wrap>
						{ offered.map( ( slot ) => {
							const free = slot.state === 'available';
							const label = timePart( slot.start );
							return (
								<Button
									key={ slot.start }
									size="compact"
									variant={
										label === time ? 'primary' : 'secondary'
									}
									disabled={ ! free }
									aria-pressed={ label === time }
									onClick={ () => setTime( label ) }
									aria-label={ slotLabel(
										slot.state,
										label
									) }
								>
									{ label }
									{ slot.state === 'held' &&
										` · ${ __( 'being booked', 'appointease' ) }` }
								</Button>
							);
						} ) }
					</HStack>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Start time', 'appointease' ) }
						help={ __(
							'Pick an offered time above, or type any time (on a 5-minute step).',
							'appointease'
						) }
						type="time"
						step={ 300 }
						value={ time }
						onChange={ ( value: string ) =>
							setTime( value.slice( 0, 5 ) )
						}
					/>
				</fieldset>

				<div aria-live="polite">
					{ taken && (
						<Notice status="error" isDismissible={ false }>
							{ check?.state === 'held'
								? __(
										'A visitor is booking this time right now. Pick another time, or wait a minute.',
										'appointease'
									)
								: __(
										'This time is taken by another booking. Pick another time.',
										'appointease'
									) }
						</Notice>
					) }
					{ ! taken && overridden.length > 0 && (
						<Notice
							status="warning"
							isDismissible={ false }
							className="appointease-admin__override-warning"
						>
							<strong>
								{ _n(
									'Visitors could not book this time. You can, overriding this rule:',
									'Visitors could not book this time. You can, overriding these rules:',
									overridden.length,
									'appointease'
								) }
							</strong>
							<ul>
								{ overridden.map( ( item ) => (
									<li key={ item.rule }>{ item.message }</li>
								) ) }
							</ul>
						</Notice>
					) }
				</div>

				<fieldset>
					<legend>{ __( 'Customer', 'appointease' ) }</legend>
					<VStack spacing={ 3 }>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __(
								'Find an earlier customer',
								'appointease'
							) }
							type="search"
							placeholder={ __(
								'Name, email or phone',
								'appointease'
							) }
							value={ search }
							onChange={ ( value: string ) => setSearch( value ) }
						/>
						{ found.length > 0 && (
							<ul
								className="appointease-admin__customer-results"
								aria-label={ __(
									'Earlier customers',
									'appointease'
								) }
							>
								{ found.map( ( customer ) => (
									<li key={ customer.email }>
										<Button
											variant="link"
											onClick={ () => {
												setName( customer.name );
												setEmail( customer.email );
												setPhone( customer.phone );
												setSearch( '' );
											} }
										>
											{ sprintf(
												/* translators: 1: name, 2: email, 3: number of bookings. */
												_n(
													'%1$s, %2$s (%3$d booking)',
													'%1$s, %2$s (%3$d bookings)',
													customer.bookings,
													'appointease'
												),
												customer.name,
												customer.email,
												customer.bookings
											) }
										</Button>
									</li>
								) ) }
							</ul>
						) }
						<HStack spacing={ 3 } alignment="topLeft" wrap>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Name', 'appointease' ) }
								value={ name }
								required
								onChange={ ( value: string ) =>
									setName( value )
								}
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Email', 'appointease' ) }
								type="email"
								value={ email }
								required
								onChange={ ( value: string ) =>
									setEmail( value )
								}
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Phone', 'appointease' ) }
								type="tel"
								value={ phone }
								onChange={ ( value: string ) =>
									setPhone( value )
								}
							/>
						</HStack>
						<TextareaControl
							__nextHasNoMarginBottom
							label={ __( 'Notes', 'appointease' ) }
							value={ notes }
							onChange={ ( value: string ) => setNotes( value ) }
						/>
						<CustomFields
							id="appointease-new-booking"
							fields={ formFields }
							consent={ null }
							answers={ answers }
							agreed={ false }
							errors={ answerErrors }
							onAnswer={ ( field, value ) =>
								setAnswers( ( before ) => ( {
									...before,
									[ field ]: value,
								} ) )
							}
							onConsent={ () => undefined }
							onLeave={ ( field ) =>
								setAnswerErrors( ( before ) => {
									const rest = { ...before };
									delete rest[ field.id ];
									const message = checkAnswer(
										field,
										answers[ field.id ]
									);
									return message
										? { ...rest, [ field.id ]: message }
										: rest;
								} )
							}
						/>
					</VStack>
				</fieldset>

				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Notify the customer', 'appointease' ) }
					help={ __(
						'Email the customer the booking confirmation with their link to change or cancel it. The staff are emailed either way.',
						'appointease'
					) }
					checked={ notify }
					onChange={ setNotify }
				/>

				{ problem !== '' && (
					<Notice status="error" isDismissible={ false }>
						{ problem }
					</Notice>
				) }

				<HStack spacing={ 2 } justify="flex-end">
					<Button
						__next40pxDefaultSize
						variant="tertiary"
						onClick={ () => onDone( null ) }
						disabled={ saving }
					>
						{ __( 'Cancel', 'appointease' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="primary"
						type="submit"
						isBusy={ saving }
						disabled={
							saving ||
							start === '' ||
							check === null ||
							taken ||
							name.trim() === '' ||
							email.trim() === ''
						}
					>
						{ overridden.length > 0
							? __( 'Book anyway', 'appointease' )
							: __( 'Book', 'appointease' ) }
					</Button>
				</HStack>
			</VStack>
		</form>
	);
}
