/**
 * One setting's control, chosen from its JSON schema (see lib/settings.ts).
 */

/**
 * WordPress dependencies
 */
import {
	SelectControl,
	TextareaControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';

/**
 * Internal dependencies
 */
import { fieldKind, fieldLabel, fromControl } from '../../lib/settings';
import { errorProps } from '../../lib/form';
import type { SettingSchema } from '../../../shared/api';

interface Props {
	name: string;
	schema: SettingSchema;
	value: unknown;
	errors: Record< string, string >;
	onChange: ( value: unknown ) => void;
}

export function SettingField( {
	name,
	schema,
	value,
	errors,
	onChange,
}: Props ) {
	const label = fieldLabel( name, schema );
	const shown = errorProps( errors, name, schema.description );
	const text = value === null || value === undefined ? '' : String( value );

	switch ( fieldKind( name, schema ) ) {
		case 'toggle':
			return (
				<ToggleControl
					__nextHasNoMarginBottom
					label={ label }
					checked={ value === true }
					onChange={ ( checked: boolean ) => onChange( checked ) }
					{ ...shown }
				/>
			);
		case 'select':
			return (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ label }
					value={ text }
					options={ ( schema.enum ?? [] ).map( ( option ) => ( {
						value: String( option ),
						label: String( option ),
					} ) ) }
					onChange={ ( selected: string ) =>
						onChange( fromControl( schema, selected ) )
					}
					{ ...shown }
				/>
			);
		case 'number':
			return (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ label }
					type="number"
					min={ schema.minimum }
					max={ schema.maximum }
					value={ text }
					onChange={ ( typed: string ) =>
						onChange( fromControl( schema, typed ) )
					}
					{ ...shown }
				/>
			);
		case 'textarea':
			return (
				<TextareaControl
					__nextHasNoMarginBottom
					label={ label }
					rows={ 8 }
					value={ text }
					onChange={ ( typed: string ) => onChange( typed ) }
					{ ...shown }
				/>
			);
		default:
			return (
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ label }
					value={ text }
					maxLength={ schema.maxLength }
					onChange={ ( typed: string ) => onChange( typed ) }
					{ ...shown }
				/>
			);
	}
}
