/**
 * Which of the bookings list's columns to show, remembered per user in
 * this browser (localStorage, keyed by the user's id): a screen option,
 * like wp-admin's own "Screen Options" column checkboxes.
 */

/**
 * WordPress dependencies
 */
import { CheckboxControl, Dropdown, Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { VStack } from '../../components/Stack';

/** The columns that can be hidden (When and Customer always show). */
export const OPTIONAL_COLUMNS = [
	'contact',
	'service',
	'employee',
	'seats',
	'status',
	'answers',
] as const;

export type OptionalColumn = ( typeof OPTIONAL_COLUMNS )[ number ];

/**
 * A column's name for people.
 *
 * @param column The column.
 */
export function columnLabel( column: OptionalColumn ): string {
	switch ( column ) {
		case 'contact':
			return __( 'Email, phone and notes', 'appointease' );
		case 'service':
			return __( 'Service', 'appointease' );
		case 'employee':
			return __( 'Employee', 'appointease' );
		case 'seats':
			return __( 'Seats', 'appointease' );
		case 'status':
			return __( 'Status', 'appointease' );
		case 'answers':
			return __( 'Answers to the booking form', 'appointease' );
	}
	return column;
}

/**
 * The storage key of a user's choice.
 *
 * @param userId The user's id.
 */
function storageKey( userId: number ): string {
	return `appointease-booking-columns-${ userId }`;
}

/**
 * The hidden columns a user chose last time, and a setter that remembers.
 *
 * @param userId The user's id (0: nothing is remembered).
 */
export function useHiddenColumns(
	userId: number
): [ OptionalColumn[], ( hidden: OptionalColumn[] ) => void ] {
	const [ hidden, setHidden ] = useState< OptionalColumn[] >( () => {
		if ( userId === 0 ) {
			return [];
		}
		try {
			const saved: unknown = JSON.parse(
				window.localStorage.getItem( storageKey( userId ) ) ?? '[]'
			);
			return Array.isArray( saved )
				? OPTIONAL_COLUMNS.filter( ( column ) =>
						saved.includes( column )
					)
				: [];
		} catch {
			return [];
		}
	} );
	const remember = ( next: OptionalColumn[] ) => {
		setHidden( next );
		if ( userId !== 0 ) {
			try {
				window.localStorage.setItem(
					storageKey( userId ),
					JSON.stringify( next )
				);
			} catch {
				// Storage full or refused: the choice lasts for this page only.
			}
		}
	};
	return [ hidden, remember ];
}

interface Props {
	hidden: OptionalColumn[];
	onChange: ( hidden: OptionalColumn[] ) => void;
}

export function ColumnPicker( { hidden, onChange }: Props ) {
	return (
		<Dropdown
			renderToggle={ ( { isOpen, onToggle } ) => (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					aria-expanded={ isOpen }
					onClick={ onToggle }
				>
					{ __( 'Columns', 'appointease' ) }
				</Button>
			) }
			renderContent={ () => (
				<VStack spacing={ 2 } className="appointease-admin__columns">
					{ OPTIONAL_COLUMNS.map( ( column ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ column }
							label={ columnLabel( column ) }
							checked={ ! hidden.includes( column ) }
							onChange={ ( shown: boolean ) =>
								onChange(
									shown
										? hidden.filter(
												( item ) => item !== column
											)
										: [ ...hidden, column ]
								)
							}
						/>
					) ) }
				</VStack>
			) }
		/>
	);
}
