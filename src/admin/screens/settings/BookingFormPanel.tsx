/**
 * Settings → Booking form: the business's own questions. Each field is for
 * every service or for one; a field for every service can be hidden from
 * some. Up and Down buttons order them. Deleting a field takes it off the
 * forms; bookings keep its answers. Given a service (on its edit screen),
 * it shows that service's form: the fields for every service, each of
 * which it can hide or show there, and the service's own.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	SelectControl,
	Spinner,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { HStack, VStack } from '../../components/Stack';
import { Notices } from '../../components/Notices';
import { useNotices } from '../../hooks/useNotices';
import {
	createBookingField,
	deleteBookingField,
	listBookingFields,
	listServices,
	updateBookingField,
	type BookingFieldValues,
} from '../../../shared/api';
import type { BookingField, Service } from '../../../shared/types';

type FieldType = BookingField[ 'type' ];

/** The types with options. */
const CHOICES: readonly FieldType[] = [ 'select', 'radio', 'checkboxes' ];

/**
 * Each type's name for people.
 */
function typeNames(): Record< FieldType, string > {
	return {
		text: __( 'Text', 'appointease' ),
		long_text: __( 'Long text', 'appointease' ),
		email: __( 'Email', 'appointease' ),
		phone: __( 'Phone', 'appointease' ),
		number: __( 'Number', 'appointease' ),
		date: __( 'Date', 'appointease' ),
		select: __( 'Drop-down (one choice)', 'appointease' ),
		radio: __( 'Radio buttons (one choice)', 'appointease' ),
		checkboxes: __( 'Checkboxes (any choices)', 'appointease' ),
		checkbox: __( 'Single checkbox', 'appointease' ),
	};
}

/** What the edit form holds: options as lines of text. */
interface Draft {
	id: string | null;
	label: string;
	type: FieldType;
	help: string;
	required: boolean;
	options: string;
	service: number;
	hidden_for: number[];
}

const NEW_FIELD: Draft = {
	id: null,
	label: '',
	type: 'text',
	help: '',
	required: false,
	options: '',
	service: 0,
	hidden_for: [],
};

/**
 * A draft as the route takes it.
 *
 * @param draft The form's values.
 */
function toValues( draft: Draft ): Partial< BookingFieldValues > {
	return {
		label: draft.label.trim(),
		type: draft.type,
		help: draft.help.trim(),
		required: draft.required,
		options: CHOICES.includes( draft.type )
			? draft.options
					.split( '\n' )
					.map( ( line ) => line.trim() )
					.filter( Boolean )
			: [],
		service: draft.service,
		hidden_for: draft.service === 0 ? draft.hidden_for : [],
	};
}

