/**
 * Settings: a form built from the settings route's JSON schema, and the
 * hold store's status.
 */

/**
 * WordPress dependencies
 */
import { Button, Panel, PanelBody, Spinner } from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FormActions } from '../../components/FormActions';
import { VStack } from '../../components/Stack';
import {
	getSettings,
	getSettingsSchema,
	listPages,
	updateSettings,
} from '../../../shared/api';
import { Notices } from '../../components/Notices';
import { useNotices } from '../../hooks/useNotices';
import { useUnsavedChanges } from '../../hooks/useUnsavedChanges';
import {
	changedSettings,
	groupLabel,
	groupOf,
	rangeProblem,
	SETTING_GROUPS,
	templateLabel,
	templateOf,
	type SettingGroup,
} from '../../lib/settings';
import type { SettingSchema, SettingValues } from '../../../shared/api';
import type { HoldStoreStatus } from '../../types';
import { BookingFormPanel } from './BookingFormPanel';
import { HoldStorePanel } from './HoldStorePanel';
import { SettingField, type PageChoice } from './SettingField';

interface Loaded {
	schema: Record< string, SettingSchema >;
	saved: SettingValues;
}

export function SettingsScreen( {
	holdStore,
}: {
	holdStore: HoldStoreStatus | null;
} ) {
	const notices = useNotices();
	const { failure, success } = notices;
	const [ loaded, setLoaded ] = useState< Loaded | null >( null );
	const [ values, setValues ] = useState< SettingValues >( {} );
	const [ errors, setErrors ] = useState< Record< string, string > >( {} );
	const [ saving, setSaving ] = useState( false );
	const [ loadFailed, setLoadFailed ] = useState( false );
	// Unknown until read (or when they cannot be): the booking page then takes an id.
	const [ pages, setPages ] = useState< PageChoice[] | undefined >();
	const changes = loaded ? changedSettings( loaded.saved, values ) : {};
	const dirty = Object.keys( changes ).length > 0;
	useUnsavedChanges( dirty && ! saving );

	const load = useCallback( async () => {
		try {
			const [ schema, saved ] = await Promise.all( [
				getSettingsSchema(),
				getSettings(),
			] );
			setLoaded( { schema, saved } );
			setValues( saved );
			setLoadFailed( false );
		} catch ( error ) {
			setLoadFailed( true );
			failure(
				__( 'The settings could not be loaded.', 'appointease' ),
				error
			);
		}
	}, [ failure ] );

	useEffect( () => {
		load();
	}, [ load ] );

	useEffect( () => {
		listPages()
			.then( setPages )
			.catch( () => setPages( undefined ) );
	}, [] );

	const save = async () => {
		if ( ! loaded ) {
			return;
		}
		const problems: Record< string, string > = {};
		for ( const key of Object.keys( changes ) ) {
			const schema = loaded.schema[ key ];
			const problem = schema
				? rangeProblem( schema, changes[ key ] )
				: null;
			if ( problem ) {
				problems[ key ] = problem;
			}
		}
		setErrors( problems );
		if ( Object.keys( problems ).length > 0 ) {
			failure(
				__( 'The settings were not saved.', 'appointease' ),
				new Error(
					__( 'Please correct the marked fields.', 'appointease' )
				)
			);
			return;
		}
		setSaving( true );
		try {
			const saved = await updateSettings( changes );
			setLoaded( { ...loaded, saved } );
			setValues( saved );
			success( __( 'Settings saved.', 'appointease' ) );
		} catch ( error ) {
			const found = await failure(
				__( 'The settings were not saved.', 'appointease' ),
				error
			);
			setErrors( found.params );
		} finally {
			setSaving( false );
		}
	};

	const field = ( key: string, schema: SettingSchema ) => (
		<SettingField
			key={ key }
			name={ key }
			schema={ schema }
			pages={ pages }
			value={ values[ key ] }
			errors={ errors }
			onChange={ ( value ) =>
				setValues( ( current ) => ( { ...current, [ key ]: value } ) )
			}
		/>
	);

	const entries = loaded ? Object.entries( loaded.schema ) : [];
	// A group's own settings, and its email templates (a subject and a body each).
	const inGroup = ( group: SettingGroup ) => {
		const mine = entries.filter( ( [ key ] ) => groupOf( key ) === group );
		const templates = new Map<
			string,
			Array< [ string, SettingSchema ] >
		>();
		for ( const entry of mine ) {
			const template = templateOf( entry[ 0 ] )?.template;
			if ( template ) {
				templates.set( template, [
					...( templates.get( template ) ?? [] ),
					entry,
				] );
			}
		}
		return {
			fields: mine.filter( ( [ key ] ) => ! templateOf( key ) ),
			templates,
		};
	};

	const templatePanels = (
		templates: Map< string, Array< [ string, SettingSchema ] > >
	) => (
		<Panel>
			{ [ ...templates ].map( ( [ template, parts ] ) => (
				<PanelBody
					key={ template }
					title={
						parts.some( ( [ key ] ) => key in changes )
							? sprintf(
									/* translators: %s: an email template's name. */
									__( '%s (changed)', 'appointease' ),
									templateLabel( template )
								)
							: templateLabel( template )
					}
					initialOpen={ parts.some( ( [ key ] ) => key in errors ) }
				>
					<VStack spacing={ 4 }>
						{ parts.map( ( [ key, schema ] ) =>
							field( key, schema )
						) }
					</VStack>
				</PanelBody>
			) ) }
		</Panel>
	);

	return (
		<div className="appointease-admin__screen">
			<Notices notices={ notices.notices } onRemove={ notices.remove } />
			<HoldStorePanel status={ holdStore } />
			{ ! loaded && loadFailed && (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ load }
				>
					{ __( 'Try again', 'appointease' ) }
				</Button>
			) }
			{ ! loaded && ! loadFailed && <Spinner /> }
			{ loaded && (
				<form
					className="appointease-admin__form"
					noValidate
					aria-label={ __( 'Settings', 'appointease' ) }
					onSubmit={ ( event ) => {
						event.preventDefault();
						save();
					} }
				>
					{ /* The controls add no margins of their own: the stacks space them. */ }
					<VStack spacing={ 4 }>
						{ SETTING_GROUPS.map( ( group ) => {
							const { fields, templates } = inGroup( group );
							if ( fields.length + templates.size === 0 ) {
								return null;
							}
							return (
								<fieldset key={ group }>
									<legend>{ groupLabel( group ) }</legend>
									<VStack spacing={ 4 }>
										{ fields.map( ( [ key, schema ] ) =>
											field( key, schema )
										) }
										{ templates.size > 0 &&
											templatePanels( templates ) }
									</VStack>
								</fieldset>
							);
						} ) }
						<FormActions
							saveLabel={ __( 'Save settings', 'appointease' ) }
							cancelLabel={ __(
								'Discard changes',
								'appointease'
							) }
							saving={ saving }
							dirty={ dirty }
							requireChanges
							onCancel={ () => {
								setValues( loaded.saved );
								setErrors( {} );
							} }
						/>
					</VStack>
				</form>
			) }
			<BookingFormPanel />
		</div>
	);
}
