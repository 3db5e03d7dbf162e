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
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fieldKind, fieldLabel, fromControl } from '../../lib/settings';
import { errorProps } from '../../lib/form';
import type { SettingSchema } from '../../../shared/api';

/** A published page, for the booking page's picker. */
export interface PageChoice {
	id: number;
	title: string;
}

interface Props {
	/** Published pages; given, the booking page is picked from them. */
	pages?: PageChoice[];
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
	pages,
}: Props ) {
	const label = fieldLabel( name, schema );
	const shown = errorProps( errors, name, schema.description );
	const text = value === null || value === undefined ? '' : String( value );

	if ( name === 'booking_page' && pages ) {
		const options = [
			{
				value: '0',
				label: __(
					'Find it for me (the first page with the booking form)',
					'appointease'
				),
			},
			...pages.map( ( page ) => ( {
				value: String( page.id ),
				label: page.title || `#${ page.id }`,
			} ) ),
		];
		// A page that is gone or unpublished still shows, so the value is not lost silently.
		if ( ! options.some( ( option ) => option.value === text ) ) {
			options.push( {
				value: text,
				label: sprintf(
					/* translators: %s: a page id. */
					__( 'Page #%s (not published)', 'appointease' ),
					text
				),
			} );
		}
		return (
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ label }
				value={ text }
				options={ options }
				onChange={ ( selected: string ) =>
					onChange( Number( selected ) )
				}
				{ ...shown }
			/>
		);
	}

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
