/**
 * The block's editor view: the settings in the sidebar (preselected service
 * and employee from the site's REST lists, the employee step, the accent
 * colour) and a preview card with the steps the visitor will go through.
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import {
	InspectorControls,
	PanelColorSettings,
	useBlockProps,
} from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	PanelBody,
	Placeholder,
	SelectControl,
	ToggleControl,
} from '@wordpress/components';
import { Fragment, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DEFAULT_SETTINGS, sanitizeColor, toId } from '../../shared/config';
import { getSteps } from '../../shared/steps';
import type {
	BookingBlockAttributes,
	Employee,
	Service,
} from '../../shared/types';
import { StepIndicator } from './components/StepIndicator';

const API = `/${ DEFAULT_SETTINGS.restNamespace }`;

/**
 * The services and employees that can be preselected (null while loading).
 */
function useCatalog(): {
	services: Service[] | null;
	employees: Employee[] | null;
} {
	const [ services, setServices ] = useState< Service[] | null >( null );
	const [ employees, setEmployees ] = useState< Employee[] | null >( null );
	useEffect( () => {
		let live = true;
		apiFetch< Service[] >( { path: `${ API }/services` } )
			.then( ( list ) => live && setServices( list ) )
			.catch( () => live && setServices( [] ) );
		apiFetch< Employee[] >( { path: `${ API }/employees` } )
			.then( ( list ) => live && setEmployees( list ) )
			.catch( () => live && setEmployees( [] ) );
		return () => {
			live = false;
		};
	}, [] );
	return { services, employees };
}

/**
 * What the preview says about the service.
 *
 * @param service The preselected service id (0: none).
 * @param name    Its name, when known.
 */
function describeService( service: number, name: string | undefined ): string {
	if ( service > 0 ) {
		return sprintf(
			/* translators: %s: service name or ID. */
			__( 'Service: %s (preselected)', 'appointease' ),
			name ?? `#${ service }`
		);
	}
	return __( 'Service: chosen by the visitor', 'appointease' );
}

/**
 * What the preview says about the employee.
 *
 * @param employee         The preselected employee id (0: none).
 * @param name             Their name, when known.
 * @param showEmployeeStep Whether visitors get the employee step.
 */
function describeEmployee(
	employee: number,
	name: string | undefined,
	showEmployeeStep: boolean
): string {
	if ( employee > 0 ) {
		return sprintf(
			/* translators: %s: employee name or ID. */
			__( 'Employee: %s (preselected)', 'appointease' ),
			name ?? `#${ employee }`
		);
	}
	return showEmployeeStep
		? __(
				'Employee: chosen by the visitor, or any available',
				'appointease'
			)
		: __( 'Employee: any available', 'appointease' );
}

/**
 * Select options from a list, keeping a saved id that is no longer listed.
 *
 * @param items    The list (null while loading).
 * @param current  The saved id.
 * @param anyLabel The label of 0.
 */
function options(
	items: Array< { id: number; name: string } > | null,
	current: number,
	anyLabel: string
): Array< { label: string; value: string } > {
	const list = [ { label: anyLabel, value: '0' } ];
	for ( const item of items ?? [] ) {
		list.push( { label: item.name, value: String( item.id ) } );
	}
	if ( current > 0 && ! items?.some( ( item ) => item.id === current ) ) {
		list.push( {
			label: items
				? sprintf(
						/* translators: %d: an ID. */
						__( '#%d (no longer offered)', 'appointease' ),
						current
					)
				: `#${ current }`,
			value: String( current ),
		} );
	}
	return list;
}

/**
 * The block's edit component.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 */
export function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< BookingBlockAttributes > ) {
	const { service, employee, showEmployeeStep, accentColor } = attributes;
	const accent = sanitizeColor( accentColor );
	const { services, employees } = useCatalog();

	const serviceName = services?.find( ( item ) => item.id === service )?.name;
	const employeeName = employees?.find(
		( item ) => item.id === employee
	)?.name;
	const employeesForService =
		employees && service > 0
			? employees.filter( ( item ) => item.services.includes( service ) )
			: employees;

	const blockProps = useBlockProps( {
		className: 'appointease-editor-preview',
		style: accent
			? ( { '--appointease-accent': accent } as CSSProperties )
			: undefined,
	} );

	const steps = getSteps( { service, employee, showEmployeeStep } );

	return (
		<Fragment>
			<InspectorControls>
				<PanelBody title={ __( 'Booking', 'appointease' ) }>
					<SelectControl
						label={ __( 'Service', 'appointease' ) }
						help={ __(
							'Preselect a service, or let the visitor choose.',
							'appointease'
						) }
						value={ String( service ) }
						options={ options(
							services,
							service,
							__( 'Visitor chooses', 'appointease' )
						) }
						onChange={ ( value: string ) =>
							setAttributes( { service: toId( value ) } )
						}
					/>
					<SelectControl
						label={ __( 'Employee', 'appointease' ) }
						help={ __(
							'Preselect an employee, or let the visitor choose (or take any available).',
							'appointease'
						) }
						value={ String( employee ) }
						options={ options(
							employeesForService,
							employee,
							__(
								'Visitor chooses or any available',
								'appointease'
							)
						) }
						onChange={ ( value: string ) =>
							setAttributes( { employee: toId( value ) } )
						}
					/>
					<ToggleControl
						label={ __( 'Show the employee step', 'appointease' ) }
						help={
							employee > 0
								? __(
										'Not shown while an employee is preselected.',
										'appointease'
									)
								: __(
										'Off: visitors get any available employee.',
										'appointease'
									)
						}
						checked={ showEmployeeStep }
						onChange={ ( checked: boolean ) =>
							setAttributes( { showEmployeeStep: checked } )
						}
					/>
				</PanelBody>
				<PanelColorSettings
					title={ __( 'Colour', 'appointease' ) }
					initialOpen={ false }
					colorSettings={ [
						{
							label: __( 'Accent colour', 'appointease' ),
							value: accent || undefined,
							onChange: ( color?: string ) =>
								setAttributes( {
									accentColor: sanitizeColor( color ),
								} ),
						},
					] }
				/>
			</InspectorControls>
			<div { ...blockProps }>
				<Placeholder
					className="appointease-editor-preview__card"
					icon="calendar-alt"
					label={ __( 'Appointment booking', 'appointease' ) }
					instructions={ __(
						'Visitors book an appointment here. The booking form shows on the published page.',
						'appointease'
					) }
				>
					<div className="appointease-app appointease-editor-preview__app">
						<StepIndicator
							steps={ steps }
							current={ steps[ 0 ] ?? 'date' }
						/>
						<ul className="appointease-editor-preview__summary">
							<li>{ describeService( service, serviceName ) }</li>
							<li>
								{ describeEmployee(
									employee,
									employeeName,
									showEmployeeStep
								) }
							</li>
							{ ! showEmployeeStep && employee === 0 && (
								<li>
									{ __(
										'The employee step is hidden.',
										'appointease'
									) }
								</li>
							) }
						</ul>
					</div>
				</Placeholder>
			</div>
		</Fragment>
	);
}