export function BookingFormPanel( {
	service: only,
}: {
	/** Show this service's form only (on its edit screen). */
	service?: Service;
} = {} ) {
	const notices = useNotices();
	const { failure, success } = notices;
	const [ all, setFields ] = useState< BookingField[] | null >( null );
	const fields =
		all && only
			? all.filter(
					( field ) =>
						field.service === 0 || field.service === only.id
				)
			: all;
	const [ services, setServices ] = useState< Service[] >( [] );
	const [ draft, setDraft ] = useState< Draft | null >( null );
	const [ busy, setBusy ] = useState( false );
	const names = typeNames();

	const load = useCallback( async () => {
		try {
			const [ loadedFields, loadedServices ] = await Promise.all( [
				listBookingFields(),
				listServices(),
			] );
			setFields( loadedFields );
			setServices( loadedServices );
		} catch ( error ) {
			await failure(
				__( 'Loading the booking form', 'appointease' ),
				error
			);
		}
	}, [ failure ] );

	useEffect( () => {
		load();
	}, [ load ] );

	const run = async ( action: string, work: () => Promise< unknown > ) => {
		setBusy( true );
		try {
			await work();
			await load();
			return true;
		} catch ( error ) {
			await failure( action, error );
			return false;
		} finally {
			setBusy( false );
		}
	};

	const save = async () => {
		if ( ! draft ) {
			return;
		}
		const values = toValues( draft );
		const saved = await run( __( 'Saving the field', 'appointease' ), () =>
			draft.id
				? updateBookingField( draft.id, values )
				: createBookingField( values )
		);
		if ( saved ) {
			success( __( 'Field saved.', 'appointease' ) );
			setDraft( null );
		}
	};

	// Swaps the places of two neighbours by giving each the other's number.
	const move = ( index: number, by: -1 | 1 ) => {
		const list = fields ?? [];
		const one = list[ index ];
		const other = list[ index + by ];
		if ( ! one || ! other ) {
			return;
		}
		const [ first, second ] =
			one.order === other.order
				? [ index + by, index ]
				: [ other.order, one.order ];
		run( __( 'Moving the field', 'appointease' ), async () => {
			await updateBookingField( one.id, { order: first } );
			await updateBookingField( other.id, { order: second } );
		} );
	};

	const serviceName = ( id: number ) =>
		services.find( ( service ) => service.id === id )?.name ??
		sprintf(
			/* translators: %d: a service id. */
			__( 'Service %d', 'appointease' ),
			id
		);

	return (
		<section
			className="appointease-admin__booking-form"
			aria-labelledby="appointease-booking-form-title"
		>
			<h2 id="appointease-booking-form-title">
				{ only
					? sprintf(
							/* translators: %s: a service's name. */
							__( 'Booking form of %s', 'appointease' ),
							only.name
						)
					: __( 'Booking form', 'appointease' ) }
			</h2>
			<p className="description">
				{ __(
					'Questions customers answer when they book, after their name, email, phone and notes. Answers show with each booking, in emails ({fields}, or {field:<id>} for one) and in the export.',
					'appointease'
				) }
			</p>
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			{ fields === null && <Spinner /> }
			{ fields !== null && fields.length === 0 && (
				<p>{ __( 'No questions yet.', 'appointease' ) }</p>
			) }
			{ fields !== null && fields.length > 0 && (
				<table className="wp-list-table widefat striped appointease-admin__table">
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Question', 'appointease' ) }
							</th>
							<th scope="col">{ __( 'Type', 'appointease' ) }</th>
							<th scope="col">
								{ __( 'On the form of', 'appointease' ) }
							</th>
							<th scope="col">{ __( 'Id', 'appointease' ) }</th>
							<th scope="col">
								{ __( 'Actions', 'appointease' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ fields.map( ( field, index ) => (
							<tr key={ field.id } data-field={ field.id }>
								<th scope="row">
									{ field.label }
									{ field.required &&
										` ${ __( '(required)', 'appointease' ) }` }
								</th>
								<td>{ names[ field.type ] }</td>
								<td>
									{ field.service === 0
										? __( 'Every service', 'appointease' )
										: serviceName( field.service ) }
									{ field.hidden_for.length > 0 &&
										` ${ sprintf(
											/* translators: %s: service names. */
											__( '(not %s)', 'appointease' ),
											field.hidden_for
												.map( serviceName )
												.join( ', ' )
										) }` }
								</td>
								<td>
									<code>{ field.id }</code>
								</td>
								<td>
									<HStack justify="flex-start" wrap>
										{ only && field.service === 0 && (
											<Button
												size="compact"
												variant="secondary"
												disabled={ busy }
												onClick={ () =>
													run(
														__(
															'Saving the field',
															'appointease'
														),
														() =>
															updateBookingField(
																field.id,
																{
																	hidden_for:
																		field.hidden_for.includes(
																			only.id
																		)
																			? field.hidden_for.filter(
																					(
																						id
																					) =>
																						id !==
																						only.id
																				)
																			: [
																					...field.hidden_for,
																					only.id,
																				],
																}
															)
													)
												}
											>
												{ field.hidden_for.includes(
													only.id
												)
													? __(
															'Show on this form',
															'appointease'
														)
													: __(
															'Hide on this form',
															'appointease'
														) }
											</Button>
										) }
										<Button
											size="compact"
											variant="secondary"
											disabled={ busy || index === 0 }
											accessibleWhenDisabled
											label={ sprintf(
												/* translators: %s: a field's label. */
												__(
													'Move "%s" up',
													'appointease'
												),
												field.label
											) }
											onClick={ () => move( index, -1 ) }
										>
											{ __( 'Up', 'appointease' ) }
										</Button>
										<Button
											size="compact"
											variant="secondary"
											disabled={
												busy ||
												index === fields.length - 1
											}
											accessibleWhenDisabled
											label={ sprintf(
												/* translators: %s: a field's label. */
												__(
													'Move "%s" down',
													'appointease'
												),
												field.label
											) }
											onClick={ () => move( index, 1 ) }
										>
											{ __( 'Down', 'appointease' ) }
										</Button>
										<Button
											size="compact"
											variant="secondary"
											disabled={ busy }
											label={ sprintf(
												/* translators: %s: a field's label. */
												__(
													'Edit "%s"',
													'appointease'
												),
												field.label
											) }
											onClick={ () =>
												setDraft( {
													...field,
													options:
														field.options.join(
															'\n'
														),
												} )
											}
										>
											{ __( 'Edit', 'appointease' ) }
										</Button>
										<Button
											size="compact"
											variant="secondary"
											isDestructive
											disabled={ busy }
											label={ sprintf(
												/* translators: %s: a field's label. */
												__(
													'Delete "%s"',
													'appointease'
												),
												field.label
											) }
											onClick={ () =>
												run(
													__(
														'Deleting the field',
														'appointease'
													),
													() =>
														deleteBookingField(
															field.id
														)
												).then(
													( done ) =>
														done &&
														success(
															__(
																'Field deleted. Bookings keep its answers.',
																'appointease'
															)
														)
												)
											}
										>
											{ __( 'Delete', 'appointease' ) }
										</Button>
									</HStack>
								</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			{ ! draft && fields !== null && (
				<p>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () =>
							setDraft( { ...NEW_FIELD, service: only?.id ?? 0 } )
						}
					>
						{ __( 'Add a question', 'appointease' ) }
					</Button>
				</p>
			) }
			{ draft && (
				<form
					className="appointease-admin__form"
					aria-label={
						draft.id
							? __( 'Edit the question', 'appointease' )
							: __( 'New question', 'appointease' )
					}
					noValidate
					onSubmit={ ( event ) => {
						event.preventDefault();
						save();
					} }
				>
					<VStack spacing={ 4 }>
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Question', 'appointease' ) }
							value={ draft.label }
							required
							maxLength={ 200 }
							onChange={ ( label ) =>
								setDraft( { ...draft, label } )
							}
						/>
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Type', 'appointease' ) }
							value={ draft.type }
							options={ (
								Object.keys( names ) as FieldType[]
							 ).map( ( type ) => ( {
								value: type,
								label: names[ type ],
							} ) ) }
							onChange={ ( type ) =>
								setDraft( {
									...draft,
									type: type as FieldType,
								} )
							}
						/>
						{ CHOICES.includes( draft.type ) && (
							<TextareaControl
								__nextHasNoMarginBottom
								label={ __( 'Choices', 'appointease' ) }
								help={ __( 'One per line.', 'appointease' ) }
								value={ draft.options }
								onChange={ ( options ) =>
									setDraft( { ...draft, options } )
								}
							/>
						) }
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __(
								'Help text (optional)',
								'appointease'
							) }
							value={ draft.help }
							maxLength={ 500 }
							onChange={ ( help ) =>
								setDraft( { ...draft, help } )
							}
						/>
						<CheckboxControl
							__nextHasNoMarginBottom
							label={ __( 'Required', 'appointease' ) }
							checked={ draft.required }
							onChange={ ( required ) =>
								setDraft( { ...draft, required } )
							}
						/>
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'On the form of', 'appointease' ) }
							value={ String( draft.service ) }
							options={ [
								{
									value: '0',
									label: __( 'Every service', 'appointease' ),
								},
								...namedOptions( services ),
							] }
							onChange={ ( service ) =>
								setDraft( {
									...draft,
									service: Number( service ),
								} )
							}
						/>
						{ draft.service === 0 && services.length > 0 && (
							<fieldset>
								<legend>
									{ __(
										'Leave it off the form of',
										'appointease'
									) }
								</legend>
								{ services.map( ( service ) => (
									<CheckboxControl
										key={ service.id }
										__nextHasNoMarginBottom
										label={ service.name }
										checked={ draft.hidden_for.includes(
											service.id
										) }
										onChange={ ( hide ) =>
											setDraft( {
												...draft,
												hidden_for: hide
													? [
															...draft.hidden_for,
															service.id,
														]
													: draft.hidden_for.filter(
															( id ) =>
																id !==
																service.id
														),
											} )
										}
									/>
								) ) }
							</fieldset>
						) }
						<HStack justify="flex-start">
							<Button
								__next40pxDefaultSize
								variant="primary"
								type="submit"
								isBusy={ busy }
								disabled={ busy }
								accessibleWhenDisabled
							>
								{ __( 'Save question', 'appointease' ) }
							</Button>
							<Button
								__next40pxDefaultSize
								variant="tertiary"
								onClick={ () => setDraft( null ) }
							>
								{ __( 'Cancel', 'appointease' ) }
							</Button>
						</HStack>
					</VStack>
				</form>
			) }
		</section>
	);
}
