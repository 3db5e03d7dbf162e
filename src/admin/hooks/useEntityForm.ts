/**
 * The state and saving of a form that adds or changes one thing (a service,
 * an employee): the fields, whether they differ from what was loaded, the
 * field errors, and a save that checks the fields, sends them and says in a
 * notice whether it worked.
 */

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { differs } from '../lib/form';
import type { Notices } from './useNotices';
import { useUnsavedChanges } from './useUnsavedChanges';

/** Field => problem. */
export type FieldErrors = Record< string, string >;

/**
 * The errors a form shows for a failure's fields: core names a field of a
 * list item like `hours[0][start]`; the form shows it at the list.
 *
 * @param params Field => problem, from the failure.
 */
export function errorsByField( params: FieldErrors ): FieldErrors {
	const errors: FieldErrors = {};
	for ( const [ field, problem ] of Object.entries( params ) ) {
		const base = field.split( '[' )[ 0 ] ?? field;
		errors[ base ] = errors[ base ]
			? `${ errors[ base ] } ${ problem }`
			: problem;
	}
	return errors;
}

interface Options< State, Fields, Saved > {
	/** The form as loaded; called once. */
	load: () => State;
	/** The fields to send, or the problems found before sending. */
	check: ( form: State ) => { fields: Fields } | { errors: FieldErrors };
	/** Creates or updates the thing. */
	send: ( fields: Fields ) => Promise< Saved >;
	notices: Notices;
	/** The notice when saving failed, like "The service was not saved." */
	notSaved: string;
	/** The notice when it was saved. */
	savedText: ( saved: Saved ) => string;
	onSaved: ( saved: Saved ) => void;
}

export interface EntityForm< State > {
	/** The form as loaded. */
	initial: State;
	form: State;
	set: < K extends keyof State >( key: K, value: State[ K ] ) => void;
	errors: FieldErrors;
	saving: boolean;
	/** Whether the form differs from what was loaded. */
	dirty: boolean;
	/** Whether the form may be dropped (asks when there are unsaved changes). */
	mayLeave: () => boolean;
	save: () => Promise< void >;
}

export function useEntityForm< State, Fields, Saved >( {
	load,
	check,
	send,
	notices,
	notSaved,
	savedText,
	onSaved,
}: Options< State, Fields, Saved > ): EntityForm< State > {
	const [ initial ] = useState( load );
	const [ form, setForm ] = useState( initial );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ saving, setSaving ] = useState( false );
	const dirty = differs( form, initial );
	const mayLeave = useUnsavedChanges( dirty && ! saving );

	const set = < K extends keyof State >( key: K, value: State[ K ] ) =>
		setForm( ( current ) => ( { ...current, [ key ]: value } ) );

	const save = async () => {
		const checked = check( form );
		if ( 'errors' in checked ) {
			setErrors( checked.errors );
			notices.failure(
				notSaved,
				new Error(
					__( 'Please correct the marked fields.', 'appointease' )
				)
			);
			return;
		}
		setSaving( true );
		try {
			const saved = await send( checked.fields );
			setErrors( {} );
			notices.success( savedText( saved ) );
			onSaved( saved );
		} catch ( error ) {
			const failure = await notices.failure( notSaved, error );
			setErrors( errorsByField( failure.params ) );
			setSaving( false );
		}
	};

	return { initial, form, set, errors, saving, dirty, mayLeave, save };
}
