/**
 * The bookings list's filters: employee (when there is more than one to
 * choose from), service, status, dates and a customer search.
 */

/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { namedOptions } from '../../lib/form';
import { statusLabel } from '../../lib/bookings';
import { type BookingFilters } from '../../../shared/api';
import { BOOKING_STATUSES } from '../../../shared/types';
import { type Named } from '../../types';

export const NO_FILTERS: BookingFilters = {
	employee: 0,
	service: 0,
	status: '',
	from: '',
	to: '',
	search: '',
};

interface Props {
	filters: BookingFilters;
	employees: Named[];
	services: Named[];
	onChange: ( filters: BookingFilters ) => void;
}

export function BookingFiltersBar( {
	filters,
	employees,
	services,
	onChange,
}: Props ) {
	const set = < K extends keyof BookingFilters >(
		key: K,
		value: BookingFilters[ K ]
	) => onChange( { ...filters, [ key ]: value } );

	return (
		<div
			className="appointease-admin__toolbar"
			role="search"
			aria-label={ __( 'Filter bookings', 'appointease' ) }
		>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Customer', 'appointease' ) }
				type="search"
				placeholder={ __( 'Name, email or phone', 'appointease' ) }
				value={ filters.search }
				onChange={ ( value: string ) => set( 'search', value ) }
			/>
			{ employees.length > 1 && (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Employee', 'appointease' ) }
					value={ String( filters.employee ) }
					options={ [
						{
							value: '0',
							label: __( 'All employees', 'appointease' ),
						},
						...namedOptions( employees ),
					] }
					onChange={ ( value: string ) =>
						set( 'employee', Number( value ) )
					}
				/>
			) }
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Service', 'appointease' ) }
				value={ String( filters.service ) }
				options={ [
					{ value: '0', label: __( 'All services', 'appointease' ) },
					...namedOptions( services ),
				] }
				onChange={ ( value: string ) =>
					set( 'service', Number( value ) )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Status', 'appointease' ) }
				value={ filters.status }
				options={ [
					{ value: '', label: __( 'Any status', 'appointease' ) },
					...BOOKING_STATUSES.map( ( status ) => ( {
						value: status,
						label: statusLabel( status ),
					} ) ),
				] }
				onChange={ ( value: string ) =>
					set(
						'status',
						BOOKING_STATUSES.find(
							( status ) => status === value
						) ?? ''
					)
				}
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'From', 'appointease' ) }
				type="date"
				value={ filters.from }
				onChange={ ( value: string ) => set( 'from', value ) }
			/>
			<TextControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'To', 'appointease' ) }
				type="date"
				value={ filters.to }
				onChange={ ( value: string ) => set( 'to', value ) }
			/>
			<Button
				__next40pxDefaultSize
				variant="tertiary"
				onClick={ () => onChange( NO_FILTERS ) }
				disabled={
					JSON.stringify( filters ) === JSON.stringify( NO_FILTERS )
				}
			>
				{ __( 'Clear filters', 'appointease' ) }
			</Button>
		</div>
	);
}
