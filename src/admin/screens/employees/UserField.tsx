/**
 * The WordPress user an employee is linked to: a list of users for those
 * who may list them, a user id field otherwise.
 */

/**
 * WordPress dependencies
 */
import { SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { listUsers } from '../../../shared/api';
import { errorProps, toInteger } from '../../lib/form';
import type { WpUser } from '../../../shared/api';

interface Props {
	value: number | null;
	canListUsers: boolean;
	errors: Record< string, string >;
	onChange: ( user: number | null ) => void;
}

const HELP = (): string =>
	__(
		"A linked user sees this employee's bookings when logged in. Optional.",
		'appointease'
	);

export function UserField( { value, canListUsers, errors, onChange }: Props ) {
	const [ users, setUsers ] = useState< WpUser[] | null >( null );
	const [ idText, setIdText ] = useState(
		value === null ? '' : String( value )
	);

	useEffect( () => {
		if ( ! canListUsers ) {
			return;
		}
		let current = true;
		listUsers()
			.then( ( found ) => current && setUsers( found ) )
			// Without the list, the id field below still works.
			.catch( () => current && setUsers( null ) );
		return () => {
			current = false;
		};
	}, [ canListUsers ] );

	if ( users !== null ) {
		const options = [
			{ value: '', label: __( '— Not linked —', 'appointease' ) },
			...users.map( ( user ) => ( {
				value: String( user.id ),
				label: user.username
					? sprintf(
							/* translators: 1: display name, 2: user name. */
							__( '%1$s (%2$s)', 'appointease' ),
							user.name,
							user.username
						)
					: user.name,
			} ) ),
		];
		if ( value !== null && ! users.some( ( user ) => user.id === value ) ) {
			options.push( {
				value: String( value ),
				/* translators: %d: user id. */
				label: sprintf( __( 'User #%d', 'appointease' ), value ),
			} );
		}
		return (
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Linked WordPress user', 'appointease' ) }
				value={ value === null ? '' : String( value ) }
				options={ options }
				onChange={ ( selected: string ) =>
					onChange( selected === '' ? null : Number( selected ) )
				}
				{ ...errorProps( errors, 'wp_user', HELP() ) }
			/>
		);
	}

	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ __( 'Linked WordPress user id', 'appointease' ) }
			type="number"
			min={ 1 }
			value={ idText }
			onChange={ ( typed: string ) => {
				setIdText( typed );
				onChange( toInteger( typed ) );
			} }
			{ ...errorProps( errors, 'wp_user', HELP() ) }
		/>
	);
}
