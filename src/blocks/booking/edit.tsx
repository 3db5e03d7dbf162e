/**
 * The block's editor view: the settings in the sidebar (preselected service
 * and employee from the site's REST lists, the employee step) and a preview
 * with the steps the visitor will go through. Colours, font size, spacing and
 * border come from block supports (block.json), so WordPress adds their
 * controls to the sidebar and their classes and styles to useBlockProps();
 * the preview shows them as the published page will. The link colour is the
 * accent (accent.ts).
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, SelectControl, ToggleControl } from '@wordpress/components';
import { Fragment, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DEFAULT_SETTINGS, toId } from '../../shared/config';
import { ALL_STEPS } from '../../shared/steps';
import type { Employee, Service } from '../../shared/types';
import { accentFromStyle } from './accent';
import type { BookingAttributes } from './attributes';
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
}: BlockEditProps< BookingAttributes > ) {
	const { service, employee, showEmployeeStep, style } = attributes;
	const accent = accentFromStyle( style );
	const { services, employees } = useCatalog();

	const serviceName = services?.find( ( item ) => item.id === service )?.name;
	const employeeName = employees?.find(
		( item ) => item.id === employee
	)?.name;
	const employeesForService =
		employees && service > 0
			? employees.filter( ( item ) => item.services.includes( service ) )
			: employees;

	// `appointease-booking` gives the preview the front end's wrapper styles;
	// the supports' classes and inline styles are merged in by useBlockProps.
	const blockProps = useBlockProps( {
		className: 'appointease-booking appointease-editor-preview',
		style: accent
			? ( { '--appointease-accent': accent } as CSSProperties )
			: undefined,
	} );

	return (
		<Fragment>
			<InspectorControls>
				<PanelBody title={ __( 'Booking', 'appointease' ) }>
					<div className="appointease-block-settings">
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
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
							__next40pxDefaultSize
							__nextHasNoMarginBottom
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
							__nextHasNoMarginBottom
							label={ __(
								'Show the employee step',
								'appointease'
							) }
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
					</div>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				{ /* The same card the visitor gets (.appointease-app), so the
				   block's colours, font size, spacing and border show here as
				   on the published page; the accent colours the step and the
				   sample buttons. */ }
				<div className="appointease-app appointease-editor-preview__app">
					<p className="appointease-app__title">
						{ __( 'Book an appointment', 'appointease' ) }
					</p>
					<StepIndicator steps={ ALL_STEPS } current="choose" />
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
					<div
						className="appointease-app__actions"
						aria-hidden="true"
					>
						<span className="appointease-button">
							{ __( 'Continue', 'appointease' ) }
						</span>
						<span className="appointease-button is-secondary">
							{ __( 'Back', 'appointease' ) }
						</span>
					</div>
					<p className="appointease-hint">
						{ __(
							'Visitors book an appointment here. The booking form shows on the published page.',
							'appointease'
						) }
					</p>
				</div>
			</div>
		</Fragment>
	);
}
